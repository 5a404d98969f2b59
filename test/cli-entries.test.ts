/**
 * The command-line entry points imported directly (src/cli/*.ts): each is a function of its arguments and
 * output streams returning its exit code, run here in this process over tiny projects. What a user notices:
 * a mistyped flag is one line with the flag it was meant to be and the usage (code 2, no stack trace); a
 * broken link or shortcode is named at file:line; a good build writes the site. The process-level tests
 * (check-links, robust-*, git-commands, hugo-compare, ci-*) start the same files as `npm run …` does.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { parseCommandLine, SITE_OPTIONS, siteOptions } from '../src/cli/args.ts';
import { buildCli } from '../src/cli/build.ts';
import { checkCli } from '../src/cli/check.ts';
import { codeQualityCli } from '../src/cli/code-quality.ts';
import { compareHugoCli } from '../src/cli/compare-hugo.ts';
import { devCli, watched } from '../src/cli/dev.ts';
import { previewCli, previewTarget } from '../src/cli/preview.ts';
import { renderCli } from '../src/cli/render.ts';
import { isEntryPoint, type CliIo } from '../src/cli/run-cli.ts';
import { loadConfig } from '../src/config/load.ts';
import { makeReport } from '../src/report/report.ts';
import { error } from '../src/util/diagnostics.ts';
import type { SiteData } from '../src/model/site-data.ts';
import { renderedPage } from './support/pages.ts';
import { docsRoot } from './support/pipeline.ts';
import { NODE, REPO, STACK_TRACE, tempProjects, writeText } from './support/project.ts';

const temp = tempProjects();

/** An entry point run with `args`, its stdout and stderr collected. */
async function run(cli: (args: readonly string[], io: CliIo) => Promise<number | { exitCode: number }>, args: string[]) {
  let stdout = '';
  let stderr = '';
  const result = await cli(args, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } });
  const code = typeof result === 'number' ? result : result.exitCode;
  assert.doesNotMatch(stderr, STACK_TRACE);
  return { code, stdout, stderr };
}

const GOOD_PAGE = '---\ntitle: Guide\n---\n## Install\n\nRead the [home page](../).\n';
const BROKEN_PAGE = '---\ntitle: Broken\n---\nText.\n\n{{< nosuch >}}\n';
/** A one-version project of our own (the sample's changelog), with the given pages. */
const tinyProject = (pages: Record<string, string>) =>
  temp({ copy: ['changelog', 'static'], files: pages, config: "versions: { newest: 1 }, outDir: 'dist'" });
const configOf = (dir: string) => path.join(dir, 'docs.config.ts');

test('imported, an entry point runs nothing; started as a script (by Node, or under tsx as bin/versioned-docs.js starts it), it runs', () => {
  assert.equal(process.exitCode, undefined, 'importing seven entry points set no exit code');
  for (const loader of [[], ['--import', 'tsx']]) {
    const r = spawnSync(NODE, [...loader, path.join(REPO, 'src/cli/compare-hugo.ts')], { encoding: 'utf8', cwd: REPO });
    assert.equal(r.status, 2, `${loader.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, /^usage: npm run compare-hugo -- <hugo site dir>/);
  }
});

test('isEntryPoint: import.meta.main where Node sets it; else the started script compared with the module by real path', () => {
  const started = process.argv[1]!;
  assert.equal(isEntryPoint({ main: true, filename: '/elsewhere.ts' } as ImportMeta), true);
  assert.equal(isEntryPoint({ main: false, filename: started } as ImportMeta), false);
  assert.equal(isEntryPoint({ filename: started } as ImportMeta), true, 'no import.meta.main (a loader that does not set it): the started script');
  assert.equal(isEntryPoint({ filename: path.join(REPO, 'src/cli/build.ts') } as ImportMeta), false);
  assert.equal(isEntryPoint({ filename: '/no/such/file.ts' } as ImportMeta), false);
});

describe('the command line: one parser, one set of site options, a mistake said in one line', () => {
  test('an unknown flag: the closest known one, else a full stop; then the usage', () => {
    assert.deepEqual(parseCommandLine(['--confg', 'x'], SITE_OPTIONS, 'usage: x'), { usage: 'Unknown option `--confg`: did you mean `--config`?\nusage: x' });
    assert.deepEqual(parseCommandLine(['--frobnicate'], SITE_OPTIONS, 'usage: x'), { usage: 'Unknown option `--frobnicate`.\nusage: x' });
    assert.deepEqual(parseCommandLine(['--config'], SITE_OPTIONS, 'usage: x'), { usage: "Option '--config <value>' argument missing\nusage: x" });
    assert.deepEqual(parseCommandLine(['page.md'], SITE_OPTIONS, 'usage: x'), { usage: 'Unexpected argument `page.md`: this command takes options only.\nusage: x' });
    const parsed = parseCommandLine(['page.md', '--hugo', 'docs', '--versions', 'a,b'], SITE_OPTIONS, 'usage: x', true);
    assert.ok(!('usage' in parsed));
    assert.deepEqual({ ...parsed.values }, { hugo: 'docs', versions: 'a,b' });
    assert.deepEqual(parsed.positionals, ['page.md']);
    assert.deepEqual(Object.keys(siteOptions('config', 'repo')), ['config', 'repo']);
  });

  test('build, dev and render take the same site flags: a misspelt one is named with its right spelling, code 2, before any work', async () => {
    for (const [cli, name] of [[buildCli, 'build'], [devCli, 'dev'], [renderCli, 'render']] as const) {
      const r = await run(cli, ['--hgo', 'docs', 'page.md']);
      assert.equal(r.code, 2, name);
      assert.match(r.stderr, /^Unknown option `--hgo`: did you mean `--hugo`\?\nusage: npm run /, name);
      assert.equal(r.stdout, '', name);
    }
    for (const cli of [buildCli, devCli]) assert.match((await run(cli, ['--lates', 'v1'])).stderr, /did you mean `--latest`\?/);
  });
});

describe('build', () => {
  test('flags: an unknown one, --update-link-baseline alone, an unknown reporter: code 2 with the usage', async () => {
    const strict = await run(buildCli, ['--stirct']);
    assert.equal(strict.code, 2);
    assert.match(strict.stderr, /^Unknown option `--stirct`: did you mean `--strict`\?\nusage: npm run build -- \[--config/);
    const baseline = await run(buildCli, ['--update-link-baseline']);
    assert.equal(baseline.code, 2);
    assert.match(baseline.stderr, /^--update-link-baseline needs --link-baseline <file>\./);
    const reporter = await run(buildCli, ['--reporter', 'xml']);
    assert.equal(reporter.code, 2);
    assert.match(reporter.stderr, /^Unknown reporter `xml`: use one of text, github, json\./);
  });

  test('--repo with a config that has no git section: refused before building; with --reporter json the report alone on stdout', async () => {
    const dir = tinyProject({ 'content/_index.md': GOOD_PAGE });
    const text = await run(buildCli, ['--config', configOf(dir), '--repo', 'elsewhere', '--reporter', 'text']);
    assert.equal(text.code, 1);
    assert.match(text.stderr, /error: --repo needs a config that reads the versions from git/);
    const json = await run(buildCli, ['--config', configOf(dir), '--repo', 'elsewhere', '--reporter', 'json']);
    assert.equal(json.code, 1);
    const report = JSON.parse(json.stdout) as { command: string; diagnostics: { message: string }[] };
    assert.equal(report.command, 'build');
    assert.match(report.diagnostics[0]!.message, /--repo needs a config/);
    assert.equal(existsSync(path.join(dir, 'dist')), false);
  });

  test('a page with an unknown shortcode: named at file:line, the build fails and writes nothing', async () => {
    const dir = tinyProject({ 'content/_index.md': GOOD_PAGE, 'content/broken.md': BROKEN_PAGE });
    const out = path.join(dir, 'out');
    const r = await run(buildCli, ['--config', configOf(dir), '--out', out, '--reporter', 'text']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /content\/broken\.md:6:1: error: Unknown shortcode `nosuch`/);
    assert.match(r.stderr, /Build failed: nothing was written; the previous output is untouched\./);
    assert.equal(existsSync(path.join(out, 'index.html')), false);
    const json = await run(buildCli, ['--config', configOf(dir), '--out', out, '--reporter', 'json']);
    assert.equal(json.code, 1);
    const report = JSON.parse(json.stdout) as { ok: boolean; diagnostics: { file: string; line: number; message: string }[] };
    assert.equal(report.ok, false);
    assert.ok(report.diagnostics.some((d) => d.file.endsWith('content/broken.md') && d.line === 6 && /Unknown shortcode `nosuch`/.test(d.message)), json.stdout);
  });

  test('a tiny project builds into the output folder named by --out, saying how many pages', { timeout: 300_000 }, async () => {
    const dir = tinyProject({ 'content/_index.md': '---\ntitle: Home\n---\nWelcome.\n', 'content/guide.md': GOOD_PAGE });
    const out = path.join(dir, 'site');
    const r = await run(buildCli, ['--config', configOf(dir), '--out', out, '--reporter', 'text']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Built \d+ pages in \d+ docs versions into .*site in [\d.]+ s\.$/m);
    const guide = readFileSync(path.join(out, 'gloo-edge/latest/guide/index.html'), 'utf8');
    assert.match(guide, /<h2 id="install">Install/);
  });
});

describe('check', () => {
  /** A built one-version site (one page, one broken link at content/guide.md:3:5) and its build's SiteData. */
  function builtSite(): string {
    const dir = temp({ copy: [], config: "base: '/docs/'" });
    writeText(dir, 'dist/docs/v1.0.x/guide/index.html', '<!doctype html><article class="article"><h2 id="intro">Intro</h2><a href="/docs/v1.0.x/gone/">gone</a> <a href="https://example.com/">out</a></article>');
    const data: SiteData = {
      base: '/docs/',
      product: 'Docs',
      latest: 'v1.0.x',
      versions: [{ id: 'v1.0.x', minor: '1.0', label: '1.0', status: 'latest', values: {} }],
      pages: { 'v1.0.x': [renderedPage('guide/', { sourceFile: 'content/guide.md', links: [{ href: '/docs/v1.0.x/gone/', line: 3, column: 5 }, { href: 'https://example.com/', line: 4, column: 1 }] })] },
    };
    writeText(dir, '.build/site-data.json', JSON.stringify(data));
    return dir;
  }

  test("a broken link of the built site at its source's file:line, the summary, code 1; --external lists the external links", async () => {
    const dir = builtSite();
    const r = await run(checkCli, ['--config', configOf(dir), '--external', '--reporter', 'text']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /content\/guide\.md:3:5: error: Broken link `\/docs\/v1\.0\.x\/gone\/`/);
    assert.match(r.stdout, /^External links \(1, not fetched\):\n {2}https:\/\/example\.com\/\n/);
    assert.match(r.stdout, /Link check: 1 pages, .* 1 broken\. \(.*dist\)\n$/);
  });

  test('no built site: said with a hint, code 1; a misspelt flag: code 2 with the right one', async () => {
    const dir = temp({ copy: [] });
    const r = await run(checkCli, ['--config', configOf(dir), '--reporter', 'text']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /error: No built site to check\n\s+hint: Run `npm run build` first, or pass --dir\./);
    const flag = await run(checkCli, ['--dri', 'dist']);
    assert.equal(flag.code, 2);
    assert.match(flag.stderr, /^Unknown option `--dri`: did you mean `--dir`\?\nusage: npm run check/);
  });
});

describe('render', () => {
  test("a page's HTML on stdout for the latest version; an unknown shortcode at file:line; an unknown version with the known ones", { timeout: 120_000 }, async () => {
    const dir = tinyProject({ 'content/guide.md': GOOD_PAGE, 'content/broken.md': BROKEN_PAGE });
    const good = await run(renderCli, [path.join(dir, 'content/guide.md'), '--config', configOf(dir)]);
    assert.equal(good.code, 0, good.stderr);
    assert.match(good.stdout, /^<div class="heading level-h2"><h2 id="install">Install<\/h2>/);
    assert.match(good.stdout, /<p>Read the <a href="\.\.\/">home page<\/a>\.<\/p>\n$/);
    const broken = await run(renderCli, [path.join(dir, 'content/broken.md'), '--config', configOf(dir)]);
    assert.equal(broken.code, 1);
    assert.match(broken.stderr, /broken\.md:6:1: error: Unknown shortcode `nosuch`/);
    assert.equal(broken.stdout, '');
    const version = await run(renderCli, [path.join(dir, 'content/guide.md'), '--config', configOf(dir), '--version', 'v9.9.x']);
    assert.equal(version.code, 1);
    assert.match(version.stderr, /error: No docs version v9\.9\.x in the changelog data\n\s+hint: Known versions: v1\.18\.x, v1\.17\.x\./);
  });

  test('no page: the usage, code 2', async () => {
    const r = await run(renderCli, ['--version', 'v1.17.x']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^usage: npm run render -- <page\.md>/);
  });
});

describe('dev (its arguments and what it watches; the server itself is tested as a process)', () => {
  // A timeout: were the refusal lost, the dev server would start and the test would never end.
  test('--repo with a config that has no git section: refused with code 1 before a server starts', { timeout: 60_000 }, async () => {
    const dir = tinyProject({ 'content/_index.md': GOOD_PAGE });
    const r = await run(devCli, ['--config', configOf(dir), '--repo', 'elsewhere']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /error: --repo needs a config that reads the versions from git/);
  });

  test("a project's own inputs are watched: content, changelog, snippets, data, layouts and the config file", async () => {
    const dir = tinyProject({ 'content/_index.md': GOOD_PAGE });
    const loaded = await loadConfig(configOf(dir));
    const { root, entries } = watched(loaded, {});
    assert.equal(root, dir);
    for (const entry of ['content', 'changelog/open_source', 'changelog/enterprise', 'static/content', 'data', 'layouts', configOf(dir)]) {
      assert.ok(entries.includes(entry), `${entry} in ${entries.join(', ')}`);
    }
    assert.equal(new Set(entries).size, entries.length, 'each once');
  });

  test("a config with a git section: its repository's refs (not its files) and the config; --repo names another repository", async () => {
    const repo = docsRoot({ 'docs/content/_index.md': '---\ntitle: Home\n---\n' });
    execFileSync('git', ['init', '--quiet', repo]);
    const dir = temp({ copy: [], config: `git: { repo: ${JSON.stringify(repo)}, versions: ['main'] }` });
    const loaded = await loadConfig(configOf(dir));
    assert.deepEqual(watched(loaded, {}), { root: dir, entries: [path.join(repo, '.git', 'refs'), path.join(repo, '.git', 'packed-refs'), configOf(dir)] });
    const bundle = path.join(dir, 'docs.bundle');
    writeFileSync(bundle, '');
    assert.deepEqual(watched(loaded, { repo: bundle }), { root: dir, entries: [bundle, configOf(dir)] }, 'a bundle file: the file itself');
  });
});

describe('preview', () => {
  test('what is served: the folder (default dist/) and the port (--port, else $PORT, else 4321); bad arguments refused with the usage', () => {
    assert.deepEqual(previewTarget([], {}, '/p'), { dir: '/p/dist', port: 4321 });
    assert.deepEqual(previewTarget(['out', '--port', '0'], { PORT: '9' }, '/p'), { dir: '/p/out', port: 0 });
    assert.deepEqual(previewTarget([], { PORT: '8080' }, '/p'), { dir: '/p/dist', port: 8080 });
    assert.deepEqual(previewTarget(['--port', 'x']), { usage: '--port takes a number from 0 to 65535, not `x`.\nusage: npm run preview -- [dir] [--port <number>]' });
    assert.deepEqual(previewTarget(['--port', '70000']), { usage: '--port takes a number from 0 to 65535, not `70000`.\nusage: npm run preview -- [dir] [--port <number>]' });
    assert.match((previewTarget(['a', 'b']) as { usage: string }).usage, /^One folder to serve, not 2\./);
    assert.match((previewTarget(['--prot', '1']) as { usage: string }).usage, /^Unknown option `--prot`: did you mean `--port`\?/);
  });

  test("serves the folder's pages on the port asked for, says where; a busy port is one line with the flag to pick another", async () => {
    const dir = docsRoot({ 'index.html': '<!doctype html><p>home</p>', 'guide/index.html': '<!doctype html><p>guide</p>' });
    const started = await previewCli([dir, '--port', '0'], { stdout: { write: () => true }, stderr: { write: () => true } });
    assert.equal(started.exitCode, 0);
    const server = started.server!;
    try {
      const page = await fetch(`${server.origin}/guide/`);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /guide/);
      const port = Number(new URL(server.origin).port);
      const busy = await run(previewCli, [dir, '--port', String(port)]);
      assert.equal(busy.code, 1);
      assert.equal(busy.stderr, `error: port ${port} is already in use; pick another with --port <number> (e.g. npm run preview -- --port ${port + 1}), or --port 0 for any free one.\n`);
    } finally {
      await server.close();
    }
    const said = await run(async (args, io) => {
      const r = await previewCli(args, io);
      await r.server?.close();
      return r;
    }, [dir, '--port', '0']);
    assert.match(said.stdout, new RegExp(`^Serving ${dir.replaceAll('.', '\\.')} at http://localhost:\\d+/ \\(Ctrl-C to stop\\)\\n$`));
  });
});

describe('compare-hugo', () => {
  const hugoPage = (title: string, body: string) => `<html><body><article><section class="page"><h1>${title}</h1>${body}</section></article></body></html>`;
  const ourPage = (title: string, body: string) => `<html><body><main><div class="page-head"><h1>${title}</h1></div><article class="article">${body}</article></main></body></html>`;
  const hugo = () => docsRoot({ 'index.html': hugoPage('Home', '<p>Welcome.</p>'), 'guide/index.html': hugoPage('Guide', '<h2 id="install">Install</h2><p>Run it.</p>') });

  test('a pair that matches: the table row says met, code 0; --json gives the reports', async () => {
    const ours = docsRoot({ 'index.html': ourPage('Home', '<p>Welcome.</p>'), 'guide/index.html': ourPage('Guide', '<h2 id="install">Install</h2><p>Run it.</p>') });
    const theirs = hugo();
    const table = await run(compareHugoCli, [theirs, ours]);
    assert.equal(table.code, 0, table.stdout);
    assert.match(table.stdout, /\| 100\.0% \(2\/2\) \| 100\.0% \(1\/1\) \| 1\.0000 \| 0 \| 0 \| met \|/);
    const json = await run(compareHugoCli, [theirs, ours, '--json']);
    const reports = JSON.parse(json.stdout) as { hugo: string; ours: string; report: { pages: { route: string }[] } }[];
    assert.deepEqual(reports.map((r) => [r.hugo, r.ours, r.report.pages.map((p) => p.route)]), [[theirs, ours, ['', 'guide/']]]);
  });

  test('a missing page: named, code 1; --worst limits the worst-page list', async () => {
    const ours = docsRoot({ 'index.html': ourPage('Home', '<p>Welcome, said otherwise.</p>') });
    const r = await run(compareHugoCli, [hugo(), ours, '--worst', '0']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /missing pages \(1\): guide\//);
    assert.match(r.stdout, /worst pages: \n/);
  });

  test('arguments: an odd number of folders or a bad --worst is the usage (code 2); a missing folder is named (code 1)', async () => {
    assert.equal((await run(compareHugoCli, [hugo()])).code, 2);
    const worst = await run(compareHugoCli, [hugo(), hugo(), '--worst', 'many']);
    assert.equal(worst.code, 2);
    assert.match(worst.stderr, /^--worst takes a number of pages, not `many`\./);
    const flag = await run(compareHugoCli, [hugo(), hugo(), '--jsn']);
    assert.match(flag.stderr, /^Unknown option `--jsn`: did you mean `--json`\?/);
    const missing = await run(compareHugoCli, [hugo(), '/nonexistent/site']);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /\/nonexistent\/site: error: Folder not found/);
  });
});

describe('code-quality', () => {
  test("a build's JSON report becomes GitLab's list of issues; a file that is not a report is said so, code 1; two files: the usage", async () => {
    const dir = temp({ copy: [] });
    writeText(dir, 'content/guide.md', '# Guide\n');
    const report = makeReport({ command: 'build', diagnostics: [error('content/guide.md', 3, 5, 'Broken link `x`', { hint: 'fix it' })], projectDir: dir, repoRoot: dir, durationMs: 1 });
    writeFileSync(path.join(dir, 'report.json'), JSON.stringify(report));
    const good = await run(codeQualityCli, [path.join(dir, 'report.json')]);
    assert.equal(good.code, 0, good.stderr);
    const issues = JSON.parse(good.stdout) as { description: string; location: { path: string; lines: { begin: number } } }[];
    assert.equal(issues.length, 1);
    assert.equal(issues[0]!.location.path, 'content/guide.md');
    assert.equal(issues[0]!.location.lines.begin, 3);
    assert.match(issues[0]!.description, /Broken link `x`/);

    writeFileSync(path.join(dir, 'other.json'), '{"hello": 1}');
    const other = await run(codeQualityCli, [path.join(dir, 'other.json')]);
    assert.equal(other.code, 1);
    assert.match(other.stderr, /other\.json: error: not a versioned-docs report: .*\n\s+hint: pass the output of `npm run build -- --reporter json`\./);
    writeFileSync(path.join(dir, 'text.json'), 'not json');
    assert.match((await run(codeQualityCli, [path.join(dir, 'text.json')])).stderr, /text\.json: error: not a JSON document/);
    const two = await run(codeQualityCli, ['a.json', 'b.json']);
    assert.equal(two.code, 2);
    assert.equal(two.stderr, 'usage: node src/cli/code-quality.ts [report.json] > gl-code-quality-report.json\n');
  });
});
