/** `protobuf` (API reference links from a data file) and `render_changelog`. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { CHANGELOG_PAGES } from '../src/engine/render-site.ts';
import { CHANGELOG_ROUTES } from '../src/model/changelog-routes.ts';
import { docsRoot, render } from './support/pipeline.ts';

const DATA = {
  'data/protobuf.yaml': [
    'gloo.solo.io.Upstream: /reference/api/github.com/solo-io/gloo/projects/gloo/api/v1/upstream.proto.sk/#upstream',
    'enterprise.gloo.solo.io.Settings: reference/api/extauth.proto.sk/#settings',
    'gloo.solo.io.Settings: /reference/api/settings.proto.sk/#settings',
  ].join('\n'),
};

const withData = async (source: string) => {
  const root = docsRoot(DATA);
  return render(source, { root, dataDir: path.join(root, 'data') });
};

test('protobuf: a link to the message\'s API reference page, with the version base', async () => {
  const result = await withData('Configure an {{% protobuf name="gloo.solo.io.Upstream" display="Upstream" %}} first.\n');
  assert.deepEqual(result.diagnostics, []);
  const a = select('p > a', fromHtml(result.html, { fragment: true }))!;
  assert.equal(a.properties.href, '/gloo-edge/v1.17.x/reference/api/github.com/solo-io/gloo/projects/gloo/api/v1/upstream.proto.sk/#upstream');
  assert.equal(toString(a), 'Upstream');
});

test('protobuf: display is Markdown; without display the short name; paths without a leading slash', async () => {
  const result = await withData('Set the {{% protobuf name="enterprise.gloo.solo.io.Settings" display="`requestTimeout` value" %}} on {{% protobuf name="gloo.solo.io.Settings" %}}.\n');
  assert.deepEqual(result.diagnostics, []);
  const [a, b] = selectAll('a', fromHtml(result.html, { fragment: true }));
  assert.equal(a!.properties.href, '/gloo-edge/v1.17.x/reference/api/extauth.proto.sk/#settings');
  assert.equal(toString(select('code', a!)!), 'requestTimeout');
  assert.equal(toString(b!), 'Settings');
});

test('protobuf: an unknown name is an error at the name, suggesting the same short name', async () => {
  const result = await withData('See {{% protobuf name="solo.io.Upstream" display="x" %}}.\n');
  const [e] = result.diagnostics;
  assert.match(e!.message, /protobuf: no API reference page for `solo\.io\.Upstream` in .*protobuf\.yaml/);
  assert.equal(e!.line, 1);
  assert.equal(e!.column, 18);
  assert.equal(e!.excerpt, 'name="solo.io.Upstream"');
  assert.match(e!.hint!, /`gloo\.solo\.io\.Upstream`/);
});

test('protobuf: without a data folder or data file, the error says where it is looked for', async () => {
  const none = await render('{{% protobuf name="a.B" %}}\n');
  assert.match(none.diagnostics[0]!.message, /No data folder/);
  const root = docsRoot({ 'data/other.yaml': 'a: 1' });
  const missing = await render('{{% protobuf name="a.B" %}}\n', { root, dataDir: path.join(root, 'data') });
  assert.match(missing.diagnostics[0]!.message, /Data file `protobuf` not found/);
  const bad = docsRoot({ 'data/protobuf.yaml': 'a: [1\n' });
  const broken = await render('{{% protobuf name="a.B" %}}\n', { root: bad, dataDir: path.join(bad, 'data') });
  assert.match(broken.diagnostics[0]!.message, /cannot be parsed/);
});

test('render_changelog: a link to the generated changelog page of the product', async () => {
  const oss = await render('{{< render_changelog >}}\n');
  assert.deepEqual(oss.diagnostics, []);
  assert.equal(select('a', fromHtml(oss.html, { fragment: true }))!.properties.href, '/gloo-edge/v1.17.x/reference/changelog/open_source/');
  const ee = await render('{{< render_changelog product="enterprise" >}}\n');
  assert.equal(select('a', fromHtml(ee.html, { fragment: true }))!.properties.href, '/gloo-edge/v1.17.x/reference/changelog/enterprise/');
});

test('render_changelog links the routes the build generates', () => {
  assert.deepEqual(CHANGELOG_ROUTES, CHANGELOG_PAGES.map((p) => p.route));
});
