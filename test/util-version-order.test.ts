/** The one release order: semver, prerelease numbers as numbers, invalid versions first (never a throw). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareVersions, normalizeVersion, rcompareVersions } from '../src/util/version-order.ts';
import { compareVersions as notesOrder } from '../src/changelog/notes.ts';

test('prerelease numbers compare as numbers, rc after beta, the release after both', () => {
  const sorted = ['1.18.0', '1.18.0-rc1', '1.18.0-beta11', '1.18.0-beta9', '1.17.3', '1.18.0-beta2'].sort(compareVersions);
  assert.deepEqual(sorted, ['1.17.3', '1.18.0-beta2', '1.18.0-beta9', '1.18.0-beta11', '1.18.0-rc1', '1.18.0']);
  assert.equal(normalizeVersion('1.18.0-beta11'), '1.18.0-beta.11');
  assert.equal(normalizeVersion('1.18.0'), '1.18.0');
});

test('invalid versions sort before valid ones, by text, instead of throwing', () => {
  assert.deepEqual(['1.0.0', 'zzz', 'abc', '0.1.0'].sort(compareVersions), ['abc', 'zzz', '0.1.0', '1.0.0']);
  assert.equal(compareVersions('1.0.0+b', '1.0.0+a'), 1, 'equal versions by text');
  assert.equal(rcompareVersions('1.0.0', '2.0.0'), 1);
});

test('the changelog pages use the same order', () => {
  assert.equal(notesOrder, compareVersions);
});
