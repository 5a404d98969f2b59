/**
 * Browser tests of the built site: playwright-core driving Debian's Chromium
 * (never a downloaded browser) against the site served on 127.0.0.1.
 *
 * The site under test: DOCS_TEST_DIST (an already built dist/) if set; else a
 * fresh build of the project (its content and changelog, rendered by the
 * build's own `prepare`, laid out by buildSite) into a temporary folder;
 * with DOCS_TEST_FIXTURE=1, of test/fixtures/site-data.json instead.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test, type TestContext } from 'node:test';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AXE, openPage, siteSession, skipWithoutChromium, warnWithoutChromium } from './support/browser.ts';
import type { SiteData } from '../src/model/site-data.ts';
import { byId, LAYOUT_IDS } from '../src/util/layout-ids.ts';

warnWithoutChromium('the browser tests of the site');
const GUIDE = 'operations/upgrading/upgrade_steps/';
const KB = 1024;

const site = siteSession('site-browser-', () =>
  process.env.DOCS_TEST_FIXTURE ? (JSON.parse(readFileSync(new URL('./fixtures/site-data.json', import.meta.url), 'utf8')) as SiteData) : undefined);
const url = site.url;

function open(t: TestContext, path: string, options: Parameters<Browser['newContext']>[0] = {}): Promise<{ page: Page; context: BrowserContext; errors: string[] }> {
  return openPage(site, t, path, options);
}

async function switchVersion(page: Page, label: string): Promise<void> {
  const select = page.locator('#version-select');
  const value = await select.locator('option', { hasText: label }).first().getAttribute('value');
  assert.ok(value, `no option ${label}`);
  await Promise.all([page.waitForURL((u) => u.pathname === value), select.selectOption(value)]);
  await page.waitForLoadState('load');
}

describe('the versioned site in Chromium', () => {
  test('the guide opens in latest', async (t) => {
    if (skipWithoutChromium(t)) return;
    const { page } = await open(t, `${site.base}latest/${GUIDE}`);
    assert.equal(await page.locator('h1').textContent(), 'Upgrade Steps');
    assert.equal(await page.locator('link[rel=canonical]').getAttribute('href'), `https://docs.solo.io${site.base}latest/${GUIDE}`);
    assert.equal(await page.locator('meta[name=robots]').count(), 0);
    assert.match((await page.locator('#version-select option:checked').textContent()) ?? '', /\(latest\)/);
    assert.equal(await page.locator('.version-banner').count(), 0);
    assert.ok((await page.locator('.toc a').count()) > 3);
    assert.equal(await page.locator('.sidebar a[aria-current=page]').textContent(), 'Upgrade Steps');
  });

  test('/ and the base redirect to latest', async (t) => {
    if (skipWithoutChromium(t)) return;
    const { page } = await open(t, '/');
    await page.waitForURL((u) => u.pathname === `${site.base}latest/`);
    await page.goto(url(site.base));
    await page.waitForURL((u) => u.pathname === `${site.base}latest/`);
  });

  test('switching to an older version lands on the same page with its numbers', async (t) => {
    if (skipWithoutChromium(t)) return;
    const { page } = await open(t, `${site.base}latest/${GUIDE}`);
    const latestMinor = /Review version (\d+\.\d+) changes/.exec((await page.locator('h2#review-changes').textContent()) ?? '')?.[1];
    const options = await page.locator('#version-select option').allTextContents();
    const older = options.map((o) => /^\s*v(\d+\.\d+)\.x\s*$/.exec(o)?.[1]).filter((o) => o !== undefined);
    assert.ok(older.length > 0, `an older version in ${options.join(', ')}`);
    const target = older[0]!;
    await switchVersion(page, `v${target}.x`);
    assert.equal(new URL(page.url()).pathname, `${site.base}v${target}.x/${GUIDE}`);
    assert.match((await page.locator('h2#review-changes').textContent()) ?? '', new RegExp(`Review version ${target.replace('.', '\\.')} changes`));
    assert.notEqual(target, latestMinor);
    assert.match((await page.locator('.version-banner').textContent()) ?? '', new RegExp(`You are viewing ${target.replace('.', '\\.')}; the latest is ${latestMinor}`));
    assert.equal(await page.locator('meta[name=robots]').getAttribute('content'), 'noindex');
    assert.match((await page.locator('#version-select option:checked').textContent()) ?? '', new RegExp(`^\\s*v${target.replace('.', '\\.')}\\.x\\s*$`));
  });

  test('switching to a version that lacks the page lands on its fallback, never a 404', async (t) => {
    if (skipWithoutChromium(t)) return;
    // The guide's sidebar expands its section, which holds a page only some versions have.
    const { page } = await open(t, `${site.base}latest/${GUIDE}`);
    // Find a page of latest that some other version lacks: its option is not the same route.
    const routes = await page.locator('.sidebar a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    for (const route of routes) {
      await page.goto(url(route));
      const same = route.slice(`${site.base}latest/`.length);
      const fallback = await page.locator('#version-select option').evaluateAll(
        (os, same) => os.map((o) => (o as HTMLOptionElement).value).find((v) => !v.endsWith(`/${same}`)),
        same,
      );
      if (!fallback) continue;
      const label = await page.locator(`#version-select option[value="${fallback}"]`).textContent();
      await switchVersion(page, label!.trim());
      assert.equal(new URL(page.url()).pathname, fallback);
      assert.ok(same.startsWith(fallback.replace(/^\/[^]*?\/v[^/]+\//, '')), `${fallback} is an ancestor of ${same}`);
      assert.notEqual(await page.locator('h1').textContent(), 'Page not found');
      return;
    }
    assert.fail('no page in latest is missing from another version');
  });

  test('a #crd anchor is kept across a switch', async (t) => {
    if (skipWithoutChromium(t)) return;
    const { page } = await open(t, `${site.base}latest/${GUIDE}#crd`);
    const withCrd = await page.locator('#version-select option').evaluateAll((os) =>
      os.filter((o) => !(o as HTMLOptionElement).selected && (o as HTMLOptionElement).dataset.anchors!.split(' ').includes('crd')).map((o) => o.textContent!.trim()),
    );
    assert.ok(withCrd.length > 0);
    await switchVersion(page, withCrd[0]!);
    assert.equal(new URL(page.url()).hash, '#crd');
    assert.equal(await page.locator('#crd').count(), 1);
  });

  test('choosing Enterprise switches every tab set and stays after navigating', async (t) => {
    if (skipWithoutChromium(t)) return;
    const { page } = await open(t, `${site.base}latest/${GUIDE}`);
    const tablists = page.locator('[role=tablist]');
    assert.ok((await tablists.count()) >= 2, 'the guide has several tab sets');
    const selected = () => page.locator('[role=tab][aria-selected=true]').allTextContents();
    assert.ok((await selected()).every((s) => s === 'Open Source'));
    // Roles and wiring
    const tab = page.locator('[role=tab]', { hasText: 'Enterprise' }).first();
    const panelId = await tab.getAttribute('aria-controls');
    assert.equal(await page.locator(`#${panelId}`).getAttribute('role'), 'tabpanel');
    await tab.click();
    assert.ok((await selected()).every((s) => s === 'Enterprise'), `all Enterprise: ${await selected()}`);
    assert.equal(await page.locator(`#${panelId}`).isVisible(), true);
    assert.equal(await page.locator('.tab-label').first().isVisible(), false);
    // Keyboard: roving tabindex and arrows
    assert.equal(await tab.getAttribute('tabindex'), '0');
    await tab.focus();
    await page.keyboard.press('ArrowLeft');
    assert.ok((await selected()).every((s) => s === 'Open Source'));
    await page.keyboard.press('End');
    assert.ok((await selected()).every((s) => s === 'Enterprise'));
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Enterprise');
    // Another page (another version's guide): still Enterprise
    const other = await page.locator('#version-select option:not(:checked)').first().getAttribute('value');
    await page.goto(url(other!));
    assert.ok((await page.locator('[role=tablist]').count()) > 0);
    assert.ok((await selected()).every((s) => s === 'Enterprise'), `still Enterprise after navigating: ${await selected()}`);
  });

  test('a code block can be copied', async (t) => {
    if (skipWithoutChromium(t)) return;
    const { page, context } = await open(t, `${site.base}latest/${GUIDE}`);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.origin });
    const block = page.locator('.code-block', { hasText: 'glooctl check' }).first();
    const expected = (await block.locator('pre code').textContent())!.replace(/\n$/, '');
    await block.locator('.copy-button').click();
    await block.locator('.copy-button', { hasText: 'Copied' }).waitFor({ timeout: 5000 });
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), expected);
  });

  test('search for "glooctl check" finds the guide, in this version only', async (t) => {
    if (skipWithoutChromium(t)) return;
    for (const prefix of ['latest', null]) {
      const { page } = await open(t, `${site.base}latest/`);
      let scope = `${site.base}latest/`;
      if (prefix === null) {
        const older = await page.locator('#version-select option').evaluateAll((os) => (os as HTMLOptionElement[]).map((o) => o.value).filter((v) => !v.includes('/latest/')));
        scope = older.at(-1)!;
        await page.goto(url(scope));
      }
      await page.locator(byId(LAYOUT_IDS.searchInput)).fill('glooctl check');
      const link = page.locator('.search-results a');
      await link.first().waitFor({ timeout: 15_000 });
      const hrefs = await link.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
      assert.ok(hrefs.includes(`${scope}${GUIDE}`), `${scope}${GUIDE} in ${hrefs.join(', ')}`);
      assert.ok(hrefs.every((h) => h.startsWith(scope)), `only ${scope}: ${hrefs.join(', ')}`);
    }
  });

  test('the compare view loads from #compareversions_v1.16.0...v1.17.3', async (t) => {
    if (skipWithoutChromium(t)) return;
    const path = `${site.base}latest/reference/changelog/open_source/`;
    const { page } = await open(t, `${path}#compareversions_v1.16.0...v1.17.3`);
    if ((await page.locator('#changelog-data').count()) === 0) {
      t.skip('the changelog page is not in this build yet');
      return;
    }
    assert.equal(await page.locator('#changelog-compare-from').inputValue(), '1.16.0');
    assert.equal(await page.locator('#changelog-compare-to').inputValue(), '1.17.3');
    assert.match((await page.locator('#changelog-compare-status').textContent()) ?? '', /after v1\.16\.0 up to v1\.17\.3/);
    assert.ok((await page.locator('#changelog-compare-result li').count()) > 0);
  });

  test('theme toggle: dark is remembered and applied before paint', async (t) => {
    if (skipWithoutChromium(t)) return;
    const { page } = await open(t, `${site.base}latest/${GUIDE}`, { colorScheme: 'light' });
    const toggle = page.locator('[data-theme-choice=dark]');
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(await bg(), 'rgb(13, 17, 23)');
    await page.reload({ waitUntil: 'commit' });
    await page.waitForSelector('body');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    assert.equal(await bg(), 'rgb(13, 17, 23)');
  });

  test('without JavaScript everything is there: version links, tab contents', async (t) => {
    if (skipWithoutChromium(t)) return;
    const { page } = await open(t, `${site.base}latest/${GUIDE}`, { javaScriptEnabled: false });
    await page.locator('.version-menu summary').click();
    assert.ok((await page.locator('.version-menu a[data-version]').count()) >= 2);
    assert.ok(await page.locator('.tab-panel[data-tab-name=Enterprise]').first().isVisible());
    assert.ok(await page.locator('.tab-label').first().isVisible());
  });

  test('usable on a phone: no horizontal scrolling, menu reachable', async (t) => {
    if (skipWithoutChromium(t)) return;
    const { page } = await open(t, `${site.base}latest/${GUIDE}`, { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    // Against the phone's width, not window.innerWidth: on a mobile viewport that grows with the page.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - 375);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
    assert.ok(await page.locator('.menu-link').isVisible());
    assert.ok(await page.locator(byId(LAYOUT_IDS.nav)).count());
  });

  test('budgets: chrome ≤ 8 kB, JS ≤ 30 kB, CSS ≤ 20 kB gzipped', async (t) => {
    if (skipWithoutChromium(t)) return;
    const context = await site.browser.newContext();
    t.after(() => context.close());
    const page = await context.newPage();
    const sizes = { script: 0, stylesheet: 0 };
    const pending: Promise<void>[] = [];
    page.on('response', (r) => {
      const type = r.request().resourceType();
      if (type === 'script' || type === 'stylesheet') pending.push(r.body().then((b) => void (sizes[type] += gzipSync(b).length)));
    });
    const response = await page.goto(url(`${site.base}latest/${GUIDE}`), { waitUntil: 'networkidle' });
    await Promise.all(pending);
    const html = (await response!.text());
    const chrome = html.replace(/<article[\s\S]*<\/article>/, '');
    const chromeGz = gzipSync(chrome).length;
    t.diagnostic(`chrome ${(chromeGz / KB).toFixed(2)} kB, JS ${(sizes.script / KB).toFixed(2)} kB, CSS ${(sizes.stylesheet / KB).toFixed(2)} kB (gzipped)`);
    assert.ok(chromeGz <= 8 * KB, `page chrome ${chromeGz} B gzipped`);
    assert.ok(sizes.script <= 30 * KB, `JS ${sizes.script} B gzipped`);
    assert.ok(sizes.stylesheet <= 20 * KB, `CSS ${sizes.stylesheet} B gzipped`);
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`axe: no WCAG 2.2 A/AA violations on every page type (${scheme})`, async (t) => {
      if (skipWithoutChromium(t)) return;
      const { page } = await open(t, `${site.base}latest/${GUIDE}`, { colorScheme: scheme });
      const report: string[] = [];
      const pageTypes = [
        `${site.base}latest/${GUIDE}`, // an article
        `${site.base}latest/`, // the home page, a generated section page
        `${site.base}v1.15.x/operations/upgrading/`, // an older version, with its banner
        `${site.base}latest/reference/changelog/open_source/`, // the changelog
        `${site.base}latest/reference/changelog/open_source/#compareversions_v1.16.0...v1.17.3`, // its compare view
        `${site.base}no/such/page/`, // 404
        `${site.base}v1.15.x/operations/upgrading/checklist/`, // 404 of a page other versions have
        `${site.base}latest/search/?q=upgrade`, // the search page
      ];
      for (const path of pageTypes) {
        await page.goto(url(path));
        // Check every tab's content, not only the selected one.
        await page.evaluate(() => document.querySelectorAll<HTMLElement>('[role=tabpanel]').forEach((p) => (p.hidden = false)));
        await page.addScriptTag({ content: AXE });
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
          const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
          return result.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(', ')}`);
        });
        report.push(...violations.map((v) => `${path}: ${v}`));
      }
      assert.deepEqual(report, []);
    });
  }
});
