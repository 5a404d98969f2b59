/**
 * The article's browser scripts, each bundled alone onto a fixture page in
 * Chromium: tab sets (src/client/tabs.ts), copy buttons (src/client/copy.ts),
 * the table of contents (src/client/toc.ts).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { skipWithoutChromium } from './support/browser.ts';
import { bundleClient, clientSession, fixtureHtml } from './support/client.ts';

const session = clientSession('the article script tests (test/client-article.test.ts)');
const here = import.meta.dirname;

const tabSet = (id: string) =>
  `<div class="tabs" data-tabs id="${id}">` +
  `<section class="tab-panel" data-tab-name="Open Source"><p class="tab-label">Open Source</p><p>oss ${id}</p></section>` +
  `<section class="tab-panel" data-tab-name="Enterprise"><p class="tab-label">Enterprise</p><p>ee ${id}</p></section>` +
  `<section class="tab-panel" data-tab-name=""><p>third ${id}</p></section></div>`;

describe('tabs', () => {
  const entry = () => bundleClient(`import { initTabs } from '../src/client/tabs.ts'; initTabs();`, here);
  const state = (page: import('playwright-core').Page) =>
    page.evaluate(() =>
      [...document.querySelectorAll('[data-tabs]')].map((set) => ({
        selected: set.querySelector('[role=tab][aria-selected=true]')?.textContent,
        shown: [...set.querySelectorAll<HTMLElement>('.tab-panel')].filter((p) => !p.hidden).map((p) => p.textContent),
      })),
    );

  test('tab sets get a tab list, the first tab shown; a choice switches every set with that tab and is remembered on the next page', async (t) => {
    if (skipWithoutChromium(t)) return;
    const page1 = fixtureHtml(`<h1>One</h1>${tabSet('a')}<p>between</p>${tabSet('b')}`);
    const { page } = await session.open(t, { '/': page1, '/other/': fixtureHtml(tabSet('c')), '/fixture-entry.js': await entry() });
    await page.waitForSelector('.tabs-ready');
    assert.deepEqual(await page.getByRole('tab').allTextContents(), ['Open Source', 'Enterprise', 'Tab 3', 'Open Source', 'Enterprise', 'Tab 3']);
    assert.deepEqual(await state(page), [
      { selected: 'Open Source', shown: ['Open Sourceoss a'] },
      { selected: 'Open Source', shown: ['Open Sourceoss b'] },
    ]);
    assert.equal(await page.locator('.tab-label:visible').count(), 0, 'the no-JavaScript labels are hidden');
    assert.equal(await page.getByRole('tabpanel', { name: 'Open Source' }).first().textContent(), 'Open Sourceoss a', 'a panel is labelled by its tab');

    await page.getByRole('tab', { name: 'Enterprise' }).first().click();
    assert.deepEqual(await state(page), [
      { selected: 'Enterprise', shown: ['Enterpriseee a'] },
      { selected: 'Enterprise', shown: ['Enterpriseee b'] },
    ]);
    await page.goto(new URL('/other/', page.url()).href);
    await page.waitForSelector('.tabs-ready');
    assert.deepEqual(await state(page), [{ selected: 'Enterprise', shown: ['Enterpriseee c'] }], 'the choice is remembered');
  });

  test('arrow keys, Home and End move through the tabs (wrapping), and focus follows', async (t) => {
    if (skipWithoutChromium(t)) return;
    const { page } = await session.open(t, { '/': fixtureHtml(tabSet('a')), '/fixture-entry.js': await entry() });
    await page.waitForSelector('.tabs-ready');
    await page.getByRole('tab', { name: 'Open Source' }).focus();
    const selected = () => page.evaluate(() => [document.querySelector('[aria-selected=true]')?.textContent, document.activeElement?.textContent]);
    await page.keyboard.press('ArrowLeft');
    assert.deepEqual(await selected(), ['Tab 3', 'Tab 3'], 'left from the first wraps to the last');
    await page.keyboard.press('ArrowRight');
    assert.deepEqual(await selected(), ['Open Source', 'Open Source'], 'right from the last wraps to the first');
    await page.keyboard.press('End');
    assert.deepEqual(await selected(), ['Tab 3', 'Tab 3']);
    await page.keyboard.press('Home');
    assert.deepEqual(await selected(), ['Open Source', 'Open Source']);
    assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('[role=tab]')].map((b) => b.tabIndex)), [0, -1, -1], 'one tab stop');
  });
});

describe('copy buttons', () => {
  const entry = () => bundleClient(`import { initCopyButtons } from '../src/client/copy.ts'; initCopyButtons();`, here);
  const article = fixtureHtml(
    '<article class="article"><pre><code>glooctl check\nglooctl version\n</code></pre><pre class="mermaid" data-needs="mermaid">graph TD; A-->B</pre></article><pre><code>outside</code></pre>',
  );

  test('every code block of the article gets a Copy button (not a diagram source) that copies its text without the last newline', async (t) => {
    if (skipWithoutChromium(t)) return;
    const { page } = await session.open(t, { '/': article, '/fixture-entry.js': await entry() }, { context: { permissions: ['clipboard-read', 'clipboard-write'] } });
    await page.waitForSelector('.copy-button');
    assert.equal(await page.locator('.copy-button').count(), 1, 'one button: not on the diagram nor outside the article');
    const button = page.getByRole('button', { name: 'Copy code to clipboard' });
    await button.click();
    await page.getByRole('button', { name: 'Copied to clipboard' }).waitFor();
    assert.equal(await page.locator('.copy-button').textContent(), 'Copied');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'glooctl check\nglooctl version');
  });

  test('a refused clipboard says “Copy failed”, then the button comes back', async (t) => {
    if (skipWithoutChromium(t)) return;
    const init = `Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });`;
    const { page } = await session.open(t, { '/': article, '/fixture-entry.js': await entry() }, { init });
    await page.clock.install();
    await page.locator('.copy-button').click();
    await page.getByRole('button', { name: 'Copy failed' }).waitFor();
    await page.clock.runFor(2100);
    assert.equal(await page.locator('.copy-button').textContent(), 'Copy');
  });
});

describe('table of contents', () => {
  const entry = () => bundleClient(`import { initToc } from '../src/client/toc.ts'; initToc();`, here);
  const sections = ['intro', 'install', 'upgrade'];
  const toc = fixtureHtml(
    `<nav><details data-toc style="position:fixed;top:0;right:0"><summary>On this page</summary><ul>${sections.map((s) => `<li><a href="#${s}">${s}</a></li>`).join('')}</ul></details></nav>` +
      `<main>${sections.map((s) => `<h2 id="${s}">${s}</h2><div style="height:1500px"></div>`).join('')}</main>`,
  );
  const marked = (page: import('playwright-core').Page) => page.evaluate(() => [...document.querySelectorAll('[data-toc] [aria-current]')].map((a) => a.textContent));

  test('wide: open, and the entry of the section being read is marked as the reader scrolls', async (t) => {
    if (skipWithoutChromium(t)) return;
    const { page } = await session.open(t, { '/': toc, '/fixture-entry.js': await entry() }, { context: { viewport: { width: 1440, height: 800 } } });
    await page.waitForFunction(() => document.querySelector('[data-toc] [aria-current]'));
    assert.equal(await page.evaluate(() => document.querySelector('details')!.open), true);
    assert.deepEqual(await marked(page), ['intro']);
    await page.evaluate(() => document.getElementById('install')!.scrollIntoView());
    await page.waitForFunction(() => document.querySelector('[data-toc] [aria-current]')?.textContent === 'install');
    await page.evaluate(() => window.scrollTo(0, document.getElementById('upgrade')!.offsetTop - 100));
    await page.waitForFunction(() => document.querySelector('[data-toc] [aria-current]')?.textContent === 'upgrade');
    assert.deepEqual(await marked(page), ['upgrade'], 'one entry marked at a time');
  });

  test('narrow: a closed box', async (t) => {
    if (skipWithoutChromium(t)) return;
    const { page } = await session.open(t, { '/': toc, '/fixture-entry.js': await entry() }, { context: { viewport: { width: 400, height: 800 } } });
    await page.waitForFunction(() => document.querySelector('[data-toc] [aria-current]'));
    assert.equal(await page.evaluate(() => document.querySelector('details')!.open), false);
  });
});
