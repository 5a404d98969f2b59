/** src/changelog/merge.ts directly: copies of one release from several branches, merged or refused. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mergeFolders } from '../src/changelog/merge.ts';
import type { ReleaseFolder } from '../src/changelog/scan.ts';
import type { ChangelogEntry } from '../src/changelog/types.ts';
import type { Diagnostic } from '../src/util/diagnostics.ts';

function folder(dir: string, files: Record<string, Partial<ChangelogEntry>[]>, extra: Partial<ReleaseFolder> = {}): ReleaseFolder {
  return {
    product: 'open_source',
    version: '1.17.0',
    tag: 'v1.17.0',
    dir,
    files: new Map(
      Object.entries(files).map(([name, entries]) => [
        name,
        entries.map((e, i) => ({ type: 'FIX' as const, file: `${dir}/${name}`, line: i + 1, ...e })),
      ]),
    ),
    unreleased: false,
    releaseStableApi: false,
    ...extra,
  };
}

const entry = { description: 'Fixed.', issueLink: 'https://github.com/solo-io/gloo/issues/1' };

test('agreeing copies become one release that remembers every folder; positions and key order do not matter', () => {
  const d: Diagnostic[] = [];
  const a = folder('main/changelog/v1.17.0', { 'a.yaml': [entry] });
  const b = folder('v1.17.x/changelog/v1.17.0', { 'a.yaml': [{ issueLink: entry.issueLink, description: entry.description }] });
  b.files.get('a.yaml')![0]!.line = 9;
  const merged = mergeFolders([a, b], d);
  assert.deepEqual(d, []);
  assert.equal(merged.length, 1);
  assert.deepEqual(merged[0]!.dirs, ['main/changelog/v1.17.0', 'v1.17.x/changelog/v1.17.0']);
  assert.equal(merged[0]!.folder, a, 'the first copy is kept');
});

test('different versions or products are never merged', () => {
  const d: Diagnostic[] = [];
  const merged = mergeFolders(
    [
      folder('x/v1.17.0', { 'a.yaml': [entry] }),
      folder('x/v1.17.1', { 'a.yaml': [entry] }, { version: '1.17.1', tag: 'v1.17.1' }),
      folder('y/v1.17.0', { 'a.yaml': [entry] }, { product: 'enterprise' }),
    ],
    d,
  );
  assert.deepEqual(d, []);
  assert.equal(merged.length, 3);
});

test('a release is unreleased only while every copy says so', () => {
  const both = mergeFolders([folder('a', { 'a.yaml': [entry] }, { unreleased: true }), folder('b', { 'a.yaml': [entry] }, { unreleased: true })], []);
  assert.equal(both[0]!.unreleased, true);
  const one = mergeFolders([folder('a', { 'a.yaml': [entry] }, { unreleased: true }), folder('b', { 'a.yaml': [entry] })], []);
  assert.equal(one[0]!.unreleased, false);
});

test('copies that differ: one error at the second copy naming both files and what differs; the first copy wins', () => {
  const cases: [ReleaseFolder, string, string, RegExp][] = [
    [folder('b', { 'a.yaml': [{ ...entry, description: 'Other.' }] }), 'a/a.yaml', 'b/a.yaml', /their entries differ/],
    [folder('b', { 'a.yaml': [entry], 'z.yaml': [entry] }), 'a', 'b/z.yaml', /z\.yaml is only in one of them/],
    [folder('b', { 'a.yaml': [entry] }, { summary: 'Hello.' }), 'a/summary.md', 'b/summary.md', /their summary prose differs/],
    [folder('b', { 'a.yaml': [entry] }, { closing: 'Bye.' }), 'a/closing.md', 'b/closing.md', /their closing prose differs/],
  ];
  for (const [second, inA, inB, what] of cases) {
    const d: Diagnostic[] = [];
    const first = folder('a', { 'a.yaml': [entry] });
    const merged = mergeFolders([first, second], d);
    assert.equal(d.length, 1, inB);
    assert.equal(d[0]!.severity, 'error');
    assert.equal(d[0]!.file, inB);
    assert.ok(d[0]!.message.includes(`between ${inA} and ${inB}`), d[0]!.message);
    assert.match(d[0]!.message, what);
    assert.match(d[0]!.message, /open_source v1\.17\.0/);
    assert.ok(d[0]!.hint, 'a hint says what to do');
    assert.equal(merged.length, 1);
    assert.equal(merged[0]!.folder, first);
    assert.deepEqual(merged[0]!.dirs, ['a'], 'a refused copy is not counted as a source');
  }
});
