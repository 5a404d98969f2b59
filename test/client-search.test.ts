/**
 * Search as you type (src/client/search.ts) and the search page
 * (src/client/search-page.ts), each bundled alone onto a fixture page in
 * Chromium, against a stub Pagefind bundle with a fixed index (what the
 * scripts do with results; the real Pagefind is searched in
 * test/browser-site.test.ts and test/browser-search-page.test.ts).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { skipWithoutChromium } from './support/browser.ts';
import { bundleClient, clientSession, fixtureHtml, type Served } from './support/client.ts';

const session = clientSession('the search script tests (test/client-search.test.ts)');
const here = import.meta.dirname;

/**
 * Pagefind's API over ten pages matching "glooctl" (the first with four
 * sections: one is the page itself and one has no anchor, both left out; three
 * are listed) and nothing else. `window.pagefindInits` counts `init()` calls.
 */
const PAGEFIND = `
const pages = Array.from({ length: 10 }, (_, i) => ({
  url: '/v1/page-' + i + '/',
  excerpt: 'run <mark>glooctl</mark> ' + i,
  meta: { title: 'Page ' + i },
  sub_results: i === 0 ? [
    { title: 'Page 0', url: '/v1/page-0/', excerpt: 'self' },
    { title: 'Install', url: '/v1/page-0/#install', excerpt: 'install <mark>glooctl</mark>' },
    { title: 'Check', url: '/v1/page-0/#check', excerpt: '<mark>glooctl</mark> check' },
    { title: 'Anchorless', url: '/v1/page-0/other/', excerpt: 'x' },
    { title: 'Upgrade', url: '/v1/page-0/#upgrade', excerpt: 'upgrade' },
    { title: 'Fourth', url: '/v1/page-0/#fourth', excerpt: 'four' },
  ] : [],
}));
export async function init() { window.pagefindInits = (window.pagefindInits ?? 0) + 1; }
export async function search(query) {
  return { results: query.toLowerCase().includes('glooctl') ? pages.map((p) => ({ data: async () => p })) : [] };
}
export async function debouncedSearch(query) { return search(query); }
`;

const searchBox = (bundle = '/v1/pagefind/') =>
  `<div class="search" data-search data-bundle="${bundle}"><form role="search" action="/v1/search/" method="get">` +
  `<label for="q" class="sr-only">Search the v1 docs</label><input id="q" name="q" type="search"></form><div class="search-results" aria-live="polite"></div></div>`;

const searchFiles = async (): Promise<Record<string, Served>> => ({
  '/': fixtureHtml(`${searchBox()}<main><p>Article</p><input id="other" aria-label="Other field"></main>`),
  '/v1/pagefind/pagefind.js': PAGEFIND,
  '/v1/search/': fixtureHtml('<h1>Search page</h1>'),
  '/v1/page-0/': fixtureHtml('<h1>Page 0</h1>'),
  '/fixture-entry.js': await bundleClient(`import { initSearch } from '../src/client/search.ts'; initSearch();`, here),
});

const shown = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.search-results > ul > li')].map((li) => ({
      title: li.querySelector('a')!.textContent,
      sections: [...li.querySelectorAll('.search-sections a')].map((a) => a.getAttribute('href')),
      excerpt: li.querySelector(':scope > p')?.innerHTML,
    })),
  );

describe('search as you type', () => {
  test('results show as one types: pages linked with their sections or excerpt, eight at a time, then “show more”', async (t) => {
    if (skipWithoutChromium(t)) return;
    const { page, requests } = await session.open(t, await searchFiles());
    await page.waitForFunction(() => document.readyState === 'complete');
    assert.ok(!requests.includes('/v1/pagefind/pagefind.js'), 'Pagefind is not loaded before the box is used');
    await page.getByRole('searchbox').fill('glooctl');
    await page.locator('.search-results li').first().waitFor();
    const first = await shown(page);
    assert.equal(first.length, 8);
    assert.deepEqual(first[0], { title: 'Page 0', sections: ['/v1/page-0/#install', '/v1/page-0/#check', '/v1/page-0/#upgrade'], excerpt: undefined });
    assert.deepEqual(first[1], { title: 'Page 1', sections: [], excerpt: 'run <mark>glooctl</mark> 1' });
    const more = page.getByRole('button', { name: 'Show 2 more of 2 results' });
    await more.click();
    await page.waitForFunction(() => document.querySelectorAll('.search-results > ul > li').length === 10);
    assert.equal(await more.count(), 0, 'nothing more to show');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Page 8', 'focus on the first new result');
    assert.equal(await page.evaluate(() => (window as unknown as { pagefindInits: number }).pagefindInits), 1, 'initialised once');
    await page.getByText('Article').click();
    assert.equal(await page.locator('.search-results *').count(), 0, 'a click outside closes the results');
  });

  test('no match and an unavailable index say so; the query shows as text', async (t) => {
    if (skipWithoutChromium(t)) return;
    const files = await searchFiles();
    const { page } = await session.open(t, files);
    await page.getByRole('searchbox').fill('<b>nothing</b>');
    await page.locator('.search-status').waitFor();
    assert.equal(await page.locator('.search-status').textContent(), 'No results for “<b>nothing</b>”.');
    const broken = await session.open(t, { ...files, '/v1/pagefind/pagefind.js': { status: 404, body: '' } });
    // The box loads the bundle when it gets focus; that load fails before the reader types: no error in the console.
    const failed = broken.page.waitForResponse((r) => r.url().endsWith('/pagefind/pagefind.js'));
    await broken.page.getByRole('searchbox').focus();
    await failed;
    await broken.page.waitForTimeout(200);
    await broken.page.getByRole('searchbox').fill('glooctl');
    await broken.page.locator('.search-status').waitFor();
    assert.equal(await broken.page.locator('.search-status').textContent(), 'Search is not available.');
  });

  test('/ and Ctrl+K focus the box (not while typing elsewhere); arrows move through results; Escape clears; Enter opens the first result', async (t) => {
    if (skipWithoutChromium(t)) return;
    const { page } = await session.open(t, await searchFiles());
    const box = page.getByRole('searchbox');
    const focused = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent);
    await page.getByText('Article').click();
    await page.keyboard.press('/');
    assert.equal(await focused(), 'q');
    await page.getByLabel('Other field').focus();
    await page.keyboard.press('/');
    assert.equal(await focused(), 'other', '/ typed into another field stays there');
    assert.equal(await page.getByLabel('Other field').inputValue(), '/');
    await page.keyboard.press('Control+k');
    assert.equal(await focused(), 'q');

    await box.fill('glooctl');
    await page.locator('.search-results li').first().waitFor();
    await page.keyboard.press('ArrowDown');
    assert.equal(await focused(), 'Page 0');
    await page.keyboard.press('ArrowDown');
    assert.equal(await focused(), 'Install', 'sections are in the order');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    assert.equal(await focused(), 'q', 'up from the first result: back in the box');
    await page.keyboard.press('Escape');
    assert.equal(await box.inputValue(), '');
    assert.equal(await page.locator('.search-results *').count(), 0, 'results cleared');

    await box.fill('glooctl');
    await page.locator('.search-results li').first().waitFor();
    await Promise.all([page.waitForURL('**/v1/page-0/'), box.press('Enter')]);
  });

  test('Enter before any result goes to the search page', async (t) => {
    if (skipWithoutChromium(t)) return;
    const { page } = await session.open(t, await searchFiles());
    await page.getByRole('searchbox').fill('zzz');
    await Promise.all([page.waitForURL('**/v1/search/?q=zzz'), page.getByRole('searchbox').press('Enter')]);
  });
});

describe('the search page', () => {
  const searchPage = fixtureHtml(
    `${searchBox()}<main data-search-page data-bundle="/v1/pagefind/"><h1>Search</h1><p data-search-page-status></p><div data-search-page-results></div><h2>Every page</h2></main>`,
  );
  const files = async (pagefind: Served = PAGEFIND): Promise<Record<string, Served>> => ({
    '/v1/search/': searchPage,
    '/v1/pagefind/pagefind.js': pagefind,
    '/fixture-entry.js': await bundleClient(`import { initSearchPage } from '../src/client/search-page.ts'; void initSearchPage();`, here),
  });
  const status = (page: Page) => page.locator('[data-search-page-status]');

  test('the query’s results, the count, the query in the box', async (t) => {
    if (skipWithoutChromium(t)) return;
    const { page } = await session.open(t, await files(), { path: '/v1/search/?q=+glooctl+' });
    await page.waitForFunction(() => /match/.test(document.querySelector('[data-search-page-status]')?.textContent ?? ''));
    assert.equal(await status(page).textContent(), '10 pages match “glooctl”.');
    assert.equal(await page.locator('[data-search-page-results] > ul > li').count(), 10);
    assert.equal(await page.getByRole('searchbox').inputValue(), 'glooctl');
    assert.equal(await page.locator('[data-search-page-results] .search-sections a').count(), 3, 'sections as in the header’s results');
  });

  test('no query, no match, no index: each says so and points at the list of pages', async (t) => {
    if (skipWithoutChromium(t)) return;
    const empty = await session.open(t, await files(), { path: '/v1/search/' });
    await empty.page.waitForFunction(() => document.querySelector('[data-search-page-status]')?.textContent);
    assert.equal(await status(empty.page).textContent(), 'Type your words in the search box, or browse every page below.');
    const none = await session.open(t, await files(), { path: '/v1/search/?q=zzz' });
    await none.page.waitForFunction(() => /No results/.test(document.querySelector('[data-search-page-status]')?.textContent ?? ''));
    assert.equal(await status(none.page).textContent(), 'No results for “zzz”. Every page is listed below.');
    const broken = await session.open(t, await files({ status: 404, body: '' }), { path: '/v1/search/?q=glooctl' });
    await broken.page.waitForFunction(() => /not available/.test(document.querySelector('[data-search-page-status]')?.textContent ?? ''));
    assert.equal(await status(broken.page).textContent(), 'Search is not available. Every page is listed below.');
  });
});
