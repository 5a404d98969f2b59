/**
 * Several changelog folders for one product (one per branch) merged: copies
 * of a release that agree are merged, copies that disagree are an error
 * naming both files.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadChangelog } from '../src/changelog/load.ts';
import { docsRoot as tree } from './support/pipeline.ts';


const fix = (n: number, text = 'Fixed.') =>
  `changelog:\n  - type: FIX\n    issueLink: https://github.com/solo-io/gloo/issues/${n}\n    description: ${text}\n`;
const sources = [
  { product: 'open_source' as const, dir: 'main/changelog' },
  { product: 'open_source' as const, dir: 'v1.17.x/changelog' },
];

test('copies that agree are merged and remember both folders', () => {
  const root = tree({
    'main/changelog/v1.18.0-beta1/a.yaml': fix(1),
    'main/changelog/v1.17.0/b.yaml': fix(2),
    'v1.17.x/changelog/v1.17.0/b.yaml': fix(2).replace('    description', '\n    description'), // same data, other layout
    'v1.17.x/changelog/v1.17.1/c.yaml': fix(3),
  });
  const { releases, diagnostics } = loadChangelog(sources, { strict: true, root });
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(releases.map((r) => r.version), ['1.18.0-beta1', '1.17.1', '1.17.0']);
  const r170 = releases.find((r) => r.version === '1.17.0')!;
  assert.deepEqual(r170.dirs, ['main/changelog/v1.17.0', 'v1.17.x/changelog/v1.17.0']);
  assert.equal(r170.entries.length, 1, 'entries are not doubled');
});

test('copies with different entries are an error naming both files, even in lenient mode', () => {
  const root = tree({
    'main/changelog/v1.17.0/b.yaml': fix(2, 'Fixed.'),
    'v1.17.x/changelog/v1.17.0/b.yaml': fix(2, 'Fixed differently.'),
  });
  for (const strict of [true, false]) {
    const { releases, diagnostics } = loadChangelog(sources, { strict, root });
    assert.equal(diagnostics.length, 1);
    const d = diagnostics[0]!;
    assert.equal(d.severity, 'error');
    assert.equal(d.file, 'v1.17.x/changelog/v1.17.0/b.yaml');
    assert.ok(d.message.includes('main/changelog/v1.17.0/b.yaml'), d.message);
    assert.ok(d.message.includes('v1.17.x/changelog/v1.17.0/b.yaml'), d.message);
    // the first copy is kept
    assert.equal(releases.length, 1);
    assert.equal(releases[0]!.entries[0]!.description, 'Fixed.');
  }
});

test('a file present in only one copy is a disagreement', () => {
  const root = tree({
    'main/changelog/v1.17.0/b.yaml': fix(2),
    'main/changelog/v1.17.0/extra.yaml': fix(9),
    'v1.17.x/changelog/v1.17.0/b.yaml': fix(2),
  });
  const { diagnostics } = loadChangelog(sources, { strict: true, root });
  assert.equal(diagnostics.length, 1);
  assert.match(diagnostics[0]!.message, /main\/changelog\/v1\.17\.0\/extra\.yaml/);
  assert.match(diagnostics[0]!.message, /extra\.yaml is only in one of them/);
});

test('different prose is a disagreement', () => {
  const root = tree({
    'main/changelog/v1.17.0/b.yaml': fix(2),
    'main/changelog/v1.17.0/summary.md': 'One.',
    'v1.17.x/changelog/v1.17.0/b.yaml': fix(2),
    'v1.17.x/changelog/v1.17.0/summary.md': 'Two.',
  });
  const { diagnostics } = loadChangelog(sources, { strict: true, root });
  assert.equal(diagnostics.length, 1);
  assert.match(diagnostics[0]!.message, /summary prose differs/);
});

test('a release is unreleased only when every copy is marked', () => {
  const root = tree({
    'main/changelog/v1.17.1/a.yaml': fix(1),
    'main/changelog/v1.17.1/UNRELEASED': '',
    'v1.17.x/changelog/v1.17.1/a.yaml': fix(1),
    'main/changelog/v1.17.2/a.yaml': fix(2),
    'main/changelog/v1.17.2/UNRELEASED': '',
    'v1.17.x/changelog/v1.17.2/a.yaml': fix(2),
    'v1.17.x/changelog/v1.17.2/UNRELEASED': 'not yet',
  });
  const { releases, diagnostics } = loadChangelog(sources, { strict: true, root });
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(releases.map((r) => [r.version, r.unreleased]), [['1.17.2', true], ['1.17.1', false]]);
});

test('the same version in two products is two releases', () => {
  const root = tree({ 'oss/v1.17.0/a.yaml': fix(1), 'ee/v1.17.0/a.yaml': fix(5) });
  const { releases, diagnostics } = loadChangelog(
    [
      { product: 'enterprise', dir: 'ee' },
      { product: 'open_source', dir: 'oss' },
    ],
    { strict: true, root },
  );
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(releases.map((r) => r.product), ['open_source', 'enterprise']);
});
