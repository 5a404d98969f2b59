/** src/util/copy-files.ts directly: files copied by their relative paths, folders made, and the copies independent of the originals. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { copyFiles } from '../src/util/copy-files.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'copy-files-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('every listed file lands at the same relative path, folders made; a write to a copy leaves the original', async () => {
  const from = path.join(dir, 'from');
  const files = Array.from({ length: 30 }, (_, i) => `v${i % 3}/p${i}/index.html`);
  for (const f of [...files, 'not/listed.html']) {
    mkdirSync(path.dirname(path.join(from, f)), { recursive: true });
    writeFileSync(path.join(from, f), `page ${f}`);
  }
  const to = path.join(dir, 'to');
  await copyFiles(from, to, files);
  for (const f of files) assert.equal(readFileSync(path.join(to, f), 'utf8'), `page ${f}`);
  assert.throws(() => readFileSync(path.join(to, 'not/listed.html')), /ENOENT/);
  writeFileSync(path.join(to, files[0]!), 'changed');
  assert.equal(readFileSync(path.join(from, files[0]!), 'utf8'), `page ${files[0]}`, 'a copy, not a link');
  await assert.rejects(copyFiles(from, to, ['missing.html']), /ENOENT/);
});
