/** src/util/files.ts directly: what a path is when it is not a regular file, as a message names it. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { notRegularFile, specialFileKind } from '../src/util/files.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'files-'));
writeFileSync(path.join(dir, 'page.md'), '# x');
mkdirSync(path.join(dir, 'folder'));
symlinkSync('page.md', path.join(dir, 'link.md'));
symlinkSync('gone.md', path.join(dir, 'dangling.md'));
symlinkSync('loop-b', path.join(dir, 'loop-a'));
symlinkSync('loop-a', path.join(dir, 'loop-b'));
execFileSync('mkfifo', [path.join(dir, 'pipe')]);

test('a regular file, also through a symbolic link, is fine', () => {
  assert.equal(notRegularFile(path.join(dir, 'page.md')), undefined);
  assert.equal(notRegularFile(path.join(dir, 'link.md')), undefined);
});

test('a folder, a FIFO, a device, a dangling link and a loop of links are each named', () => {
  assert.equal(notRegularFile(path.join(dir, 'folder')), 'a folder');
  assert.equal(notRegularFile(path.join(dir, 'pipe')), 'a FIFO (named pipe)');
  assert.equal(notRegularFile('/dev/null'), 'a character device');
  assert.equal(notRegularFile(path.join(dir, 'dangling.md')), 'a symbolic link to `gone.md`, which does not exist');
  assert.equal(notRegularFile(path.join(dir, 'loop-a')), 'a loop of symbolic links');
});

test('a path that does not exist at all is the caller\'s error, not a kind', () => {
  assert.throws(() => notRegularFile(path.join(dir, 'missing.md')), { code: 'ENOENT' });
});

test('specialFileKind (lstat): folders and links are for the walker to handle; a FIFO is refused', () => {
  assert.equal(specialFileKind(lstatSync(path.join(dir, 'page.md'))), undefined);
  assert.equal(specialFileKind(lstatSync(path.join(dir, 'folder'))), undefined);
  assert.equal(specialFileKind(lstatSync(path.join(dir, 'link.md'))), undefined);
  assert.equal(specialFileKind(lstatSync(path.join(dir, 'pipe'))), 'a FIFO (named pipe)');
});
