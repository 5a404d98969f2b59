/**
 * The tree passes of the Markdown pipeline that walk hast with
 * unist-util-visit, each on its own: raw HTML comments (markdown.ts), code
 * highlighting (highlight-code.ts), headings (headings.ts) and the links of a
 * page with their source offsets (links.ts); and the changelog folder scan
 * (changelog/scan.ts) on the one directory walker.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { markdownToHast } from '../src/markdown/markdown.ts';
import { highlightCodeBlocks } from '../src/markdown/highlight-code.ts';
import { loadHighlighter } from '../src/markdown/highlight.ts';
import { collectHeadings } from '../src/markdown/headings.ts';
import { collectLinks } from '../src/markdown/links.ts';
import { readChangelogTree } from '../src/changelog/scan.ts';

test('markdownToHast: HTML comments alone become comment nodes at any depth; other raw HTML is parsed', () => {
  const comments = markdownToHast('Text\n\n<!-- note -->\n\n- item\n\n  <!-- nested -->\n');
  assert.equal(toHtml(comments), '<p>Text</p>\n<!-- note -->\n<ul>\n<li>\n<p>item</p>\n<!-- nested -->\n</li>\n</ul>');
  const raw = markdownToHast('<!-- c -->\n\n<div class="x">*a*</div>\n');
  assert.equal(toHtml(raw), '<!-- c -->\n<div class="x">*a*</div>');
});

test('highlightCodeBlocks: fenced code at any depth is highlighted in place; a block highlighted already is left', async () => {
  const highlighter = await loadHighlighter();
  const tree = markdownToHast('- a\n\n  ```yaml\n  k: v\n  ```\n');
  highlightCodeBlocks(tree, highlighter);
  const html = toHtml(tree);
  assert.match(html, /<li>\n<p>a<\/p>\n<pre class="shiki[^"]*"[^>]*><code>.*k.*v/s);
  assert.doesNotMatch(html, /language-yaml/);
  const done = { type: 'root' as const, children: [h('pre', { className: ['shiki'] }, [h('code', { className: ['language-yaml'] }, 'k: v')])] };
  highlightCodeBlocks(done, highlighter);
  assert.equal(toHtml(done), '<pre class="shiki"><code class="language-yaml">k: v</code></pre>');
});

test('collectHeadings: every heading in document order, `{#id}` taken as its id, headings inside a heading not counted twice', () => {
  const tree = markdownToHast('# Top\n\n> ## Quoted {#q}\n\n### Third\n');
  const headings = collectHeadings(tree, (node) => node.position?.start.offset ?? -1, (i) => `h${i}`);
  assert.deepEqual(headings.map((x) => [x.depth, x.text, x.explicitId, x.offset]), [[1, 'Top', undefined, 0], [2, 'Quoted', 'q', 9], [3, 'Third', undefined, 25]]);
  assert.match(toHtml(tree), /<h1 id="h0">Top<\/h1>[\s\S]*<h2 id="q">Quoted<\/h2>[\s\S]*<h3 id="h2">Third<\/h3>/);
  const nested = { type: 'root' as const, children: [h('h2', [h('h3', 'inner')])] };
  assert.equal(collectHeadings(nested, () => 0, (i) => `n${i}`).length, 1);
});

test('collectLinks: every URL of the page in document order, each at its element\'s offset or its nearest ancestor\'s', () => {
  const at = (src: number | undefined, el: Element) => (src === undefined ? el : { ...el, data: { src } as unknown as Element['data'] });
  const tree = {
    type: 'root' as const,
    children: [
      at(10, h('p', [h('a', { href: '/a/' }, 'a'), at(20, h('a', { href: '/b/' }, 'b'))])),
      h('div', [h('img', { src: 'x.png' }), h('meta', { httpEquiv: 'refresh', content: '0; url=/r/' })]),
    ],
  };
  assert.deepEqual(collectLinks(tree, 99), [
    { href: '/a/', offset: 10 },
    { href: '/b/', offset: 20 },
    { href: 'x.png', offset: 99 },
    { href: '/r/', offset: 99 },
  ]);
});

test('readChangelogTree: files with their text and folders, sorted, dot files left out, a link to a folder named as such', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'changelog-'));
  const write = (p: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    writeFileSync(path.join(dir, p), text);
  };
  write('v1.2.0/b.yaml', 'b');
  write('v1.10.0/a.yaml', 'a');
  write('.git/x', 'x');
  write('v1.2.0/.hidden.yaml', 'h');
  mkdirSync(path.join(dir, 'v1.3.0'));
  symlinkSync(path.join(dir, 'v1.2.0'), path.join(dir, 'v1.4.0'));
  assert.deepEqual(readChangelogTree(dir), [
    { path: 'v1.10.0', folder: true },
    { path: 'v1.10.0/a.yaml', text: 'a' },
    { path: 'v1.2.0', folder: true },
    { path: 'v1.2.0/b.yaml', text: 'b' },
    { path: 'v1.3.0', folder: true },
    { path: 'v1.4.0', special: 'a folder' },
  ]);
  assert.equal(readChangelogTree(path.join(dir, 'missing')), undefined);
});
