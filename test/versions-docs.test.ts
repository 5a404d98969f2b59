/**
 * The list of docs versions to build: one per minor line with an open
 * source release, newest first, statuses, default count, `include`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { loadChangelog } from '../src/changelog/load.ts';
import type { Product, Release } from '../src/changelog/types.ts';
import { rel } from './support/releases.ts';
import { listDocsVersions } from '../src/versions/docs-versions.ts';
import { versionValues } from '../src/versions/values.ts';

const root = path.resolve(import.meta.dirname, '..');

const release = (product: Product, version: string, unreleased = false): Release => rel(version, [], { product, unreleased });

const data = [
  ...['1.9.0', '1.10.0', '1.11.0', '1.12.0', '1.12.1', '1.13.0', '1.14.0-beta1', '1.14.0'].map((v) => release('open_source', v)),
  release('open_source', '1.15.0-beta1'),
  release('open_source', '1.15.0-beta2'),
  release('open_source', '1.16.0-beta1', true), // unreleased: no docs version
  release('enterprise', '1.20.0'), // enterprise alone makes no docs version
];

test('default: the 4 newest lines up to latest plus the unreleased one, newest first', () => {
  const { versions, diagnostics } = listDocsVersions(data);
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(
    versions.map((v) => [v.id, v.label, v.minor, v.status]),
    [
      ['v1.15.x', '1.15', '1.15', 'unreleased'],
      ['v1.14.x', '1.14', '1.14', 'latest'],
      ['v1.13.x', '1.13', '1.13', 'supported'],
      ['v1.12.x', '1.12', '1.12', 'supported'],
      ['v1.11.x', '1.11', '1.11', 'supported'],
    ],
  );
  // 1.9 and 1.10 compare as versions, not text
  assert.ok(!versions.some((v) => v.id === 'v1.9.x' || v.id === 'v1.10.x'));
});

test('values are filled with versionValues', () => {
  const { versions } = listDocsVersions(data);
  for (const v of versions) assert.deepEqual(v.values, versionValues(data, v.minor));
  assert.equal(versions[0]!.values.geoss_latest, '1.15.0-beta2');
});

test('newest sets the count', () => {
  assert.deepEqual(listDocsVersions(data, { newest: 6 }).versions.map((v) => v.id), [
    'v1.15.x', 'v1.14.x', 'v1.13.x', 'v1.12.x', 'v1.11.x', 'v1.10.x', 'v1.9.x',
  ]);
  assert.deepEqual(listDocsVersions(data, { newest: 1 }).versions.map((v) => v.id), ['v1.15.x', 'v1.14.x']);
});

test('include overrides the choice; an id without data is an error', () => {
  const { versions, diagnostics } = listDocsVersions(data, {
    include: ['v1.9.x', 'v1.16.x', 'v1.14.x', 'latest'],
    configFile: 'site.config.ts',
  });
  assert.deepEqual(versions.map((v) => [v.id, v.status]), [['v1.14.x', 'latest'], ['v1.9.x', 'supported']]);
  assert.deepEqual(
    diagnostics.map((d) => [d.severity, d.file, d.message]),
    [
      ['error', 'site.config.ts', 'docs version v1.16.x has no open source release in the changelog'],
      ['error', 'site.config.ts', '`latest` is not a docs version id'],
    ],
  );
});

test('the sample changelog: 1.18 unreleased, 1.17 latest, 1.14-1.16 supported', () => {
  const { releases } = loadChangelog(
    [
      { product: 'open_source', dir: 'changelog/open_source' },
      { product: 'enterprise', dir: 'changelog/enterprise' },
    ],
    { strict: true, root },
  );
  const { versions } = listDocsVersions(releases);
  assert.deepEqual(versions.map((v) => `${v.id}:${v.status}`), [
    'v1.18.x:unreleased',
    'v1.17.x:latest',
    'v1.16.x:supported',
    'v1.15.x:supported',
    'v1.14.x:supported',
  ]);
});
