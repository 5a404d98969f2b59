/** src/view/search-page.ts directly: each copy of the docs gets its own search page, listing every page of that version. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildModel } from '../src/model/site-model.ts';
import type { RenderedPage } from '../src/model/site-data.ts';
import type { NavNode } from '../src/view/nav.ts';
import { searchPageContext, searchPagePrefixes, searchPageHref } from '../src/view/search-page.ts';

const page = (route: string, title: string, weight = 1, extra: Partial<RenderedPage> = {}): RenderedPage => ({
  route, title, weight, sourceFile: `${route || '_index'}.md`, description: '', html: '', headings: [], links: [], ...extra,
});

const version = (id: string, status: 'latest' | 'supported' | 'unreleased') => ({ id, minor: id.slice(1, -2), label: id.slice(1, -2), status, values: {} });

const model = () =>
  buildModel({
    base: '/gloo-edge/',
    product: 'Gloo Edge',
    latest: 'v1.17.x',
    versions: [version('main', 'unreleased'), version('v1.17.x', 'latest'), version('v1.16.x', 'supported')].map((v) => (v.id === 'main' ? { ...v, minor: '1.18', label: '1.18' } : v)),
    pages: {
      main: [page('', 'Home'), page('guides/', 'Guides', 1), page('guides/a/', 'Alpha', 1), page('secret/', 'Hidden', 2, { hidden: true })],
      'v1.17.x': [page('', 'Home'), page('guides/', 'Guides', 1), page('guides/a/', 'Alpha', 1)],
      'v1.16.x': [page('', 'Home'), page('search/', 'Our own search page')],
    },
  });

const titles = (n: NavNode): string[] => [n.title, ...n.children.flatMap(titles)];

test('the search page URL of a copy', () => {
  assert.equal(searchPageHref('/gloo-edge/', 'latest'), '/gloo-edge/latest/search/');
  assert.equal(searchPageHref('/gloo-edge/', 'v1.16.x'), '/gloo-edge/v1.16.x/search/');
});

test('every copy gets one (latest/ only when laid out), except a version with its own page at search/', () => {
  assert.deepEqual(searchPagePrefixes(model(), true), ['latest', 'main', 'v1.17.x']);
  assert.deepEqual(searchPagePrefixes(model(), false), ['main', 'v1.17.x']);
});

test("the page: its version's bundle and title, each version's own search page in the menu (latest under latest/)", () => {
  const ctx = searchPageContext(model(), 'v1.17.x');
  assert.equal(ctx.title, 'Search | Gloo Edge 1.17');
  assert.equal(ctx.searchBundle, '/gloo-edge/v1.17.x/pagefind/');
  assert.equal(ctx.homeHref, '/gloo-edge/latest/');
  assert.deepEqual(ctx.options.map((o) => [o.id, o.href]), [
    ['main', '/gloo-edge/main/search/'],
    ['v1.17.x', '/gloo-edge/latest/search/'],
    ['v1.16.x', '/gloo-edge/v1.16.x/search/'],
  ]);
  assert.equal(searchPageContext(model(), 'latest').searchBundle, '/gloo-edge/latest/pagefind/');
});

test('without JavaScript: every page of the version is listed, hidden ones too, linked within the copy', () => {
  const ctx = searchPageContext(model(), 'main');
  const listed = titles(ctx.pages);
  for (const t of ['Guides', 'Alpha', 'Hidden']) assert.ok(listed.includes(t), `${t} in ${listed}`);
  const alpha = ctx.pages.children.find((c) => c.title === 'Guides')!.children.find((c) => c.title === 'Alpha')!;
  assert.equal(alpha.href, '/gloo-edge/main/guides/a/');
  assert.ok(!titles(ctx.nav).includes('Hidden'), 'the sidebar keeps hidden pages out');
});

test('an unknown version is refused', () => {
  assert.throws(() => searchPageContext(model(), 'v9.9.x'), /Unknown version "v9\.9\.x"/);
});
