/**
 * src/integration/data.ts directly, outside Astro: the virtual module it reads is stood in for by a
 * module of this test (a resolve hook), so the model the pages get can be checked per data and per file.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';
import type { SiteData, RenderedPage } from '../src/model/site-data.ts';
import type { VirtualSite } from '../src/integration/integration.ts';
import { docsRoot } from './support/pipeline.ts';

/** What the stand-in virtual module exports: the test changes them between calls. */
const state: { site: Partial<VirtualSite>; data: SiteData | undefined } = { site: {}, data: undefined };
(globalThis as Record<string, unknown>).__integrationDataTest = state;
const STAND_IN = `data:text/javascript,${encodeURIComponent(
  'const s = globalThis.__integrationDataTest; export const site = new Proxy({}, { get: (_, k) => s.site[k] }); export function siteData() { return s.data; }',
)}`;
registerHooks({
  resolve: (specifier, context, next) => (specifier === 'virtual:versioned-docs/site' ? { url: STAND_IN, shortCircuit: true } : next(specifier, context)),
});
const { getSiteModel, layOutLatest } = await import('../src/integration/data.ts');

const page = (route: string, title: string): RenderedPage => ({ route, title, weight: 1, sourceFile: `${route || '_index'}.md`, description: '', html: '', headings: [], links: [] });
const siteData = (product: string): SiteData => ({
  base: '/d/',
  product,
  latest: 'v1',
  versions: [{ id: 'v1', minor: '1', label: '1', status: 'latest', values: {} }],
  pages: { v1: [page('', 'Home'), page('a/', 'A')] },
});

test('layOutLatest is what the integration was told', () => {
  state.site = { layOutLatest: true };
  assert.equal(layOutLatest(), true);
  state.site = { layOutLatest: false };
  assert.equal(layOutLatest(), false);
});

test("builds: the registered data's model, built once per data (every page asks), again for new data", () => {
  state.site = {};
  const first = siteData('P');
  state.data = first;
  const model = getSiteModel();
  assert.equal(model.product, 'P');
  assert.ok(model.byId.get('v1')!.pages.has('a/'));
  assert.deepEqual(model.diagnostics, []);
  assert.equal(getSiteModel(), model, 'the same data: the same model');
  state.data = { ...siteData('Q'), diagnostics: [{ file: 'a.md', line: 1, column: 1, severity: 'warning', message: 'm' }] } as SiteData;
  const next = getSiteModel();
  assert.equal(next.product, 'Q');
  assert.equal(next.diagnostics.length, 1, "the build's diagnostics reach the pages");
});

test('dev: the data file is read again only when it changes; a missing file says to fix what npm run dev shows', () => {
  const dir = docsRoot();
  const file = path.join(dir, 'site.json');
  writeFileSync(file, JSON.stringify(siteData('Dev')));
  state.data = undefined;
  state.site = { dataFile: file };
  const model = getSiteModel();
  assert.equal(model.product, 'Dev');
  assert.equal(getSiteModel(), model);
  writeFileSync(file, JSON.stringify(siteData('Dev, edited')));
  assert.equal(getSiteModel().product, 'Dev, edited');
  state.site = { dataFile: path.join(dir, 'missing.json') };
  assert.throws(() => getSiteModel(), /No site data at .*missing\.json: fix the problems `npm run dev` shows/);
});
