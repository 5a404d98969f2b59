/**
 * Diagrams: src/client/mermaid.ts (fetches the renderer only when the article
 * has a diagram) and src/client/mermaid-render.ts (draws each block in the
 * site's theme, redraws on a theme change, keeps the source of a block that
 * fails), bundled onto a fixture page in Chromium. Mermaid itself is a stub
 * that records how it was called, so these tests are about our script; the
 * real Mermaid is drawn in test/browser-vocab.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { skipWithoutChromium } from './support/browser.ts';
import { bundleClient, clientSession, fixtureHtml } from './support/client.ts';

const session = clientSession('the diagram script tests (test/client-mermaid.test.ts)');
const here = import.meta.dirname;
/** The renderer asks for `__MERMAID_URL__`, served here by the stub. */
const define = { __MERMAID_URL__: 'globalThis.MERMAID_URL' };
const init = `globalThis.MERMAID_URL = '/mermaid.js';`;

/** Mermaid's API as the renderer uses it: `initialize` then `render`; a source containing "bad" fails to parse. */
const MERMAID_STUB = `
let config;
export default {
  initialize(c) { config = c; (window.initialized ??= []).push(c); },
  async render(id, text) {
    if (text.includes('bad')) throw new Error('Parse error on line 1');
    return { svg: '<svg id="' + id + '" data-drawn="' + config.theme + '"><text>' + text.length + '</text></svg>' };
  },
};`;

const diagrams = fixtureHtml(
  '<article class="article"><pre class="mermaid" data-needs="mermaid" data-align="center">graph TD; A--&gt;B</pre>' +
    '<pre class="mermaid" data-needs="mermaid">bad diagram</pre></article>',
);

const blocks = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('pre.mermaid')].map((pre) => {
      const out = pre.nextElementSibling?.classList.contains('mermaid-diagram') ? (pre.nextElementSibling as HTMLElement) : undefined;
      return { source: pre.hidden ? 'hidden' : 'shown', error: pre.dataset.mermaidError, drawn: out?.querySelector('svg')?.dataset.drawn, theme: out?.dataset.theme, align: out?.dataset.align };
    }),
  );

describe('diagrams', () => {
  test('the article’s diagrams are drawn (strict, dagre) and their source hidden; one that fails keeps its source', async (t) => {
    if (skipWithoutChromium(t)) return;
    const entry = await bundleClient(`import { initMermaid } from '../src/client/mermaid.ts'; initMermaid();`, here, define);
    const { page } = await session.open(t, { '/': diagrams, '/fixture-entry.js': entry, '/mermaid.js': MERMAID_STUB }, { init });
    await page.waitForSelector('.mermaid-diagram svg');
    await page.waitForFunction(() => document.querySelectorAll('pre[data-mermaid-error]').length === 1);
    assert.deepEqual(await blocks(page), [
      { source: 'hidden', error: undefined, drawn: 'default', theme: 'light', align: 'center' },
      { source: 'shown', error: 'Parse error on line 1', drawn: undefined, theme: undefined, align: undefined },
    ]);
    const config = await page.evaluate(() => (window as unknown as { initialized: Record<string, unknown>[] }).initialized[0]);
    assert.deepEqual([config?.securityLevel, config?.layout, config?.startOnLoad], ['strict', 'dagre', false]);
  });

  test('a page without a diagram never fetches the renderer; when it cannot be fetched the source stays', async (t) => {
    if (skipWithoutChromium(t)) return;
    const entry = await bundleClient(`import { initMermaid } from '../src/client/mermaid.ts'; initMermaid();`, here, define);
    const without = await session.open(t, { '/': fixtureHtml('<article><pre><code>x</code></pre></article><pre data-needs="mermaid">graph TD; out-of-article</pre>'), '/fixture-entry.js': entry, '/mermaid.js': MERMAID_STUB }, { init });
    await without.page.waitForLoadState('networkidle');
    assert.deepEqual(without.requests, ['/', '/fixture-entry.js'], 'no Mermaid request');

    const missing = await session.open(t, { '/': diagrams, '/fixture-entry.js': entry }, { init });
    await missing.page.waitForLoadState('networkidle');
    assert.ok(missing.requests.includes('/mermaid.js'), `the renderer was asked for: ${missing.requests.join(', ')}`);
    assert.deepEqual((await blocks(missing.page)).map((b) => [b.source, b.drawn]), [['shown', undefined], ['shown', undefined]]);
  });

  test('drawn in the chosen theme, redrawn when the theme changes', async (t) => {
    if (skipWithoutChromium(t)) return;
    const entry = await bundleClient(`import { renderDiagrams } from '../src/client/mermaid-render.ts'; void renderDiagrams([...document.querySelectorAll<HTMLElement>('pre.mermaid')]);`, here, define);
    const { page } = await session.open(t, { '/': diagrams, '/fixture-entry.js': entry, '/mermaid.js': MERMAID_STUB }, { init, context: { colorScheme: 'dark' } });
    await page.waitForSelector('.mermaid-diagram svg');
    assert.equal((await blocks(page))[0]?.drawn, 'dark', 'the system’s dark scheme');
    await page.evaluate(() => (document.documentElement.dataset.theme = 'light'));
    await page.waitForFunction(() => document.querySelector<HTMLElement>('.mermaid-diagram')?.dataset.theme === 'light');
    assert.equal((await blocks(page))[0]?.drawn, 'default');
    assert.equal(await page.locator('.mermaid-diagram').count(), 1, 'redrawn in place, not added');
  });
});
