/**
 * The compare-view client script in a real browser (Chromium through
 * playwright-core), against a page rendered by renderChangelogPage. The
 * TypeScript modules are served with their types stripped, as the browser
 * would get them from Vite. Skipped when no Chromium is found (set CHROMIUM_PATH).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { stripTypeScriptTypes } from 'node:module';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { renderChangelogPage } from '../src/changelog/page.ts';
import type { ChangelogEntry, Release } from '../src/changelog/types.ts';
import { rel } from './support/releases.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(
  (p): p is string => !!p && existsSync(p),
);
const skip = executablePath ? false : 'no Chromium found (set CHROMIUM_PATH)';

const link = 'https://github.com/solo-io/gloo/issues/1';
const fix = (d: string): Partial<ChangelogEntry> => ({ type: 'FIX', description: d, issueLink: link });
const feat = (d: string): Partial<ChangelogEntry> => ({ type: 'NEW_FEATURE', description: d, issueLink: link });
const HOSTILE = '</script><script>window.pwned=1</script>\n\n<img src=x onerror="window.pwned=2">\n\n[x](javascript:window.pwned=3)';

const oss: Release[] = [
  rel('1.16.0', [feat('feat 1.16.0')]),
  rel('1.16.1', [fix('fix 1.16.1')]),
  rel('1.17.0-beta1', [feat('feat beta1')]),
  rel('1.17.0', [feat('feat 1.17.0'), fix('fix 1.17.0')]),
  rel('1.17.1', [{ type: 'DEPENDENCY_BUMP', dependencyOwner: 'envoyproxy', dependencyRepo: 'envoy', dependencyTag: 'v1.26.1' }, fix(HOSTILE)]),
  rel('1.17.2', [feat('feat 1.17.2')]),
  rel('1.17.3', [fix('fix 1.17.3')]),
  rel('1.17.4', [fix('fix unreleased')], { unreleased: true }),
];
const enterprise: Release[] = [
  rel('1.17.0', [fix('ee 1.17.0')], { product: 'enterprise', ossVersion: '1.17.0' }),
  rel('1.17.1', [fix('ee 1.17.1')], { product: 'enterprise', ossVersion: '1.17.3' }),
];

function htmlPage(body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Changelog</title></head><body><main>${body}</main>
<script type="module" src="/src/client/compare-view.ts"></script></body></html>`;
}

const pages: Record<string, string> = {
  '/open_source/': htmlPage(renderChangelogPage(oss, 'open_source', { productName: 'Gloo Edge' }).html),
  '/enterprise/': htmlPage(renderChangelogPage(enterprise, 'enterprise', { productName: 'Gloo Edge', ossReleases: oss }).html),
  '/other/': htmlPage('<h1 id="x">Not a changelog</h1>'),
};

let server: Server;
let browser: Browser;
let base = '';

before(async () => {
  if (skip) return;
  server = createServer((req, res) => {
    const path = (req.url ?? '/').split(/[?#]/)[0]!;
    if (pages[path]) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(pages[path]);
    } else if (/^\/src\/(client\/compare-view|changelog\/compare)\.ts$/.test(path)) {
      const js = stripTypeScriptTypes(readFileSync(root + path.slice(1), 'utf8'));
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(js);
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  browser = await chromium.launch({ executablePath: executablePath!, args: ['--no-sandbox'] });
});

after(async () => {
  await browser?.close();
  server?.close();
});

async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(base + path);
  await page.waitForLoadState('load');
  return { page, errors };
}

const visibleViews = (page: Page) =>
  page.$$eval('[data-view]', (els) => els.filter((e) => !(e as HTMLElement).hidden).map((e) => e.id));

test('a pasted Gloo link opens the comparison', { skip }, async () => {
  const { page, errors } = await open('/open_source/#compareversions_v1.16.0...v1.17.3');
  await page.waitForSelector('#changelog-compare-result h3');
  assert.deepEqual(await visibleViews(page), ['compareversions']);
  assert.equal(await page.$eval('#changelog-compare-from', (s) => (s as HTMLSelectElement).value), '1.16.0');
  assert.equal(await page.$eval('#changelog-compare-to', (s) => (s as HTMLSelectElement).value), '1.17.3');
  assert.deepEqual(await page.$$eval('#changelog-compare-result h3', (hs) => hs.map((h) => h.textContent)), [
    'New Features (2)',
    'Fixes (4)',
  ]);
  const features = await page.$$eval('#changelog-compare-result ul:first-of-type li', (ls) => ls.map((l) => l.textContent));
  assert.deepEqual(features, [
    'feat 1.17.2 (solo-io/gloo#1) Added in v1.17.2',
    'feat 1.17.0 (solo-io/gloo#1) Added in v1.17.0',
  ]);
  assert.match(await page.$eval('#changelog-compare-status', (s) => s.textContent ?? ''), /^6 changes in 5 releases after v1\.16\.0 up to v1\.17\.3\.$/);
  assert.equal(await page.$eval('.changelog-compare', (f) => (f as HTMLElement).hidden), false);
  assert.equal(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned), undefined, 'hostile note stayed inert');
  const text = await page.$eval('#changelog-compare-result', (r) => r.textContent ?? '');
  assert.ok(!text.includes('envoy'), 'dependency bumps skipped');
  assert.ok(!text.includes('beta1') && !text.includes('unreleased'), 'prereleases and unreleased skipped');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the pickers: the second lists only newer versions, choices go into the hash', { skip }, async () => {
  const { page, errors } = await open('/open_source/#compareversions');
  await page.waitForSelector('#changelog-compare-result h3');
  // Default: since the newest release of the previous minor line.
  assert.equal(await page.$eval('#changelog-compare-from', (s) => (s as HTMLSelectElement).value), '1.16.1');
  assert.equal(await page.$eval('#changelog-compare-to', (s) => (s as HTMLSelectElement).value), '1.17.3');
  assert.deepEqual(await page.$$eval('#changelog-compare-from option', (os) => os.map((o) => o.textContent)), [
    'v1.16.0', 'v1.16.1', 'v1.17.0', 'v1.17.1', 'v1.17.2',
  ]);
  await page.selectOption('#changelog-compare-from', '1.17.1');
  assert.deepEqual(await page.$$eval('#changelog-compare-to option', (os) => os.map((o) => o.textContent)), ['v1.17.2', 'v1.17.3']);
  assert.equal(new URL(page.url()).hash, '#compareversions_v1.17.1...v1.17.3');
  await page.selectOption('#changelog-compare-to', '1.17.2');
  assert.equal(new URL(page.url()).hash, '#compareversions_v1.17.1...v1.17.2');
  assert.deepEqual(await page.$$eval('#changelog-compare-result h3', (hs) => hs.map((h) => h.textContent)), ['New Features (1)']);
  assert.match(await page.$eval('#changelog-compare-status', (s) => s.textContent ?? ''), /^1 change in 1 release after v1\.17\.1/);
  // Labels for both selects, a live region for the count.
  assert.equal(await page.$$eval('label[for="changelog-compare-from"], label[for="changelog-compare-to"]', (ls) => ls.length), 2);
  assert.equal(await page.$eval('#changelog-compare-status', (s) => s.getAttribute('aria-live')), 'polite');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the hash switches views; release anchors show the grouped view; reversed links are put right', { skip }, async () => {
  const { page, errors } = await open('/open_source/');
  assert.deepEqual(await visibleViews(page), ['minorrelease']);
  assert.equal(await page.$eval('a[data-view-link="minorrelease"]', (a) => a.getAttribute('aria-current')), 'true');
  await page.click('a[data-view-link="chronological"]');
  await page.waitForFunction(() => !document.getElementById('chronological')!.hidden);
  assert.deepEqual(await visibleViews(page), ['chronological']);
  await page.click('#chronological a[href="#v1.16.1"]');
  await page.waitForFunction(() => !document.getElementById('minorrelease')!.hidden);
  assert.deepEqual(await visibleViews(page), ['minorrelease']);
  await page.evaluate(() => (location.hash = '#compareversions_v1.17.3...v1.17.0'));
  await page.waitForFunction(() => document.querySelectorAll('#changelog-compare-result h3').length > 0);
  assert.equal(await page.$eval('#changelog-compare-from', (s) => (s as HTMLSelectElement).value), '1.17.0');
  assert.equal(await page.$eval('#changelog-compare-to', (s) => (s as HTMLSelectElement).value), '1.17.3');
  await page.evaluate(() => (location.hash = '#compareversions_v1.17.0-beta1...v1.17.3'));
  await page.waitForFunction(() => /not a released version/.test(document.getElementById('changelog-compare-status')!.textContent ?? ''));
  assert.deepEqual(errors, []);
  await page.close();
});

test('the enterprise switch opens the open source notes', { skip }, async () => {
  const { page, errors } = await open('/enterprise/');
  assert.equal(await page.$eval('.changelog-oss-switch', (p) => (p as HTMLElement).hidden), false);
  const opened = () => page.$$eval('details.changelog-oss', (ds) => ds.map((d) => (d as HTMLDetailsElement).open));
  assert.deepEqual(await opened(), [false, false]);
  await page.check('#changelog-show-oss');
  assert.deepEqual(await opened(), [true, true]);
  await page.uncheck('#changelog-show-oss');
  assert.deepEqual(await opened(), [false, false]);
  assert.deepEqual(errors, []);
  await page.close();
});

test('no axe violations in the compare view; a page without changelog data is left alone', { skip }, async () => {
  const { page, errors } = await open('/open_source/#compareversions_v1.16.0...v1.17.3');
  await page.waitForSelector('#changelog-compare-result h3');
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (el: Element) => Promise<{ violations: { id: string }[] }> } }).axe;
    return (await axe.run(document.querySelector('.changelog')!)).violations.map((v) => v.id);
  });
  assert.deepEqual(violations, []);
  await page.close();

  const other = await open('/other/#compareversions_v1.16.0...v1.17.3');
  assert.equal(await other.page.evaluate(() => document.documentElement.outerHTML.includes('changelog--js')), false);
  assert.deepEqual([...errors, ...other.errors], []);
  await other.page.close();
});
