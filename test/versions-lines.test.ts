/** src/versions/lines.ts directly: releases grouped into minor lines, the newest of a line, its neighbours. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { around, candidates, compareMinor, minorLines, newest } from '../src/versions/lines.ts';
import { rel } from './support/releases.ts';

const releases = [
  rel('1.9.0'),
  rel('1.17.2'),
  rel('1.17.10'),
  rel('1.17.0-beta1'),
  rel('1.18.0-beta2'),
  rel('1.18.0-beta10'),
  rel('1.19.0', [], { unreleased: true }),
  rel('1.16.0', [], { product: 'enterprise' }),
  rel('1.16.3'),
];

test('minor lines are compared as versions: 1.9 before 1.17', () => {
  assert.ok(compareMinor('1.9', '1.17') < 0);
  assert.ok(compareMinor('2.0', '1.17') > 0);
  assert.equal(compareMinor('1.17', '1.17'), 0);
});

test('one product, newest line first, stable and prereleases newest first; unreleased releases never count', () => {
  const lines = minorLines(releases, 'open_source');
  assert.deepEqual(lines.map((l) => l.minor), ['1.18', '1.17', '1.16', '1.9']);
  const l117 = lines[1]!;
  assert.deepEqual(l117.stable.map((r) => r.version), ['1.17.10', '1.17.2']);
  assert.deepEqual(l117.pre.map((r) => r.version), ['1.17.0-beta1']);
  assert.deepEqual(lines[0]!.pre.map((r) => r.version), ['1.18.0-beta10', '1.18.0-beta2']);
  assert.deepEqual(minorLines(releases, 'enterprise').map((l) => l.minor), ['1.16']);
});

test('the newest release of a line is its newest stable one, else its newest prerelease', () => {
  const [l118, l117] = minorLines(releases, 'open_source');
  assert.equal(newest(l117)?.version, '1.17.10');
  assert.equal(newest(l118)?.version, '1.18.0-beta10');
  assert.deepEqual(candidates(l117).map((r) => r.version), ['1.17.10', '1.17.2']);
  assert.equal(newest(undefined), undefined);
  assert.deepEqual(candidates(undefined), []);
});

test('around a line: itself, the two nearest older lines and the nearest newer one', () => {
  const lines = minorLines(releases, 'open_source');
  const a = around(lines, '1.17');
  assert.equal(a.current?.minor, '1.17');
  assert.equal(a.previous?.minor, '1.16');
  assert.equal(a.beforePrevious?.minor, '1.9');
  assert.equal(a.next?.minor, '1.18');
  const top = around(lines, '1.20');
  assert.deepEqual(Object.keys(top).sort(), ['beforePrevious', 'previous']);
  assert.equal(top.previous?.minor, '1.18');
  assert.deepEqual(Object.keys(around(lines, '1.9')), ['current', 'next']);
  assert.equal(around(lines, '1.9').next?.minor, '1.16');
});
