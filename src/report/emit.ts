/**
 * Which reporter a run uses, and the output of the machine ones. `text` is
 * the terminal output the entry points print themselves; `github` prints one
 * workflow command per diagnostic on stdout and appends a step summary to
 * `$GITHUB_STEP_SUMMARY`; `json` prints the report, alone, on stdout.
 */
import { appendFileSync } from 'node:fs';
import { stepSummary, workflowCommand } from './github.ts';
import type { Report } from './report.ts';

export const REPORTERS = ['text', 'github', 'json'] as const;
export type Reporter = (typeof REPORTERS)[number];

/** `--reporter` when given, else `github` under GitHub Actions, else `text`. Undefined: not a reporter's name. */
export function chooseReporter(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Reporter | undefined {
  if (flag !== undefined) return (REPORTERS as readonly string[]).includes(flag) ? (flag as Reporter) : undefined;
  return env.GITHUB_ACTIONS === 'true' ? 'github' : 'text';
}

/** Print a machine reporter's output (nothing for `text`). */
export function emitReport(reporter: Reporter, report: Report, env: NodeJS.ProcessEnv = process.env): void {
  if (reporter === 'json') {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else if (reporter === 'github') {
    for (const d of report.diagnostics) process.stdout.write(`${workflowCommand(d)}\n`);
    if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, `${stepSummary(report)}\n`);
  }
}
