/**
 * `--hugo <folder>`: a Hugo docs folder of our own, read with no config file
 * of ours — what its Hugo config says a reader sees, where its parts are,
 * and what the build makes of its content (ignored files, published files,
 * front matter kinds, folders without `_index.md`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { build, prepare } from '../src/engine/build.ts';
import { existsSync } from 'node:fs';
import { loadHugoFolder } from '../src/config/hugo.ts';
import { loadSite } from '../src/config/load.ts';
import { DiagnosticsError } from '../src/util/diagnostics.ts';
import path from 'node:path';
import { docsRoot } from './support/pipeline.ts';
import { hugoRepo } from './support/hugo.ts';

test('the Hugo config gives title, logo, header links (by weight, as text), ignoreFiles; the build script gives the site path; the changelog beside the folder is found', () => {
  const repo = hugoRepo();
  const { config, hugo } = loadHugoFolder(path.join(repo, 'docs'));
  assert.equal(hugo?.file, path.join(repo, 'docs', 'docs.toml'));
  assert.equal(config.title, 'Example Docs');
  assert.equal(config.product, 'Example');
  assert.equal(config.logo, 'img/logo.png');
  assert.deepEqual(config.headerLinks, [
    { name: 'Slack', url: 'https://slack.example.com' },
    { name: 'Github Repo', url: 'https://github.com/example/repo' },
  ]);
  assert.deepEqual(config.ignoreFiles, ['README.md$']);
  assert.equal(config.base, '/example/');
  assert.equal(config.content, path.join(repo, 'docs', 'content'));
  assert.deepEqual(config.changelog.open_source, [path.join(repo, 'changelog')]);
});

test('without a build script the site path is baseURL\'s; hugo.toml wins over another TOML file', () => {
  const repo = docsRoot({ 'docs/hugo.toml': 'baseURL = "https://example.com/product/docs/"\ntitle = "P"\n', 'docs/other.toml': 'title = "no"\n', 'docs/content/_index.md': 'x' });
  const { config } = loadHugoFolder(path.join(repo, 'docs'));
  assert.equal(config.base, '/product/docs/');
  assert.equal(config.title, 'P');
});

test('a Hugo config with a syntax error is reported at its line; a folder with no config says what it looked for; --hugo with --config is refused', async () => {
  const repo = docsRoot({ 'docs/config.toml': 'title = "x"\nbaseURL = \n', 'empty/content/_index.md': 'x' });
  const problem = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      assert.ok(e instanceof DiagnosticsError, String(e));
      return e.diagnostics[0]!;
    }
    assert.fail('no error');
  };
  const bad = problem(() => loadHugoFolder(path.join(repo, 'docs')));
  assert.match(bad.file, /config\.toml$/);
  assert.equal(bad.line, 2);
  assert.match(bad.message, /Hugo config cannot be read/);
  const none = problem(() => loadHugoFolder(path.join(repo, 'empty')));
  assert.match(none.message, /No Hugo config file/);
  assert.match(none.hint ?? '', /hugo\.toml/);
  await assert.rejects(loadSite({ hugo: 'docs', config: 'x.ts' }, repo), (e: unknown) => e instanceof DiagnosticsError && /two sites/.test(e.diagnostics[0]!.message));
});

test('the build of a Hugo folder: version from the changelog beside it; ignoreFiles skipped; front matter after blank lines, in TOML and in JSON read; every other file under content/ published; the snippet folder no page', async () => {
  const repo = hugoRepo();
  const result = await prepare(loadHugoFolder(path.join(repo, 'docs'), repo), { lenient: true, cache: false });
  assert.deepEqual(result.diagnostics.filter((d) => d.severity === 'error'), []);
  const data = result.data!;
  assert.deepEqual(data.versions.map((v) => v.id), ['v1.2.x']);
  assert.equal(data.base, '/example/');
  const { title, logo, links } = data.branding ?? {};
  assert.deepEqual({ title, logo, links }, {
    title: 'Example Docs',
    logo: 'img/logo.png',
    links: [
      { name: 'Slack', url: 'https://slack.example.com' },
      { name: 'Github Repo', url: 'https://github.com/example/repo' },
    ],
  });
  const pages = new Map(data.pages['v1.2.x']!.map((p) => [p.route, p]));
  assert.ok(!pages.has('README/'), 'README.md is ignored (ignoreFiles)');
  assert.ok(!pages.has('static/content/version_geoss_latest/'), 'the snippet folder is no page');
  // A folder without _index.md is no page.
  for (const folder of ['guides/api/', 'guides/api/github.com/', 'guides/api/github.com/acme/', 'img/']) assert.ok(!pages.has(folder), folder);
  const sk = pages.get('guides/api/github.com/acme/upstream.proto.sk/')!;
  assert.equal(sk.title, 'upstream.proto');
  assert.equal(sk.weight, 5);
  assert.doesNotMatch(sk.html, /title:/, 'the front matter is not shown as text');
  assert.equal(pages.get('guides/toml/')!.title, 'From TOML');
  assert.equal(pages.get('guides/json/')!.title, 'From JSON');
  assert.equal(pages.get('guides/json/')!.weight, 4);
  assert.equal(pages.get('guides/')!.menuTitle, 'All guides');
  assert.equal(pages.get('static/')!.hidden, true);
  assert.deepEqual([...(result.extras?.files ?? [])].filter((f) => !f.endsWith('.md')).sort(), ['extra.css', 'img/logo.png']);
});

test('--keep-going: a page error is still an error, and the site is written all the same', async () => {
  const repo = hugoRepo({ 'docs/content/guides/broken.md': '---\ntitle: Broken\n---\n{{< no_such_shortcode >}}\n' });
  const out = path.join(repo, 'site-out');
  const result = await build(loadHugoFolder(path.join(repo, 'docs'), repo), { lenient: true, cache: false, keepGoing: true, outDir: out });
  assert.ok(result.diagnostics.some((d) => d.severity === 'error' && /no_such_shortcode/.test(d.message) && d.file.endsWith('broken.md')), 'the error is reported');
  assert.equal(result.outDir, out);
  assert.ok(existsSync(path.join(out, 'example', 'v1.2.x', 'guides', 'broken', 'index.html')), 'the site is written');
  assert.ok(existsSync(path.join(out, 'example', 'v1.2.x', 'img', 'logo.png')));
});
