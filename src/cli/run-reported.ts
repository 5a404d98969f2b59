/**
 * The entry points with CI reporters (`build`, `check`): their options plus `--reporter`, parsed
 * once; the reporter chosen (src/report/emit.ts); a run aborted by diagnostics (a config that does
 * not load) reported through it too.
 */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { chooseReporter, emitAborted, REPORTERS, type Reporter } from '../report/emit.ts';
import type { Report } from '../report/report.ts';
import { runCli, type CliResult } from './run-cli.ts';

type Values<O extends ParseArgsOptionsConfig> = ReturnType<typeof parseArgs<{ options: O }>>['values'];

/** `--reporter` as the usage line shows it. */
export const REPORTER_USAGE = `[--reporter ${REPORTERS.join('|')}]`;

export async function runReportedCli<O extends ParseArgsOptionsConfig>(
  command: Report['command'],
  usage: string,
  options: O,
  main: (values: Values<O>, reporter: Reporter, started: number) => Promise<CliResult>,
): Promise<void> {
  const started = performance.now();
  let chosen: Reporter = 'text';
  await runCli(
    async () => {
      let values: Values<O>;
      let flag: string | undefined;
      try {
        const parsed = parseArgs({ options: { ...options, reporter: { type: 'string' } } }).values as Record<string, unknown>;
        flag = parsed.reporter as string | undefined;
        values = parsed as Values<O>;
      } catch (e) {
        return { usage: `${(e as Error).message}\n${usage}` };
      }
      const reporter = chooseReporter(flag);
      if (!reporter) return { usage: `Unknown reporter \`${flag}\`: use one of ${REPORTERS.join(', ')}.\n${usage}` };
      chosen = reporter;
      return main(values, reporter, started);
    },
    { diagnostics: (list) => emitAborted(chosen, command, list, performance.now() - started) },
  );
}
