/**
 * Entry-point wrapper: a user error ends with its message and an exit code,
 * never a stack trace; a failure of the machine (permissions, a full disk)
 * says what failed and where; only what is left is an internal failure,
 * which says so and asks for a report.
 */
import { clip, DiagnosticsError, format, type Diagnostic } from '../util/diagnostics.ts';

/** What the system's error codes mean to a user, and what to do. */
const ENVIRONMENT: Record<string, [string, string]> = {
  EACCES: ['permission denied', 'Check the permissions of that path, or choose another --out.'],
  EPERM: ['operation not permitted', 'Check the permissions of that path, or choose another --out.'],
  EROFS: ['the file system is read-only', 'Choose an output folder on a writable file system (--out).'],
  ENOSPC: ['no space left on the device', 'Free some space on that file system, or choose another --out.'],
  EDQUOT: ['the disk quota is exceeded', 'Free some space, or choose another --out.'],
  EMFILE: ['too many open files', 'Raise the limit of open files (ulimit -n) and run again.'],
  ENFILE: ['too many open files in the system', 'Close other programs, or raise the system limit, and run again.'],
  EIO: ['an input/output error of the device', 'Check the disk; then run again.'],
  ENAMETOOLONG: ['the file name is too long for the file system', 'Choose a shorter output path.'],
};

/** A failure of the machine the build runs on (not a bug, not the content): `cannot write <path>: …`. */
export function environmentFailure(e: unknown): string | undefined {
  for (let err = e as (NodeJS.ErrnoException & { cause?: unknown; dest?: string }) | undefined, depth = 0; err && depth < 5; err = err.cause as typeof err, depth++) {
    const meaning = typeof err.code === 'string' ? ENVIRONMENT[err.code] : undefined;
    if (!meaning) continue;
    const what = err.syscall ? `${err.syscall}${err.path ? ` ${err.path}` : ''}${err.dest ? ` → ${err.dest}` : ''}` : err.path ? `use ${err.path}` : 'complete a file operation';
    return `error: ${clip(`cannot ${what}: ${meaning[0]} (${err.code})`)}
  hint: ${meaning[1]}`;
  }
  return undefined;
}

export type CliResult = { exitCode: number } | { usage: string };

export interface CliHooks {
  /** Print the diagnostics of an aborted run another way (a CI reporter); false: print them as text. */
  diagnostics?: (diagnostics: Diagnostic[]) => boolean;
}

export async function runCli(main: () => Promise<CliResult>, hooks: CliHooks = {}): Promise<void> {
  try {
    const result = await main();
    if ('usage' in result) {
      process.stderr.write(`${result.usage}\n`);
      process.exitCode = 2;
    } else {
      process.exitCode = result.exitCode;
    }
  } catch (e) {
    if (e instanceof DiagnosticsError) {
      if (!hooks.diagnostics?.(e.diagnostics)) process.stderr.write(`${format(e.diagnostics)}\n`);
    } else if (environmentFailure(e)) {
      process.stderr.write(`${environmentFailure(e)}\n`);
    } else {
      process.stderr.write(`internal error: ${clip((e as Error).message)}\n(this is a bug in the generator, not in your content; run with NODE_DEBUG=docs for details)\n`);
      if (process.env.NODE_DEBUG?.includes('docs')) process.stderr.write(`${(e as Error).stack}\n`);
    }
    process.exitCode = 1;
  }
}
