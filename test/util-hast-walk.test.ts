/** src/util/hast-walk.ts directly: the walk the compile's passes share visits as unist-util-visit did. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visitParents } from 'unist-util-visit-parents';
import { eachElement, eachNode, SKIP } from '../src/util/hast-walk.ts';

const html = '<h2>A <code>x</code></h2><p>one <a href="/b"><em>two</em></a></p><!-- c --><pre><code>y</code></pre><ul><li>z</li></ul>';
const tree = () => fromHtml(html, { fragment: true });
const label = (node: Root['children'][number] | Root) => (node.type === 'element' ? node.tagName : node.type);

test('every node below the root once, in document order, with the ancestors unist-util-visit-parents gives', () => {
  const ours: string[] = [];
  eachNode(tree(), (node, index, parent, ancestors) => {
    assert.equal(parent.children[index], node);
    assert.equal(ancestors.at(-1), parent);
    ours.push(`${ancestors.map(label).join('>')}>${label(node)}`);
  });
  const library: string[] = [];
  visitParents(tree(), (node, ancestors) => {
    if (ancestors.length) library.push(`${ancestors.map((a) => label(a as Root)).join('>')}>${label(node as Root)}`);
  });
  assert.deepEqual(ours, library);
  assert.equal(ours.length, 16);
});

test('elements only; SKIP leaves a node\'s children out; a replaced node\'s own children are still walked', () => {
  const seen: string[] = [];
  const t = tree();
  eachElement(t, (node, index, parent) => {
    seen.push(node.tagName);
    if (node.tagName === 'h2') return SKIP;
    if (node.tagName === 'p') parent.children[index] = { type: 'element', tagName: 'div', properties: {}, children: [] } satisfies Element;
    return undefined;
  });
  assert.deepEqual(seen, ['h2', 'p', 'a', 'em', 'pre', 'code', 'ul', 'li']);
  assert.equal((t.children[1] as Element).tagName, 'div', 'the replacement stays');
});
