/**
 * The entry points with CI reporters (`build`, `check`): their options plus `--reporter`, parsed
 * once; the reporter chosen (src/report/emit.ts); a run aborted by diagnostics (a config that does
 * not load) reported through it too.
 */
import type { ParseArgsOptionsConfig } from 'node:util';
import { chooseReporter, emitAborted, REPORTERS, type Reporter } from '../report/emit.ts';
import type { Report } from '../report/report.ts';
import { parseCommandLine, type ParsedArgs } from './args.ts';
import { cliExitCode, PROCESS_IO, type CliIo, type CliResult } from './run-cli.ts';

type Values<O extends ParseArgsOptionsConfig> = ParsedArgs<O>['values'];

/** `--reporter` as the usage line shows it. */
export const REPORTER_USAGE = `[--reporter ${REPORTERS.join('|')}]`;

/** The entry point's exit code: `args` (default: the process's) parsed with its options and `--reporter`, then its main function run. */
export async function reportedExitCode<O extends ParseArgsOptionsConfig>(
  command: Report['command'],
  usage: string,
  options: O,
  main: (values: Values<O>, reporter: Reporter, started: number) => Promise<CliResult>,
  args: readonly string[] | undefined = undefined,
  io: CliIo = PROCESS_IO,
): Promise<number> {
  const started = performance.now();
  let chosen: Reporter = 'text';
  return cliExitCode(
    async () => {
      const parsed = parseCommandLine(args, { ...options, reporter: { type: 'string' } }, usage);
      if ('usage' in parsed) return parsed;
      const flag = (parsed.values as Record<string, unknown>).reporter as string | undefined;
      const reporter = chooseReporter(flag);
      if (!reporter) return { usage: `Unknown reporter \`${flag}\`: use one of ${REPORTERS.join(', ')}.\n${usage}` };
      chosen = reporter;
      return main(parsed.values as Values<O>, reporter, started);
    },
    { diagnostics: (list) => emitAborted(chosen, command, list, performance.now() - started, io.stdout), stderr: io.stderr },
  );
}
