/** src/markdown/docs-root.ts directly: `readfile` finds files as Hugo does and never leaves the docs root. */
import assert from 'node:assert/strict';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { DocsRoot } from '../src/markdown/docs-root.ts';
import { docsRoot } from './support/pipeline.ts';

const dir = docsRoot({
  'static/content/setup.md': 'from the docs root',
  'content/static/content/setup.md': 'from the content folder',
  'content/only-here.md': 'content only',
  'top.md': 'docs root only',
});
const outside = mkdtempSync(path.join(tmpdir(), 'outside-'));
writeFileSync(path.join(outside, 'secret.txt'), 'secret');
symlinkSync(path.join(outside, 'secret.txt'), path.join(dir, 'leak.md'));
symlinkSync('top.md', path.join(dir, 'alias.md'));
const root = new DocsRoot(dir, path.join(dir, 'content'));

const text = (file: string, r = root) => {
  const res = r.read(file);
  return res.ok ? res.text : `ERR ${res.message}`;
};

test('a relative path is looked for from the docs root first, then the content folder', () => {
  assert.equal(text('static/content/setup.md'), 'from the docs root');
  assert.equal(text('only-here.md'), 'content only');
});

test('a leading / starts from the content folder, falling back to the docs root', () => {
  assert.equal(text('/static/content/setup.md'), 'from the content folder');
  assert.equal(text('/top.md'), 'docs root only');
});

test('without a content folder only the docs root is searched', () => {
  const plain = new DocsRoot(dir);
  assert.equal(text('only-here.md', plain), 'ERR readfile: file `only-here.md` does not exist');
  assert.equal(text('/top.md', plain), 'docs root only');
});

test('escapes are refused: .., absolute drive paths, links leading outside; a link inside is fine', () => {
  assert.match(text('../etc/passwd'), /leaves the docs root/);
  assert.match(text('static/../../x'), /leaves the docs root/);
  assert.match(text('C:\\x.md'), /is absolute/);
  assert.match(text('//server/x'), /is absolute/);
  assert.match(text('leak.md'), /symbolic link leading outside the docs root/);
  assert.equal(text('alias.md'), 'docs root only');
});

test('a missing file names where it was looked for; an empty path and a folder are refused with hints', () => {
  const missing = root.read('static/content/nope.md');
  assert.ok(!missing.ok);
  assert.equal(missing.missing?.looked.length, 2);
  assert.match(missing.hint, /Looked for .*nope\.md and .*nope\.md/);
  const empty = root.read('');
  assert.ok(!empty.ok);
  assert.match(empty.message, /needs a file path/);
  assert.match(text('static'), /is a folder, not a regular file/);
});
