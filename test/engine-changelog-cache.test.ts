/** src/engine/changelog-cache.ts directly: a branch's changelog is read back from the cache while its tree id is unchanged. */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { loadConfig } from '../src/config/load.ts';
import { branchChangelog } from '../src/engine/changelog-cache.ts';
import { CacheUse } from '../src/engine/cache-prune.ts';
import { readChangelogTree } from '../src/changelog/scan.ts';
import { tempProject, writeText } from './support/project.ts';

const fix = (n: number, text: string) =>
  `changelog:\n  - type: FIX\n    issueLink: https://github.com/solo-io/gloo/issues/${n}\n    description: ${text}\n`;

async function project() {
  const dir = tempProject({
    copy: [],
    files: { 'content/_index.md': '# Home\n', 'changelog/open_source/v1.17.0/a.yaml': fix(1, 'Fixed the proxy.') },
    config: "changelog: { open_source: ['changelog/open_source'], enterprise: [] }",
  });
  return { dir, own: await loadConfig(path.join(dir, 'docs.config.ts')), cache: mkdtempSync(path.join(tmpdir(), 'changelog-cache-')) };
}

/** A changelog folder as a git build hands it over: its tree id, and its files read (here from the project's folder) when asked. */
const tree = (id: string, dir: string) => ({ tree: id, read: async () => readChangelogTree(path.join(dir, 'changelog/open_source'))! });

test('without a tree id nothing is cached: the changelog is read from the files each time', async () => {
  const { dir, own, cache } = await project();
  const first = await branchChangelog(own, undefined, true, cache);
  assert.equal(first.cached, false);
  assert.deepEqual(first.releases.map((r) => r.version), ['1.17.0']);
  assert.ok(first.pages.length > 0, 'the changelog pages are rendered');
  assert.deepEqual(readdirSync(cache), []);
  writeText(dir, 'changelog/open_source/v1.17.1/a.yaml', fix(2, 'Fixed more.'));
  assert.deepEqual((await branchChangelog(own, undefined, true, cache)).releases.map((r) => r.version), ['1.17.1', '1.17.0']);
});

test('the same tree id reads back the same releases, diagnostics and pages; another tree id or mode computes again', async () => {
  const { dir, own, cache } = await project();
  const used = new CacheUse(cache);
  const first = await branchChangelog(own, tree('tree-a', dir), true, cache, used);
  assert.equal(first.cached, false);
  assert.equal(used.entries.size, 1, 'the entry is noted as used (kept by the cache pruning)');
  const file = path.join(cache, [...used.entries][0]!);
  assert.ok(existsSync(file), 'written to the cache');
  assert.deepEqual(readdirSync(path.dirname(file)), [path.basename(file)], 'no temporary file is left');

  // The files change but the tree id does not (it cannot, in git): the cached copy is what is read.
  writeText(dir, 'changelog/open_source/v1.17.1/a.yaml', fix(2, 'Fixed more.'));
  const again = await branchChangelog(own, tree('tree-a', dir), true, cache);
  assert.equal(again.cached, true);
  assert.deepEqual({ ...again, cached: false }, first);

  const moved = await branchChangelog(own, tree('tree-b', dir), true, cache);
  assert.equal(moved.cached, false);
  assert.deepEqual(moved.releases.map((r) => r.version), ['1.17.1', '1.17.0']);
  assert.equal((await branchChangelog(own, tree('tree-a', dir), false, cache)).cached, false, 'lenient and strict are cached apart');
});

test('a changed setting that shapes the pages (the base) is cached apart', async () => {
  const { dir, own, cache } = await project();
  await branchChangelog(own, tree('tree-a', dir), true, cache);
  const other = { ...own, config: { ...own.config, base: '/other/' } };
  assert.equal((await branchChangelog(other, tree('tree-a', dir), true, cache)).cached, false);
});
