/** scanChangelogFiles' parse cache (src/changelog/scan.ts) directly: a file the same on several branches is parsed once; replayed, each branch keeps its own problems and entries. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadReleaseFolders } from '../src/changelog/load.ts';
import { scanChangelogFiles, type ChangelogFile, type ParseCache } from '../src/changelog/scan.ts';

// A duplicate key: a problem in every copy of the file.
const quirky = 'changelog:\n  - type: FIX\n    issueLink: https://github.com/solo-io/gloo/issues/1\n    description: One.\n    description: Fixed.\n';
const branch = (extra: string): ChangelogFile[] => [
  { path: 'v1.17.0', folder: true },
  { path: 'v1.17.0/fix.yaml', text: quirky },
  { path: 'v1.17.1', folder: true },
  { path: 'v1.17.1/more.yaml', text: `changelog:\n  - type: FIX\n    issueLink: https://github.com/solo-io/gloo/issues/2\n    description: ${extra}\n` },
];
const load = (files: ChangelogFile[], cache?: ParseCache) => loadReleaseFolders((report) => scanChangelogFiles('open_source', files, 'changelog', report, cache), { strict: false });

test('replayed: every branch reports the problems of its own copy, gets entries of its own, and the same result as without the cache', () => {
  const cache: ParseCache = { files: new Map(), replay: true };
  const a = load(branch('A.'), cache);
  const b = load(branch('B.'), cache);
  assert.equal(cache.files.size, 3, 'the shared file is parsed once');
  assert.deepEqual(b, load(branch('B.')));
  assert.deepEqual(a, load(branch('A.')));
  assert.equal(b.diagnostics.filter((d) => /duplicate key/.test(d.message)).length, 1, "the second branch's copy reports its problem too");
  const entryOf = (r: typeof a) => r.releases.find((x) => x.version === '1.17.0')!.entries[0]!;
  assert.notEqual(entryOf(a), entryOf(b), "the branches' entries are not the same objects");
  entryOf(a).description = 'changed on branch a';
  assert.equal(load(branch('C.'), cache).releases.find((x) => x.version === '1.17.0')!.entries[0]!.description, 'Fixed.', "a change to one branch's entry reaches no other");
});

test('not replayed (branches merged into one changelog): a shared file\'s problems are reported once', () => {
  const cache: ParseCache = { files: new Map(), replay: false };
  const both = loadReleaseFolders((report) => [...scanChangelogFiles('open_source', branch('A.'), 'a:changelog', report, cache), ...scanChangelogFiles('open_source', branch('A.'), 'b:changelog', report, cache)], { strict: false });
  assert.equal(both.diagnostics.filter((d) => /duplicate key/.test(d.message)).length, 1);
});
