import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { buildModel } from '../src/model/site-model.ts';
import { resolveRoute, versionOptions } from '../src/view/switcher.ts';
import type { SiteData } from '../src/model/site-data.ts';

const data = JSON.parse(readFileSync(new URL('./fixtures/site-data.json', import.meta.url), 'utf8')) as SiteData;
const model = buildModel(data);

test('resolveRoute: same page, nearest ancestor, else home', () => {
  const routes = new Set(['', 'a/', 'a/b/', 'x/y/z/']);
  assert.deepEqual(resolveRoute(routes, 'a/b/'), { route: 'a/b/', exact: true });
  assert.deepEqual(resolveRoute(routes, 'a/b/c/d/'), { route: 'a/b/', exact: false });
  assert.deepEqual(resolveRoute(routes, 'x/y/'), { route: '', exact: false });
  assert.deepEqual(resolveRoute(new Set<string>(), 'q/'), { route: '', exact: false });
});

test('versionOptions: newest first, latest under latest/, current selected', () => {
  const options = versionOptions(model, 'v1.16.x', 'operations/upgrading/upgrade_steps/');
  assert.deepEqual(options.map((o) => o.id), ['v1.18.x', 'v1.17.x', 'v1.16.x', 'v1.15.x']);
  assert.deepEqual(options.map((o) => o.mark), ['unreleased', 'latest', undefined, undefined]);
  assert.deepEqual(options.filter((o) => o.current).map((o) => o.id), ['v1.16.x']);
  assert.equal(options[1]!.href, '/gloo-edge/latest/operations/upgrading/upgrade_steps/');
  assert.equal(options[3]!.href, '/gloo-edge/v1.15.x/operations/upgrading/upgrade_steps/');
  assert.ok(options.every((o) => o.exact));
});

test('versionOptions: a page missing in a version falls back to its nearest ancestor', () => {
  const options = versionOptions(model, 'v1.17.x', 'operations/upgrading/canary/');
  const old = options.find((o) => o.id === 'v1.15.x')!;
  assert.equal(old.href, '/gloo-edge/v1.15.x/operations/upgrading/');
  assert.equal(old.exact, false);
});

test('versionOptions: target anchors are the target page heading ids', () => {
  const options = versionOptions(model, 'v1.17.x', 'operations/upgrading/upgrade_steps/');
  assert.ok(options.find((o) => o.id === 'v1.16.x')!.anchors.includes('crd'));
  assert.ok(!options.find((o) => o.id === 'v1.15.x')!.anchors.includes('crd'));
});

test('every option of every page of every version points at a page that exists', () => {
  for (const version of model.versions) {
    for (const route of version.pages.keys()) {
      for (const option of versionOptions(model, version.version.id, route)) {
        const [, prefix, ...rest] = option.href.slice(model.base.length - 1).split('/');
        const target = model.byId.get(prefix === 'latest' ? model.latest : prefix!)!;
        assert.ok(target.pages.has(rest.join('/')), `${option.href} from ${version.version.id}/${route}`);
      }
    }
  }
});
