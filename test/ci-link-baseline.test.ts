/**
 * The link baseline on real builds: --update-link-baseline writes today's link problems and the
 * build succeeds; with the file, the build fails only on problems it does not list, reports the
 * entries that are fixed or stale, and an edit above a link does not change the file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { applyBaseline, formatBaseline, parseBaseline } from '../src/linkcheck/baseline.ts';
import type { LinkProblem } from '../src/linkcheck/links.ts';
import { error } from '../src/util/diagnostics.ts';
import { reportSchema } from '../src/report/report.ts';
import { toCodeQuality } from '../src/report/code-quality.ts';
import { buildProject, readText, runScript, tempProject, writeText } from './support/project.ts';

const PAGE = 'content/reference/support.md';
const dir = tempProject();
const original = readText(dir, PAGE);
const baselineFile = path.join(dir, 'link-baseline.tsv');
const HEADER_LINES = 3;

function problem(file: string, kind: string, target: string): LinkProblem {
  return { diagnostic: error(file, 1, 1, `${kind} ${target}`), file, kind, target };
}

test('baseline text: sorted, one problem a line, duplicates kept; matching is a multiset; fixed and stale told apart', () => {
  const text = formatBaseline([problem('content/b.md', 'page', '/x/'), problem('content/a.md', 'anchor', '/{version}/y/#z'), problem('content/b.md', 'page', '/x/')]);
  assert.deepEqual(text.split('\n').slice(HEADER_LINES), ['content/a.md\tanchor\t/{version}/y/#z', 'content/b.md\tpage\t/x/', 'content/b.md\tpage\t/x/', '']);
  const { baseline, diagnostics } = parseBaseline(`${text}content/gone.md\tpage\t/old/\nnot an entry\n`, 'baseline.tsv');
  assert.deepEqual(diagnostics.map((d) => [d.line, d.message]), [[8, 'Not a link baseline entry']]);
  const elsewhere = tempProject({ copy: [], files: { 'content/a.md': 'x', 'content/b.md': 'x' } });
  const outcome = applyBaseline([problem('content/b.md', 'page', '/x/'), problem('content/b.md', 'page', '/x/'), problem('content/b.md', 'page', '/x/')], baseline, elsewhere);
  assert.equal(outcome.accepted, 2);
  assert.deepEqual(outcome.remaining.map((d) => d.message), ['page /x/']);
  assert.deepEqual(outcome.unused.map((d) => [d.line, d.message]), [
    [4, 'Fixed: the link baseline lists a problem the build no longer finds'],
    [7, 'Stale link baseline entry: content/gone.md no longer exists'],
  ]);
});

test('without the file the build says how to create it', async () => {
  const run = await buildProject(dir, ['--link-baseline', baselineFile]);
  assert.equal(run.code, 1);
  assert.match(run.stderr, /link-baseline\.tsv: error: No link baseline file here\n {6}hint: Create it with --update-link-baseline/);
  assert.equal(existsSync(baselineFile), false);
});

let before: string;

test('--update-link-baseline writes today\'s link problems (links and images) and the build succeeds', async () => {
  writeText(dir, PAGE, `${original}\nSee [the missing page](/reference/nowhere/) and [an anchor](#no-such-heading).\n\n![diagram](/img/missing.png)\n`);
  const run = await buildProject(dir, ['--link-baseline', baselineFile, '--update-link-baseline', '--reporter', 'json']);
  assert.equal(run.code, 0, run.stderr);
  const report = reportSchema.parse(JSON.parse(run.stdout));
  assert.deepEqual(report.baseline, { file: 'link-baseline.tsv', accepted: 3, unused: 0, updated: true });
  before = readFileSync(baselineFile, 'utf8');
  assert.deepEqual(before.split('\n').slice(HEADER_LINES), [
    `${PAGE}\tanchor\t/gloo-edge/{version}/reference/support/#no-such-heading`,
    `${PAGE}\timage\t/img/missing.png`,
    `${PAGE}\tpage\t/reference/nowhere/`,
    '',
  ]);
  assert.ok(existsSync(path.join(dir, 'dist/gloo-edge/latest/reference/support/index.html')));
});

test('with the baseline: an edit above the links changes nothing; a new problem fails; a fixed entry is reported', async () => {
  writeText(dir, PAGE, `${original}\nA new paragraph above.\n\nSee [the missing page](/reference/nowhere/) and [an anchor](#supported-versions).\n\n![diagram](/img/missing.png) and [new](/reference/new-missing/)\n`);
  const run = await buildProject(dir, ['--link-baseline', baselineFile, '--reporter', 'json']);
  assert.equal(run.code, 1, run.stderr);
  const report = reportSchema.parse(JSON.parse(run.stdout));
  const links = report.diagnostics.filter((d) => d.kind === 'link');
  assert.deepEqual(
    links.map((d) => [d.severity, d.file, d.line, d.message.slice(0, 41)]),
    [['error', PAGE, readText(dir, PAGE).split('\n').length - 1, 'Broken link `/reference/new-missing/` on ']],
  );
  const fixed = report.diagnostics.filter((d) => d.kind === 'baseline');
  assert.deepEqual(fixed.map((d) => [d.severity, d.file, d.line, d.message]), [
    ['warning', 'link-baseline.tsv', HEADER_LINES + 1, 'Fixed: the link baseline lists a problem the build no longer finds'],
  ]);
  assert.deepEqual(report.baseline, { file: 'link-baseline.tsv', accepted: 2, unused: 1, updated: false });
  // The edited page alone was compiled again.
  assert.deepEqual([report.compile?.compiled, report.compile?.cached], [1, 9]);
  assert.equal(readFileSync(baselineFile, 'utf8'), before, 'a build with the baseline never rewrites it');

  // GitLab's code quality report of the same run: the new broken link at its line.
  const quality = toCodeQuality(report);
  const link = quality.find((q) => q.check_name === 'versioned-docs/link')!;
  assert.deepEqual(link.location, { path: PAGE, lines: { begin: links[0]!.line } });
  assert.equal(link.severity, 'major');
  assert.match(link.fingerprint, /^[0-9a-f]{32}$/);
  // The same through the command line, from a file.
  const reportFile = path.join(dir, 'report.json');
  writeFileSync(reportFile, run.stdout);
  const converted = await runScript('src/cli/code-quality.ts', [reportFile]);
  assert.equal(converted.code, 0, converted.stderr);
  assert.deepEqual(JSON.parse(converted.stdout), quality);
  writeFileSync(reportFile, '{"format":"other"}');
  const refused = await runScript('src/cli/code-quality.ts', [reportFile]);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /report\.json: error: not a versioned-docs report: format: /);
});

test('updating again drops the fixed entry and adds the new one; the file is stable across builds', async () => {
  const run = await buildProject(dir, ['--link-baseline', baselineFile, '--update-link-baseline']);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /Link baseline: wrote 3 problem\(s\) to link-baseline\.tsv\./);
  const after = readFileSync(baselineFile, 'utf8');
  assert.deepEqual(after.split('\n').slice(HEADER_LINES), [
    `${PAGE}\timage\t/img/missing.png`,
    `${PAGE}\tpage\t/reference/new-missing/`,
    `${PAGE}\tpage\t/reference/nowhere/`,
    '',
  ]);
  writeFileSync(baselineFile, after);
  const again = await buildProject(dir, ['--link-baseline', baselineFile]);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, /Link baseline link-baseline\.tsv: 3 known problem\(s\) accepted; 0 entries fixed or stale\./);
  assert.equal(readFileSync(baselineFile, 'utf8'), after);
});
