/**
 * Browser tests of the Hugo vocabulary's markup on the built site
 * (content/reference/diagrams.md): the Mermaid diagram drawn (and its
 * renderer loaded only there), line numbers and highlighted lines, the
 * expand block, axe in both themes. playwright-core driving Debian's
 * Chromium against a fresh build (prepare + buildSite in a temporary
 * folder), or DOCS_TEST_DIST when set, as in browser-site.test.ts.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test, type TestContext } from 'node:test';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { AXE, siteSession, skipWithoutChromium, warnWithoutChromium } from './support/browser.ts';

warnWithoutChromium('the browser tests of the shortcode markup');
const GUIDE = 'operations/upgrading/upgrade_steps/';
const DIAGRAMS = 'reference/diagrams/';
const KB = 1024;

const site = siteSession('site-vocab-');
const url = site.url;

interface Opened {
  page: Page;
  context: BrowserContext;
  /** Every script and stylesheet the page requested. */
  requests: Request[];
  /** The page's HTML as served. */
  html: string;
}

/** A fresh context and page; the test fails on any console error or page error (except those `allow` matches). */
async function open(t: TestContext, path: string, options: Parameters<Browser['newContext']>[0] & { allow?: RegExp; before?: (p: Page) => Promise<unknown> } = {}): Promise<Opened> {
  const { allow, before: setup, ...contextOptions } = options;
  const context = await site.browser.newContext(contextOptions);
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: Request[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !(allow && allow.test(m.text()))) errors.push(`console: ${m.text()} (${page.url()})`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message} (${page.url()})`));
  page.on('request', (r) => {
    if (['script', 'stylesheet'].includes(r.resourceType())) requests.push(r);
  });
  t.after(async () => {
    await context.close();
    assert.deepEqual(errors, [], 'no console errors on any page visited');
  });
  await setup?.(page);
  const response = await page.goto(url(path), { waitUntil: 'networkidle' });
  assert.ok(response?.ok(), `${path} answers ${response?.status()}`);
  return { page, context, requests, html: await response!.text() };
}

const fileName = (r: Request) => new URL(r.url()).pathname.split('/').pop() ?? '';

async function diagramDrawn(page: Page): Promise<void> {
  await page.locator('.mermaid-diagram svg').first().waitFor({ state: 'visible', timeout: 20_000 });
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return result.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(', ')}`);
  });
}

describe('the shortcode vocabulary in Chromium', () => {
  test('the diagrams page draws the Mermaid diagram as an SVG, hiding its source', async (t) => {
    if (skipWithoutChromium(t)) return;
    const { page, requests } = await open(t, `${site.base}latest/${DIAGRAMS}`);
    assert.equal(await page.locator('h1').textContent(), 'Architecture diagrams');
    await diagramDrawn(page);
    const svgText = (await page.locator('.mermaid-diagram svg').first().textContent()) ?? '';
    for (const node of ['client', 'envoy', 'upstream']) assert.ok(svgText.includes(node), `${node} in the diagram: ${svgText}`);
    assert.equal(await page.locator('pre.mermaid').isVisible(), false, 'the source is hidden once the diagram is drawn');
    assert.equal(await page.locator('.mermaid-diagram').count(), 1);
    assert.ok(requests.some((r) => /^mermaid-render\./.test(fileName(r))), `the renderer chunk was loaded: ${requests.map(fileName).join(', ')}`);
    assert.ok(requests.every((r) => new URL(r.url()).origin === site.server.origin), 'every asset from the site itself');
  });

  test('the diagram follows the theme: drawn dark in dark, redrawn when toggled', async (t) => {
    if (skipWithoutChromium(t)) return;
    const { page } = await open(t, `${site.base}latest/${DIAGRAMS}`, { colorScheme: 'dark' });
    await diagramDrawn(page);
    assert.equal(await page.locator('.mermaid-diagram').getAttribute('data-theme'), 'dark');
    await page.locator('[data-theme-choice=light]').click();
    await page.locator('.mermaid-diagram[data-theme=light] svg').waitFor({ timeout: 20_000 });
  });

  test('without its renderer (it fails to load) the diagram source stays visible', async (t) => {
    if (skipWithoutChromium(t)) return;
    const { page } = await open(t, `${site.base}latest/${DIAGRAMS}`, {
      allow: /Failed to load resource|net::ERR_FAILED/,
      before: (p) => p.route('**/mermaid-render.*.js', (route) => route.abort()),
    });
    await page.waitForTimeout(300);
    assert.equal(await page.locator('pre.mermaid').isVisible(), true);
    assert.match((await page.locator('pre.mermaid').textContent()) ?? '', /client-->envoy/);
    assert.equal(await page.locator('.mermaid-diagram').count(), 0);
  });

  test('an invalid diagram keeps its source visible', async (t) => {
    if (skipWithoutChromium(t)) return;
    const { page } = await open(t, `${site.base}latest/${DIAGRAMS}`, {
      before: (p) =>
        p.route(`**${site.base}latest/${DIAGRAMS}`, async (route) => {
          const response = await route.fetch();
          const body = (await response.text()).replace('graph LR; client--&gt;envoy', 'graph LR; client--&gt;&gt;&gt;(((').replace('graph LR; client-->envoy', 'graph LR; client-->>>(((');
          await route.fulfill({ response, body });
        }),
    });
    await page.locator('pre.mermaid[data-mermaid-error]').waitFor({ state: 'visible', timeout: 20_000 });
    assert.equal(await page.locator('.mermaid-diagram').count(), 0);
    assert.equal(await page.locator('[id^="dmermaid"], #mermaid-diagram-1').count(), 0, 'no error picture left in the page');
  });

  test('line numbers are drawn, not copied; the highlighted line is marked', async (t) => {
    if (skipWithoutChromium(t)) return;
    const { page } = await open(t, `${site.base}latest/${DIAGRAMS}`, { colorScheme: 'light' });
    const pre = page.locator('pre[data-line-numbers]').first();
    const lines = pre.locator('.line');
    assert.equal(await lines.count(), 5);
    assert.equal(await pre.locator('.line.highlighted').count(), 1);
    assert.equal((await pre.locator('.line.highlighted').textContent())?.trim(), 'single:');
    assert.equal((await lines.nth(1).getAttribute('class')), 'line highlighted');
    const style = (i: number) =>
      lines.nth(i).evaluate((el) => {
        const before = getComputedStyle(el, '::before');
        return { content: before.content, userSelect: before.userSelect, bg: getComputedStyle(el).backgroundColor, border: getComputedStyle(el).borderLeftStyle };
      });
    const [plain, marked] = [await style(0), await style(1)];
    assert.equal(plain.content, 'counter(line)');
    assert.equal(plain.userSelect, 'none');
    assert.notEqual(marked.bg, plain.bg, 'a highlighted line has its own background');
    assert.equal(marked.border, 'solid', 'and a bar');
    // The code copied is the code, without numbers.
    assert.match((await pre.locator('code').textContent()) ?? '', /^routeAction:\n {2}single:/);
    const selected = await pre.evaluate((el) => {
      getSelection()!.selectAllChildren(el);
      return getSelection()!.toString();
    });
    assert.ok(!/^\s*1/.test(selected), `no line number in the selection: ${JSON.stringify(selected.slice(0, 40))}`);
  });

  test('the expand block opens on click', async (t) => {
    if (skipWithoutChromium(t)) return;
    const { page } = await open(t, `${site.base}latest/${DIAGRAMS}`);
    const details = page.locator('details.expand');
    const body = details.locator('.expand-body');
    assert.equal(await details.evaluate((d) => (d as HTMLDetailsElement).open), false);
    assert.equal(await body.isVisible(), false);
    await details.locator('summary.expand-title', { hasText: 'What is an upstream?' }).click();
    assert.equal(await details.evaluate((d) => (d as HTMLDetailsElement).open), true);
    assert.equal(await body.isVisible(), true);
    assert.match((await body.textContent()) ?? '', /destination for routed traffic/);
  });

  test('the alert is a labelled callout', async (t) => {
    if (skipWithoutChromium(t)) return;
    const { page } = await open(t, `${site.base}latest/${DIAGRAMS}`);
    const alert = page.locator('aside.alert.alert-info');
    assert.equal(await alert.getAttribute('aria-label'), 'Info');
    assert.notEqual(await alert.evaluate((el) => getComputedStyle(el).backgroundColor), await page.evaluate(() => getComputedStyle(document.body).backgroundColor));
  });

  test('the guide loads no Mermaid chunk; budgets on both pages', async (t) => {
    if (skipWithoutChromium(t)) return;
    const sizes = async (requests: Request[]) => {
      const out = { script: 0, stylesheet: 0 };
      for (const r of requests) {
        const body = await (await r.response())?.body();
        if (body) out[r.resourceType() as 'script' | 'stylesheet'] += gzipSync(body).length;
      }
      return out;
    };
    const diagrams = await open(t, `${site.base}latest/${DIAGRAMS}`);
    await diagramDrawn(diagrams.page);
    const lazy = diagrams.requests.filter((r) => r.resourceType() === 'script' && !diagrams.html.includes(fileName(r)));
    assert.ok(lazy.some((r) => /^mermaid-render\./.test(fileName(r))), `lazy chunks of the diagrams page: ${lazy.map(fileName).join(', ')}`);
    const guide = await open(t, `${site.base}latest/${GUIDE}`);
    const lazyNames = new Set(lazy.map(fileName));
    const guideScripts = guide.requests.filter((r) => r.resourceType() === 'script').map(fileName);
    assert.deepEqual(guideScripts.filter((n) => lazyNames.has(n) || /mermaid/i.test(n)), [], `the guide requested: ${guideScripts.join(', ')}`);
    const [g, d] = [await sizes(guide.requests), await sizes(diagrams.requests)];
    t.diagnostic(`guide: JS ${(g.script / KB).toFixed(2)} kB, CSS ${(g.stylesheet / KB).toFixed(2)} kB; diagrams: JS ${(d.script / KB).toFixed(2)} kB (Mermaid included), CSS ${(d.stylesheet / KB).toFixed(2)} kB (gzipped)`);
    assert.ok(g.script <= 30 * KB, `guide JS ${g.script} B gzipped`);
    assert.ok(g.stylesheet <= 20 * KB, `guide CSS ${g.stylesheet} B gzipped`);
    assert.ok(d.stylesheet <= 20 * KB, `diagrams CSS ${d.stylesheet} B gzipped`);
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`axe: no WCAG 2.2 A/AA violations on the diagrams page, diagram drawn and expand open (${scheme})`, async (t) => {
      if (skipWithoutChromium(t)) return;
      const { page } = await open(t, `${site.base}latest/${DIAGRAMS}`, { colorScheme: scheme });
      await diagramDrawn(page);
      const closed = await axeViolations(page);
      await page.locator('summary.expand-title').click();
      const opened = await axeViolations(page);
      assert.deepEqual([...closed, ...opened], []);
    });
  }
});
