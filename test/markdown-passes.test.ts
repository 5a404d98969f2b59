/** The Markdown pipeline's single-purpose passes, each on its own. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Root } from 'hast';
import { h } from 'hastscript';
import { parseFrontMatter } from '../src/markdown/front-matter.ts';
import { assignIds } from '../src/markdown/headings.ts';
import { collectLinks } from '../src/markdown/links.ts';
import { commonIndent, LineIndex, positionIn, SourceMapBuilder } from '../src/markdown/sourcemap.ts';

test('front matter: data, the body and where it starts; malformed YAML is a diagnostic at its line; JavaScript is not run', () => {
  const raw = '---\ntitle: Upgrade\nweight: 3\n---\nBody\n';
  const { frontMatter, diagnostics } = parseFrontMatter('page.md', raw);
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(frontMatter.data, { title: 'Upgrade', weight: 3 });
  assert.equal(raw.slice(frontMatter.bodyOffset), frontMatter.body);
  const bad = parseFrontMatter('page.md', '---\ntitle: [unclosed\n---\nBody\n');
  assert.equal(bad.diagnostics.length, 1);
  assert.match(bad.diagnostics[0]!.message, /Malformed front matter/);
  assert.ok(bad.diagnostics[0]!.line >= 2);
  const code = parseFrontMatter('page.md', '---js\n{ title: (globalThis.arch_ran = true, "x") }\n---\nBody\n');
  assert.equal(code.diagnostics.length, 1);
  assert.equal((globalThis as { arch_ran?: boolean }).arch_ran, undefined);
});

test('source map: copied text maps 1:1, generated text to where it was generated, dedent strips after the first line', () => {
  const source = 'abc {{x}} def\n    ghi\n';
  const builder = new SourceMapBuilder(source, 2);
  builder.copy(0, 4);
  builder.generate('XYZ', 4);
  builder.copy(9, source.length);
  const { text, map } = builder.finish();
  assert.equal(text, 'abc XYZ def\n  ghi\n');
  assert.equal(map.toSource(1), 1);
  assert.equal(map.toSource(5), 4, 'inside generated text: its origin');
  assert.equal(map.toSource(text.indexOf('def')), source.indexOf('def'));
  assert.equal(map.toSource(text.indexOf('ghi')), source.indexOf('ghi'));
  assert.equal(commonIndent('first\n    a\n  b\n\n      c'), 2);
  assert.equal(commonIndent('only'), 0);
});

test('line index: 1-based lines and columns, plain data that survives a worker thread', () => {
  const index = new LineIndex('ab\ncd\n\nef');
  assert.deepEqual(index.starts, [0, 3, 6, 7]);
  assert.deepEqual(index.position(4), { line: 2, column: 2 });
  assert.deepEqual(positionIn(structuredClone(index.starts), 7), { line: 4, column: 1 });
});

test('links: every <a href> in document order, with the offset of the nearest node that has one', () => {
  const tree: Root = { type: 'root', children: [
    h('p', [h('a', { href: '/a/' }, 'a')]),
    h('div', [h('section', [h('a', { href: '/b/' }, 'b'), h('span', [h('a', { href: '/c/' }, 'c')])])]),
    h('a', { name: 'no-href' }),
  ] };
  (tree.children[1] as { data?: object }).data = { src: 40 };
  const span = ((tree.children[1] as { children: { children: { data?: object }[] }[] }).children[0]!.children[1]!);
  span.data = { src: 55 };
  assert.deepEqual(collectLinks(tree, 7), [
    { href: '/a/', offset: 7 },
    { href: '/b/', offset: 40 },
    { href: '/c/', offset: 55 },
  ]);
});

test('heading ids: explicit ones kept, others slugged and made unique without taking an explicit one', () => {
  const ids = assignIds([
    { depth: 2, text: 'Install' },
    { depth: 2, text: 'Install' },
    { depth: 3, text: 'Other', explicitId: 'install-1' },
    { depth: 2, text: '!!!' },
  ]).map((h) => h.id);
  // An id with no letter left is Goldmark's `heading`, as Hugo gives it.
  assert.deepEqual(ids, ['install', 'install-2', 'install-1', 'heading']);
});
