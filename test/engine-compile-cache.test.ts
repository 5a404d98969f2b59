/**
 * The content-hash cache of compiled pages (src/engine/compile-cache.ts),
 * opened directly: a page whose inputs are unchanged comes back as it was
 * stored; a change to its text, to a file it read with readfile, or to the
 * content tree around it misses, so the page is compiled again.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { loadConfig } from '../src/config/load.ts';
import { openCache, toolCacheDir } from '../src/engine/compile-cache.ts';
import { compileJob } from '../src/engine/compile-pages.ts';
import { loadSiteContent } from '../src/engine/site-content.ts';
import { tempProject } from './support/project.ts';

const dir = tempProject({
  copy: [],
  files: {
    'content/_index.md': '# Home\n',
    'content/a.md': '# A\n\n{{< readfile file="content/snip.txt" >}}\n',
    'content/b.md': '# B\n\nPlain.\n',
    'content/snip.txt': 'one',
  },
});
const cacheDir = mkdtempSync(path.join(tmpdir(), 'compile-cache-'));
after(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
});
const loaded = { ...(await loadConfig(undefined, dir)), cacheDir };

/** One build's view of the cache: every page looked up, the misses compiled and stored. */
async function build() {
  const content = await loadSiteContent(loaded);
  const cache = await openCache(loaded, content);
  const hits: string[] = [];
  const pages = new Map<string, string>();
  for (const page of content.pages) {
    let compiled = cache.get(page);
    if (compiled) hits.push(page.path);
    else {
      compiled = compileJob(page.file, page.raw, content.env, false).page;
      cache.set(page, compiled);
    }
    pages.set(page.path, compiled.html);
  }
  await cache.flush();
  return { hits, pages };
}

test('the cache lives where the loaded site says, else in VERSIONED_DOCS_CACHE, else under node_modules/.cache', () => {
  assert.equal(toolCacheDir(loaded), cacheDir);
  assert.equal(toolCacheDir({ projectDir: dir }, { VERSIONED_DOCS_CACHE: '/ci/cache' }), '/ci/cache');
  assert.equal(toolCacheDir({ projectDir: dir }, {}), path.join(dir, 'node_modules/.cache/versioned-docs'));
});

test('a first build misses everything; a second reuses every page, with the same HTML', async () => {
  const cold = await build();
  assert.deepEqual(cold.hits, []);
  assert.match(cold.pages.get('a.md')!, /one/);
  const warm = await build();
  assert.deepEqual(warm.hits.sort(), ['_index.md', 'a.md', 'b.md']);
  assert.deepEqual(warm.pages, cold.pages);
});

test('an edited page misses; the others still hit', async () => {
  writeFileSync(path.join(dir, 'content/b.md'), '# B\n\nEdited.\n');
  const r = await build();
  assert.deepEqual(r.hits.sort(), ['_index.md', 'a.md']);
  assert.match(r.pages.get('b.md')!, /Edited\./);
});

test('a file read with readfile changes: only the page that read it misses', async () => {
  writeFileSync(path.join(dir, 'content/snip.txt'), 'two');
  const r = await build();
  assert.deepEqual(r.hits.sort(), ['_index.md', 'b.md']);
  assert.match(r.pages.get('a.md')!, /two/);
});

test('a file added to the content tree (relative links may now resolve) recompiles every page', async () => {
  writeFileSync(path.join(dir, 'content/new.png'), 'png');
  assert.deepEqual((await build()).hits, []);
  assert.deepEqual((await build()).hits.length, 3, 'and the next build hits again');
  unlinkSync(path.join(dir, 'content/new.png'));
  assert.deepEqual((await build()).hits.length, 3, 'back to the earlier tree: its entries (keyed by content) are valid again');
});
