/**
 * The incremental layout (src/integration/layout-reuse.ts, src/engine/layout-manifest.ts): after a build,
 * Astro lays out only the docs pages whose HTML can differ, the others are copied from the previous output,
 * and the site is byte for byte what a cold build of the same tree writes. Anything uncertain (another
 * output, a missing file, `cache: false`) lays out every page.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { loadConfig } from '../src/config/load.ts';
import { build, workDir, type BuildOptions } from '../src/engine/build.ts';
import { manifestFile } from '../src/engine/layout-manifest.ts';
import { outputRecordFile } from '../src/engine/up-to-date.ts';
import { buildSite } from '../src/integration/astro-build.ts';
import { layoutFingerprints, uiFingerprint } from '../src/integration/layout-reuse.ts';
import { buildModel } from '../src/model/site-model.ts';
import type { SiteData } from '../src/model/site-data.ts';
import { format } from '../src/util/diagnostics.ts';
import { git, gitRepo } from './support/git.ts';
import { snapshot } from './support/project.ts';

const temp = mkdtempSync(path.join(tmpdir(), 'site-incremental-'));
after(() => rmSync(temp, { recursive: true, force: true }));

const page = (title: string, body: string) => `---\ntitle: ${title}\n---\n${body}\n`;
const repo = gitRepo([
  [
    'v1.1.x',
    {
      'docs/content/_index.md': page('Home', 'Welcome.'),
      'docs/content/guide/_index.md': page('Guide', 'The guide.'),
      'docs/content/guide/install.md': page('Install', '## Requirements\n\nA cluster.\n\n## Steps\n\nRun it.'),
      'docs/content/guide/upgrade.md': page('Upgrade', 'See [install](../install/).'),
      'docs/content/reference/_index.md': page('Reference', 'All of it.'),
      'docs/content/reference/api.md': page('API', '## Fields\n\nSome.'),
    },
  ],
  ['v1.2.x', { 'docs/content/reference/new.md': page('New', 'New in 1.2.') }],
]);
/** Docs pages per version (the changelog pages are not counted: always laid out). */
const PAGES = { 'v1.1.x': 6, 'v1.2.x': 7 };
const ALL = PAGES['v1.1.x'] + PAGES['v1.2.x'];

const config = path.join(temp, 'docs.config.ts');
writeFileSync(
  config,
  `import { defineConfig } from ${JSON.stringify(path.resolve(import.meta.dirname, '../src/config/define.ts'))};\n` +
    `export default defineConfig({ base: '/docs/', product: 'Demo', outDir: 'dist',\n` +
    `  git: { repo: ${JSON.stringify(repo)}, layoutRef: 'v1.2.x', versions: ['v1.2.x', 'v1.1.x'] } });\n`,
);

async function run(out: string, options: BuildOptions = {}) {
  const result = await build(await loadConfig(config), { quiet: true, outDir: path.join(temp, out), ...options });
  assert.ok(result.outDir, format(result.diagnostics));
  assert.ok(result.layoutStats);
  const { laidOut, reused } = result.layoutStats;
  return { laidOut, reused };
}

/** Commit `files` on `branch` of the test repository. */
function commit(branch: string, files: Record<string, string>) {
  git(repo, 'checkout', '--quiet', branch);
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(repo, file), text);
  git(repo, 'commit', '--quiet', '-am', `change ${Object.keys(files).join(', ')}`);
}

/** The site `out` holds is the one a cold build (another output, no cache) of the same tree writes, file for file. */
async function assertSameAsCold(out: string, cold: string) {
  assert.deepEqual(await run(cold, { cache: false }), { laidOut: ALL, reused: 0 });
  const built = snapshot(path.join(temp, out));
  const fresh = snapshot(path.join(temp, cold));
  assert.deepEqual([...built.keys()], [...fresh.keys()]);
  assert.deepEqual([...built].filter(([file, hash]) => fresh.get(file) !== hash).map(([file]) => file), [], 'files that differ from a cold build');
}

test('one page changed: Astro lays out that page only, and the site is byte-identical to a cold build', { timeout: 600_000 }, async () => {
  assert.deepEqual(await run('dist'), { laidOut: ALL, reused: 0 });
  assert.deepEqual(await run('dist'), { laidOut: 0, reused: ALL }, 'nothing changed: every page reused');

  commit('v1.1.x', { 'docs/content/guide/install.md': page('Install', '## Requirements\n\nA cluster, and a second sentence.\n\n## Steps\n\nRun it.') });
  assert.deepEqual(await run('dist'), { laidOut: 1, reused: ALL - 1 });
  assert.match(readFileSync(path.join(temp, 'dist/docs/v1.1.x/guide/install/index.html'), 'utf8'), /a second sentence/);
  await assertSameAsCold('dist', 'cold-1');

  // The latest version is served only under latest/ (a build from git refs): its reused pages come from there.
  commit('v1.2.x', { 'docs/content/reference/api.md': page('API', '## Fields\n\nSome, and more.') });
  assert.deepEqual(await run('dist'), { laidOut: 1, reused: ALL - 1 });
  assert.match(readFileSync(path.join(temp, 'dist/docs/latest/reference/api/index.html'), 'utf8'), /Some, and more/);
  await assertSameAsCold('dist', 'cold-2');

  // A title every page of v1.1.x shows in its sidebar: that version's pages, and only them, are laid out again.
  commit('v1.1.x', { 'docs/content/guide/_index.md': page('Guides', 'The guide.') });
  assert.deepEqual(await run('dist'), { laidOut: PAGES['v1.1.x'], reused: PAGES['v1.2.x'] });
  await assertSameAsCold('dist', 'cold-3');

  // A heading of a page is an anchor of the version menu of the same page in every version.
  commit('v1.1.x', { 'docs/content/reference/api.md': page('API', '## Fields\n\nSome.\n\n## Limits\n\nNone.') });
  assert.deepEqual(await run('dist'), { laidOut: 2, reused: ALL - 2 });
  await assertSameAsCold('dist', 'cold-4');
});

test('anything uncertain lays out every page: a file missing from the previous output, another output, no manifest, cache: false', { timeout: 600_000 }, async () => {
  assert.deepEqual(await run('dist-2'), { laidOut: ALL, reused: 0 });
  const out = path.join(temp, 'dist-2');
  const manifest = manifestFile(workDir(temp, out), out);

  rmSync(path.join(out, 'docs/v1.1.x/guide/upgrade/index.html'));
  assert.deepEqual(await run('dist-2'), { laidOut: ALL, reused: 0 }, 'a page missing from the previous output');
  assert.ok(readFileSync(path.join(out, 'docs/v1.1.x/guide/upgrade/index.html'), 'utf8').includes('Upgrade'));
  assert.deepEqual(await run('dist-2'), { laidOut: 0, reused: ALL });

  assert.deepEqual(await run('dist-2', { cache: false }), { laidOut: ALL, reused: 0 }, 'cache: false');

  // A manifest of another build folder than the one the output link points at (a build that failed or was killed after writing it).
  const text = readFileSync(manifest, 'utf8');
  writeFileSync(manifest, text.replace(/"id":"build-[^"]+"/, '"id":"build-other"'));
  assert.deepEqual(await run('dist-2'), { laidOut: ALL, reused: 0 }, 'a manifest of another build');

  // Without the output's record too: else this build, its inputs unchanged, would keep the output as it is (test/build-up-to-date.test.ts).
  rmSync(manifest);
  rmSync(outputRecordFile(workDir(temp, out), out));
  assert.deepEqual(await run('dist-2'), { laidOut: ALL, reused: 0 }, 'no manifest');
  await assertSameAsCold('dist-2', 'cold-5');
});

test('a failed build leaves the output and its fingerprints as they were: the build after it reuses them, and is right', { timeout: 600_000 }, async () => {
  assert.deepEqual(await run('dist-3'), { laidOut: ALL, reused: 0 });
  commit('v1.1.x', { 'docs/content/guide/upgrade.md': page('Upgrade', 'See [nowhere](../nowhere/).') });
  const failed = await build(await loadConfig(config), { quiet: true, outDir: path.join(temp, 'dist-3') });
  assert.equal(failed.outDir, undefined, 'a broken link fails the build');
  assert.match(format(failed.diagnostics), /nowhere/);
  commit('v1.1.x', { 'docs/content/guide/upgrade.md': page('Upgrade', 'See [install](../install/), again.') });
  assert.deepEqual(await run('dist-3'), { laidOut: 1, reused: ALL - 1 });
  await assertSameAsCold('dist-3', 'cold-6');
});

const fixture = JSON.parse(readFileSync(new URL('./fixtures/site-data.json', import.meta.url), 'utf8')) as SiteData;

test("a version's values lay out every page of that version; the site is what a cold layout writes", { timeout: 300_000 }, async () => {
  const first = await buildSite(fixture, { outDir: path.join(temp, 'site-a'), cacheDir: path.join(temp, 'cache-a'), quiet: true, search: false, reuse: {} });
  assert.ok(first.fingerprints);
  assert.equal(first.reused, 0);
  const data: SiteData = { ...fixture, versions: fixture.versions.map((v) => (v.id === 'v1.16.x' ? { ...v, values: { ...v.values, gloo_latest: '1.16.99' } } : v)) };
  const again = await buildSite(data, { outDir: path.join(temp, 'site-b'), cacheDir: path.join(temp, 'cache-b'), quiet: true, search: false, reuse: { previous: { dir: path.join(temp, 'site-a'), pages: first.fingerprints } } });
  // v1.16.x: nine pages and the generated home page, less its two changelog pages.
  assert.deepEqual({ laidOut: again.laidOut, reused: again.reused }, { laidOut: 8, reused: first.laidOut - 8 });
  await buildSite(data, { outDir: path.join(temp, 'site-c'), cacheDir: path.join(temp, 'cache-c'), quiet: true, search: false });
  const built = snapshot(path.join(temp, 'site-b'));
  const cold = snapshot(path.join(temp, 'site-c'));
  assert.deepEqual([...built.keys()], [...cold.keys()]);
  assert.deepEqual([...built].filter(([file, hash]) => cold.get(file) !== hash).map(([file]) => file), []);
});

test('the UI code: a change to any file the layout is made with changes every page\'s fingerprint', async () => {
  const root = path.join(temp, 'ui');
  const files = ['src/pages/[...slug].astro', 'src/components/Header.astro', 'src/view/nav.ts', 'src/client/menu.ts', 'src/styles/base.css', 'public/favicon.svg', 'astro.config.ts', 'package-lock.json'];
  for (const file of files) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), `// ${file}\n`);
  }
  const before = uiFingerprint(root);
  assert.equal(uiFingerprint(root), before, 'the same files, the same hash');
  for (const file of files) {
    writeFileSync(path.join(root, file), `// ${file}, changed\n`);
    assert.notEqual(uiFingerprint(root), before, file);
    writeFileSync(path.join(root, file), `// ${file}\n`);
  }
  writeFileSync(path.join(root, 'src/view/added.ts'), '');
  assert.notEqual(uiFingerprint(root), before, 'a file added');

  const model = buildModel(fixture);
  const a = layoutFingerprints(model, { ui: 'a', siteUrl: 'https://docs.test' });
  const b = layoutFingerprints(model, { ui: 'b', siteUrl: 'https://docs.test' });
  const origin = layoutFingerprints(model, { ui: 'a', siteUrl: 'https://other.test' });
  assert.equal(a.length, 31);
  for (const [i, p] of a.entries()) {
    assert.notEqual(p.fingerprint, b[i]!.fingerprint, `${p.key}: UI code`);
    assert.notEqual(p.fingerprint, origin[i]!.fingerprint, `${p.key}: origin`);
  }
});
