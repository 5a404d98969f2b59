/**
 * The compare view's choice of versions (src/client/compare-view.ts), in
 * Node: what a pasted or hand-edited `#compareversions_…` hash shows. The
 * view itself, in Chromium, is test/changelog-compare-view.test.ts.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { comparedPair } from '../src/client/compare-view.ts';

const releases = ['1.16.0', '1.16.1', '1.16.2', '1.17.0', '1.17.1', '1.17.2'].map((version) => ({ version }));

test('a known pair is shown as asked, and put right when reversed', () => {
  assert.deepEqual(comparedPair(releases, '1.16.1', '1.17.1'), { from: '1.16.1', to: '1.17.1', unknown: [] });
  assert.deepEqual(comparedPair(releases, '1.17.1', '1.16.1'), { from: '1.16.1', to: '1.17.1', unknown: [] });
});

test('without a pair: the newest release, since the newest release of the line before it', () => {
  assert.deepEqual(comparedPair(releases, undefined, undefined), { from: '1.16.2', to: '1.17.2', unknown: [] });
  assert.deepEqual(comparedPair(releases, undefined, '1.16.2'), { from: '1.16.0', to: '1.16.2', unknown: [] }, 'no earlier line: the oldest release');
});

test('unknown versions are named and replaced by the defaults', () => {
  assert.deepEqual(comparedPair(releases, '1.15.9', '9.9.9'), { from: '1.16.2', to: '1.17.2', unknown: ['1.15.9', '9.9.9'] });
  assert.deepEqual(comparedPair(releases, '1.16.0', 'nope'), { from: '1.16.0', to: '1.17.2', unknown: ['nope'] });
});

test('a version compared with itself is widened by one release', () => {
  assert.deepEqual(comparedPair(releases, '1.17.0', '1.17.0'), { from: '1.16.2', to: '1.17.0', unknown: [] });
  assert.deepEqual(comparedPair(releases, '1.16.0', '1.16.0'), { from: '1.16.0', to: '1.16.1', unknown: [] }, 'the oldest: up to the next one');
});
