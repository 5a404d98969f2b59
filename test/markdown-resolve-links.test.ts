/**
 * Two passes of the Markdown pipeline on their own, over hast trees:
 * resolveTokens (src/markdown/resolve.ts) puts each shortcode's output where
 * its token landed, and rewriteLocalLinks (src/markdown/local-links.ts)
 * rewrites a page's relative links to what the content tree answers.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { resolveTokens, type TokenResolver } from '../src/markdown/resolve.ts';
import { rewriteLocalLinks } from '../src/markdown/local-links.ts';
import { deferredChar, token } from '../src/markdown/sentinels.ts';

const tree = (html: string): Root => fromHtml(html, { fragment: true });

/** Output 0 is inline (`<em>x</em>`), output 1 a block (`<div class="box">`); their text is `T0`, `T1`. */
const resolver: TokenResolver = {
  text: (n) => `T${n}`,
  flow: (n) => (n === 0 ? { nodes: [h('em', 'x')], block: false } : { nodes: [h('div', { className: ['box'] }, 'B')] as ElementContent[], block: true }),
};
const resolved = (html: string) => {
  const t = tree(html);
  resolveTokens(t, resolver);
  return toHtml(t);
};

test('resolveTokens: inline output sits in the text where its token was', () => {
  assert.equal(resolved(`<p>a ${token(0)} b</p>`), '<p>a <em>x</em> b</p>');
  assert.equal(resolved(`<ul><li>${token(0)}</li></ul>`), '<ul><li><em>x</em></li></ul>');
});

test('resolveTokens: block output splits its paragraph, and a paragraph left empty is dropped', () => {
  assert.equal(resolved(`<p>a ${token(1)} b</p>`), '<p>a </p><div class="box">B</div><p> b</p>');
  assert.equal(resolved(`<p>${token(1)}</p>`), '<div class="box">B</div>');
  assert.equal(resolved(`<ul><li><p>${token(1)}</p></li></ul>`), '<ul><li><div class="box">B</div></li></ul>', 'a tab set under a list item stays in the item');
});

test('resolveTokens: in code and in attributes a shortcode is its text', () => {
  assert.equal(resolved(`<pre><code>run ${token(1)} now</code></pre>`), '<pre><code>run T1 now</code></pre>');
  assert.equal(resolved(`<p><code>${token(0)}</code></p>`), '<p><code>T0</code></p>');
  assert.equal(resolved(`<p><a href="/x/${token(0)}/" title="${token(1)}">l</a></p>`), '<p><a href="/x/T0/" title="T1">l</a></p>');
});

test('resolveTokens: text without tokens is left as it was, private-use characters included', () => {
  const text = '<p>icons \uE000 \uF8FF and a token-like \u{10FFF0} alone</p>';
  assert.equal(resolved(text), text);
});

/** Targets of the content tree: pages answer their route, files their path; anything else is missing. */
const known: Record<string, string> = { '../faq.md': '/v/faq/', 'diagram.png': '/v/guide/diagram.png', 'my file.png': '/v/guide/my%20file.png' };
const rewritten = (html: string) => {
  const t = tree(html);
  const missing: string[] = [];
  rewriteLocalLinks(t, { resolve: (target) => known[target], missing: (element, target) => missing.push(`${element.tagName} ${target}`) });
  return { html: toHtml(t), missing };
};

test('rewriteLocalLinks: a relative link or image to the content tree gets its URL, anchor and query kept', () => {
  assert.deepEqual(rewritten('<a href="../faq.md#prepare">f</a><img src="diagram.png?v=2">'), {
    html: '<a href="/v/faq/#prepare">f</a><img src="/v/guide/diagram.png?v=2">',
    missing: [],
  });
  assert.equal(rewritten('<p><img src="my%20file.png"></p>').html, '<p><img src="/v/guide/my%20file.png"></p>', 'looked up decoded');
});

test('rewriteLocalLinks: absolute URLs, site paths, anchors and shortcode-built links are left alone', () => {
  const html = `<a href="https://x.io/a.md">a</a><a href="/faq/">b</a><a href="#top">c</a><a href="mailto:a@b">d</a><a href="${deferredChar(0)}/faq/">e</a><a href="">f</a>`;
  assert.deepEqual(rewritten(html), { html, missing: [] });
});

test('rewriteLocalLinks: an image that names no file is reported; a link to nothing is left for the link checker', () => {
  assert.deepEqual(rewritten('<p><img src="nope.png"><a href="nowhere.md">n</a><video src="clip.mp4"></video></p>'), {
    html: '<p><img src="nope.png"><a href="nowhere.md">n</a><video src="clip.mp4"></video></p>',
    missing: ['img nope.png', 'video clip.mp4'],
  });
});
