/** buildSite end to end on the fixture: the files it writes, and the same bytes on every build. */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, test } from 'node:test';
import { buildSite } from '../src/site/astro-build.ts';
import type { SiteData } from '../src/site/types.ts';

const data = JSON.parse(readFileSync(new URL('./fixtures/site-data.json', import.meta.url), 'utf8')) as SiteData;
let tmp = '';

function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(relative(dir, p), createHash('sha256').update(readFileSync(p)).digest('hex'));
    }
  };
  walk(dir);
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : 1)));
}

before(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'site-build-'));
  await buildSite(data, { outDir: join(tmp, 'a'), cacheDir: join(tmp, 'cache-a'), quiet: true });
  await buildSite(data, { outDir: join(tmp, 'b'), cacheDir: join(tmp, 'cache-b'), quiet: true });
});
after(() => rm(tmp, { recursive: true, force: true }));

test('same input, byte-identical output', () => {
  const a = tree(join(tmp, 'a'));
  const b = tree(join(tmp, 'b'));
  assert.deepEqual([...a.keys()], [...b.keys()]);
  const differing = [...a].filter(([k, h]) => b.get(k) !== h).map(([k]) => k);
  assert.deepEqual(differing, []);
});

test('every version, latest/, redirects, 404, sitemap and one search bundle per version', () => {
  const files = tree(join(tmp, 'a'));
  for (const prefix of ['latest', ...data.versions.map((v) => v.id)]) {
    assert.ok(files.has(`gloo-edge/${prefix}/operations/upgrading/upgrade_steps/index.html`), prefix);
    assert.ok(files.has(`gloo-edge/${prefix}/pagefind/pagefind.js`), `search bundle of ${prefix}`);
  }
  assert.ok(!files.has('gloo-edge/v1.15.x/operations/upgrading/canary/index.html'), 'a page outside its versions');
  for (const redirect of ['index.html', 'gloo-edge/index.html']) {
    const html = readFileSync(join(tmp, 'a', redirect), 'utf8');
    assert.match(html, /<meta http-equiv="refresh" content="0;url=\/gloo-edge\/latest\/">/);
    assert.match(html, /<a href="\/gloo-edge\/latest\/">/);
  }
  assert.ok(files.has('404.html'));
  const sitemap = readFileSync(join(tmp, 'a', 'sitemap-0.xml'), 'utf8');
  assert.match(sitemap, /gloo-edge\/latest\/operations\/upgrading\/upgrade_steps\//);
  assert.match(sitemap, /gloo-edge\/v1\.15\.x\/operations\/upgrading\/upgrade_steps\//);
  assert.doesNotMatch(sitemap, /<loc>https:\/\/docs\.solo\.io\/<\/loc>|404/);
});

test('canonical and robots: latest pages canonical to themselves, the latest version to latest/, old ones noindex', () => {
  const read = (p: string) => readFileSync(join(tmp, 'a', 'gloo-edge', p, 'operations/upgrading/upgrade_steps/index.html'), 'utf8');
  const canonical = (html: string) => /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
  const latest = 'https://docs.solo.io/gloo-edge/latest/operations/upgrading/upgrade_steps/';
  assert.equal(canonical(read('latest')), latest);
  assert.equal(canonical(read('v1.17.x')), latest);
  assert.doesNotMatch(read('latest'), /name="robots"/);
  assert.match(read('v1.15.x'), /<meta name="robots" content="noindex">/);
  assert.match(read('v1.18.x'), /<meta name="robots" content="noindex">/);
  assert.match(read('v1.18.x'), /unreleased/);
  assert.doesNotMatch(read('latest'), /<h[1-6][^>]*>\s*<p>/, 'no Markdown rendered by Astro');
});

test('buildSite refuses an outDir that contains the project', async () => {
  await assert.rejects(buildSite(data, { outDir: join(import.meta.dirname, '..') }), /refusing/);
});
