/**
 * src/cli/run-reported.ts directly: `--reporter` parsed with the entry point's own options, a bad flag
 * or reporter ends with the usage, and a run aborted by diagnostics is reported through the reporter.
 * Each case is a small child process (the wrapper reads process.argv and sets the exit code).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { REPORTER_USAGE } from '../src/cli/run-reported.ts';
import { NODE, REPO } from './support/project.ts';

function run(args: string[], body = 'console.log(JSON.stringify({ values, reporter })); return { exitCode: 0 };', env: Record<string, string> = {}) {
  const script = `
    import { reportedExitCode } from ${JSON.stringify(path.join(REPO, 'src/cli/run-reported.ts'))};
    import { DiagnosticsError, error } from ${JSON.stringify(path.join(REPO, 'src/util/diagnostics.ts'))};
    void DiagnosticsError; void error;
    process.exitCode = await reportedExitCode('check', 'usage: check [--out dir]', { out: { type: 'string' } }, async (values, reporter) => { ${body} });`;
  const r = spawnSync(NODE, ['--input-type=module', '-e', script, '--', ...args], { encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('the usage line names every reporter', () => {
  assert.equal(REPORTER_USAGE, '[--reporter text|github|json]');
});

test("the entry point's options and the reporter reach its main function; text by default, github under GitHub Actions", () => {
  assert.deepEqual(JSON.parse(run(['--out', 'dist', '--reporter', 'json']).stdout), { values: { out: 'dist', reporter: 'json' }, reporter: 'json' });
  assert.equal(JSON.parse(run([]).stdout).reporter, 'text');
  assert.equal(JSON.parse(run([], undefined, { GITHUB_ACTIONS: 'true' }).stdout).reporter, 'github');
});

test('an unknown flag or reporter ends with the message, the usage and code 2', () => {
  const flag = run(['--nope']);
  assert.equal(flag.code, 2);
  assert.match(flag.stderr, /--nope/);
  assert.match(flag.stderr, /usage: check \[--out dir\]\n$/);
  const reporter = run(['--reporter', 'xml']);
  assert.equal(reporter.code, 2);
  assert.equal(reporter.stderr, 'Unknown reporter `xml`: use one of text, github, json.\nusage: check [--out dir]\n');
});

test('a run aborted by diagnostics: text on stderr, or the chosen machine reporter on stdout', () => {
  const abort = "throw new DiagnosticsError([error('docs.config.ts', 2, 3, 'unknown key `bse`', { hint: 'did you mean `base`?' })]);";
  const text = run([], abort);
  assert.equal(text.code, 1);
  assert.match(text.stderr, /unknown key `bse`/);
  assert.equal(text.stdout, '');
  const json = run(['--reporter', 'json'], abort);
  assert.equal(json.code, 1);
  const report = JSON.parse(json.stdout) as { command: string; diagnostics: { message: string; line: number }[] };
  assert.equal(report.command, 'check');
  assert.equal(report.diagnostics[0]!.message, 'unknown key `bse`');
  assert.equal(report.diagnostics[0]!.line, 2);
  const github = run(['--reporter', 'github'], abort);
  assert.match(github.stdout, /^::error file=docs\.config\.ts,line=2,col=3/m);
});
