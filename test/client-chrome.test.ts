/**
 * The scripts of the page's chrome, each bundled alone onto a fixture page in
 * Chromium, and their pure logic in Node: the theme choice
 * (src/client/theme-toggle.ts), the phone menu and the sidebar's groups
 * (src/client/menu.ts), the version select (src/client/version-select.ts)
 * and the 404 page's help (src/client/not-found.ts).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { notFoundHelp } from '../src/client/not-found.ts';
import { switchTarget } from '../src/client/version-select.ts';
import { LAYOUT_IDS } from '../src/util/layout-ids.ts';
import type { NotFoundData } from '../src/view/not-found.ts';
import { skipWithoutChromium } from './support/browser.ts';
import { bundleClient, clientSession, fixtureHtml } from './support/client.ts';

const session = clientSession('the chrome script tests (test/client-chrome.test.ts)');
const here = import.meta.dirname;

describe('theme choice', () => {
  const toggle =
    '<div role="group" aria-label="Theme" data-theme-toggle hidden>' +
    ['light', 'dark', 'auto'].map((c) => `<button type="button" data-theme-choice="${c}" aria-pressed="false">${c}</button>`).join('') +
    '</div>';
  const state = (page: Page) =>
    page.evaluate(() => ({
      theme: document.documentElement.dataset.theme ?? 'none',
      pressed: [...document.querySelectorAll('[aria-pressed=true]')].map((b) => b.textContent).join(),
      stored: localStorage.getItem('docs-theme'),
      shown: !document.querySelector<HTMLElement>('[data-theme-toggle]')!.hidden,
    }));

  test('shown with the current choice pressed; a choice applies, is pressed and is remembered; auto follows the system again', async (t) => {
    if (skipWithoutChromium(t)) return;
    const entry = await bundleClient(`import { initThemeToggle } from '../src/client/theme-toggle.ts'; initThemeToggle();`, here);
    const { page } = await session.open(t, { '/': fixtureHtml(toggle), '/fixture-entry.js': entry });
    await page.waitForFunction(() => !document.querySelector<HTMLElement>('[data-theme-toggle]')!.hidden);
    assert.deepEqual(await state(page), { theme: 'none', pressed: 'auto', stored: null, shown: true });
    await page.getByRole('button', { name: 'dark' }).click();
    assert.deepEqual(await state(page), { theme: 'dark', pressed: 'dark', stored: 'dark', shown: true });
    await page.getByRole('button', { name: 'light' }).click();
    assert.deepEqual(await state(page), { theme: 'light', pressed: 'light', stored: 'light', shown: true });
    await page.getByRole('button', { name: 'auto' }).click();
    assert.deepEqual(await state(page), { theme: 'none', pressed: 'auto', stored: 'auto', shown: true });
  });

  test('a theme already applied before paint shows as pressed', async (t) => {
    if (skipWithoutChromium(t)) return;
    const entry = await bundleClient(`import { initThemeToggle } from '../src/client/theme-toggle.ts'; initThemeToggle();`, here);
    const { page } = await session.open(t, { '/': fixtureHtml(toggle).replace('<html lang="en">', '<html lang="en" data-theme="dark">'), '/fixture-entry.js': entry });
    await page.waitForFunction(() => !document.querySelector<HTMLElement>('[data-theme-toggle]')!.hidden);
    assert.equal((await state(page)).pressed, 'dark');
  });
});

describe('phone menu and sidebar groups', () => {
  const nav = (groups: string) =>
    `<header><a href="#${LAYOUT_IDS.nav}" data-menu aria-expanded="false">Menu</a></header>` +
    `<nav id="${LAYOUT_IDS.nav}"><a href="#main" data-menu-close>Close menu</a><ul>` +
    `<li><a href="/intro/">Intro</a></li><li><a href="/guide/" aria-current="page">Guide</a></li>${groups}</ul></nav><main id="main"><p>Article</p></main>`;
  const group = (route: string, list: string, closed: boolean) =>
    `<li><a href="/${route}/">${route}</a><button type="button" class="nav-toggle" aria-expanded="${!closed}" aria-controls="nav-${route}" hidden>${route}: show its pages</button>` +
    (closed ? `<div id="nav-${route}" hidden data-nav-from="/${route}/"></div>` : `<div id="nav-${route}">${list}</div>`) +
    '</li>';
  const opsList = `<ul><li><a href="/ops/upgrade/">Upgrade</a></li>${group('ops-deep', '<ul><li><a href="/ops-deep/x/">Deep page</a></li></ul>', true)}</ul>`;
  const files = async () => ({
    '/': fixtureHtml(nav(group('ops', opsList, true) + group('gone', '', true) + group('open', '<ul><li><a href="/open/a/">Open page</a></li></ul>', false))),
    // A section's own page lists its pages (its group open there).
    '/ops/': fixtureHtml(nav(group('ops', opsList, false))),
    '/ops-deep/': fixtureHtml(nav(group('ops-deep', '<ul><li><a href="/ops-deep/x/">Deep page</a></li></ul>', false))),
    '/gone/': { status: 404, body: fixtureHtml('<h1>Gone</h1>') },
    '/fixture-entry.js': await bundleClient(`import { initMenu, initNavGroups } from '../src/client/menu.ts'; initMenu(); initNavGroups();`, here),
  });

  test('Menu opens the sidebar with focus on the current page; Escape closes it and focus goes back; Close and a tap outside close it', async (t) => {
    if (skipWithoutChromium(t)) return;
    const { page } = await session.open(t, await files(), { context: { viewport: { width: 390, height: 700 } } });
    const menu = page.getByRole('button', { name: 'Menu' });
    await menu.waitFor();
    const open = () => page.evaluate((id) => document.getElementById(id)!.classList.contains('open'), LAYOUT_IDS.nav);
    await menu.click();
    assert.equal(await open(), true);
    assert.equal(await menu.getAttribute('aria-expanded'), 'true');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Guide', 'focus on the current page');
    await page.keyboard.press('Escape');
    assert.equal(await open(), false);
    assert.equal(await menu.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Menu', 'focus back on the button');
    await menu.click();
    await page.getByText('Close menu').click();
    assert.equal(await open(), false);
    await menu.click();
    await page.getByText('Article').click();
    assert.equal(await open(), false, 'a tap outside closes it');
    assert.equal(new URL(page.url()).hash, '', 'the links were not followed');
  });

  test('a closed group fetches its pages from the section’s page once; an open group closes; an unreachable one leads to its page', async (t) => {
    if (skipWithoutChromium(t)) return;
    const { page, requests } = await session.open(t, await files());
    const ops = page.getByRole('button', { name: 'ops: show its pages' });
    await ops.waitFor();
    assert.equal(await page.locator('.nav-toggle:visible').count(), 3, 'the toggles are shown');
    await ops.click();
    await page.getByRole('link', { name: 'Upgrade' }).waitFor();
    assert.equal(await ops.getAttribute('aria-expanded'), 'true');
    assert.equal(await page.locator('#nav-ops').getAttribute('data-nav-from'), null);
    await ops.click();
    assert.equal(await page.locator('#nav-ops').isHidden(), true, 'closed again');
    await ops.click();
    assert.equal(requests.filter((r) => r === '/ops/').length, 1, `fetched once: ${requests.join(', ')}`);
    // The fetched list's own closed group works too.
    await page.getByRole('button', { name: 'ops-deep: show its pages' }).click();
    await page.getByRole('link', { name: 'Deep page' }).waitFor();

    const open = page.getByRole('button', { name: 'open: show its pages' });
    await open.click();
    assert.equal(await open.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.locator('#nav-open').isHidden(), true);

    await Promise.all([page.waitForURL('**/gone/'), page.getByRole('button', { name: 'gone: show its pages' }).click()]);
  });
});

describe('version select', () => {
  test('the hash is kept only when the target page has that heading', () => {
    assert.equal(switchTarget('/docs/v1.16.x/guide/', 'intro crd upgrade', '#crd'), '/docs/v1.16.x/guide/#crd');
    assert.equal(switchTarget('/docs/v1.16.x/guide/', 'intro upgrade', '#crd'), '/docs/v1.16.x/guide/');
    assert.equal(switchTarget('/docs/v1.16.x/guide/', 'intro crd', ''), '/docs/v1.16.x/guide/');
    assert.equal(switchTarget('/docs/v1.16.x/guide/', 'étape', '#%C3%A9tape'), '/docs/v1.16.x/guide/#%C3%A9tape', 'an encoded heading id');
    assert.equal(switchTarget('/docs/v1.16.x/guide/', 'crd', '#%E0%A4%A'), '/docs/v1.16.x/guide/', 'a malformed hash is dropped');
  });

  const pageAt = (version: string, title: string) =>
    fixtureHtml(
      `<header><details data-version-menu><summary>Version ${version}</summary><ul>` +
        `<li><a href="/v1.17.x/ops/checklist/" data-version="v1.17.x" data-anchors="steps crd"${version === 'v1.17.x' ? ' aria-current="true"' : ''}>v1.17.x (latest)</a></li>` +
        `<li><a href="/v1.15.x/ops/" data-version="v1.15.x" data-anchors="crd" data-exact="false"${version === 'v1.15.x' ? ' aria-current="true"' : ''}>v1.15.x</a></li>` +
        `</ul></details></header><main><div class="page-head"><h1>${title}</h1></div><h2 id="crd">CRD</h2></main>`,
    );

  test('the version list becomes a labelled select on the current version; a switch that falls back says so once, with a link back', async (t) => {
    if (skipWithoutChromium(t)) return;
    const entry = await bundleClient(`import { initVersionSelect } from '../src/client/version-select.ts'; initVersionSelect();`, here);
    const files = { '/v1.17.x/ops/checklist/': pageAt('v1.17.x', 'Upgrade Checklist'), '/v1.15.x/ops/': pageAt('v1.15.x', 'Operations'), '/fixture-entry.js': entry };
    const { page } = await session.open(t, files, { path: '/v1.17.x/ops/checklist/#crd' });
    const select = page.getByLabel('Docs version');
    await select.waitFor();
    assert.equal(await page.locator('[data-version-menu]').count(), 0, 'the list is replaced');
    assert.deepEqual(await select.evaluate((s: HTMLSelectElement) => [s.value, [...s.options].map((o) => o.textContent)]), ['/v1.17.x/ops/checklist/', ['v1.17.x (latest)', 'v1.15.x']]);
    await Promise.all([page.waitForURL('**/v1.15.x/ops/#crd'), select.selectOption({ label: 'v1.15.x' })]);
    const notice = page.getByRole('status');
    await notice.waitFor();
    assert.equal(await notice.textContent(), '“Upgrade Checklist” does not exist in v1.15.x; showing “Operations” instead. Back to “Upgrade Checklist” in v1.17.x.');
    assert.equal(await notice.getByRole('link').getAttribute('href'), '/v1.17.x/ops/checklist/#crd');
    await page.reload();
    await page.getByLabel('Docs version').waitFor();
    assert.equal(await page.getByRole('status').count(), 0, 'said once');
  });
});

describe('404 page', () => {
  const data: NotFoundData = {
    base: '/gloo-edge/',
    latest: 'latest',
    versions: [
      { id: 'v1.17.x', mark: 'latest', prefix: 'latest' },
      { id: 'v1.16.x', prefix: 'v1.16.x' },
      { id: 'v1.15.x', prefix: 'v1.15.x' },
    ],
    routes: { '': '0 1 2', 'ops/': '0 1 2', 'ops/upgrade/': '0 1', 'ops/upgrade/checklist/': '0' },
  };

  test('from the address: the version, the nearest page in it, and the versions that have the page', () => {
    assert.deepEqual(notFoundHelp(data, '/gloo-edge/v1.15.x/ops/upgrade/checklist/'), {
      version: { id: 'v1.15.x', label: 'v1.15.x', nearest: { href: '/gloo-edge/v1.15.x/ops/', text: 'The nearest page in v1.15.x' }, bundle: '/gloo-edge/v1.15.x/pagefind/' },
      elsewhere: [{ id: 'v1.17.x', label: 'v1.17.x (latest)', href: '/gloo-edge/latest/ops/upgrade/checklist/' }],
    });
    assert.deepEqual(notFoundHelp(data, '/gloo-edge/v1.17.x/nothing/here')?.version?.nearest, { href: '/gloo-edge/latest/', text: 'The v1.17.x home page' }, 'a version named by id');
    assert.deepEqual(notFoundHelp(data, '/gloo-edge/ops/upgrade/'), {
      elsewhere: [
        { id: 'v1.17.x', label: 'v1.17.x (latest)', href: '/gloo-edge/latest/ops/upgrade/' },
        { id: 'v1.16.x', label: 'v1.16.x', href: '/gloo-edge/v1.16.x/ops/upgrade/' },
      ],
    }, 'no version in the address: the whole path is the route');
    assert.equal(notFoundHelp(data, '/elsewhere/ops/'), undefined);
  });

  test('the page says it, links the nearest page and the other versions, and scopes the search', async (t) => {
    if (skipWithoutChromium(t)) return;
    const entry = await bundleClient(`import { initNotFound } from '../src/client/not-found.ts'; initNotFound();`, here);
    const html = fixtureHtml(
      `<div data-search><label>Search</label><input type="search"></div><main data-not-found><h1>Page not found</h1><p data-context hidden></p><div data-elsewhere hidden></div>` +
        `<script type="application/json" id="not-found-data">${JSON.stringify(data)}</script></main>`,
    );
    const { page } = await session.open(t, { '/gloo-edge/v1.16.x/ops/upgrade/checklist/': { status: 404, body: html }, '/fixture-entry.js': entry }, { path: '/gloo-edge/v1.16.x/ops/upgrade/checklist/' });
    await page.locator('[data-context]').waitFor();
    assert.equal(await page.locator('[data-context]').textContent(), 'You were reading the v1.16.x docs. The nearest page in v1.16.x.');
    assert.equal(await page.getByRole('link', { name: 'The nearest page in v1.16.x' }).getAttribute('href'), '/gloo-edge/v1.16.x/ops/upgrade/');
    assert.equal(await page.locator('[data-elsewhere] p').textContent(), 'This page exists in v1.17.x:');
    assert.equal(await page.getByRole('link', { name: 'v1.17.x (latest)' }).getAttribute('href'), '/gloo-edge/latest/ops/upgrade/checklist/');
    assert.deepEqual(
      await page.evaluate(() => [document.querySelector<HTMLElement>('[data-search]')!.dataset.bundle, document.querySelector('input')!.placeholder, document.querySelector('label')!.textContent]),
      ['/gloo-edge/v1.16.x/pagefind/', 'Search v1.16.x', 'Search the v1.16.x docs'],
    );
  });
});
