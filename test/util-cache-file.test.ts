/** src/util/cache-file.ts directly: a cache file is read when it is whole, written whole, and a damaged one is made again. */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { readCacheFile, readCacheValue, writeCacheFile, writeCacheValue } from '../src/util/cache-file.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'cache-file-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('a file not there reads as undefined; one written (its folder made) reads back, and no temporary file is left', async () => {
  const file = path.join(dir, 'a/b/entry.xml');
  assert.equal(await readCacheFile(file), undefined);
  await writeCacheFile(file, '<feed/>');
  assert.equal((await readCacheFile(file))?.toString('utf8'), '<feed/>');
  await writeCacheFile(file, '<feed>2</feed>');
  assert.equal((await readCacheFile(file))?.toString('utf8'), '<feed>2</feed>');
  assert.deepEqual(readdirSync(path.dirname(file)), ['entry.xml']);
});

test('a value round-trips as structured clone copies it; a damaged file is undefined, not an error', async () => {
  const file = path.join(dir, 'value.bin');
  const value = { pages: [{ route: 'a/', html: 'é\u{E000}' }], at: new Uint32Array([1, 2]), map: new Map([['k', 1]]) };
  await writeCacheValue(file, value);
  assert.deepEqual(await readCacheValue(file), value);
  writeFileSync(file, 'not a serialised value');
  assert.equal(await readCacheValue(file), undefined);
  assert.equal(await readCacheValue(path.join(dir, 'missing.bin')), undefined);
});
