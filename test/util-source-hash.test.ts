/** src/util/source-hash.ts directly: a hash of files by name and content, that moves with any change to them. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { sourceHash, TOOL_SOURCES, toolHash } from '../src/util/source-hash.ts';
import { PACKAGE_ROOT } from '../src/util/package-root.ts';

const root = mkdtempSync(path.join(tmpdir(), 'source-hash-'));
after(() => rmSync(root, { recursive: true, force: true }));

test('the same files, the same hash; a changed, renamed or added file, or a missing input, another', () => {
  mkdirSync(path.join(root, 'src/a'), { recursive: true });
  writeFileSync(path.join(root, 'src/a/one.ts'), 'one');
  writeFileSync(path.join(root, 'lock.json'), '{}');
  const inputs = ['src', 'lock.json'];
  const first = sourceHash(root, inputs);
  assert.equal(sourceHash(root, inputs), first);
  const seen = new Set([first]);
  const differs = (what: string) => {
    const now = sourceHash(root, inputs);
    assert.ok(!seen.has(now), what);
    seen.add(now);
  };
  writeFileSync(path.join(root, 'src/a/one.ts'), 'One');
  differs('content');
  renameSync(path.join(root, 'src/a/one.ts'), path.join(root, 'src/a/two.ts'));
  differs('name');
  writeFileSync(path.join(root, 'src/three.ts'), '');
  differs('an added empty file');
  rmSync(path.join(root, 'lock.json'));
  differs('a missing input');
});

test("the generator's hash is its sources' and lock file's", () => {
  assert.equal(toolHash(), sourceHash(PACKAGE_ROOT, TOOL_SOURCES));
});
