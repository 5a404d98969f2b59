import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  CATEGORIES,
  formatCompareHash,
  mergeByCategory,
  newerThan,
  parseHash,
  rangeOf,
} from '../src/changelog/compare.ts';
import { compareReleaseOf, compareVersions, releasesInRange, sortReleases } from '../src/changelog/notes.ts';
import type { ChangelogEntry, Release } from '../src/changelog/types.ts';
import { rel } from './support/releases.ts';


const fix = (d: string): Partial<ChangelogEntry> => ({ type: 'FIX', description: d, issueLink: 'https://github.com/solo-io/gloo/issues/1' });
const feat = (d: string): Partial<ChangelogEntry> => ({ type: 'NEW_FEATURE', description: d, issueLink: 'https://github.com/solo-io/gloo/issues/2' });

// Deliberately shuffled: the range must order by semver, not by input order.
const releases: Release[] = [
  rel('1.17.3', [fix('fix 1.17.3')]),
  rel('1.16.0', [feat('feat 1.16.0')]),
  rel('1.17.0-beta2', [feat('feat beta2')]),
  rel('1.17.0', [feat('feat 1.17.0'), fix('fix 1.17.0')]),
  rel('1.16.1', [fix('fix 1.16.1')]),
  rel('1.17.1', [{ type: 'DEPENDENCY_BUMP', dependencyOwner: 'envoyproxy', dependencyRepo: 'envoy', dependencyTag: 'v1.26.1' }]),
  rel('1.17.4', [feat('feat unreleased')], { unreleased: true }),
  rel('1.17.2', [feat('feat 1.17.2'), { type: 'NON_USER_FACING', description: 'internal' }]),
  rel('1.17.0-rc1', [feat('feat rc1')]),
];

test('parseHash: Gloo’s exact example and the plain view hashes', () => {
  assert.deepEqual(parseHash('#compareversions_v1.16.0...v1.17.3'), { view: 'compareversions', from: '1.16.0', to: '1.17.3' });
  assert.deepEqual(parseHash('#compareversions'), { view: 'compareversions' });
  assert.deepEqual(parseHash('#minorrelease'), { view: 'minorrelease' });
  assert.deepEqual(parseHash('#chronological'), { view: 'chronological' });
  assert.deepEqual(parseHash('compareversions_v1.16.0...v1.17.0-beta2'), { view: 'compareversions', from: '1.16.0', to: '1.17.0-beta2' });
  assert.deepEqual(parseHash('#compareversions_v1.16.0%2E%2E%2Ev1.17.3'), { view: 'compareversions', from: '1.16.0', to: '1.17.3' });
  assert.deepEqual(parseHash('#compareversions_v1.16.0..v1.17.3'), { view: 'compareversions' }, 'malformed pair: the view, no pair');
  assert.equal(parseHash('#v1.17.3'), undefined);
  assert.equal(parseHash(''), undefined);
  assert.equal(parseHash('#%E0%A4%A'), undefined, 'bad percent-encoding is not an exception');
});

test('formatCompareHash: Gloo’s format, with or without the v', () => {
  assert.equal(formatCompareHash('1.16.0', '1.17.3'), '#compareversions_v1.16.0...v1.17.3');
  assert.equal(formatCompareHash('v1.16.0', 'v1.17.3'), '#compareversions_v1.16.0...v1.17.3');
  assert.equal(formatCompareHash(), '#compareversions');
});

test('hash round trip: format then parse gives the pair back', () => {
  const version = fc
    .tuple(fc.nat(30), fc.nat(99), fc.nat(99), fc.option(fc.constantFrom('beta1', 'beta11', 'rc2', 'alpha.3'), { nil: undefined }))
    .map(([a, b, c, p]) => `${a}.${b}.${c}${p ? `-${p}` : ''}`);
  fc.assert(
    fc.property(version, version, (from, to) => {
      assert.deepEqual(parseHash(formatCompareHash(from, to)), { view: 'compareversions', from, to });
    }),
  );
});

test('compareVersions: semver order, prerelease numbers compared as numbers', () => {
  const sorted = ['1.22.0-beta10', '1.9.0', '1.22.0', '1.22.0-beta2', '1.22.0-rc1', '1.10.0', '1.22.0-beta1'].sort(compareVersions);
  assert.deepEqual(sorted, ['1.9.0', '1.10.0', '1.22.0-beta1', '1.22.0-beta2', '1.22.0-beta10', '1.22.0-rc1', '1.22.0']);
});

test('releasesInRange: old exclusive, new inclusive, ascending, prereleases and unreleased skipped', () => {
  const v = (rs: Release[]) => rs.map((r) => r.version);
  assert.deepEqual(v(releasesInRange(releases, '1.16.0', '1.17.3')), ['1.16.1', '1.17.0', '1.17.1', '1.17.2', '1.17.3']);
  assert.deepEqual(v(releasesInRange(releases, 'v1.16.1', 'v1.17.0')), ['1.17.0'], 'accepts the v prefix');
  assert.deepEqual(v(releasesInRange(releases, '1.17.2', '1.17.3')), ['1.17.3']);
  assert.deepEqual(v(releasesInRange(releases, '1.17.3', '1.17.3')), [], 'same version: nothing');
  assert.deepEqual(v(releasesInRange(releases, '1.17.3', '1.16.0')), [], 'reversed: nothing');
  assert.deepEqual(v(releasesInRange(releases, '1.17.2', '1.17.4')), [], 'unreleased end: not comparable');
  assert.deepEqual(v(releasesInRange(releases, '1.16.1', '1.17.0-rc1')), [], 'prerelease end: not comparable');
  assert.deepEqual(v(releasesInRange(releases, '1.0.0', '1.17.3')), [], 'unknown version: nothing');
});

test('rangeOf and newerThan work on positions in an ascending list', () => {
  const list = ['1.0.0', '1.1.0', '1.2.0', '2.0.0'].map((version) => ({ version }));
  assert.deepEqual(rangeOf(list, '1.0.0', '1.2.0').map((r) => r.version), ['1.1.0', '1.2.0']);
  assert.deepEqual(newerThan(list, '1.1.0').map((r) => r.version), ['1.2.0', '2.0.0']);
  assert.deepEqual(newerThan(list, '2.0.0'), []);
  assert.deepEqual(newerThan(list, '9.9.9'), []);
});

test('mergeByCategory: Solo’s order, counts in the label, notes tagged with their version, bumps skipped', () => {
  const merged = mergeByCategory(releasesInRange(releases, '1.16.0', '1.17.3').map(compareReleaseOf));
  assert.deepEqual(
    merged.map((c) => c.label),
    ['New Features (2)', 'Fixes (3)'],
  );
  const features = merged[0]!;
  assert.deepEqual(
    features.notes.map((n) => [n.version, n.html.replace(/ \(<a.*$/, '')]),
    [
      ['1.17.2', 'feat 1.17.2'],
      ['1.17.0', 'feat 1.17.0'],
    ],
    'newest first, NON_USER_FACING and prerelease/unreleased notes absent',
  );
  assert.ok(!merged.some((c) => c.type === 'DEPENDENCY_BUMP'));
});

test('mergeByCategory follows CATEGORIES for every category', () => {
  const all = CATEGORIES.map((c) => c.type).reverse();
  const merged = mergeByCategory([{ version: '1.0.0', notes: Object.fromEntries(all.map((t) => [t, ['x', 'y']])) }]);
  assert.deepEqual(
    merged.map((c) => c.label),
    ['Breaking Changes (2)', 'Upgrade Notes (2)', 'Helm Changes (2)', 'New Features (2)', 'Fixes (2)'],
  );
});

test('sortReleases: newest first by default', () => {
  assert.deepEqual(
    sortReleases(releases).map((r) => r.version).slice(0, 4),
    ['1.17.4', '1.17.3', '1.17.2', '1.17.1'],
  );
  assert.equal(sortReleases(releases).at(-1)!.version, '1.16.0');
});
