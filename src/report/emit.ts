/**
 * Which reporter a run uses, and the output of the machine ones. `text` is
 * the terminal output the entry points print themselves; `github` prints one
 * workflow command per diagnostic on stdout and appends a step summary to
 * `$GITHUB_STEP_SUMMARY`; `json` prints the report, alone, on stdout.
 */
import { appendFileSync } from 'node:fs';
import { withKind, type Diagnostic } from '../util/diagnostics.ts';
import { stepSummary, workflowCommands } from './github.ts';
import { makeReport, repositoryRoot, type Report } from './report.ts';

export const REPORTERS = ['text', 'github', 'json'] as const;
export type Reporter = (typeof REPORTERS)[number];

/** `--reporter` when given, else `github` under GitHub Actions, else `text`. Undefined: not a reporter's name. */
export function chooseReporter(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Reporter | undefined {
  if (flag !== undefined) return (REPORTERS as readonly string[]).includes(flag) ? (flag as Reporter) : undefined;
  return env.GITHUB_ACTIONS === 'true' ? 'github' : 'text';
}

/** Print a machine reporter's output (nothing for `text`). */
export function emitReport(reporter: Reporter, report: Report, env: NodeJS.ProcessEnv = process.env, out: { write(text: string): unknown } = process.stdout): void {
  if (reporter === 'json') {
    out.write(`${JSON.stringify(report, null, 2)}\n`);
  } else if (reporter === 'github') {
    for (const line of workflowCommands(report)) out.write(`${line}\n`);
    if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, `${stepSummary(report)}\n`);
  }
}

/** A run stopped by diagnostics before it had a project (a config that does not load: kind `config`): reported alone. False for `text`. */
export function emitAborted(
  reporter: Reporter,
  command: Report['command'],
  diagnostics: Diagnostic[],
  durationMs: number,
  out: { write(text: string): unknown } = process.stdout,
): boolean {
  if (reporter === 'text') return false;
  const projectDir = process.cwd();
  emitReport(reporter, makeReport({ command, diagnostics: withKind(diagnostics, 'config'), projectDir, repoRoot: repositoryRoot(projectDir), durationMs }), process.env, out);
  return true;
}
