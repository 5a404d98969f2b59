/** buildSite end to end on the fixture: the files it writes, and the same bytes on every build. */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, test } from 'node:test';
import { buildSite } from '../src/integration/astro-build.ts';
import type { SiteData } from '../src/model/site-data.ts';

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
  // latest/ laid out by Astro, as `npm run dev` serves it, instead of copied: in a process of its own.
  const script = `const { buildSite } = await import(${JSON.stringify(new URL('../src/integration/astro-build.ts', import.meta.url).href)});
    const data = JSON.parse((await import('node:fs')).readFileSync(${JSON.stringify(new URL('./fixtures/site-data.json', import.meta.url).pathname)}, 'utf8'));
    await buildSite(data, { outDir: ${JSON.stringify(join(tmp, 'r'))}, cacheDir: ${JSON.stringify(join(tmp, 'cache-r'))}, quiet: true, search: false, latest: 'render' });`;
  await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { cwd: join(import.meta.dirname, '..') });
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
  // Only latest/: older versions are noindex, the latest under its id has latest/ as canonical.
  assert.doesNotMatch(sitemap, /gloo-edge\/v\d/);
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

test('latest/ pages copied from the latest version are the bytes Astro writes when it lays latest/ out', () => {
  const copied = tree(join(tmp, 'a'));
  const rendered = tree(join(tmp, 'r'));
  const latestPages = (files: Map<string, string>) => [...files.keys()].filter((k) => k.startsWith('gloo-edge/latest/') && k.endsWith('.html'));
  const pages = latestPages(rendered);
  assert.ok(pages.length >= 10, `${pages.length} latest pages`);
  assert.deepEqual(latestPages(copied), pages, 'the same pages');
  assert.deepEqual(pages.filter((k) => copied.get(k) !== rendered.get(k)), [], 'the same bytes');
  const locs = (dir: string) => [...readFileSync(join(tmp, dir, 'sitemap-0.xml'), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]).sort();
  assert.deepEqual(locs('a'), locs('r'), 'the sitemap lists the copies');
});

test('a second site built in the same process is laid out with its own data, not the first one\'s', async () => {
  const dropped = data.versions.at(-1)!.id;
  // The same base (so the same Astro config): only the data differs.
  // Its latest version has a page whose code sample shows a versioned URL.
  const sample = `${data.base}${data.latest}/`;
  const codePage = { route: 'code-sample/', sourceFile: 'content/code-sample.md', title: 'Code sample', description: '', weight: 1, headings: [], links: [],
    html: `<pre><code>curl https://docs.solo.io${sample}x/</code></pre><p>See <a href="${sample}code-sample/">this page</a>.</p>` };
  const other: SiteData = {
    ...data,
    product: 'Other Product',
    versions: data.versions.filter((v) => v.id !== dropped),
    pages: { ...data.pages, [data.latest]: [...data.pages[data.latest]!, codePage] },
  };
  await buildSite(other, { outDir: join(tmp, 'c'), cacheDir: join(tmp, 'cache-c'), quiet: true, search: false });
  const files = tree(join(tmp, 'c'));
  assert.ok(files.has('gloo-edge/latest/operations/upgrading/upgrade_steps/index.html'));
  assert.ok(![...files.keys()].some((f) => f.startsWith(`gloo-edge/${dropped}/`)), `no pages of ${dropped}`);
  const page = readFileSync(join(tmp, 'c', 'gloo-edge/latest/operations/upgrading/upgrade_steps/index.html'), 'utf8');
  assert.match(page, /<title>[^<]*Other Product 1\.17<\/title>/);
  assert.doesNotMatch(page, new RegExp(`gloo-edge/${dropped.replace(/\./g, '\\.')}/`), 'the version menu lists only this site\'s versions');
  assert.doesNotMatch(readFileSync(join(tmp, 'c', 'sitemap-0.xml'), 'utf8'), new RegExp(dropped.replace(/\./g, '\\.')));
  // latest/ is re-based structurally: the link moves, the code sample keeps the URL it shows.
  const copied = readFileSync(join(tmp, 'c', 'gloo-edge/latest/code-sample/index.html'), 'utf8');
  assert.ok(copied.includes(`<code>curl https://docs.solo.io${sample}x/</code>`), 'the code sample keeps its versioned URL');
  assert.ok(copied.includes(`<a href="${data.base}latest/code-sample/">this page</a>`), 'the link is re-based');
  // The first site again, into the same folder (as every `npm run build` stages into .build/stage): its own bytes.
  await buildSite(data, { outDir: join(tmp, 'c'), cacheDir: join(tmp, 'cache-c'), quiet: true });
  const a = tree(join(tmp, 'a'));
  const d = tree(join(tmp, 'c'));
  assert.deepEqual([...d.keys()], [...a.keys()]);
  assert.deepEqual([...a].filter(([k, h]) => d.get(k) !== h).map(([k]) => k), []);
});

test('buildSite refuses an outDir that contains the project', async () => {
  await assert.rejects(buildSite(data, { outDir: join(import.meta.dirname, '..') }), /refusing/);
});
