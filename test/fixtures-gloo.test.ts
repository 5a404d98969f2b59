/**
 * The real Gloo Edge 1.15 upgrading pages (../shared/fixtures/gloo-docs-v1.15.x)
 * through the pipeline, with that fixture as docs root and content tree:
 * every page renders with zero diagnostics and every shortcode resolved.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import type { Root } from 'hast';
import { loadContent } from '../src/engine/content.ts';
import { indexContent } from '../src/engine/page-index.ts';
import { createEnv, renderSource, type RenderResult } from '../src/markdown/render.ts';
import { readSnippetFiles } from '../src/markdown/snippets.ts';
import { FIXTURES } from './support/pipeline.ts';

const ROOT = path.join(FIXTURES, 'gloo-docs-v1.15.x');
const all = loadContent(ROOT, '.', { exclude: ['static/content'] });
const content = indexContent(all, ROOT);
const env = await createEnv({ root: ROOT, site: content.index });
const version = { id: 'v1.15.x', base: '/gloo-edge/v1.15.x', values: readSnippetFiles(ROOT) };
const pages = new Map<string, RenderResult & { tree: Root }>();
for (const page of content.pages) {
  const result = renderSource(env, page.file, page.raw, version);
  pages.set(page.route, { ...result, tree: fromHtml(result.html, { fragment: true }) });
}
const page = (route: string) => pages.get(route)!;

test('the fixture tree: the four upgrading pages, the snippet folder left out', () => {
  assert.deepEqual([...pages.keys()], ['operations/upgrading/', 'operations/upgrading/canary/', 'operations/upgrading/faq/', 'operations/upgrading/upgrade_steps/']);
  assert.deepEqual(content.diagnostics, []);
});

for (const route of ['operations/upgrading/', 'operations/upgrading/canary/', 'operations/upgrading/faq/', 'operations/upgrading/upgrade_steps/']) {
  test(`${route} renders with zero diagnostics and no shortcode or placeholder left`, () => {
    const result = page(route);
    assert.deepEqual(result.diagnostics, []);
    assert.doesNotMatch(result.html, /\{\{[<%]/);
    assert.doesNotMatch(result.html, /[\uE000-\uF8FF]/);
  });
}

test('_index.md: children with descriptions, in weight order, with the version base', () => {
  const items = selectAll('ul.children > li', page('operations/upgrading/').tree);
  assert.deepEqual(items.map((li) => select('a', li)!.properties.href), [
    '/gloo-edge/v1.15.x/operations/upgrading/faq/',
    '/gloo-edge/v1.15.x/operations/upgrading/upgrade_steps/',
    '/gloo-edge/v1.15.x/operations/upgrading/canary/',
  ]);
  assert.deepEqual(items.map((li) => toString(select('a', li)!)), ['Prepare to upgrade', 'Quick upgrade', 'Canary upgrade']);
  assert.equal(toString(select('.children-description', items[0]!)!), 'Prepare your environment, review version changes, and review FAQs before you upgrade Gloo Edge.');
  assert.match(toString(page('operations/upgrading/').tree), /in version 1\.15\./);
});

test('canary.md: the expand section is a <details> in step 8, its code block and list rendered', () => {
  const details = select('details.expand', page('operations/upgrading/canary/').tree)!;
  assert.equal(toString(select('summary', details)!), 'Expand for an example federated virtual service configuration');
  assert.equal(selectAll('.expand-body li', details).length, 4);
  assert.equal(select('pre', details)!.properties.dataLanguage, 'yaml');
  assert.match(toString(select('pre', details)!), /^kubectl create ns gloo-fed\n/);
});

test('canary.md: the three highlight blocks mark the lines their hl_lines meant', () => {
  const blocks = selectAll('pre[data-language="yaml"]', page('operations/upgrading/canary/').tree).filter((p) => select('.highlighted', p));
  const marked = blocks.map((pre) => selectAll('.line.highlighted', pre).map((l) => toString(l).trim()));
  assert.deepEqual(marked, [
    ['state: PLACED', 'state: PLACED'],
    ['numRetries: 10'],
    ['numRetries: 10', 'retryBackOff:', 'baseInterval: 1s', 'maxInterval: 3s'],
  ]);
  assert.match(toString(blocks[0]!), /^\.\.\.\nstatus:/, 'no blank first line');
});

test('canary.md: tab sets stay in their list items; snippet versions fill the commands', () => {
  const tree = page('operations/upgrading/canary/').tree;
  assert.ok(selectAll('li div.tabs', tree).length >= 5);
  assert.match(toString(tree), /1\.15\.33/);
});

test('faq.md: notices and the filled change sections render', () => {
  const tree = page('operations/upgrading/faq/').tree;
  assert.equal(selectAll('aside.notice', tree).length, 2);
  for (const id of ['features', 'helm', 'crd', 'cli']) assert.ok(select(`#${id}`, tree), `heading #${id}`);
});
