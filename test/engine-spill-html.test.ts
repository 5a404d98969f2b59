/**
 * A build moves every page's article HTML out of memory into its work folder
 * (src/engine/spill-html.ts) and reads it back when a page is laid out or
 * indexed (src/model/article-html.ts): what comes back is what went in, to the byte.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { HtmlSpill } from '../src/engine/spill-html.ts';
import { articleHtml } from '../src/model/article-html.ts';
import { renderedPage, siteData } from './support/pages.ts';
import type { SiteData } from '../src/model/site-data.ts';

/** As a build does: each version's pages moved out of memory in turn. */
function spillPageHtml(data: SiteData, dir: string): void {
  const spill = new HtmlSpill(dir);
  for (const pages of Object.values(data.pages)) spill.pages(pages);
}

const bodies = [
  '<p>plain</p>',
  '<p>Ünïcödé — “quotes”, 日本語, 🚀 and private use \uE000\uE100\uF8FF</p>',
  '',
  `<pre>${'x'.repeat(70_000)}</pre>`,
];

test('every page gets back its own HTML, byte for byte, after it has left memory', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'spill-'));
  let n = 0;
  const data = siteData('Docs', { 'v1.2.x': ['a/', 'b/', 'c/', 'd/'], 'v1.1.x': ['a/', 'b/'] }, (route) => renderedPage(route, { html: `${bodies[n % bodies.length]}<!-- ${n++} -->` }));
  const before = Object.fromEntries(Object.entries(data.pages).map(([id, list]) => [id, list.map((p) => p.html)]));
  await spillPageHtml(data, path.join(dir, 'html'));
  for (const [id, list] of Object.entries(data.pages)) {
    list.forEach((page, i) => {
      assert.equal(page.html, '', `${id} ${page.route}: not held in memory`);
      assert.equal(articleHtml(page), before[id]![i], `${id} ${page.route}`);
    });
  }
  assert.equal(readdirSync(path.join(dir, 'html')).length, 2, 'one file per version');
});

test('a page object shared by two versions is written once and still reads back', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'spill-'));
  const shared = renderedPage('shared/', { html: '<p>same in both</p>' });
  const data = siteData('Docs', { 'v1.2.x': [], 'v1.1.x': [] });
  data.pages['v1.2.x'] = [shared];
  data.pages['v1.1.x'] = [shared, renderedPage('own/', { html: '<p>own</p>' })];
  await spillPageHtml(data, path.join(dir, 'html'));
  assert.equal(articleHtml(shared), '<p>same in both</p>');
  assert.equal(articleHtml(data.pages['v1.1.x']![1]!), '<p>own</p>');
});

test('a page that was never moved reads from memory', () => {
  assert.equal(articleHtml(renderedPage('x/', { html: '<p>here</p>' })), '<p>here</p>');
});

test('a version larger than one write batch reads back whole, page after page', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'spill-'));
  const big = (n: number) => `<p>${String(n).repeat(3_000_000)}é</p>`;
  const data = siteData('Docs', { 'v1.2.x': ['a/', 'b/', 'c/', 'd/'] }, (route) => renderedPage(route, { html: big(route.charCodeAt(0) - 96) }));
  await spillPageHtml(data, path.join(dir, 'html'));
  data.pages['v1.2.x']!.forEach((page, i) => assert.ok(articleHtml(page) === big(i + 1), page.route));
});
