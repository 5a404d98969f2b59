/** src/git/snapshot.ts directly: read-only trees of git refs in the cache, made once, composed of layers. */
import assert from 'node:assert/strict';
import { existsSync, lstatSync, mkdtempSync, readFileSync, readlinkSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { GitRepo } from '../src/git/repo.ts';
import { snapshot } from '../src/git/snapshot.ts';
import { git, gitRepo } from './support/git.ts';

const dir = gitRepo([
  ['v1.17.x', { 'docs/content/_index.md': '# 1.17\n', 'docs/content/same.md': 'same\n' }],
  ['main', { 'docs/content/_index.md': '# main\n', 'docs/layouts/x.html': '<p>layout</p>\n', 'docs/data/d.yaml': 'a: 1\n' }],
]);
git(dir, 'checkout', '--quiet', 'main');
symlinkSync('data/d.yaml', path.join(dir, 'docs/link.yaml'));
git(dir, 'add', '-A');
git(dir, 'commit', '--quiet', '-m', 'link');
const repo = GitRepo.open(dir, mkdtempSync(path.join(tmpdir(), 'snapshot-repo-')));
after(() => repo.close());
const tree = (ref: string, folder: string) => repo.treeOf(repo.resolve(ref)!, folder)!;

test("layers compose: main's docs folder without its content, plus a version's content", async () => {
  const cache = mkdtempSync(path.join(tmpdir(), 'snapshot-'));
  const snap = await snapshot(repo, [
    { at: 'docs', tree: tree('main', 'docs'), skip: ['content/'] },
    { at: 'docs/content', tree: tree('v1.17.x', 'docs/content') },
  ], cache);
  assert.equal(snap.made, true);
  assert.equal(readFileSync(path.join(snap.dir, 'docs/content/_index.md'), 'utf8'), '# 1.17\n');
  assert.equal(readFileSync(path.join(snap.dir, 'docs/layouts/x.html'), 'utf8'), '<p>layout</p>\n');
  assert.deepEqual([...snap.files.keys()].sort(), ['docs/content/_index.md', 'docs/content/same.md', 'docs/data/d.yaml', 'docs/layouts/x.html', 'docs/link.yaml']);
  assert.ok(lstatSync(path.join(snap.dir, 'docs/link.yaml')).isSymbolicLink(), 'a symbolic link stays one');
  assert.equal(readlinkSync(path.join(snap.dir, 'docs/link.yaml')), 'data/d.yaml');
  assert.equal(readFileSync(path.join(snap.dir, 'docs/link.yaml'), 'utf8'), 'a: 1\n');
  assert.equal(snap.blobsRead, 5);
  assert.equal(statSync(path.join(snap.dir, 'docs/data/d.yaml')).mode & 0o222, 0, 'files are read-only: a build cannot change the cache');
  assert.ok(!readdirSync(path.join(cache, 'snapshots')).some((n) => n.endsWith('.tmp')), 'no temporary folder is left');
});

test('the same trees again: the snapshot is reused and nothing is read from git; shared blobs are read once', async () => {
  const cache = mkdtempSync(path.join(tmpdir(), 'snapshot-'));
  const layers = [{ at: '', tree: tree('v1.17.x', 'docs') }];
  const first = await snapshot(repo, layers, cache);
  assert.equal(first.blobsRead, 2);
  const second = await snapshot(repo, layers, cache);
  assert.deepEqual([second.made, second.blobsRead, second.dir], [false, 0, first.dir]);
  assert.deepEqual(second.files, first.files);
  const main = await snapshot(repo, [{ at: '', tree: tree('main', 'docs') }], cache);
  assert.equal(main.made, true);
  assert.notEqual(main.dir, first.dir);
  assert.equal(main.blobsRead, 4, 'content/same.md is shared with v1.17.x: not read again');
  assert.ok(existsSync(path.join(main.dir, 'content/same.md')));
});
