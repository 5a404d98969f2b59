import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { pageContext } from '../src/view/context.ts';
import { buildModel, parentRoute, routeAndAncestors, servedPages } from '../src/model/site-model.ts';
import { searchPagePrefixes } from '../src/view/search-page.ts';
import { navTree } from '../src/view/nav.ts';
import type { RenderedPage, SiteData } from '../src/model/site-data.ts';

const data = JSON.parse(readFileSync(new URL('./fixtures/site-data.json', import.meta.url), 'utf8')) as SiteData;

const page = (route: string, title: string, weight: number): RenderedPage => ({
  route, title, weight, sourceFile: `${route}.md`, description: '', html: '', headings: [], links: [],
});

test('routes: parents and ancestors', () => {
  assert.equal(parentRoute('a/b/'), 'a/');
  assert.equal(parentRoute('a/'), '');
  assert.equal(parentRoute(''), undefined);
  assert.deepEqual(routeAndAncestors('a/b/c/'), ['a/b/c/', 'a/b/', 'a/', '']);
});

test('model: a missing home becomes a synthetic page; folders without a page of their own make none (as in Hugo)', () => {
  const model = buildModel({ base: '/d/', product: 'P', latest: 'v1', versions: [{ id: 'v1', minor: '1', label: '1', status: 'latest', values: {} }], pages: { v1: [page('x/y/z/', 'Z', 5)] } });
  const pages = model.byId.get('v1')!.pages;
  assert.deepEqual([...pages.keys()], ['', 'x/y/z/']);
  assert.equal(pages.get('')!.synthetic, true);
});

test('model: rejects a bad base, unknown latest and duplicate routes', () => {
  assert.throws(() => buildModel({ ...data, base: 'gloo-edge' }));
  assert.throws(() => buildModel({ ...data, latest: 'v9.x' }));
  const dup = { ...data, pages: { ...data.pages, 'v1.17.x': [...data.pages['v1.17.x']!, page('reference/support/', 'Again', 1)] } };
  assert.throws(() => buildModel(dup), /two pages/);
});

test('nav: weight, then title; current marked', () => {
  const model = buildModel({ base: '/d/', product: 'P', latest: 'v1', versions: [{ id: 'v1', minor: '1', label: '1', status: 'latest', values: {} }], pages: { v1: [page('', 'Home', 0), page('b/', 'Beta', 2), page('a/', 'Alpha', 2), page('c/', 'Zed', 1)] } });
  const tree = navTree(model.byId.get('v1')!.pages, (r) => `/d/v1/${r}`, 'a/');
  assert.deepEqual(tree.children.map((n) => n.title), ['Zed', 'Alpha', 'Beta']);
  assert.equal(tree.children[1]!.current, true);
  assert.equal(tree.children[1]!.href, '/d/v1/a/');
});

test('served pages: every version plus latest/', () => {
  const model = buildModel(data);
  const prefixes = new Set(servedPages(model).map((p) => p.prefix));
  assert.deepEqual([...prefixes], ['latest', 'v1.18.x', 'v1.17.x', 'v1.16.x', 'v1.15.x']);
  assert.deepEqual([...new Set(servedPages(model, { latest: false }).map((p) => p.prefix))], ['v1.18.x', 'v1.17.x', 'v1.16.x', 'v1.15.x'], 'latest/ copied: not laid out');
});

test('served pages: a latest version served only under latest/ (Gloo) is laid out there, not under its id', () => {
  const model = buildModel({ ...data, latestOnly: true });
  for (const latest of [true, false]) {
    const prefixes = new Set(servedPages(model, { latest }).map((p) => p.prefix));
    assert.deepEqual([...prefixes], ['latest', 'v1.18.x', 'v1.16.x', 'v1.15.x']);
  }
  assert.deepEqual(searchPagePrefixes(model, false), ['latest', 'v1.18.x', 'v1.16.x', 'v1.15.x']);
});

test('context: canonical, noindex and banners per version kind', () => {
  const model = buildModel(data);
  const route = 'operations/upgrading/upgrade_steps/';
  const latest = pageContext(model, 'latest', route);
  assert.equal(latest.canonicalPath, `/gloo-edge/latest/${route}`);
  assert.equal(latest.noindex, false);
  assert.equal(latest.banner, undefined);
  const same = pageContext(model, 'v1.17.x', route);
  assert.equal(same.canonicalPath, `/gloo-edge/latest/${route}`);
  assert.equal(same.noindex, false);
  const old = pageContext(model, 'v1.15.x', route);
  assert.equal(old.noindex, true);
  assert.equal(old.canonicalPath, `/gloo-edge/v1.15.x/${route}`);
  assert.equal(old.banner?.kind, 'old');
  assert.match(old.banner!.text, /You are viewing 1\.15; the latest is 1\.17/);
  assert.equal(old.banner!.href, `/gloo-edge/latest/${route}`);
  const next = pageContext(model, 'v1.18.x', route);
  assert.equal(next.banner?.kind, 'unreleased');
  assert.equal(next.noindex, true);
  assert.equal(latest.toc.some((h) => h.depth === 4), false);
  assert.equal(old.searchBundle, '/gloo-edge/v1.15.x/pagefind/');
});

