/**
 * What a reader notices in the browser (issue 15): no sideways scrolling at
 * phone and tablet widths, search results on screen, a table of contents that
 * can be scrolled and marks where the reader is, Copy buttons that cover no
 * code, a version switch that says when it fell back, a useful 404 page, the
 * phone header and menu, keyboard search, and the screenshots a reviewer looks at.
 *
 * The site: DOCS_TEST_DIST when set, else a fresh build of the project.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { AXE, openPage, siteSession, skipWithoutChromium, warnWithoutChromium } from './support/browser.ts';
import { PROJECT_ROOT } from '../src/integration/astro-build.ts';

warnWithoutChromium('the reader tests of the site');
const site = siteSession('site-reader-');
const GUIDE = 'operations/upgrading/upgrade_steps/';
const CHANGELOG = 'reference/changelog/open_source/';
const COMPARE = `${CHANGELOG}#compareversions_v1.16.0...v1.17.3`;
/** Where `npm test` leaves screenshots of the guide for a reviewer (git-ignored). */
export const SCREENSHOTS = join(PROJECT_ROOT, 'test-results', 'screenshots');

const latest = (route: string) => `${site.base}latest/${route}`;

/** How far the document is wider than `width` (the viewport's CSS width, fixed: never a width that grows with the page). */
function overflow(page: Page, width: number): Promise<number> {
  return page.evaluate((w) => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - w, width);
}

describe('the site as a reader sees it', () => {
  for (const width of [390, 768, 1024]) {
    test(`no sideways scrolling at ${width} px on the guide, the changelog and the compare view`, async (t) => {
      if (skipWithoutChromium(t)) return;
      const { page } = await openPage(site, t, latest(GUIDE), { viewport: { width, height: 800 } });
      const wide: string[] = [];
      for (const route of [GUIDE, CHANGELOG, COMPARE]) {
        await page.goto(site.url(latest(route)));
        await page.waitForLoadState('load');
        const extra = await overflow(page, width);
        if (extra > 0) {
          const culprits = await page.evaluate((w) => [...document.querySelectorAll('body *')]
            .filter((e) => e.getBoundingClientRect().right > w + 1 && !e.closest('pre, table, .sidebar:not(:target)'))
            .slice(0, 3).map((e) => `${e.tagName.toLowerCase()}.${e.className} “${(e.textContent ?? '').slice(0, 40)}”`), width);
          wide.push(`${route}: ${extra}px too wide (${culprits.join('; ')})`);
        }
      }
      assert.deepEqual(wide, []);
    });
  }

  test('a phone (390 px, touch) never scrolls sideways', async (t) => {
    if (skipWithoutChromium(t)) return;
    const { page } = await openPage(site, t, latest(GUIDE), { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    assert.ok((await overflow(page, 390)) <= 0, `the guide is ${await overflow(page, 390)}px wider than the phone`);
  });

  for (const width of [390, 768]) {
    test(`search results stay on screen at ${width} px`, async (t) => {
      if (skipWithoutChromium(t)) return;
      const { page } = await openPage(site, t, latest(GUIDE), { viewport: { width, height: 800 } });
      await page.locator('[id="vd:search-input"]').fill('glooctl');
      await page.locator('.search-results a').first().waitFor({ timeout: 15_000 });
      const box = (await page.locator('.search-results').boundingBox())!;
      assert.ok(box.x >= 0 && box.x + box.width <= width, `results span x ${box.x}…${box.x + box.width} in a ${width}px window`);
      const title = (await page.locator('.search-results a').first().boundingBox())!;
      assert.ok(title.x >= 0 && title.width > 0, 'the first title is visible');
    });
  }

  test('the changelog’s table of contents can be scrolled to its last entry', async (t) => {
    if (skipWithoutChromium(t)) return;
    const { page } = await openPage(site, t, latest(CHANGELOG), { viewport: { width: 1440, height: 900 } });
    const list = page.locator('.toc ul').first();
    const last = page.locator('.toc a').last();
    const box = (await page.locator('.toc details').boundingBox())!;
    assert.ok(box.y + box.height <= 900, `the table of contents ends at ${box.y + box.height}px, below the 900px window`);
    await list.evaluate((ul) => {
      const scroller = ul.closest('details') as HTMLElement;
      scroller.scrollTop = scroller.scrollHeight;
    });
    const linkBox = (await last.boundingBox())!;
    assert.ok(linkBox.y >= 0 && linkBox.y + linkBox.height <= 900, `the last entry is at ${linkBox.y}px`);
    assert.equal(await page.evaluate(() => scrollY), 0, 'without scrolling the page');
  });

  for (const width of [390, 1440]) {
    test(`Copy buttons cover no code at ${width} px`, async (t) => {
      if (skipWithoutChromium(t)) return;
      const { page } = await openPage(site, t, latest(GUIDE), { viewport: { width, height: 900 } });
      await page.evaluate(() => document.querySelectorAll<HTMLElement>('[role=tabpanel]').forEach((p) => (p.hidden = false)));
      const covered = await page.evaluate(() => {
        const out: string[] = [];
        for (const block of document.querySelectorAll('.code-block')) {
          const button = block.querySelector('.copy-button')!.getBoundingClientRect();
          const pre = block.querySelector('pre')!;
          const view = pre.getBoundingClientRect();
          const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const range = document.createRange();
            range.selectNodeContents(node);
            for (const r of range.getClientRects()) {
              const visibleRight = Math.min(r.right, view.right);
              const hit = r.width > 0 && r.left < button.right && visibleRight > button.left && r.top < button.bottom && r.bottom > button.top;
              if (hit && (node.textContent ?? '').trim()) out.push((node.textContent ?? '').trim().slice(0, 40));
            }
          }
        }
        return out;
      });
      assert.deepEqual(covered, []);
    });
  }

  test('short inline code such as --strict never breaks across lines', async (t) => {
    if (skipWithoutChromium(t)) return;
    const broken: string[] = [];
    for (const width of [390, 768, 1440]) {
      const { page } = await openPage(site, t, latest(GUIDE), { viewport: { width, height: 900 } });
      await page.evaluate(() => document.querySelectorAll<HTMLElement>('[role=tabpanel]').forEach((p) => (p.hidden = false)));
      broken.push(...(await page.evaluate(() => [...document.querySelectorAll('.article :not(pre) > code')]
        .filter((c) => (c.textContent ?? '').length <= 30 && c.getClientRects().length > 1)
        .map((c) => `${innerWidth}: ${c.textContent}`))));
    }
    assert.deepEqual(broken, []);
  });

  test('the table of contents marks the section being read', async (t) => {
    if (skipWithoutChromium(t)) return;
    const { page } = await openPage(site, t, latest(GUIDE), { viewport: { width: 1440, height: 900 } });
    const ids = await page.locator('.toc a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).hash.slice(1)));
    for (const id of [ids[2]!, ids.at(-2)!]) {
      await page.evaluate((i) => document.getElementById(i)!.scrollIntoView(), id);
      await page.waitForFunction((i) => document.querySelector('.toc a[aria-current="true"]')?.getAttribute('href') === `#${i}`, id, { timeout: 3000 });
    }
    assert.equal(await page.locator('.toc a[aria-current="true"]').count(), 1);
  });

  test('a version switch that falls back says so and links back', async (t) => {
    if (skipWithoutChromium(t)) return;
    const { page } = await openPage(site, t, latest('operations/upgrading/checklist/'));
    const title = await page.locator('h1').textContent();
    const select = page.locator('#version-select');
    const fallback = await select.locator('option').evaluateAll((os) => (os as HTMLOptionElement[]).find((o) => !o.value.endsWith('/checklist/'))!.value);
    await Promise.all([page.waitForURL((u) => u.pathname === fallback), select.selectOption(fallback)]);
    const notice = page.locator('.fallback-notice');
    await notice.waitFor({ timeout: 5000 });
    const label = /\/(v[^/]+)\//.exec(fallback)![1]!;
    assert.match((await notice.textContent()) ?? '', new RegExp(`“${title}” does not exist in ${label.replace(/\./g, '\\.')}`));
    const back = notice.locator('a');
    assert.equal(new URL((await back.getAttribute('href'))!, page.url()).pathname, latest('operations/upgrading/checklist/'));
    // Only once: reloading the page is not a fallback any more.
    await page.reload();
    assert.equal(await page.locator('.fallback-notice').count(), 0);
  });

  test('the 404 page keeps the version, offers search and the versions that have the page', async (t) => {
    if (skipWithoutChromium(t)) return;
    const { page } = await openPage(site, t, `${site.base}v1.15.x/operations/upgrading/checklist/`);
    assert.equal(await page.locator('h1').textContent(), 'Page not found');
    const elsewhere = page.locator('[data-elsewhere] a');
    await elsewhere.first().waitFor({ timeout: 5000 });
    const hrefs = await elsewhere.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    assert.ok(hrefs.length >= 2 && hrefs.every((h) => h.endsWith('/operations/upgrading/checklist/')), hrefs.join(', '));
    assert.match((await page.locator('[data-elsewhere]').textContent()) ?? '', /exists in/);
    assert.match((await page.locator('.not-found').textContent()) ?? '', /v1\.15\.x/);
    assert.ok(await page.locator('[id="vd:search-input"]').isVisible(), 'a search box');
    assert.equal(await page.locator('[data-search]').getAttribute('data-bundle'), `${site.base}v1.15.x/pagefind/`);
  });

  test('the dropdown names versions as the guide does (v1.16.x)', async (t) => {
    if (skipWithoutChromium(t)) return;
    const { page } = await openPage(site, t, latest(GUIDE));
    const said = /select \*?\*?(v\d+\.\d+\.x)/.exec((await page.locator('.article').textContent()) ?? '')?.[1];
    assert.ok(said, 'the guide names a version to select');
    const options = (await page.locator('#version-select option').allTextContents()).map((o) => o.trim());
    assert.ok(options.some((o) => o.startsWith(said)), `${said} in ${options.join(', ')}`);
  });

  test('theme: light, dark and auto, the choice shown as pressed', async (t) => {
    if (skipWithoutChromium(t)) return;
    const { page } = await openPage(site, t, latest(GUIDE), { colorScheme: 'dark' });
    const pressed = () => page.locator('[data-theme-choice][aria-pressed=true]').getAttribute('data-theme-choice');
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(await pressed(), 'auto');
    assert.equal(await bg(), 'rgb(13, 17, 23)');
    await page.locator('[data-theme-choice=light]').click();
    assert.equal(await pressed(), 'light');
    assert.equal(await bg(), 'rgb(255, 255, 255)');
    await page.reload();
    assert.equal(await pressed(), 'light');
    await page.locator('[data-theme-choice=auto]').click();
    assert.equal(await pressed(), 'auto');
    assert.equal(await bg(), 'rgb(13, 17, 23)', 'auto follows the system again');
  });

  test('phone: a compact header that stays, and a menu that slides out', async (t) => {
    if (skipWithoutChromium(t)) return;
    const { page } = await openPage(site, t, latest(GUIDE), { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const header = (await page.locator('.site-header').boundingBox())!;
    assert.ok(header.height <= 110, `header is ${header.height}px tall`);
    await page.evaluate(() => scrollTo(0, 3000));
    assert.equal((await page.locator('.site-header').boundingBox())!.y, 0, 'the header stays at the top');
    // Tapped where it is on screen (a locator's click would scroll it into view first).
    const menu = (await page.locator('.menu-link').boundingBox())!;
    await page.touchscreen.tap(menu.x + menu.width / 2, menu.y + menu.height / 2);
    const nav = page.locator('[id="vd:site-nav"]');
    await page.waitForFunction(() => {
      const r = document.querySelector('[id="vd:site-nav"]')!.getBoundingClientRect();
      return r.left >= 0 && r.top < innerHeight && r.width > 0;
    }, null, { timeout: 3000 });
    assert.ok(await nav.locator('a[aria-current=page]').isVisible(), 'the current page is in view in the menu');
    assert.ok((await page.evaluate(() => scrollY)) >= 2900, 'opening the menu does not jump down the page');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.querySelector('[id="vd:site-nav"]')!.getBoundingClientRect().right <= 0 || getComputedStyle(document.querySelector('[id="vd:site-nav"]')!).visibility === 'hidden', null, { timeout: 3000 });
  });

  test('the sitemap lists only indexable, canonical pages', async (t) => {
    if (skipWithoutChromium(t)) return;
    const xml = await (await fetch(site.url('/sitemap-0.xml'))).text();
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    assert.ok(locs.length > 5);
    const bad: string[] = [];
    for (const loc of locs) {
      const html = await (await fetch(site.url(loc))).text();
      if (/<meta name="robots" content="noindex"/.test(html)) bad.push(`${loc}: noindex`);
      const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
      if (canonical && new URL(canonical).pathname !== loc) bad.push(`${loc}: canonical is ${canonical}`);
    }
    assert.deepEqual(bad, []);
  });

  test('short pages: the sidebar’s divider reaches the bottom of the window', async (t) => {
    if (skipWithoutChromium(t)) return;
    const { page } = await openPage(site, t, latest('reference/'), { viewport: { width: 1440, height: 1200 } });
    const nav = (await page.locator('[id="vd:site-nav"]').boundingBox())!;
    assert.ok(nav.y + nav.height >= 1199, `the sidebar ends at ${nav.y + nav.height}px`);
  });

  test('at 1920 px the header lines up with the centred content', async (t) => {
    if (skipWithoutChromium(t)) return;
    const { page } = await openPage(site, t, latest(GUIDE), { viewport: { width: 1920, height: 1000 } });
    const title = (await page.locator('.site-title').boundingBox())!;
    const nav = (await page.locator('[id="vd:site-nav"]').boundingBox())!;
    assert.ok(Math.abs(title.x - nav.x) <= 20, `title at ${title.x}px, sidebar at ${nav.x}px`);
  });

  test('screenshots of the guide at 390 and 1440 px, light and dark', async (t) => {
    if (skipWithoutChromium(t)) return;
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const width of [390, 1440]) {
        const { page } = await openPage(site, t, latest(GUIDE), { viewport: { width, height: width < 500 ? 844 : 900 }, colorScheme });
        await page.screenshot({ path: join(SCREENSHOTS, `guide-${width}-${colorScheme}.png`) });
      }
    }
  });
});

describe('search from the keyboard', () => {
  test('/ and Ctrl+K focus the box; arrows and Enter open a result; sections link to their heading; more than 8 with “show more”', async (t) => {
    if (skipWithoutChromium(t)) return;
    const { page } = await openPage(site, t, latest(GUIDE), { viewport: { width: 1440, height: 900 } });
    const focused = () => page.evaluate(() => document.activeElement?.id ?? document.activeElement?.tagName);
    await page.locator('h1').click();
    await page.keyboard.press('/');
    assert.equal(await focused(), 'vd:search-input');
    await page.locator('h1').click();
    await page.keyboard.press('Control+k');
    assert.equal(await focused(), 'vd:search-input');
    await page.keyboard.type('gloo');
    const results = page.locator('.search-results');
    await results.locator('a').first().waitFor({ timeout: 15_000 });
    assert.ok((await results.locator('a[href*="#"]').count()) > 0, 'results link to sections of pages');
    // More than 8 pages match "gloo" in the sample: the rest behind a button.
    assert.equal(await results.locator(':scope > ul > li').count(), 8);
    await results.locator('.search-more').click();
    await page.waitForFunction(() => document.querySelectorAll('.search-results > ul > li').length > 8);
    // Arrows walk the results; Enter follows the one in focus.
    await page.locator('[id="vd:search-input"]').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const target = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).href);
    assert.ok(target.includes(site.base), `focus on a result: ${target}`);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    assert.equal(await focused(), 'vd:search-input');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await Promise.all([page.waitForURL(target), page.keyboard.press('Enter')]);
  });
  // Without JavaScript the search box goes to our own search page: test/browser-search-page.test.ts.
});

describe('what readers expect around the article', () => {
  test('breadcrumbs, previous/next in sidebar order, Edit this page, Last updated, back to top, Open Graph, logo and header links', async (t) => {
    if (skipWithoutChromium(t)) return;
    const { page } = await openPage(site, t, latest(GUIDE));
    assert.deepEqual(await page.locator('.breadcrumbs a').allTextContents(), ['Gloo Edge documentation', 'Operations', 'Upgrading']);
    // Previous and next are the neighbours in the sidebar's order.
    const order = await page.locator('[id="vd:site-nav"] a:not(.menu-close)').evaluateAll((as) => as.filter((a) => !a.closest('[hidden]')).map((a) => (a as HTMLAnchorElement).pathname));
    const at = order.indexOf(latest(GUIDE));
    assert.equal(await page.locator('.pager-prev').evaluate((a) => (a as HTMLAnchorElement).pathname), order[at - 1]);
    assert.equal(await page.locator('.pager-next').evaluate((a) => (a as HTMLAnchorElement).pathname), order[at + 1]);
    assert.equal(await page.locator('.page-meta a', { hasText: 'Edit this page' }).getAttribute('href'), 'https://github.com/solo-io/gloo/edit/main/docs/content/operations/upgrading/upgrade_steps.md');
    assert.match((await page.locator('.page-meta time').getAttribute('datetime')) ?? '', /^\d{4}-\d\d-\d\d$/);
    assert.equal(await page.locator('.back-to-top a').getAttribute('href'), '#vd:main');
    assert.equal(await page.locator('meta[property="og:title"]').getAttribute('content'), await page.title());
    assert.equal(await page.locator('meta[property="og:url"]').getAttribute('content'), await page.locator('link[rel=canonical]').getAttribute('href'));
    assert.ok(await page.locator('meta[property="og:description"]').getAttribute('content'));
    // Branding from the config: the logo and the header links.
    assert.equal(await page.locator('.site-title img').getAttribute('src'), '/favicon.svg');
    assert.equal(await page.locator('.header-links a', { hasText: 'GitHub' }).getAttribute('href'), 'https://github.com/solo-io/gloo');
  });

  test('sidebar groups open and close; the current section starts open', async (t) => {
    if (skipWithoutChromium(t)) return;
    const { page } = await openPage(site, t, latest(GUIDE));
    const current = page.locator('[id="vd:site-nav"] .nav-toggle[aria-controls="nav-operations-upgrading"]');
    assert.equal(await current.getAttribute('aria-expanded'), 'true');
    assert.ok(await page.locator('[id="vd:site-nav"] a[aria-current=page]').isVisible());
    const id = await page.locator('[id="vd:site-nav"] .nav-toggle[aria-expanded=false]').first().getAttribute('aria-controls');
    const other = page.locator(`[id="vd:site-nav"] .nav-toggle[aria-controls="${id}"]`);
    const list = page.locator(`#${id}`);
    assert.equal(await list.isVisible(), false);
    // A closed section's pages are not in the page (every page would grow with the site): opening fetches them.
    assert.equal(await list.locator('a').count(), 0);
    await other.click();
    await list.locator('a').first().waitFor({ state: 'visible' });
    assert.equal(await other.getAttribute('aria-expanded'), 'true');
    assert.equal(await list.locator('a[aria-current]').count(), 0, 'the fetched list marks no page of it current');
    await current.click();
    assert.equal(await page.locator('[id="vd:site-nav"] a[aria-current=page]').isVisible(), false);
  });

  test('changelog releases carry their dates, in the chronological view and the Atom feed', async (t) => {
    if (skipWithoutChromium(t)) return;
    const { page } = await openPage(site, t, `${latest(CHANGELOG)}#chronological`);
    const dates = await page.locator('.changelog-chronological li time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
    assert.ok(dates.length > 5 && dates.every((d) => /^\d{4}-\d\d-\d\d$/.test(d ?? '')), `dates: ${dates.slice(0, 5).join(', ')}`);
    assert.equal(await page.locator('.changelog-note').count(), 0, 'no “dates are not recorded” note');
    const feed = await (await fetch(site.url(`${site.base}feeds/open_source.xml`))).text();
    const updated = [...feed.matchAll(/<updated>([^<]+)<\/updated>/g)].map((m) => m[1]!);
    assert.ok(updated.every((u) => !u.startsWith('197')), 'feed dates are real, not the stand-ins');
  });
});

describe('accessibility of the new parts', () => {
  test('axe: 0 violations with the phone menu open, with search results open, and on a fallback notice', async (t) => {
    if (skipWithoutChromium(t)) return;
    const run = async (page: Page) => {
      await page.addScriptTag({ content: AXE });
      return page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
        const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
        return result.violations.map((v) => `${v.id} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
      });
    };
    const report: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      const phone = await openPage(site, t, latest(GUIDE), { viewport: { width: 390, height: 844 }, colorScheme });
      await phone.page.locator('.menu-link').click();
      await phone.page.locator('[id="vd:site-nav"].open').waitFor();
      report.push(...(await run(phone.page)).map((v) => `${colorScheme} phone menu: ${v}`));

      const desk = await openPage(site, t, latest(GUIDE), { viewport: { width: 1440, height: 900 }, colorScheme });
      await desk.page.locator('[id="vd:search-input"]').fill('gloo');
      await desk.page.locator('.search-more').waitFor({ timeout: 15_000 });
      report.push(...(await run(desk.page)).map((v) => `${colorScheme} search: ${v}`));

      const from = await openPage(site, t, latest('operations/upgrading/checklist/'), { colorScheme });
      const select = from.page.locator('#version-select');
      const fallback = await select.locator('option').evaluateAll((os) => (os as HTMLOptionElement[]).find((o) => !o.value.endsWith('/checklist/'))!.value);
      await Promise.all([from.page.waitForURL((u) => u.pathname === fallback), select.selectOption(fallback)]);
      await from.page.locator('.fallback-notice').waitFor();
      report.push(...(await run(from.page)).map((v) => `${colorScheme} fallback notice: ${v}`));
    }
    assert.deepEqual(report, []);
  });
});
