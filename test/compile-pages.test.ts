/** Compiling on worker threads and from the content-hash cache gives exactly what a plain compile gives. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateCorpus } from '../bench/corpus.ts';
import { prepare } from '../src/engine/build.ts';
import { compilePages, WORKER_THRESHOLD } from '../src/engine/compile-pages.ts';
import { loadSiteContent } from '../src/engine/site-content.ts';

const corpus = generateCorpus({ pages: WORKER_THRESHOLD + 2, versions: 2, seed: 7 });
const plain = await prepare(corpus.loaded, { threads: 1, cache: false });

test('the corpus compiles without errors', () => {
  assert.deepEqual(plain.diagnostics.filter((d) => d.severity === 'error'), []);
  assert.equal(plain.compileStats?.threads, 1);
});

test('worker threads give byte-identical pages', async () => {
  const threaded = await prepare(corpus.loaded, { threads: 2, cache: false });
  assert.equal(threaded.compileStats?.threads, 2);
  assert.deepEqual(threaded.data, plain.data);
  assert.deepEqual(threaded.diagnostics, plain.diagnostics);
});

test('a worker that runs out of its heap leaves its pages to the main thread: every page, the same bytes', async () => {
  const content = await loadSiteContent(corpus.loaded);
  const starved = await compilePages(corpus.loaded, content, { threads: 2, cache: false, workerHeapMb: 16 });
  const main = await compilePages(corpus.loaded, content, { threads: 1, cache: false });
  assert.equal(starved.compiled.length, main.compiled.length);
  assert.deepEqual(starved.compiled, main.compiled);
});

test('a second build takes unchanged pages from the cache, with the same result', async () => {
  const cold = await prepare(corpus.loaded, { threads: 1 });
  assert.equal(cold.compileStats?.cached, 0);
  const warm = await prepare(corpus.loaded, { threads: 1 });
  assert.equal(warm.compileStats?.cached, warm.compileStats?.pages);
  assert.deepEqual(warm.data, plain.data);
});

test('an edited page is compiled again, the others come from the cache', async () => {
  const page = corpus.files.find((f) => f.guide)!;
  appendFileSync(path.join(corpus.dir, page.file), '\n\nA new closing paragraph.\n');
  const after = await prepare(corpus.loaded, { threads: 1 });
  assert.equal(after.compileStats?.cached, after.compileStats!.pages - 1);
  const html = after.data!.pages[corpus.docsVersions[0]!.id]!.find((p) => p.route === page.route)!.html;
  assert.match(html, /A new closing paragraph\./);
});

test('changing a file that pages read with readfile invalidates exactly those pages', async () => {
  const snippet = path.join(corpus.dir, 'static/content/shared-note.md');
  mkdirSync(path.dirname(snippet), { recursive: true });
  writeFileSync(snippet, 'Shared note, version one.');
  const reader = corpus.files.find((f) => f.guide)!;
  appendFileSync(path.join(corpus.dir, reader.file), '\n{{% readfile file="static/content/shared-note.md" markdown="true" %}}\n');
  await prepare(corpus.loaded, { threads: 1 });
  writeFileSync(snippet, 'Shared note, version two.');
  const after = await prepare(corpus.loaded, { threads: 1 });
  assert.equal(after.compileStats?.cached, after.compileStats!.pages - 1);
  const html = after.data!.pages[corpus.docsVersions[0]!.id]!.find((p) => p.route === reader.route)!.html;
  assert.match(html, /version two/);
  assert.ok(readFileSync(snippet, 'utf8').includes('two'));
});

test('editing a shortcode template of layouts/shortcodes/ recompiles the pages', async () => {
  const template = path.join(corpus.dir, 'layouts/shortcodes/stamp.html');
  mkdirSync(path.dirname(template), { recursive: true });
  writeFileSync(template, '<span class="stamp">one</span>');
  const user = corpus.files.find((f) => f.guide)!;
  appendFileSync(path.join(corpus.dir, user.file), '\n{{< stamp >}}\n');
  const html = async () => (await prepare(corpus.loaded, { threads: 1 })).data!.pages[corpus.docsVersions[0]!.id]!.find((p) => p.route === user.route)!.html;
  assert.match(await html(), /<span class="stamp">one<\/span>/);
  writeFileSync(template, '<span class="stamp">two</span>');
  assert.match(await html(), /<span class="stamp">two<\/span>/);
});

test('repeated prepares report the same problems, and a changelog edit is seen at once', async () => {
  const bad = path.join(corpus.dir, 'content/bad.md');
  writeFileSync(bad, '---\ntitle: Bad\n---\n{{< nosuch >}}\n');
  const first = await prepare(corpus.loaded, { threads: 1 });
  const second = await prepare(corpus.loaded, { threads: 1 });
  assert.equal(second.diagnostics.length, first.diagnostics.length);
  assert.ok(first.diagnostics.some((d) => /Unknown shortcode `nosuch`/.test(d.message)));
  const release = readdirSync(path.join(corpus.dir, 'changelog/open_source')).sort().pop()!;
  writeFileSync(path.join(corpus.dir, 'changelog/open_source', release, 'zz-broken.yaml'), 'changelog:\n  - type: NOT_A_TYPE\n');
  const third = await prepare(corpus.loaded, { threads: 1 });
  assert.ok(third.diagnostics.some((d) => d.file.endsWith('zz-broken.yaml')), 'the new changelog file is read');
});
