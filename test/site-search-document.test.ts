/** What Pagefind is given of a page: the text the page shows in its article, its title as metadata, no layout. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { select } from 'hast-util-select';
import { buildModel } from '../src/model/site-model.ts';
import { searchDocument } from '../src/integration/search-index.ts';
import type { SiteData } from '../src/model/site-data.ts';

const data = JSON.parse(readFileSync(new URL('./fixtures/site-data.json', import.meta.url), 'utf8')) as SiteData;
const model = buildModel(data);
const GUIDE = 'operations/upgrading/upgrade_steps/';

test('the guide: title as metadata, the article as the body, the same text with the highlighter spans gone', () => {
  const version = model.byId.get(model.latest)!;
  const page = version.pages.get(GUIDE)!;
  const html = searchDocument(version, GUIDE);
  const doc = fromHtml(html);
  assert.equal(toString(select('h1[data-pagefind-meta="title"]', doc)!), page.title);
  const body = select('[data-pagefind-body]', doc)!;
  assert.equal(toString(body), toString(fromHtml(page.html, { fragment: true })), 'the article text, unchanged');
  assert.match(page.html, /<span style="/, 'the page has highlighted code');
  assert.doesNotMatch(html, /<span style="|<span class="line">/);
  assert.ok(select('[data-pagefind-body] h2[id]', doc), 'headings keep their ids (search results link to them)');
  assert.doesNotMatch(html, /site-nav|version-select|toc/, 'no layout');
});

test('a generated home page lists its children, as the layout does; titles are escaped', () => {
  // Without a home page of its own, the site makes one (the only page it makes).
  const homeless = buildModel({ ...data, pages: Object.fromEntries(Object.entries(data.pages).map(([id, list]) => [id, list.filter((p) => p.route !== '')])) });
  const version = homeless.byId.get(homeless.latest)!;
  const section = version.pages.get('')!;
  assert.equal(section.synthetic, true);
  const html = searchDocument(version, section.route);
  assert.match(html, /<ul class="section-list"><li>/);
  const hostileTitle = '<img src=x onerror=alert(1)> & "quotes"';
  const hostile = { ...version, pages: new Map([...version.pages].map(([r, p]) => [r, r === GUIDE ? { ...p, title: hostileTitle } : p])) };
  const doc = fromHtml(searchDocument(hostile, GUIDE));
  assert.equal(toString(select('h1[data-pagefind-meta="title"]', doc)!), hostileTitle, 'the title, as text');
  assert.equal(toString(select('title', doc)!), hostileTitle);
  assert.equal(select('h1 img, title img', doc), undefined, 'no element made of a title');
});
