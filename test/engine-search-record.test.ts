/**
 * src/engine/search-record.ts directly: the record of what the output's search bundles were made from counts
 * only while the output points at the build folder it names; anything else (no record, another folder, a
 * damaged record, a bundle folder outside the site) is no reuse.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { previousBundles, recordBundles } from '../src/engine/search-record.ts';
import type { BundleRecord } from '../src/integration/search-index.ts';

const root = mkdtempSync(path.join(tmpdir(), 'search-record-'));
after(() => rmSync(root, { recursive: true, force: true }));
const work = path.join(root, 'work');
const builds = ['one', 'two'].map((b) => path.join(root, '.dist.builds', b));
for (const b of builds) mkdirSync(b, { recursive: true });
const out = path.join(root, 'dist');
const point = (build: string) => {
  rmSync(out, { force: true });
  symlinkSync(build, out);
};
const bundle = (id: string, dir = `docs/${id}/pagefind`): BundleRecord => ({ id, input: `in-${id}`, count: 3, dir, files: { 'pagefind.js': 'abc' } });

test('no record: nothing to reuse; recorded, it counts while the output points at that build folder', async () => {
  point(builds[0]!);
  assert.equal(previousBundles(work, out), undefined);
  await recordBundles(work, builds[0]!, [bundle('v1'), bundle('v2')]);
  assert.deepEqual(previousBundles(work, out), { root: builds[0], bundles: [bundle('v1'), bundle('v2')] });
  point(builds[1]!);
  assert.equal(previousBundles(work, out), undefined, 'the output moved on: the record describes another folder');
  unlinkSync(out);
  assert.equal(previousBundles(work, out), undefined, 'no output at all');
});

test('a damaged record is no reuse, and a bundle folder that leaves the site is dropped', async () => {
  point(builds[0]!);
  await recordBundles(work, builds[0]!, [bundle('v1'), bundle('evil', 'docs/../../etc')]);
  assert.deepEqual(previousBundles(work, out)?.bundles.map((b) => b.id), ['v1']);
  writeFileSync(path.join(work, 'search-bundles.json'), '{ not json');
  assert.equal(previousBundles(work, out), undefined);
});
