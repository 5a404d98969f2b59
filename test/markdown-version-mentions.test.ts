/** src/markdown/version-mentions.ts directly: "select v1.16.x" matches the version menu, on small pages of HTML. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mayMentionVersions, rewriteVersionMentions, type VersionMenu } from '../src/markdown/version-mentions.ts';
import { deferredChar } from '../src/markdown/sentinels.ts';

function menu(source: string, archived: Record<string, string> = {}): VersionMenu {
  return {
    versions: [{ id: 'v1.17.x', minor: '1.17' }, { id: 'v1.16.x', minor: '1.16' }],
    href: (id) => `/gloo-edge/${id}/guide/`,
    releasesHref: (minor) => `/gloo-edge/changelog/#${minor}`,
    archiveHref: (id) => archived[id],
    idOf: (minor) => `v${minor}.x`,
    source,
  };
}

function lineStarts(source: string): number[] {
  const starts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') starts.push(i + 1);
  return starts;
}

function run(html: string, source: string, values: string[] = [], archived: Record<string, string> = {}) {
  return rewriteVersionMentions(html, menu(source, archived), (i) => values[i], { file: 'content/guide.md', lineStarts: lineStarts(source), fallbackOffset: () => 0 });
}

test('a version the menu offers is written as the menu writes it and linked to that version of the page', () => {
  const r = run('<p>Use the drop-down menu to select <strong>1.16.x</strong>.</p>', 'Use the drop-down menu to select **1.16.x**.');
  assert.equal(r.html, '<p>Use the drop-down menu to select <strong><a class="version-ref" href="/gloo-edge/v1.16.x/guide/">v1.16.x</a></strong>.</p>');
  assert.deepEqual(r.diagnostics, []);
});

test('a snippet value (a deferred placeholder) counts like literal text', () => {
  const r = run(`<p>Choose v${deferredChar(0)}</p>`, 'Choose v{{< version "geoss_n-1_minor" >}}', ['1.17.3']);
  assert.equal(r.html, '<p>Choose <a class="version-ref" href="/gloo-edge/v1.17.x/guide/">v1.17.x</a></p>');
});

test('a version the site does not carry is never offered: sent to its releases, and a warning at its line', () => {
  const source = '# Guide\n\nThen select v1.13.x.';
  const r = run('<h1>Guide</h1><p>Then select v1.13.x.</p>', source);
  assert.equal(r.html, '<h1>Guide</h1><p>Then go to the v1.13.x docs (not in this site’s version menu; see <a class="version-ref" href="/gloo-edge/changelog/#1.13">its releases in the changelog</a>).</p>');
  assert.equal(r.diagnostics.length, 1);
  const d = r.diagnostics[0]!;
  assert.equal(d.severity, 'warning');
  assert.deepEqual([d.file, d.line, d.column], ['content/guide.md', 3, 6]);
  assert.match(d.message, /select v1\.13\.x in the version menu, which does not offer it \(it offers v1\.17\.x, v1\.16\.x\)/);
});

test('with archived docs named in the config, readers are sent there, and nothing is left to warn about', () => {
  const r = run('<p>Select v1.13.x</p>', 'Select v1.13.x', [], { 'v1.13.x': 'https://old.example/1.13/' });
  assert.equal(r.html, '<p>Go to the <a class="version-ref" href="https://old.example/1.13/">v1.13.x docs</a> (archived, not in this site’s version menu)</p>');
  assert.deepEqual(r.diagnostics, []);
});

test('code blocks and words that are no instruction are left alone', () => {
  const html = '<pre><code>SELECT v1.2 FROM t</code></pre><p>Select the v1.16.x-based image, pick 3 apples, choose v1.16.3-beta1</p>';
  assert.equal(run(html, '```\nSELECT v1.2 FROM t\n```\nSelect the v1.16.x-based image').html, html);
  assert.equal(mayMentionVersions('<p>Nothing to see</p>'), false);
  assert.equal(mayMentionVersions('<p>Pick one</p>'), true);
});
