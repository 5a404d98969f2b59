/** src/changelog/markdown.ts directly: untrusted changelog prose becomes safe HTML. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toHtml } from 'hast-util-to-html';
import {
  renderUntrustedInline,
  renderUntrustedMarkdown,
  untrustedInlineNodes,
  untrustedMarkdownNodes,
} from '../src/changelog/markdown.ts';

test('Markdown and GFM render: emphasis, code, links, tables', () => {
  assert.equal(renderUntrustedMarkdown('Fixed **the** `proxy`.'), '<p>Fixed <strong>the</strong> <code>proxy</code>.</p>');
  assert.match(renderUntrustedMarkdown('See https://solo.io'), /<a href="https:\/\/solo\.io">https:\/\/solo\.io<\/a>/);
  assert.match(renderUntrustedMarkdown('| a |\n|---|\n| b |'), /<table>[\s\S]*<td>b<\/td>/);
});

test('raw HTML, script URLs and event handlers never reach the page', () => {
  const html = renderUntrustedMarkdown(
    'a <script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1)) ![y](data:text/html,boom)',
  );
  assert.doesNotMatch(html, /<script|onerror|javascript:|data:text/i, html);
  assert.match(html, /<a>x<\/a>/, 'the link text stays, without its URL');
});

test('inline: a single paragraph is unwrapped, several blocks are kept as they are', () => {
  assert.equal(renderUntrustedInline('Fixed *it*.'), 'Fixed <em>it</em>.');
  assert.equal(renderUntrustedInline('One.\n\nTwo.'), '<p>One.</p>\n<p>Two.</p>');
  assert.equal(renderUntrustedInline('- a'), '<ul>\n<li>a</li>\n</ul>');
});

test('the node forms match the HTML forms and leave no blank text at either end', () => {
  const src = '\n\nOne.\n\nTwo.\n\n';
  const nodes = untrustedMarkdownNodes(src);
  assert.equal(nodes.length, 3, 'p, newline, p');
  assert.equal(nodes[0]!.type, 'element');
  assert.equal(nodes[2]!.type, 'element');
  assert.equal(toHtml(nodes), renderUntrustedMarkdown(src));
  assert.equal(toHtml(untrustedInlineNodes('*x*')), renderUntrustedInline('*x*'));
  assert.deepEqual(untrustedMarkdownNodes(''), []);
});

test('the same Markdown twice gives equal nodes that are not shared: changing one page leaves the next alone', () => {
  const text = 'Fixes [the router](https://example.com/r) for **v1.2.3**.';
  const first = untrustedMarkdownNodes(text);
  const second = untrustedMarkdownNodes(text);
  assert.deepEqual(second, first);
  (first[0] as { children: unknown[] }).children.length = 0;
  assert.deepEqual(untrustedMarkdownNodes(text), second, 'a later call is not changed by what a caller did to its copy');
  assert.notEqual(untrustedMarkdownNodes(text), untrustedMarkdownNodes(text));
});
