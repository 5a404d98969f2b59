/**
 * The whole site from git branches, built through `npm run build` on a small repository's bundle:
 * Gloo's URL scheme (latest/ and <ref>/), the old-version banner and noindex, the dropdown landing on
 * the nearest page a version has, redirect pages and host rule files from Firebase-format rules, and
 * a link to a redirect source counted as valid.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { matchPattern, planRedirects, redirectTarget } from '../src/engine/redirects.ts';
import { REPO, runScript } from './support/project.ts';
import { bundleOf, gitRepo } from './support/git.ts';
import { siteData } from './support/pages.ts';

const RULES = [
  { source: '/docs/:version/old-guide/', destination: '/docs/:version/guide/', type: '301' },
  { source: '/docs/:version/cli/:path*', destination: '/docs/:version/reference/:path*', type: '301' },
  { source: '/docs/master/:path*', destination: '/docs/latest/', type: '301' },
];

test('redirect rules: :version and :path match segments, :path* the rest; the first matching rule wins', () => {
  assert.deepEqual(matchPattern(['docs', ':version', 'cli', ':path*'], ['docs', 'v1', 'cli', 'a', 'b']), { version: 'v1', path: 'a/b' });
  assert.equal(matchPattern(['docs', ':version', 'cli', ':path'], ['docs', 'v1', 'cli', 'a', 'b']), undefined);
  assert.equal(redirectTarget(RULES, '/docs/v1.1.x/cli/glooctl/'), '/docs/v1.1.x/reference/glooctl');
  assert.equal(redirectTarget(RULES, '/docs/latest/old-guide/'), '/docs/latest/guide/');
  assert.equal(redirectTarget(RULES, '/docs/v1.1.x/guide/'), undefined);
});

test('redirect pages: every concrete source in every served prefix, and wildcard rules only at routes some version has', () => {
  const data = siteData('Demo', { 'v1.2.x': ['', 'guide/', 'reference/glooctl/'], 'v1.1.x': ['', 'guide/', 'cli/glooctl/'] });
  const { pages } = planRedirects(data, RULES);
  const from = pages.map((p) => `${p.from} -> ${p.to}`).sort();
  assert.deepEqual(from, [
    '/docs/latest/cli/glooctl/ -> /docs/latest/reference/glooctl',
    '/docs/latest/old-guide/ -> /docs/latest/guide/',
    '/docs/master/ -> /docs/latest/',
    '/docs/master/cli/glooctl/ -> /docs/latest/',
    '/docs/master/guide/ -> /docs/latest/',
    '/docs/master/reference/glooctl/ -> /docs/latest/',
    '/docs/v1.1.x/old-guide/ -> /docs/v1.1.x/guide/',
    '/docs/v1.2.x/cli/glooctl/ -> /docs/v1.2.x/reference/glooctl',
    '/docs/v1.2.x/old-guide/ -> /docs/v1.2.x/guide/',
  ]);
});

test('npm run build on a bundle: one site from its branches, Gloo URLs, banners, dropdown fallbacks, redirects', { timeout: 240_000 }, async () => {
  const repo = gitRepo([
    [
      'v1.1.x',
      {
        'docs/content/_index.md': '---\ntitle: Home\n---\nWelcome.\n',
        'docs/content/guide.md': '---\ntitle: Guide\n---\n## Install\n\nSee [the CLI](/docs/latest/cli/glooctl/) and [old guide](/docs/latest/old-guide/#install).\n',
        // Old links to the latest version under its own id (served only under latest/).
        'docs/content/old-links/index.md': '---\ntitle: Old links\n---\n[guide](/docs/v1.2.x/guide/#install), [moved](/docs/v1.2.x/old-guide/), [image](/docs/v1.2.x/old-links/logo.svg). ![logo](logo.svg)\n',
        'docs/content/old-links/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>\n',
        'docs/content/cli/glooctl.md': '---\ntitle: glooctl\n---\nOld CLI page.\n',
      },
    ],
    ['v1.2.x', { 'docs/content/cli/glooctl.md': null, 'docs/content/reference/glooctl.md': '---\ntitle: glooctl\n---\n## Flags\n\nNew CLI page.\n' }],
  ]);
  const project = mkdtempSync(path.join(tmpdir(), 'git-site-'));
  writeFileSync(
    path.join(project, 'docs.config.ts'),
    `import { defineConfig } from ${JSON.stringify(path.join(REPO, 'src/config/define.ts'))};\n` +
      `export default defineConfig({ base: '/docs/', product: 'Demo', outDir: 'dist', redirects: ${JSON.stringify(RULES)},\n` +
      `  git: { repo: 'nowhere.bundle', layoutRef: 'v1.2.x', versions: ['v1.2.x', 'v1.1.x'] } });\n`,
  );
  const result = await runScript('src/cli/build.ts', ['--config', path.join(project, 'docs.config.ts'), '--repo', bundleOf(repo)], 240_000);
  assert.equal(result.code, 0, result.stderr);
  const dist = path.join(project, 'dist');
  const read = (p: string) => readFileSync(path.join(dist, p), 'utf8');
  // The latest version under latest/, the others under their ref.
  assert.match(read('docs/latest/reference/glooctl/index.html'), /New CLI page/);
  const old = read('docs/v1.1.x/cli/glooctl/index.html');
  assert.match(old, /Old CLI page/);
  assert.match(old, /<meta name="robots" content="noindex/);
  assert.match(old, /You are viewing 1\.1/);
  assert.doesNotMatch(read('docs/latest/guide/index.html'), /You are viewing/);
  // The dropdown on a page the other version lacks lands on that version's nearest page (its home).
  assert.match(old, /href="\/docs\/latest\/"[^>]*>[^<]*1\.2/);
  // Redirect pages and host rule files.
  assert.match(read('docs/latest/cli/glooctl/index.html'), /url=\/docs\/latest\/reference\/glooctl/);
  assert.match(read('docs/v1.1.x/old-guide/index.html'), /url=\/docs\/v1\.1\.x\/guide\//);
  assert.ok(!existsSync(path.join(dist, 'docs/v1.1.x/cli/glooctl/index.html')) || /Old CLI page/.test(old), 'a page is never replaced by a redirect');
  const firebase = JSON.parse(read('firebase.json')) as { hosting: { redirects: { source: string; destination: string; type: number }[] } };
  // The latest version is published once, under latest/ (as Gloo's build-docs.sh does); its own id redirects there, first.
  assert.deepEqual(firebase.hosting.redirects.map((r) => [r.source, r.type]), [['/docs/v1.2.x/:path*', 301], ...RULES.map((r) => [r.source, 301])]);
  assert.equal(firebase.hosting.redirects[0]!.destination, '/docs/latest/:path*');
  assert.deepEqual(read('_redirects').split('\n').slice(0, 3), ['/docs/v1.2.x/* /docs/latest/:splat 301', '/docs/:version/old-guide/ /docs/:version/guide/ 301', '/docs/:version/cli/* /docs/:version/reference/:splat 301']);
  for (const page of ['', 'guide/', 'reference/glooctl/', 'old-links/', 'old-guide/']) {
    assert.match(read(`docs/v1.2.x/${page}index.html`), new RegExp(`<meta http-equiv="refresh" content="0; url=/docs/latest/${page.replace(/\//g, '\\/')}">`), `v1.2.x/${page} redirects to latest/`);
  }
  assert.match(read('docs/latest/guide/index.html'), /<h2[^>]*id="install"/);
  assert.ok(!existsSync(path.join(dist, 'docs/v1.2.x/pagefind')), 'no second search bundle under the latest id');
  assert.ok(existsSync(path.join(dist, 'docs/latest/pagefind/pagefind.js')));
  assert.ok(!existsSync(path.join(dist, 'docs/v1.2.x/old-links/logo.svg')) && existsSync(path.join(dist, 'docs/latest/old-links/logo.svg')), 'files only under latest/');
  // The old links from v1.1.x passed the link check (the build succeeded): the page, a rule's source, a file the host rule sends on.
  assert.match(read('docs/v1.1.x/old-links/index.html'), /href="\/docs\/v1\.2\.x\/guide\/#install"/);
});
