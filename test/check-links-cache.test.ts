/**
 * The link check's cache of parsed files (src/linkcheck/facts-cache.ts): a file whose bytes were
 * seen before is not parsed again, yet every link of every page is still resolved, so a check with
 * the cache reports exactly what a check without it reports, links broken by another page's change
 * included.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { checkSite, type CheckOptions, type CheckResult } from '../src/linkcheck/links.ts';
import { renderedPage, siteData } from './support/pages.ts';
import { writeText } from './support/project.ts';

const tmp = mkdtempSync(path.join(tmpdir(), 'check-links-cache-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

const chrome = (version: string) => `<header><a href="/docs/${version}/">Home</a><a href="/docs/${version}/target/">Target</a></header>`;
const html = (version: string, article: string) =>
  `<!doctype html><html><body>${chrome(version)}<article class="article">${article}</article></body></html>`;
const TARGET = '<h2 id="install">Install</h2><h2 id="configure">Configure</h2>';

/** One version of three pages: the home page and `a/` link to headings of `target/`; latest/ holds copies. */
function makeSite(name: string): { site: string; cache: string; options: CheckOptions } {
  const site = path.join(tmp, name, 'dist');
  const pages: Record<string, string> = {
    '': '<p><a href="/docs/v1.0.x/target/#install">install</a> <a href="target/#configure">configure</a></p>',
    'a/': '<p><a href="../target/#configure">configure</a> <a href="https://example.com/">out</a></p>',
    'target/': TARGET,
  };
  for (const [route, article] of Object.entries(pages)) {
    writeText(site, `docs/v1.0.x/${route}index.html`, html('v1.0.x', article));
    writeText(site, `docs/latest/${route}index.html`, html('latest', article.replaceAll('/docs/v1.0.x/', '/docs/latest/')));
  }
  writeText(site, 'index.html', '<!doctype html><meta http-equiv="refresh" content="0;url=/docs/latest/">');
  const data = siteData('Docs', { 'v1.0.x': Object.keys(pages) }, (route) =>
    renderedPage(route, {
      sourceFile: `content/${route || 'index/'}`.replace(/\/$/, '.md'),
      links: [...pages[route]!.matchAll(/href="([^"]+)"/g)].map((m, i) => ({ href: m[1]!, line: 3, column: 1 + i * 20 })),
      headings: [...pages[route]!.matchAll(/id="([^"]+)">([^<]+)/g)].map((m) => ({ depth: 2, id: m[1]!, text: m[2]! })),
    }),
  );
  const cache = path.join(tmp, name, 'work', 'link-facts.bin');
  return { site, cache, options: { data, copies: { from: '/docs/v1.0.x/', to: '/docs/latest/' } } };
}

/** What a user sees of a check: everything but how the files were read. */
const seen = ({ cache: _, ...result }: CheckResult) => result;

test('a second check of an unchanged site parses no file and finds what the first found', async () => {
  const { site, cache, options } = makeSite('unchanged');
  const full = await checkSite(site, options);
  const first = await checkSite(site, { ...options, cache });
  // Four files read (index.html, three pages of v1.0.x); the three latest/ copies are their originals' facts.
  assert.deepEqual(first.cache, { parsed: 4, reused: 0 });
  const second = await checkSite(site, { ...options, cache });
  assert.deepEqual(second.cache, { parsed: 0, reused: 4 });
  assert.deepEqual(seen(first), seen(full));
  assert.deepEqual(seen(second), seen(full));
  assert.equal(full.stats.pages, 7);
  assert.equal(full.diagnostics.length, 0);
});

test('an anchor removed from a page is reported on every page linking to it, though those pages are not parsed again', async () => {
  const { site, cache, options } = makeSite('anchor');
  await checkSite(site, { ...options, cache });
  writeText(site, 'docs/v1.0.x/target/index.html', html('v1.0.x', '<h2 id="install">Install</h2>'));
  writeText(site, 'docs/latest/target/index.html', html('latest', '<h2 id="install">Install</h2>'));
  const cached = await checkSite(site, { ...options, cache });
  assert.deepEqual(cached.cache, { parsed: 1, reused: 3 }, 'only the changed page is parsed');
  const full = await checkSite(site, options);
  assert.deepEqual(seen(cached), seen(full));
  const broken = cached.diagnostics.filter((d) => d.message.includes('#configure'));
  assert.deepEqual(broken.map((d) => d.file).sort(), ['content/a.md', 'content/index.md']);
  for (const d of broken) assert.match(d.message, /on page \/docs\/latest\/.*no element with that id \(and on 1 more page/);
  assert.equal(cached.stats.broken, 4, 'both pages, in both copies of the version');
});

test('a changed page is parsed again: its new link is checked', async () => {
  const { site, cache, options } = makeSite('changed');
  const before = await checkSite(site, { ...options, cache });
  assert.equal(before.diagnostics.length, 0);
  writeText(site, 'docs/v1.0.x/a/index.html', html('v1.0.x', '<p><a href="../target/#configure">configure</a> <a href="../nowhere/">new</a></p>'));
  const after = await checkSite(site, { ...options, cache });
  assert.deepEqual(after.cache, { parsed: 1, reused: 3 });
  assert.deepEqual(seen(after), seen(await checkSite(site, options)));
  assert.match(after.diagnostics.map((d) => d.message).join('\n'), /Broken link `\.\.\/nowhere\/` on page \/docs\/latest\/a\/ .*not a page of the site \(and on 1 more page: v1\.0\.x\/…\/a\/\)/);
});

test('the cache keeps only what the last check used; a damaged cache file is read as empty', async () => {
  const { site, cache, options } = makeSite('pruned');
  const original = html('v1.0.x', TARGET);
  await checkSite(site, { ...options, cache });
  writeText(site, 'docs/v1.0.x/target/index.html', html('v1.0.x', `${TARGET}<p>more</p>`));
  assert.deepEqual((await checkSite(site, { ...options, cache })).cache, { parsed: 1, reused: 3 });
  // The old bytes were not used by the last check: their entry is gone, the page is parsed again.
  writeText(site, 'docs/v1.0.x/target/index.html', original);
  assert.deepEqual((await checkSite(site, { ...options, cache })).cache, { parsed: 1, reused: 3 });
  writeFileSync(cache, 'not a cache');
  const damaged = await checkSite(site, { ...options, cache });
  assert.deepEqual(damaged.cache, { parsed: 4, reused: 0 });
  assert.deepEqual(seen(damaged), seen(await checkSite(site, options)));
});
