/**
 * Search without a third party (issue 15): the header's search form GETs the
 * version's own search page (`<base><version>/search/?q=`). Without JavaScript
 * that page lists every page of the version by section; with it, Pagefind's
 * results for the query from the version's own bundle. No request ever leaves
 * the site; the page passes the link checker and axe, and is neither indexed
 * by search nor in the sitemap.
 *
 * The site: DOCS_TEST_DIST when set, else a fresh build of the project.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { AXE, openPage, siteSession, skipWithoutChromium, warnWithoutChromium } from './support/browser.ts';
import { prepare } from '../src/engine/build.ts';
import { loadConfig } from '../src/config/load.ts';
import { PROJECT_ROOT } from '../src/integration/astro-build.ts';
import { checkSite } from '../src/linkcheck/links.ts';

warnWithoutChromium('the search page tests');
const site = siteSession('site-search-');
const GUIDE = 'operations/upgrading/upgrade_steps/';

/** Every request the context makes that is not to the site under test. */
function thirdParty(context: BrowserContext): string[] {
  const foreign: string[] = [];
  context.on('request', (r) => {
    if (!r.url().startsWith(`${site.server.origin}/`)) foreign.push(r.url());
  });
  return foreign;
}

/** The routes of a version's pages as built: every folder with an index.html but the search page and Pagefind's bundle. */
function builtRoutes(prefix: string): string[] {
  const root = join(site.dist, site.base, prefix);
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f === 'index.html' || f.endsWith('/index.html'))
    .map((f) => `${site.base}${prefix}/${f.slice(0, -'index.html'.length)}`)
    .filter((href) => !href.endsWith('/search/') && !href.includes('/pagefind/'))
    .sort();
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return result.violations.map((v) => `${v.id} at ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(', ')}`);
  });
}

describe('the search page', () => {
  test('without JavaScript: the header’s search goes to the version’s search page, which lists every page of that version by section', async (t) => {
    if (skipWithoutChromium(t)) return;
    const { page, context } = await openPage(site, t, `${site.base}v1.16.x/${GUIDE}`, { javaScriptEnabled: false });
    const foreign = thirdParty(context);
    await page.locator('[id="vd:search-input"]').fill('glooctl');
    await Promise.all([page.waitForURL(/\/search\/\?q=glooctl$/), page.keyboard.press('Enter')]);
    assert.equal(new URL(page.url()).pathname, `${site.base}v1.16.x/search/`);
    assert.equal(await page.locator('h1').textContent(), 'Search the v1.16.x docs');
    assert.match((await page.locator('[data-search-page-status]').textContent()) ?? '', /Search needs JavaScript\. Every page of the v1\.16\.x docs is listed below/);
    const links = await page.locator('.page-index a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    assert.deepEqual([...new Set(links)].sort(), builtRoutes('v1.16.x'), 'every page of v1.16.x, linked, and nothing else');
    assert.deepEqual(await page.locator('.page-index h3').allTextContents(), ['Gloo Edge documentation', 'Operations', 'Reference']);
    assert.ok(await page.locator('.page-index section', { hasText: 'Operations' }).locator('a', { hasText: 'Upgrade Steps' }).isVisible());
    assert.deepEqual(foreign, []);
  });

  test('with JavaScript: the query’s Pagefind results from the version’s own bundle, the query in the box', async (t) => {
    if (skipWithoutChromium(t)) return;
    const { page, context } = await openPage(site, t, `${site.base}v1.15.x/search/?q=glooctl`);
    const foreign = thirdParty(context);
    await page.locator('.search-page-results li a').first().waitFor({ timeout: 15_000 });
    assert.equal(await page.locator('[id="vd:search-input"]').inputValue(), 'glooctl');
    assert.match((await page.locator('[data-search-page-status]').textContent()) ?? '', /^\d+ pages? match(es)? “glooctl”/);
    const hrefs = await page.locator('.search-page-results a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    assert.ok(hrefs.some((h) => h === `${site.base}v1.15.x/${GUIDE}`), `the guide is found: ${hrefs.join(', ')}`);
    assert.deepEqual(hrefs.filter((h) => !h.startsWith(`${site.base}v1.15.x/`)), [], 'only pages of v1.15.x, as the header’s search');
    // The header's search of the same version finds the same pages first.
    await page.locator('[id="vd:search-input"]').fill('');
    await page.locator('[id="vd:search-input"]').fill('glooctl');
    await page.locator('.search-results > ul > li > a').first().waitFor({ timeout: 15_000 });
    const header = await page.locator('.search-results > ul > li > a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    const own = await page.locator('.search-page-results > ul > li > a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    assert.deepEqual(own.slice(0, header.length), header);
    assert.deepEqual(foreign, []);
  });

  test('with JavaScript, Enter before any result shows goes to the search page; no match says so and keeps the page list', async (t) => {
    if (skipWithoutChromium(t)) return;
    const { page, context } = await openPage(site, t, `${site.base}latest/${GUIDE}`);
    const foreign = thirdParty(context);
    await page.locator('[id="vd:search-input"]').fill('zzqqxxnothing');
    await page.locator('.search-status').waitFor({ timeout: 15_000 });
    await Promise.all([page.waitForURL(/\/latest\/search\/\?q=zzqqxxnothing$/), page.keyboard.press('Enter')]);
    await page.waitForFunction(() => /No results/.test(document.querySelector('[data-search-page-status]')?.textContent ?? ''));
    assert.equal(await page.locator('.search-page-results li').count(), 0);
    assert.ok((await page.locator('.page-index a').count()) > 10);
    assert.deepEqual(foreign, []);
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`axe: no WCAG 2.2 A/AA violations on the search page with results and without a query (${scheme})`, async (t) => {
      if (skipWithoutChromium(t)) return;
      const { page } = await openPage(site, t, `${site.base}latest/search/?q=upgrade`, { colorScheme: scheme });
      await page.locator('.search-page-results li a').first().waitFor({ timeout: 15_000 });
      const report = (await axeViolations(page)).map((v) => `with results: ${v}`);
      await page.goto(site.url(`${site.base}v1.14.x/search/`));
      report.push(...(await axeViolations(page)).map((v) => `no query: ${v}`));
      assert.deepEqual(report, []);
    });
  }

  test('not indexed: noindex, out of the sitemap, never a search result', async (t) => {
    if (skipWithoutChromium(t)) return;
    const { page } = await openPage(site, t, `${site.base}latest/search/?q=search`);
    assert.equal(await page.locator('meta[name=robots]').getAttribute('content'), 'noindex');
    const sitemaps = readdirSync(site.dist).filter((f) => /^sitemap.*\.xml$/.test(f));
    assert.ok(sitemaps.length > 0);
    for (const f of sitemaps) assert.doesNotMatch(readFileSync(join(site.dist, f), 'utf8'), /\/search\//, f);
    await page.waitForFunction(() => !/Searching/.test(document.querySelector('[data-search-page-status]')?.textContent ?? 'Searching'));
    const found = await page.evaluate(async (bundle) => {
      const pagefind = await import(`${bundle}pagefind.js`);
      await pagefind.init?.();
      const { results } = await pagefind.search('All pages of');
      return Promise.all(results.map(async (r: { data(): Promise<{ url: string }> }) => (await r.data()).url));
    }, `${site.base}latest/pagefind/`);
    assert.deepEqual(found.filter((u: string) => u.includes('/search/')), []);
  });
});

describe('no third party, links sound', () => {
  test('no page of the site sends a form to, or loads a script, style, image or icon from, another origin', () => {
    if (!site.dist || !existsSync(site.dist)) return;
    const offenders: string[] = [];
    for (const f of readdirSync(site.dist, { recursive: true, encoding: 'utf8' })) {
      if (!f.endsWith('.html')) continue;
      const html = readFileSync(join(site.dist, f), 'utf8');
      const foreign = /duckduckgo|<form[^>]*\saction="(?:https?:)?\/\/|<(?:script|img|iframe|source|video|audio)[^>]*\ssrc="(?:https?:)?\/\/|<link[^>]*\srel="(?:stylesheet|preload|modulepreload|icon|prefetch)"[^>]*\shref="(?:https?:)?\/\//i.exec(html);
      if (foreign) offenders.push(`${f}: ${foreign[0].slice(0, 80)}`);
    }
    assert.deepEqual(offenders, []);
  });

  test('the link checker passes the search pages (every version and latest/)', async (t) => {
    if (skipWithoutChromium(t)) return;
    const loaded = await loadConfig(undefined, PROJECT_ROOT);
    const { data } = await prepare(loaded);
    const searchPages = ['latest', ...data!.versions.map((v) => v.id)].map((p) => join(site.dist, site.base, p, 'search', 'index.html'));
    assert.deepEqual(searchPages.filter((p) => !existsSync(p)), [], 'a search page for every copy');
    const { diagnostics } = await checkSite(site.dist, { data: data!, knownExternal: loaded.config.knownExternal });
    assert.deepEqual(diagnostics.filter((d) => d.message.includes('/search/')).map((d) => d.message), []);
  });
});
