/**
 * The CI reporters on real builds of the sample with injected problems: under GITHUB_ACTIONS=true
 * every diagnostic is a workflow command at its file, line and column, and the step summary is
 * appended to $GITHUB_STEP_SUMMARY; the json reporter's document satisfies its schema.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { makeReport, reportDiagnosticSchema, reportSchema } from '../src/report/report.ts';
import { escapeData, escapeProperty, stepSummary, workflowCommand, workflowCommands } from '../src/report/github.ts';
import { error, warning } from '../src/util/diagnostics.ts';
import { chooseReporter } from '../src/report/emit.ts';
import { buildProject, readText, REPO, runScript, tempProject, writeText } from './support/project.ts';

const PAGE = 'content/reference/support.md';
const dir = tempProject({ files: { 'static/content/version_gee_latest.md': '1.2.3\n' } });
const original = readText(dir, PAGE);
const summaryFile = path.join(dir, 'step-summary.md');
const github = { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summaryFile, GITHUB_WORKSPACE: dir };

/** Line (1-based) of the first line of `text` containing `needle`, and the column (1-based) of `needle`. */
function at(text: string, needle: string): { line: number; col: number } {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  assert.notEqual(line, -1, `${needle} not in the page`);
  return { line: line + 1, col: lines[line]!.indexOf(needle) + 1 };
}

const STALE_PIN = '::warning file=static/content/version_gee_latest.md,line=1,col=1,title=versioned-docs%3A Changelog and versions::stale pin: `version_gee_latest.md` says 1.2.3 but the changelog gives ';

/** The sample's one page warning: its 1.14 guide tells readers to select v1.13.x (src/markdown/version-mentions.ts). */
const VERSION_MENTION = '::warning file=content/operations/upgrading/upgrade_steps.md,line=28,col=266,title=versioned-docs%3A Page::The page tells readers to select v1.13.x in the version menu, which does not offer it (it offers v1.18.x, v1.17.x, v1.16.x, v1.15.x, v1.14.x)';

test('escaping follows @actions/core: %, CR, LF in data; also : and , in properties', () => {
  assert.equal(escapeData('100% done\r\nnext: a, b'), '100%25 done%0D%0Anext: a, b');
  assert.equal(escapeProperty('a:b,c%\n'), 'a%3Ab%2Cc%25%0A');
  const line = workflowCommand({ severity: 'error', kind: 'link', file: 'docs/a,b.md', inRepository: true, line: 3, column: 0, message: 'x', ref: 'v1.17.x' });
  assert.equal(line, '::error file=docs/a%2Cb.md,line=3,title=versioned-docs%3A Link check (ref v1.17.x)::x');
  // A file read from a git ref is annotated at its path even where the working tree lacks it.
  const fromRef = makeReport({ command: 'build', diagnostics: [error('content/only-in-v1.14.md', 4, 2, 'z', { kind: 'render', ref: 'v1.14.x' })], projectDir: dir, repoRoot: dir, durationMs: 0 });
  assert.equal(workflowCommand(fromRef.diagnostics[0]!), '::error file=content/only-in-v1.14.md,line=4,col=2,title=versioned-docs%3A Page (ref v1.14.x)::z');
  const chrome = workflowCommand({ severity: 'warning', kind: 'link', file: 'site chrome', inRepository: false, line: 0, column: 0, message: 'y' });
  assert.equal(chrome, '::warning title=versioned-docs%3A Link check::site chrome: y');
});

test('past GitHub\'s ten annotations a step, a notice says where the rest are; the summary lists the problems, errors first', () => {
  const diagnostics = [warning(PAGE, 30, 1, 'a | pipe', { kind: 'render' }), ...Array.from({ length: 11 }, (_, i) => error(PAGE, i + 1, 2, `problem ${i}`, { kind: 'render' }))];
  const report = makeReport({ command: 'build', diagnostics, projectDir: dir, repoRoot: dir, durationMs: 1 });
  const lines = workflowCommands(report);
  assert.equal(lines.length, 13);
  assert.equal(lines[12], '::notice title=versioned-docs::11 error(s) and 1 warning(s): GitHub shows 10 of each as annotations; the step summary lists the first 50, the log all of them.');
  assert.equal(workflowCommands(makeReport({ command: 'build', diagnostics: diagnostics.slice(0, 10), projectDir: dir, repoRoot: dir, durationMs: 1 })).length, 10);
  const summary = stepSummary(report).split('\n');
  const at = summary.indexOf('### Problems');
  assert.deepEqual(summary.slice(at, at + 5), ['### Problems', '', '|  | Where | Problem |', '|---|---|---|', `| error | \`${PAGE}:1:2\` | problem 0 |`]);
  assert.equal(summary[at + 3 + 12], `| warning | \`${PAGE}:30:1\` | a \\| pipe |`);
});

test('the github reporter is chosen under GitHub Actions; --reporter wins; an unknown name is refused', async () => {
  assert.equal(chooseReporter(undefined, { GITHUB_ACTIONS: 'true' }), 'github');
  assert.equal(chooseReporter(undefined, {}), 'text');
  assert.equal(chooseReporter('json', { GITHUB_ACTIONS: 'true' }), 'json');
  const run = await buildProject(dir, ['--reporter', 'xml']);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /Unknown reporter `xml`: use one of text, github, json\./);
});

test('a config that does not load is an annotation too (its file, no line), and a json document', async () => {
  writeText(dir, 'broken.config.ts', 'export default {;\n');
  const missing = await runScript('src/cli/build.ts', ['--config', path.join(dir, 'broken.config.ts'), '--reporter', 'json']);
  assert.equal(missing.code, 1);
  const report = reportSchema.parse(JSON.parse(missing.stdout));
  assert.deepEqual(report.counts.byKind, { config: { errors: 1, warnings: 0 } });
  const annotated = await runScript('src/cli/check.ts', ['--config', path.join(dir, 'broken.config.ts')], 60_000, { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: dir });
  assert.match(annotated.stdout, /^::error file=broken\.config\.ts,title=versioned-docs%3A Config::Config file cannot be loaded: /m);
  rmSync(path.join(dir, 'broken.config.ts'));
});

test('pipeline problems (unknown shortcode, changelog error, stale pin) are annotations at their lines', async () => {
  writeText(dir, PAGE, `${original}\nIntro line.\n\nText before {{< nosuchcode >}} after.\n`);
  writeText(dir, 'changelog/open_source/v1.18.0-beta3/bad.yaml', 'changelog:\n  - type: NEW_FEATURE\n    description: A feature.\n    issueLink: not a url\n');
  const run = await buildProject(dir, [], github);
  assert.equal(run.code, 1, run.stderr);
  const lines = run.stdout.split('\n').filter((l) => l.startsWith('::'));
  const shortcode = at(readText(dir, PAGE), '{{< nosuchcode');
  assert.deepEqual(
    lines.map((l) => l.replace(/%0A.*$/, '')),
    [
      '::error file=changelog/open_source/v1.18.0-beta3/bad.yaml,line=2,col=5,title=versioned-docs%3A Changelog and versions::NEW_FEATURE entry is missing `issueLink`',
      '::error file=changelog/open_source/v1.18.0-beta3/bad.yaml,line=4,col=16,title=versioned-docs%3A Changelog and versions::`issueLink` must be an http(s) URL, not `not a url`',
      // The sample's 1.14 guide tells readers to select v1.13.x, which the site does not carry (src/markdown/version-mentions.ts).
      VERSION_MENTION,
      `::error file=${PAGE},line=${shortcode.line},col=${shortcode.col},title=versioned-docs%3A Page::Unknown shortcode \`nosuchcode\``,
      ...['1.14.2', '1.15.2', '1.16.3', '1.17.4', '1.18.0-beta2'].map((v) => `${STALE_PIN}${v}; the pin is used`),
    ],
  );
  // The whole diagnostic is in the annotation: excerpt and hint on their own lines.
  assert.ok(lines[3]!.includes('%0A    {{< nosuchcode >}}%0Ahint: Known shortcodes: alert, children'), lines[3]);
  const summary = readFileSync(summaryFile, 'utf8');
  assert.ok(
    summary.includes(
      ['### Problems by kind', '', '| Kind | Errors | Warnings |', '|---|---|---|', '| changelog | 2 | 5 |', '| render | 1 | 1 |'].join('\n'),
    ),
    summary,
  );
  assert.match(summary, /^## versioned-docs build: failed$/m);
  assert.match(summary, /^\| Pages rendered \(nothing written\) \| 58 \|$/m);
});

test('a broken link and a broken image are annotations at their source lines; the summary has the build figures', async () => {
  rmSync(path.join(dir, 'changelog/open_source/v1.18.0-beta3/bad.yaml'));
  rmSync(summaryFile, { force: true });
  writeText(dir, PAGE, `${original}\nSee [the missing page](/reference/nowhere/).\n\nA diagram: ![diagram](/img/missing.png)\n`);
  const run = await buildProject(dir, [], github);
  assert.equal(run.code, 1, run.stderr);
  const text = readText(dir, PAGE);
  const link = at(text, '[the missing page]');
  const image = at(text, '![diagram]');
  const lines = run.stdout.split('\n').filter((l) => l.startsWith('::'));
  const pages = 'v1.14.x/…/support/, v1.15.x/…/support/, v1.16.x/…/support/, v1.17.x/…/support/, v1.18.x/…/support/';
  assert.equal(lines[0]!.replace(/%0A.*$/, ''), VERSION_MENTION);
  assert.deepEqual(lines.slice(1, 3), [
    `::error file=${PAGE},line=${link.line},col=${link.col},title=versioned-docs%3A Link check::Broken link \`/reference/nowhere/\` on page /gloo-edge/latest/reference/support/ leads to /reference/nowhere/, which is not a page of the site (and on 5 more pages: ${pages})%0A    […](/reference/nowhere/)%0Ahint: Fix the path, add the page, or list the path in \`knownExternal\` in the site config if it lives outside this site.`,
    `::error file=${PAGE},line=${image.line},col=${image.col},title=versioned-docs%3A Link check::Broken image \`/img/missing.png\` on page /gloo-edge/latest/reference/support/ leads to /img/missing.png, which is not a file of the site (and on 5 more pages: ${pages})%0A    ![…](/img/missing.png)%0Ahint: Fix the path, add the page, or list the path in \`knownExternal\` in the site config if it lives outside this site.`,
  ]);
  assert.equal(lines.length, 8);
  const summary = readFileSync(summaryFile, 'utf8');
  const expected = [
    '## versioned-docs build: failed',
    '',
    '|  |  |',
    '|---|---|',
    '| Docs versions | 5 (v1.18.x, v1.17.x, v1.16.x, v1.15.x, v1.14.x) |',
    '| Pages rendered (nothing written) | 58 |',
    '| Errors | 2 |',
    '| Warnings | 6 |',
  ];
  assert.deepEqual(summary.split('\n').slice(0, expected.length), expected, summary);
  assert.match(summary, /^\| Links checked \| \d+ \(\d+ internal, \d+ with #anchors, \d+ external not fetched, 12 skipped\); 12 broken \|$/m);
  assert.match(summary, /^\| Compile cache \| 9 of 10 pages from the cache, 1 compiled \|$/m);
  assert.ok(summary.includes(['| Kind | Errors | Warnings |', '|---|---|---|', '| changelog | 0 | 5 |', '| link | 2 | 0 |', '| render | 0 | 1 |'].join('\n')), summary);
  assert.ok(summary.includes(['|---|---|---|', `| error | \`${PAGE}:${link.line}:${link.col}\` | Broken link \`/reference/nowhere/\` on page /gloo-edge/latest/reference/support/ leads`].join('\n')), summary);
  assert.match(summary, /### Phases\n\n\| Phase \| Time \|\n\|---\|---\|\n\| pipeline \| \d+\.\d s \|\n\| up-to-date \| \d+\.\d s \|\n\| astro \| \d+\.\d s \|\n\| check \| \d+\.\d s \|\n/);
  // Only the edited page was compiled: it is the one slowest page listed.
  assert.match(summary, /### Slowest pages to compile\n\n\| Page \| Compile time \|\n\|---\|---\|\n\| content\/reference\/support\.md \| \d+ ms \|\n+$/);
});

test('the json reporter prints one document, valid against its schema, and nothing else on stdout', async () => {
  writeText(dir, PAGE, original);
  const run = await buildProject(dir, ['--reporter', 'json']);
  assert.equal(run.code, 0, run.stderr);
  const report = reportSchema.parse(JSON.parse(run.stdout));
  assert.equal(report.ok, true);
  assert.deepEqual(report.versions, ['v1.18.x', 'v1.17.x', 'v1.16.x', 'v1.15.x', 'v1.14.x']);
  assert.equal(report.pages, 58);
  assert.deepEqual(report.counts, { errors: 0, warnings: 6, byKind: { changelog: { errors: 0, warnings: 5 }, render: { errors: 0, warnings: 1 } } });
  assert.deepEqual([report.diagnostics[0]!.file, report.diagnostics[0]!.line], ['content/operations/upgrading/upgrade_steps.md', 28]);
  assert.deepEqual([report.diagnostics[1]!.file, report.diagnostics[1]!.line], ['static/content/version_gee_latest.md', 1]);
  assert.deepEqual(Object.keys(report.timings), ['pipeline', 'up-to-date', 'astro', 'check', 'search', 'swap']);
  // One page changed since the last build: one page compiled, the others from the cache.
  assert.deepEqual([report.compile?.compiled, report.compile?.cached], [1, 9]);
  assert.equal(report.links?.broken, 0);
  assert.match(run.stderr, /^Built 58 pages in 5 docs versions/m);
  assert.ok(existsSync(path.join(dir, 'dist/gloo-edge/latest/index.html')));
});

test('check takes the reporters too', async () => {
  const run = await runScript('src/cli/check.ts', ['--config', path.join(dir, 'docs.config.ts'), '--reporter', 'json']);
  assert.equal(run.code, 0, run.stderr);
  const report = reportSchema.parse(JSON.parse(run.stdout));
  assert.equal(report.command, 'check');
  assert.equal(report.links?.broken, 0);
  assert.deepEqual(Object.keys(report.timings), ['check']);
});

test('docs/ci.md documents every field of the json report', () => {
  const doc = readFileSync(path.join(REPO, 'docs/ci.md'), 'utf8');
  const rows = new Set([...doc.matchAll(/^\| (`[^|]+`) \|/gm)].flatMap((m) => m[1]!.split(', ').map((f) => f.replaceAll('`', ''))));
  for (const field of [...Object.keys(reportSchema.shape), ...Object.keys(reportDiagnosticSchema.shape)]) assert.ok(rows.has(field), `${field} is not in docs/ci.md`);
});
