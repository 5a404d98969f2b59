/**
 * The client entry (src/client/main.ts) wires every enhancement, and the dev
 * server's in-place refresh (src/client/dev-refresh.ts) swaps the page's
 * content on Vite's event, each bundled onto a fixture page in Chromium.
 * Vite's `import.meta.hot` is a stub that records the handlers.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { LAYOUT_IDS } from '../src/util/layout-ids.ts';
import { skipWithoutChromium } from './support/browser.ts';
import { bundleClient, clientSession, fixtureHtml, ORIGIN } from './support/client.ts';

const session = clientSession('the client entry tests (test/client-main.test.ts)');
const here = import.meta.dirname;

const HOT = `globalThis.HOT = { handlers: {}, on(event, handler) { this.handlers[event] = handler; } };`;
const fire = (page: Page) => page.evaluate(() => (globalThis as unknown as { HOT: { handlers: Record<string, () => void> } }).HOT.handlers['docs:site-data-changed']!());

const tabs = (text: string) => `<div data-tabs><section class="tab-panel" data-tab-name="A"><p>${text} A</p></section><section class="tab-panel" data-tab-name="B"><p>${text} B</p></section></div>`;
const docPage = (title: string, text: string, nav = `<nav id="${LAYOUT_IDS.nav}"><ul><li><a href="/">${title} link</a></li></ul></nav>`) =>
  fixtureHtml(
    `${nav}<details data-toc><summary>On this page</summary><ul><li><a href="#s">S</a></li></ul></details>` +
      `<main><article class="article"><h1>${title}</h1>${tabs(text)}<pre><code>${text} code</code></pre><div style="height:3000px"></div><h2 id="s">S</h2></article></main>` +
      '<div data-theme-toggle hidden><button data-theme-choice="dark">dark</button></div>',
  ).replace('<title>Fixture</title>', `<title>${title}</title>`);

describe('the client entry', () => {
  test('every enhancement is wired: tabs, copy buttons, theme choice, table of contents', async (t) => {
    if (skipWithoutChromium(t)) return;
    const entry = await bundleClient(`import '../src/client/main.ts';`, here, { __MERMAID_URL__: 'globalThis.MERMAID_URL' });
    const { page } = await session.open(t, { '/': docPage('Guide', 'one'), '/fixture-entry.js': entry });
    await page.waitForSelector('.tabs-ready');
    await page.getByRole('tab', { name: 'B' }).click();
    assert.equal(await page.getByText('one B').isVisible(), true);
    assert.equal(await page.locator('.copy-button').count(), 1);
    assert.equal(await page.locator('[data-theme-toggle]').isVisible(), true);
    await page.getByRole('button', { name: 'dark' }).click();
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    assert.equal(await page.evaluate(() => document.querySelector('details')!.open), true, 'the table of contents is open on a wide screen');
  });
});

describe('dev refresh', () => {
  /** With the page's tab sets wired first, as main.ts does. */
  const entry = () =>
    bundleClient(`import { initTabs } from '../src/client/tabs.ts'; import { initDevRefresh } from '../src/client/dev-refresh.ts'; initTabs(); initDevRefresh();`, here, { 'import.meta.hot': 'globalThis.HOT' });
  /** The page as it is now: a mark set on the window (gone after a reload), the texts and the scroll position. */
  const now = (page: Page) =>
    page.evaluate((nav) => ({
      reloaded: !(window as unknown as { mark?: boolean }).mark,
      title: document.title,
      nav: document.getElementById(nav)?.textContent,
      article: document.querySelector('main p')?.textContent,
      scrollY: window.scrollY,
    }), LAYOUT_IDS.nav);

  test('on a data change the page’s content and sidebar are swapped in place, enhanced again, the scroll kept', async (t) => {
    if (skipWithoutChromium(t)) return;
    const { page, context } = await session.open(t, { '/': docPage('Guide', 'old'), '/fixture-entry.js': await entry() }, { init: HOT });
    await page.waitForSelector('.tabs-ready');
    await page.evaluate(() => {
      (window as unknown as { mark: boolean }).mark = true;
      window.scrollTo(0, 500);
    });
    await context.route(`${ORIGIN}/`, (route) => route.fulfill({ contentType: 'text/html', body: docPage('Guide, edited', 'new') }));
    await fire(page);
    await page.waitForFunction(() => document.title === 'Guide, edited');
    assert.deepEqual(await now(page), { reloaded: false, title: 'Guide, edited', nav: 'Guide, edited link', article: 'new A', scrollY: 500 });
    assert.equal(await page.locator('.tabs-ready [role=tab]').count(), 2, 'the new tab set is wired');
    assert.equal(await page.locator('.copy-button').count(), 1, 'the new code block has its copy button');
  });

  test('a page that is gone, or whose shape changed, is reloaded instead', async (t) => {
    if (skipWithoutChromium(t)) return;
    const { page, context } = await session.open(t, { '/': docPage('Guide', 'old'), '/fixture-entry.js': await entry() }, { init: HOT });
    const mark = () => page.evaluate(() => ((window as unknown as { mark: boolean }).mark = true));
    await page.waitForFunction(() => (globalThis as unknown as { HOT: { handlers: object } }).HOT.handlers);
    await mark();
    await context.route(`${ORIGIN}/`, (route) => route.fulfill({ contentType: 'text/html', body: docPage('No sidebar', 'new', '') }));
    await Promise.all([page.waitForEvent('load'), fire(page)]);
    assert.deepEqual(await now(page).then((n) => [n.reloaded, n.title]), [true, 'No sidebar']);

    await mark();
    await context.route(`${ORIGIN}/`, (route) => route.fulfill({ status: 404, contentType: 'text/html', body: fixtureHtml('<main>gone</main>') }));
    await Promise.all([page.waitForEvent('load'), fire(page)]);
    assert.equal((await now(page)).reloaded, true);
  });
});
