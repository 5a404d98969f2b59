/** src/changelog/oss-version.ts directly: which open source release an enterprise release ships. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ossVersionOf } from '../src/changelog/oss-version.ts';
import type { ChangelogEntry } from '../src/changelog/types.ts';

const bump = (tag: string, repo = 'gloo', owner = 'solo-io', line = 1): ChangelogEntry => ({
  type: 'DEPENDENCY_BUMP',
  dependencyOwner: owner,
  dependencyRepo: repo,
  dependencyTag: tag,
  file: 'changelog/v1.17.3/a.yaml',
  line,
});

test('the bump of solo-io/gloo gives the open source version, without the v', () => {
  assert.deepEqual(ossVersionOf([bump('v1.17.2')]), { version: '1.17.2', invalid: [] });
});

test('the newest of several bumps wins, compared as versions (1.17.10 after 1.17.9, a release after its beta)', () => {
  assert.equal(ossVersionOf([bump('v1.17.9'), bump('v1.17.10'), bump('v1.17.3')]).version, '1.17.10');
  assert.equal(ossVersionOf([bump('v1.18.0'), bump('v1.18.0-beta2')]).version, '1.18.0');
});

test('bumps of other repositories and other entry types are ignored', () => {
  const other: ChangelogEntry[] = [
    bump('v1.30.0', 'envoy-gloo'),
    { type: 'FIX', description: 'x', dependencyRepo: 'gloo', dependencyTag: 'v9.9.9', file: 'f', line: 2 },
  ];
  assert.deepEqual(ossVersionOf(other), { invalid: [] });
  assert.equal('version' in ossVersionOf(other), false, 'no version key at all');
});

test('owner and repository swapped (a quirk of the real data) still count', () => {
  assert.equal(ossVersionOf([bump('v1.16.4', 'solo-io', 'gloo')]).version, '1.16.4');
});

test('a tag that is not a version is listed as invalid and does not hide a valid one', () => {
  const bad = bump('main', 'gloo', 'solo-io', 7);
  const r = ossVersionOf([bad, bump('v1.17.1')]);
  assert.equal(r.version, '1.17.1');
  assert.deepEqual(r.invalid, [bad]);
});
