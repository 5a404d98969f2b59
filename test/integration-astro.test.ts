/** The Astro integration's parts without Astro: what it sets, what its virtual module says, the registry, the latest/ copy. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { Plugin } from 'vite';
import { VIRTUAL_SITE, versionedDocs } from '../src/integration/integration.ts';
import { copyLatest, latestPaths } from '../src/integration/latest-copy.ts';
import { assetsDir, redirects } from '../src/integration/site-config.ts';
import { registerSite, registeredSite } from '../src/integration/site-registry.ts';
import { isChangelogRoute, CHANGELOG_ROUTE } from '../src/model/changelog-routes.ts';
import type { SiteData } from '../src/model/site-data.ts';
import { buildModel } from '../src/model/site-model.ts';

const data = JSON.parse(readFileSync(new URL('./fixtures/site-data.json', import.meta.url), 'utf8')) as SiteData;

/** What versionedDocs() hands Astro in astro:config:setup. */
function setup(options: Parameters<typeof versionedDocs>[0]) {
  let config: { site?: string; redirects?: Record<string, string>; build?: { assets: string }; vite?: { plugins: Plugin[] }; integrations?: { name: string }[] } = {};
  const hook = versionedDocs(options).hooks['astro:config:setup'] as (o: { updateConfig(c: typeof config): void; command: string; config: { root: URL } }) => void;
  hook({ updateConfig: (c) => (config = c), command: 'build', config: { root: new URL('file:///project/') } });
  return config;
}

test('the site\'s origin, redirects, assets folder, sitemap and Mermaid come from the integration\'s options', () => {
  const config = setup({ key: 'k', layOutLatest: false, base: '/docs/', siteUrl: 'https://example.com' });
  assert.equal(config.site, 'https://example.com');
  assert.deepEqual(config.redirects, { '/': '/docs/latest/', '/docs': '/docs/latest/' });
  assert.equal(config.build?.assets, 'docs/_astro');
  assert.deepEqual(config.integrations?.map((i) => i.name), ['docs-mermaid-vendor', '@astrojs/sitemap']);
  assert.deepEqual(redirects('/'), { '/': '/latest/' });
  assert.equal(assetsDir('/a/b/'), 'a/b/_astro');
});

test('the virtual module names this build\'s key (builds) or data file (dev), and nothing else', async () => {
  for (const [options, expected] of [
    [{ key: 'build-7', layOutLatest: false }, /registeredSite\(site\.key\)[\s\S]*"key":"build-7"|"key":"build-7"[\s\S]*registeredSite/],
    [{ dataFile: '/tmp/x.json', layOutLatest: true }, /"dataFile":"\/tmp\/x\.json","layOutLatest":true|"layOutLatest":true[\s\S]*"dataFile"/],
  ] as const) {
    const plugin = setup({ ...options, base: '/docs/', siteUrl: 'https://example.com' }).vite!.plugins[0]!;
    const resolve = plugin.resolveId as (id: string) => string | undefined;
    const load = plugin.load as (id: string) => string | undefined;
    const id = resolve(VIRTUAL_SITE)!;
    assert.ok(id.startsWith('\0'));
    assert.match(load(id)!, expected);
    assert.equal(resolve('other'), undefined);
  }
});

test('the registry hands each build its own data, under a new key, until released', () => {
  const a = registerSite(data);
  const b = registerSite({ ...data, product: 'B' });
  assert.notEqual(a.key, b.key);
  assert.equal(registeredSite(a.key), data);
  assert.equal(registeredSite(b.key).product, 'B');
  a.release();
  assert.throws(() => registeredSite(a.key), /No site data registered/);
  b.release();
});

test('the latest/ copy writes every page of the latest version under latest/, re-based, and lists them for the sitemap', async () => {
  const model = buildModel(data);
  const out = mkdtempSync(path.join(tmpdir(), 'arch-latest-'));
  const own = `${model.base}${model.latest}/`;
  const page = path.join(out, model.base, model.latest, 'a', 'index.html');
  mkdirSync(path.dirname(page), { recursive: true });
  writeFileSync(page, `<a href="${own}b/">b</a><code>${own}</code>`);
  assert.equal(await copyLatest(out, model), 1);
  assert.equal(readFileSync(path.join(out, model.base, 'latest', 'a', 'index.html'), 'utf8'), `<a href="${model.base}latest/b/">b</a><code>${own}</code>`);
  const paths = latestPaths(model);
  assert.ok(paths.length >= data.pages[data.latest]!.length && paths.every((p) => p.startsWith(`${model.base}latest/`)));
});

test('the changelog routes are the pages the build generates', () => {
  assert.equal(CHANGELOG_ROUTE.open_source, 'reference/changelog/open_source/');
  assert.ok(isChangelogRoute('reference/changelog/enterprise/'));
  assert.ok(!isChangelogRoute('reference/changelog/'));
});
