/** The one directory walker (src/util/walk.ts): order, pruning, symbolic links, a missing folder. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { walkDir, walkFiles } from '../src/util/walk.ts';
import { loadContentTree } from '../src/engine/content.ts';

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'walk-'));
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    writeFileSync(path.join(dir, p), text);
  }
  return dir;
}

test('walkDir: each folder by name (code units), a folder followed by what it holds', () => {
  const dir = tree({ 'b.md': '', 'a/z.md': '', 'a/B.md': '', 'a-b.md': '', 'A.md': '', 'a/c/d.md': '' });
  assert.deepEqual(
    walkDir(dir)!.map((e) => e.path),
    ['A.md', 'a', 'a/B.md', 'a/c', 'a/c/d.md', 'a/z.md', 'a-b.md', 'b.md'],
  );
  assert.equal(walkDir(dir)![0]!.full, path.join(dir, 'A.md'));
});

test('walkDir: a skipped folder is not entered; shallow lists the folder only', () => {
  const dir = tree({ '.git/x': '', 'node_modules/p/i.js': '', 'a/b.md': '', 'c.md': '' });
  assert.deepEqual(walkDir(dir, { skip: (e) => e.name.startsWith('.') || e.name === 'node_modules' })!.map((e) => e.path), ['a', 'a/b.md', 'c.md']);
  assert.deepEqual(walkDir(dir, { shallow: true })!.map((e) => e.path), ['.git', 'a', 'c.md', 'node_modules']);
});

test('walkDir: a symbolic link is listed as one and never followed (a loop ends)', () => {
  const dir = tree({ 'a/b.md': '' });
  symlinkSync(dir, path.join(dir, 'a', 'loop'));
  symlinkSync(path.join(dir, 'a', 'b.md'), path.join(dir, 'link.md'));
  const entries = walkDir(dir)!;
  assert.deepEqual(entries.map((e) => e.path), ['a', 'a/b.md', 'a/loop', 'link.md']);
  assert.ok(entries.find((e) => e.path === 'a/loop')!.dirent.isSymbolicLink());
  assert.deepEqual(walkFiles(dir).map((e) => e.path), ['a/b.md'], 'regular files only');
});

test('walkDir: no folder (missing, or a file) is undefined; walkFiles is then empty', () => {
  const dir = tree({ 'f.md': '' });
  assert.equal(walkDir(path.join(dir, 'missing')), undefined);
  assert.equal(walkDir(path.join(dir, 'f.md')), undefined);
  assert.deepEqual(walkFiles(path.join(dir, 'missing')), []);
});

test('content tree: pages in walk order, bundles own their files, sections their own, the rest published loose', () => {
  const dir = tree({
    'content/_index.md': '',
    'content/logo.png': '',
    'content/a/_index.md': '',
    'content/a/x.png': '',
    'content/a/b.md': '',
    'content/a/bundle/index.md': '',
    'content/a/bundle/img/p.png': '',
    'content/a/bundle/notes.md': '',
    'content/loose/f.txt': '',
    'content/loose/page.md': '',
    'content/.hidden.md': '',
  });
  const t = loadContentTree(dir, 'content');
  assert.deepEqual(
    t.pages.map((p) => [p.path, p.route, p.resources]),
    [
      ['_index.md', '', ['logo.png']],
      ['a/_index.md', 'a/', ['a/x.png']],
      ['a/b.md', 'a/b/', []],
      ['a/bundle/index.md', 'a/bundle/', ['a/bundle/img/p.png']],
      ['loose/page.md', 'loose/page/', []],
    ],
  );
  assert.deepEqual(t.files, ['loose/f.txt']);
});

test('content tree: a content folder that does not exist is a diagnostic, not an empty site', () => {
  const dir = tree({ 'x.md': '' });
  const diagnostics: import('../src/util/diagnostics.ts').Diagnostic[] = [];
  assert.deepEqual(loadContentTree(dir, 'content', { diagnostics }).pages, []);
  assert.match(diagnostics[0]!.message, /content folder `content` is not a folder/);
});
