/**
 * The article's touches as one hast pass (src/util/article-tree.ts): heading
 * anchors, keyboard-reachable code blocks, `linenostart` counters, short
 * inline code kept on one line; and the pass where the pipeline runs it: on a
 * compiled page, with inline code holding a per-version value decided per version.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { unified } from 'unified';
import rehypeStringify from 'rehype-stringify';
import rehypeEnhanceArticle, { enhanceArticle, NOWRAP_CODE } from '../src/util/article-tree.ts';
import { render, V117 } from './support/pipeline.ts';

/** An HTML fragment through the pass. */
function enhanced(html: string): string {
  const tree: Root = fromHtml(html, { fragment: true });
  enhanceArticle(tree);
  return toHtml(tree);
}

test('h2-h4 with ids get an anchor link after them, named for screen readers; others untouched', () => {
  const html = enhanced('<h2 id="a">A <em>b</em>\n  c</h2><h5 id="z">Z</h5><h3>none</h3><h4 id="">empty</h4>');
  assert.equal(
    html,
    '<div class="heading level-h2"><h2 id="a">A <em>b</em>\n  c</h2>' +
      '<a class="heading-anchor" href="#a" data-pagefind-ignore><span aria-hidden="true">#</span><span class="sr-only">Section titled “A b c”</span></a></div>' +
      '<h5 id="z">Z</h5><h3>none</h3><h4 id="">empty</h4>',
  );
  // Nested content keeps its own touches, and text is escaped once.
  assert.match(enhanced('<h3 id="x&amp;y">a &lt; <code>b</code></h3>'), /<h3 id="x&#x26;y">a &#x3C; <code class="nowrap">b<\/code><\/h3><a class="heading-anchor" href="#x&#x26;y".*Section titled “a &#x3C; b”/);
  // Two headings side by side: each wrapped once.
  assert.equal(enhanced('<h2 id="a">A</h2><h2 id="b">B</h2>').match(/class="heading level-h2"/g)?.length, 2);
});

test('code blocks become keyboard reachable, once', () => {
  assert.equal(enhanced('<pre class="shiki"><code><span>x</span></code></pre>'), '<pre class="shiki" tabindex="0"><code><span>x</span></code></pre>');
  assert.equal(enhanced('<pre tabindex="-1">x</pre>'), '<pre tabindex="-1">x</pre>');
});

test('a block with data-line-start gets its counter started there, its style kept', () => {
  assert.equal(
    enhanced('<pre class="shiki" style="--shiki-light:#24292e" data-line-numbers data-line-start="10"><code><span>a</span></code></pre>'),
    '<pre class="shiki" style="--shiki-light:#24292e;counter-reset:line 9" data-line-numbers="" data-line-start="10" tabindex="0"><code><span>a</span></code></pre>',
  );
  assert.equal(enhanced('<pre data-line-start="3"></pre>'), '<pre data-line-start="3" tabindex="0" style="counter-reset:line 2"></pre>');
  assert.equal(enhanced('<pre class="shiki" data-line-numbers></pre>'), '<pre class="shiki" data-line-numbers="" tabindex="0"></pre>');
  assert.equal(enhanced('<pre data-line-start="x"></pre>'), '<pre data-line-start="x" tabindex="0"></pre>');
});

test('short inline code stays on one line (by its text, not its escaped HTML); long code and code with markup are left to wrap', () => {
  assert.equal(enhanced('use <code>--strict</code> or <code>a &amp; b</code>'), 'use <code class="nowrap">--strict</code> or <code class="nowrap">a &#x26; b</code>');
  const exact = 'x'.repeat(NOWRAP_CODE);
  assert.equal(enhanced(`<code>${exact}</code>`), `<code class="nowrap">${exact}</code>`);
  assert.equal(enhanced(`<code>${exact}x</code>`), `<code>${exact}x</code>`);
  // 30 characters of text, 54 of HTML: short.
  assert.equal(enhanced(`<code>${'&lt;'.repeat(6)}${'y'.repeat(24)}</code>`), `<code class="nowrap">${'&#x3C;'.repeat(6)}${'y'.repeat(24)}</code>`);
  for (const html of ['<code class="language-sh">ls</code>', '<code><span>ls</span></code>', '<code></code>']) assert.equal(enhanced(html), html);
});

test('the pass as a rehype plugin', () => {
  const processor = unified().use(rehypeEnhanceArticle).use(rehypeStringify);
  const out = processor.stringify(processor.runSync(fromHtml('<h2 id="t">T</h2><pre>x</pre>', { fragment: true })) as Root);
  assert.match(out, /^<div class="heading level-h2"><h2 id="t">T<\/h2><a class="heading-anchor" href="#t"/);
  assert.match(out, /<pre tabindex="0">x<\/pre>$/);
});

test('a compiled page carries the touches; inline code with a per-version value is measured with that version\'s value', async () => {
  const snippet = (value: string) => ({ ...V117, values: { ...V117.values, geoss_latest: value } });
  const source = [
    '## Install {#install}',
    '',
    '`--version {{< readfile file="static/content/version_geoss_latest.md" markdown="true" >}}`',
    '',
    '{{< highlight sh "linenos=table,linenostart=5" >}}',
    'glooctl version',
    '{{< /highlight >}}',
  ].join('\n');
  const short = await render(source, { version: snippet('1.17') });
  assert.match(short.html, /<div class="heading level-h2"><h2 id="install">Install<\/h2><a class="heading-anchor" href="#install"/);
  assert.match(short.html, /<code class="nowrap">--version 1\.17<\/code>/);
  assert.match(short.html, /<pre [^>]*tabindex="0"/);
  assert.match(short.html, /<pre [^>]*style="[^"]*counter-reset:line 4"/);
  const long = await render(source, { version: snippet('1.17.33-beta12+build.0123456') });
  assert.match(long.html, /<code class="">--version 1\.17\.33-beta12\+build\.0123456<\/code>/);
});
