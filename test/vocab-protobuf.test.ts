/** `protobuf` (API reference links from a data file) and `render_changelog`. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { CHANGELOG_PAGES } from '../src/engine/render-site.ts';
import { CHANGELOG_ROUTES } from '../src/model/changelog-routes.ts';
import { readFileSync } from 'node:fs';
import { docsRoot, render } from './support/pipeline.ts';
import { glooDocs } from './support/gloo-branch.ts';
import { NEEDS_SHARED } from './support/shared.ts';

const DATA = {
  'data/ProtoMap.yaml': [
    'apis:',
    '  gloo.solo.io.Upstream:',
    '    relativepath: reference/api/github.com/solo-io/gloo/projects/gloo/api/v1/upstream.proto.sk/#Upstream',
    '    package: gloo.solo.io',
    '  enterprise.gloo.solo.io.Settings:',
    '    relativepath: reference/api/extauth.proto.sk/#Settings',
    '    package: enterprise.gloo.solo.io',
    '  gloo.solo.io.Settings:',
    '    relativepath: reference/api/settings.proto.sk/#Settings',
    '    package: gloo.solo.io',
  ].join('\n'),
};

const withData = async (source: string, files: Record<string, string> = DATA) => {
  const root = docsRoot(files);
  return render(source, { root, dataDir: path.join(root, 'data') });
};

test('protobuf: the link the Solo theme makes from ProtoMap.yaml: relativepath lower-cased, under the version base', async () => {
  const result = await withData('Configure an {{% protobuf name="gloo.solo.io.Upstream" display="Upstream" %}} first.\n');
  assert.deepEqual(result.diagnostics, []);
  const a = select('p > a', fromHtml(result.html, { fragment: true }))!;
  assert.equal(a.properties.href, '/gloo-edge/v1.17.x/reference/api/github.com/solo-io/gloo/projects/gloo/api/v1/upstream.proto.sk/#upstream');
  assert.equal(toString(a), 'Upstream');
});

test('protobuf: display is Markdown; without display the full name, as the theme shows it', async () => {
  const result = await withData('Set the {{% protobuf name="enterprise.gloo.solo.io.Settings" display="`requestTimeout` value" %}} on {{% protobuf name="gloo.solo.io.Settings" %}}.\n');
  assert.deepEqual(result.diagnostics, []);
  const [a, b] = selectAll('a', fromHtml(result.html, { fragment: true }));
  assert.equal(a!.properties.href, '/gloo-edge/v1.17.x/reference/api/extauth.proto.sk/#settings');
  assert.equal(toString(select('code', a!)!), 'requestTimeout');
  assert.equal(toString(b!), 'gloo.solo.io.Settings');
});

test('protobuf: an unknown name is a warning at the name, suggesting the same short name; the text stays, unlinked', async () => {
  const result = await withData('See {{% protobuf name="solo.io.Upstream" display="the upstream" %}}.\n');
  const [w] = result.diagnostics;
  assert.equal(result.diagnostics.length, 1);
  assert.equal(w!.severity, 'warning');
  assert.match(w!.message, /protobuf: no API reference page for `solo\.io\.Upstream` in .*ProtoMap\.yaml/);
  assert.equal(w!.line, 1);
  assert.equal(w!.column, 18);
  assert.equal(w!.excerpt, 'name="solo.io.Upstream"');
  assert.match(w!.hint!, /`gloo\.solo\.io\.Upstream`/);
  assert.match(result.html, /See the upstream\./);
  assert.doesNotMatch(result.html, /<a /);
});

test('protobuf: without a data folder, a ProtoMap file or its apis map, the error says where it is looked for', async () => {
  const none = await render('{{% protobuf name="a.B" %}}\n');
  assert.match(none.diagnostics[0]!.message, /No data folder/);
  const missing = await withData('{{% protobuf name="a.B" %}}\n', { 'data/other.yaml': 'a: 1' });
  assert.match(missing.diagnostics[0]!.message, /Data file `ProtoMap` not found/);
  const broken = await withData('{{% protobuf name="a.B" %}}\n', { 'data/ProtoMap.yaml': 'a: [1\n' });
  assert.match(broken.diagnostics[0]!.message, /cannot be parsed/);
  const flat = await withData('{{% protobuf name="a.B" %}}\n', { 'data/ProtoMap.yaml': 'a.B: /reference/x/\n' });
  assert.match(flat.diagnostics[0]!.message, /has no `apis` map/);
});

test('protobuf on the real v1.17.x tree: every call links as the theme does, or warns at its line', { skip: NEEDS_SHARED }, async () => {
  const docs = glooDocs('v1.17.x');
  const page = path.join(docs, 'content/reference/cheatsheets/timeouts/_index.md');
  const result = await render(readFileSync(page, 'utf8'), { root: docs, contentDir: path.join(docs, 'content'), dataDir: path.join(docs, 'data') });
  // The page names a message ProtoMap lacks, twice: Hugo linked it to the docs home without a word.
  assert.deepEqual(
    result.diagnostics.map((d) => `${d.severity} ${d.line}:${d.column} ${d.excerpt}`),
    ['warning 84:40 name="gloo.solo.io.Options"', 'warning 94:42 name="gloo.solo.io.Options"'],
  );
  const links = selectAll('a', fromHtml(result.html, { fragment: true })).filter((a) => String(a.properties.href).includes('.proto.sk/'));
  assert.equal(links.length, 12);
  for (const a of links) assert.match(String(a.properties.href), /^\/gloo-edge\/v1\.17\.x\/reference\/api\/github\.com\/solo-io\/[^A-Z]+\.proto\.sk\/(#[a-z]+)?$/);
  // As Hugo rendered it (oracle): the theme lower-cases the anchor.
  const gateway = links.find((a) => toString(a) === 'Gateway')!;
  assert.equal(gateway.properties.href, '/gloo-edge/v1.17.x/reference/api/github.com/solo-io/gloo/projects/gateway/api/v1/gateway.proto.sk/#gateway');
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
