/**
 * Entry-point wrapper: a user error ends with its message and an exit code,
 * never a stack trace; an internal failure says so and asks for a report.
 */
import { DiagnosticsError, format } from '../util/diagnostics.ts';

export type CliResult = { exitCode: number } | { usage: string };

export async function runCli(main: () => Promise<CliResult>): Promise<void> {
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
      process.stderr.write(`${format(e.diagnostics)}\n`);
    } else {
      process.stderr.write(`internal error: ${(e as Error).message}\n(this is a bug in the generator, not in your content; run with NODE_DEBUG=docs for details)\n`);
      if (process.env.NODE_DEBUG?.includes('docs')) process.stderr.write(`${(e as Error).stack}\n`);
    }
    process.exitCode = 1;
  }
}
