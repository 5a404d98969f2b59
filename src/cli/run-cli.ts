/**
 * Entry-point wrapper: a user error ends with its message and an exit code,
 * never a stack trace; a failure of the machine (permissions, a full disk)
 * says what failed and where; only what is left is an internal failure,
 * which says so and asks for a report.
 */
import { realpathSync } from 'node:fs';
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

/** Where an entry point writes: the process's streams, or a test's collector. */
export interface CliOutput {
  write(text: string): unknown;
}
export interface CliIo {
  stdout: CliOutput;
  stderr: CliOutput;
}
export const PROCESS_IO: CliIo = { stdout: process.stdout, stderr: process.stderr };

export interface CliHooks {
  /** Print the diagnostics of an aborted run another way (a CI reporter); false: print them as text. */
  diagnostics?: (diagnostics: Diagnostic[]) => boolean;
  /** Where the usage and the errors go (default: the process's stderr). */
  stderr?: CliOutput;
}

/** Runs an entry point's main function; its exit code (2 for a usage text), every failure said in words on stderr, never a stack trace. */
export async function cliExitCode(main: () => Promise<CliResult>, hooks: CliHooks = {}): Promise<number> {
  const stderr = hooks.stderr ?? process.stderr;
  try {
    const result = await main();
    if ('usage' in result) {
      stderr.write(`${result.usage}\n`);
      return 2;
    }
    return result.exitCode;
  } catch (e) {
    if (e instanceof DiagnosticsError) {
      if (!hooks.diagnostics?.(e.diagnostics)) stderr.write(`${format(e.diagnostics)}\n`);
    } else if (environmentFailure(e)) {
      stderr.write(`${environmentFailure(e)}\n`);
    } else {
      stderr.write(`internal error: ${clip((e as Error).message)}\n(this is a bug in the generator, not in your content; run with NODE_DEBUG=docs for details)\n`);
      if (process.env.NODE_DEBUG?.includes('docs')) stderr.write(`${(e as Error).stack}\n`);
    }
    return 1;
  }
}

/**
 * Whether the module of `meta` is the script Node was started with (`node src/cli/build.ts`), not an import
 * (a test). `import.meta.main` where Node sets it; under a loader that does not (tsx, as bin/versioned-docs.js
 * starts the commands), the started script's real path compared with the module's.
 */
export function isEntryPoint(meta: ImportMeta): boolean {
  if (typeof meta.main === 'boolean') return meta.main;
  const started = process.argv[1];
  if (!started) return false;
  try {
    return realpathSync(started) === realpathSync(meta.filename);
  } catch {
    return false;
  }
}
