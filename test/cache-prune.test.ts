/**
 * The cache does not grow forever (src/engine/cache-prune.ts): after a successful build, the compiled
 * pages, git snapshots and blobs that none of the last `cacheKeepBuilds` builds used are gone, and a
 * warm build still takes every page from the cache.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { loadConfig } from '../src/config/load.ts';
import { build } from '../src/engine/build.ts';
import { CacheUse, pruneCache } from '../src/engine/cache-prune.ts';
import { format } from '../src/util/diagnostics.ts';
import { REPO } from './support/project.ts';
import { git, gitRepo } from './support/git.ts';

const list = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => !f.endsWith('.tmp')).sort() : []);

test('a changed page\'s old compile entry, snapshot and blob are gone after the last N builds; a warm build still hits', { timeout: 240_000 }, async () => {
  const repo = gitRepo([
    ['v1.1.x', { 'docs/content/_index.md': '---\ntitle: Home\n---\nWelcome.\n', 'docs/content/guide.md': '---\ntitle: Guide\n---\n## Install\n\nFirst text.\n' }],
    ['v1.2.x', { 'docs/content/new.md': '---\ntitle: New\n---\nNew in 1.2.\n' }],
  ]);
  const project = mkdtempSync(path.join(tmpdir(), 'cache-prune-'));
  const config = path.join(project, 'docs.config.ts');
  writeFileSync(
    config,
    `import { defineConfig } from ${JSON.stringify(path.join(REPO, 'src/config/define.ts'))};\n` +
      `export default defineConfig({ base: '/docs/', product: 'Demo', outDir: 'dist', cacheKeepBuilds: 2,\n` +
      `  git: { repo: ${JSON.stringify(repo)}, layoutRef: 'v1.2.x', versions: ['v1.2.x', 'v1.1.x'] } });\n`,
  );
  const cache = path.join(project, 'node_modules/.cache/versioned-docs');
  const compiled = () => list(path.join(cache, 'compile-shared'));
  const snapshots = () => list(path.join(cache, 'git/snapshots')).filter((f) => !f.endsWith('.json'));
  const blob = (oid: string) => path.join(cache, 'git/blobs', oid.slice(0, 2), oid);
  const run = async () => {
    const result = await build(await loadConfig(config), { quiet: true });
    assert.ok(result.outDir, format(result.diagnostics));
    return result;
  };

  await run();
  const first = compiled();
  const firstSnapshots = snapshots();
  const oldBlob = git(repo, 'rev-parse', 'v1.2.x:docs/content/new.md').trim();
  assert.ok(existsSync(blob(oldBlob)));

  // A page only the latest branch has changes: it is compiled again; its old entry is still kept (one build ago).
  writeFileSync(path.join(repo, 'docs/content/new.md'), '---\ntitle: New\n---\nNew in 1.2, edited.\n');
  git(repo, 'commit', '--quiet', '-am', 'edit the new page');
  const second = await run();
  assert.equal(second.compileStats!.pages - second.compileStats!.cached, 1, 'only the changed page is compiled');
  const added = compiled().filter((f) => !first.includes(f));
  assert.equal(added.length, 1);
  assert.ok(first.every((f) => compiled().includes(f)), 'entries of the build before are kept');
  assert.ok(existsSync(blob(oldBlob)));

  // Two builds later the old entry, the old snapshot and the old blob are gone; the warm build takes every page from the cache.
  const third = await run();
  assert.equal(third.compileStats!.cached, third.compileStats!.pages, 'a warm build compiles nothing');
  assert.ok(third.cachePruned!.removed > 0, JSON.stringify(third.cachePruned));
  const gone = first.filter((f) => !compiled().includes(f));
  assert.equal(gone.length, 1, `the changed page's old entry is gone: ${gone.join(', ')}`);
  assert.ok(compiled().includes(added[0]!));
  assert.ok(!existsSync(blob(oldBlob)), 'the old blob is gone');
  assert.ok(existsSync(blob(git(repo, 'rev-parse', 'v1.2.x:docs/content/new.md').trim())), 'the new blob stays');
  assert.ok(firstSnapshots.some((s) => !snapshots().includes(s)), 'the old snapshot of v1.2.x is gone');
  assert.equal(snapshots().length, 2, 'one snapshot per version');
  assert.equal(third.branchStats!.versionsReused, 2, 'a warm build reads both versions back whole');
  assert.equal(list(path.join(cache, 'git/versions')).length, 4, "each version kept once (its pages and their HTML): v1.2.x's old one is gone");
  // And the warm build after pruning still hits everything.
  const fourth = await run();
  assert.equal(fourth.compileStats!.cached, fourth.compileStats!.pages);
  assert.equal(fourth.branchStats!.blobsRead, 0);
  // Two builds that read every version back whole still kept what the versions are made from: after an edit on
  // v1.1.x, only that page is compiled.
  const onOld = path.join(repo, 'docs/content/guide.md');
  git(repo, 'checkout', '--quiet', 'v1.1.x');
  writeFileSync(onOld, `${readFileSync(onOld, 'utf8')}\nEdited on v1.1.x.\n`);
  git(repo, 'commit', '--quiet', '-am', 'edit a page of v1.1.x');
  const fifth = await run();
  assert.equal(fifth.branchStats!.versionsReused, 1);
  assert.equal(fifth.compileStats!.pages - fifth.compileStats!.cached, 1, 'only the edited page is compiled');
});

test('pruning: left-over temporary files of dead processes go; nothing is removed while another process uses the cache; 0 turns it off', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cache-prune-unit-'));
  const write = (rel: string) => {
    const file = path.join(dir, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, 'x');
  };
  write('compile/a.bin');
  write('compile/b.bin');
  write('compile/c.99999999.tmp');
  const use = new CacheUse(dir);
  use.add(path.join(dir, 'compile/a.bin'));
  use.add('/elsewhere/not-in-the-cache.bin');
  assert.deepEqual([...use.entries], ['compile/a.bin']);
  assert.equal(pruneCache(use, { site: 's', keep: 0 }).removed, 0);
  // Another live process (our parent) uses the cache: the record is written, nothing removed.
  write('users/x.json');
  writeFileSync(path.join(dir, 'users/x.json'), JSON.stringify({ pid: process.ppid, host: hostname(), started: '' }));
  const busy = pruneCache(use, { site: 's', keep: 1 });
  assert.match(busy.skipped ?? '', /uses the cache/);
  assert.deepEqual(list(path.join(dir, 'compile')), ['a.bin', 'b.bin']);
  writeFileSync(path.join(dir, 'users/x.json'), JSON.stringify({ pid: 99999999, host: hostname(), started: '' }));
  const done = pruneCache(use, { site: 's', keep: 1 });
  assert.equal(done.skipped, undefined);
  assert.deepEqual(readdirSync(path.join(dir, 'compile')), ['a.bin']);
  assert.equal(list(path.join(dir, 'builds/s')).length, 1, 'only the last record is kept');
});

