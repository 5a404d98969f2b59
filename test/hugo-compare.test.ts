/**
 * `npm run compare-hugo`: two small sites of our own, one as Hugo and the
 * Solo theme write pages, one as we do. The script fails when a page or a
 * heading id is missing, and measures the article text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { compareSites, hugoArticle, ourArticle, similarity, words } from '../src/compare/hugo-fidelity.ts';
import { docsRoot, REPO } from './support/pipeline.ts';

const run = promisify(execFile);

const hugoPage = (title: string, body: string) =>
  `<html><body><article><section class="page"><div class="nav-select"><select><option>Guides</option></select></div><h1>${title}</h1>${body}</section></article><script>var x = 1;</script></body></html>`;
const ourPage = (title: string, body: string) =>
  `<html><body><header>Site</header><main><div class="page-head"><h1>${title}</h1><p class="description">Said once.</p></div><article class="article">${body}</article></main><nav>Sidebar</nav></body></html>`;

const GUIDE_HUGO = '<h2 id="install">Install</h2><p>Run <code>glooctl</code> &ndash;now, it&rsquo;s quick.</p><pre><code><span>"val</span><span>ues":</span></code></pre>';
const GUIDE_OURS = '<h2 id="install">Install</h2><a class="heading-anchor" href="#install"><span aria-hidden="true">#</span><span class="sr-only">Section titled Install</span></a><p>Run <code>glooctl</code> --now, it\'s quick.</p><pre><code><span>"values"</span><span>:</span></code></pre>';

function sites(ours: Record<string, string>): { hugo: string; ours: string } {
  const hugo = docsRoot({
    'index.html': hugoPage('Home', '<p>Welcome.</p>'),
    'guide/index.html': hugoPage('Guide', GUIDE_HUGO),
    'page/1/index.html': '<html><head><meta http-equiv="refresh" content="0; url=/"></head></html>',
    'static/content/snippet/index.html': hugoPage('', '<p>1.17.3</p>'),
  });
  return { hugo, ours: docsRoot(ours) };
}

test('the article text: Hugo\'s navigation, scripts and our affordances left out; words kept whole across highlighting spans; typography folded', () => {
  const h = hugoArticle(hugoPage('Guide', GUIDE_HUGO))!;
  const o = ourArticle(ourPage('Guide', GUIDE_OURS));
  assert.deepEqual(h.words, ['Guide', 'Install', 'Run', 'glooctl', '--now,', "it's", 'quick.', '"values":']);
  assert.deepEqual(o.words, h.words);
  assert.deepEqual(h.ids, ['install']);
  assert.equal(similarity(h.words, o.words), 1);
  assert.equal(hugoArticle('<html><body><p>no theme article</p></body></html>'), undefined);
});

test('a Mermaid diagram counts as its source on both sides: the theme\'s unescaped `div.mermaid` as Mermaid reads it, our `pre.mermaid` text', () => {
  const source = 'graph LR; vs[Service <br> <code>*.pets.com</code>] -->|route <code>/api</code> &amp; more| us(Upstream)';
  const h = hugoArticle(hugoPage('Diagram', `<p>Before.</p>\n<div class="mermaid" align="left" >\n${source}\n</div>\n<p>After.</p>`))!;
  const escaped = source.replaceAll('&amp;', '&').replaceAll('&', '&amp;').replaceAll('<', '&lt;');
  const o = ourArticle(ourPage('Diagram', `<p>Before.</p><pre class="mermaid" data-needs="mermaid">${escaped}</pre><p>After.</p>`));
  assert.deepEqual(h.words.slice(0, 6), ['Diagram', 'Before.', 'graph', 'LR;', 'vs[Service', '<br>']);
  assert.ok(h.words.includes('&'), 'entities decoded, as Mermaid does');
  assert.deepEqual(o.words, h.words);
  assert.equal(similarity(h.words, o.words), 1);
});

test('a tab set of ours reads as the reader sees it and the theme writes it: the tab names, then the panels without their labels', () => {
  const h = hugoArticle(
    hugoPage('Tabs', '<div id="tabset-x"><ul><li><a href="#tabset-x-0">Gloo Edge</a></li><li><a href="#tabset-x-1">Enterprise</a></li></ul><div id="tabset-x-0"><p>helm one</p></div><div id="tabset-x-1"><p>helm two</p></div></div><p>After.</p>'),
  )!;
  const o = ourArticle(
    ourPage(
      'Tabs',
      '<div class="tabs" data-tabs><section class="tab-panel" data-tab-name="Gloo Edge" id="tab-1"><p class="tab-label">Gloo Edge</p><p>helm one</p></section><section class="tab-panel" data-tab-name="Enterprise" id="tab-2"><p class="tab-label">Enterprise</p><p>helm two</p></section></div><p>After.</p>',
    ),
  );
  assert.deepEqual(h.words, ['Tabs', 'Gloo', 'Edge', 'Enterprise', 'helm', 'one', 'helm', 'two', 'After.']);
  assert.deepEqual(o.words, h.words);
});

test('similarity is 2·LCS/(|a|+|b|) over words', () => {
  assert.equal(similarity(words('a b c d'), words('a b c d')), 1);
  assert.equal(similarity(words('a b c d'), words('a x c d')), 0.75);
  assert.equal(similarity(words('a b'), words('b a')), 0.5);
  assert.equal(similarity([], words('a')), 0);
  assert.equal(similarity([], []), 1);
});

test('compareSites: every Hugo page found with its ids and the same words meets the targets; the snippet folder and pagination are left out on purpose', () => {
  const { hugo, ours } = sites({ 'index.html': ourPage('Home', '<p>Welcome.</p>'), 'guide/index.html': ourPage('Guide', GUIDE_OURS) });
  const r = compareSites(hugo, ours);
  assert.deepEqual(r.pages.map((p) => [p.route, p.found, p.missingIds, p.similarity]), [['', true, [], 1], ['guide/', true, [], 1]]);
  assert.deepEqual(r.deliberate.map((d) => d.route), ['static/content/snippet/']);
  assert.equal(r.pageShare, 1);
  assert.equal(r.idShare, 1);
});

test('the script fails on a missing page and on a missing heading id, naming them; passes when all is there', async () => {
  const script = path.join(REPO, 'src/cli/compare-hugo.ts');
  const node = process.execPath;
  const good = sites({ 'index.html': ourPage('Home', '<p>Welcome.</p>'), 'guide/index.html': ourPage('Guide', GUIDE_OURS) });
  const ok = await run(node, [script, good.hugo, good.ours]);
  assert.match(ok.stdout, /\| 100\.0% \(2\/2\) \| 100\.0% \(1\/1\) \| 1\.0000 \| 0 \| 1 \| met \|/);

  const missingPage = sites({ 'index.html': ourPage('Home', '<p>Welcome.</p>') });
  await assert.rejects(run(node, [script, missingPage.hugo, missingPage.ours]), (e: { code: number; stdout: string }) => {
    assert.equal(e.code, 1);
    assert.match(e.stdout, /50\.0% \(1\/2\)/);
    assert.match(e.stdout, /missing pages \(1\): guide\//);
    return true;
  });

  const missingId = sites({ 'index.html': ourPage('Home', '<p>Welcome.</p>'), 'guide/index.html': ourPage('Guide', GUIDE_OURS.replaceAll('install', 'setup')) });
  await assert.rejects(run(node, [script, missingId.hugo, missingId.ours]), (e: { code: number; stdout: string }) => {
    assert.equal(e.code, 1);
    assert.match(e.stdout, /0\.0% \(0\/1\)/);
    assert.match(e.stdout, /missing ids on guide\/: #install/);
    return true;
  });

  const different = sites({ 'index.html': ourPage('Home', '<p>Welcome.</p>'), 'guide/index.html': ourPage('Guide', '<h2 id="install">Install</h2><p>Something else entirely, said at length here.</p>') });
  await assert.rejects(run(node, [script, different.hugo, different.ours]), (e: { code: number; stdout: string }) => /worst pages: guide\/ 0\.\d+/.test(e.stdout) && /\| 1 \| 1 \| missed \|/.test(e.stdout));
});
