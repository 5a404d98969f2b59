/**
 * src/util/copy-files.ts directly: files copied (or linked) by their relative paths, folders made, and the copies
 * independent of the originals; and the site's writer (src/engine/extras.ts) never writes through a link.
 */
import assert from 'node:assert/strict';
import { linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { copyFiles, linkFiles } from '../src/util/copy-files.ts';
import { writeSiteFile } from '../src/engine/extras.ts';

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

test('linkFiles: every listed file at the same relative path as a hard link of the original (no bytes copied)', async () => {
  const from = path.join(dir, 'link-from');
  const files = Array.from({ length: 12 }, (_, i) => `v${i % 2}/p${i}/index.html`);
  for (const f of files) {
    mkdirSync(path.dirname(path.join(from, f)), { recursive: true });
    writeFileSync(path.join(from, f), `page ${f}`);
  }
  const to = path.join(dir, 'link-to');
  await linkFiles(from, to, files);
  for (const f of files) {
    assert.equal(readFileSync(path.join(to, f), 'utf8'), `page ${f}`);
    assert.equal(statSync(path.join(to, f)).ino, statSync(path.join(from, f)).ino, `${f} is a link`);
  }
  await assert.rejects(linkFiles(from, to, ['missing.html']), /ENOENT/);
});

test('writeSiteFile never writes into a file that is there: a linked page of the previous output keeps its bytes', async () => {
  const old = path.join(dir, 'old/index.html');
  const linked = path.join(dir, 'new/index.html');
  mkdirSync(path.dirname(old), { recursive: true });
  mkdirSync(path.dirname(linked), { recursive: true });
  writeFileSync(old, 'the previous page');
  linkSync(old, linked);
  assert.throws(() => writeSiteFile(linked, 'a redirect page'), /EEXIST/);
  assert.equal(readFileSync(old, 'utf8'), 'the previous page');
  writeSiteFile(path.join(dir, 'new/other/index.html'), 'a redirect page');
  assert.equal(readFileSync(path.join(dir, 'new/other/index.html'), 'utf8'), 'a redirect page');
});
