/**
 * The loader on the project's sample data and on the real Gloo 1.17.x
 * changelog (../shared/fixtures), with counts checked against an
 * independent scan of the files.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HAVE_SHARED, NEEDS_SHARED } from './support/shared.ts';
import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { loadChangelog } from '../src/changelog/load.ts';
import { compareVersions } from '../src/util/version-order.ts';
import { ENTRY_TYPES } from '../src/changelog/types.ts';
import type { Release } from '../src/changelog/types.ts';

const root = path.resolve(import.meta.dirname, '..');
const fixture = path.resolve(root, '../shared/fixtures/gloo-changelog-v1.17.x');
const sample = [
  { product: 'open_source' as const, dir: 'changelog/open_source' },
  { product: 'enterprise' as const, dir: 'changelog/enterprise' },
];

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? filesUnder(p) : [p];
  });
}

/** Independent count: `type: X` lines of YAML files inside release folders (not .md, not at the top). */
function countTypesByRegex(dir: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const file of filesUnder(dir)) {
    if (path.dirname(file) === dir || file.endsWith('.md') || path.basename(file) === 'UNRELEASED') continue;
    for (const m of fs.readFileSync(file, 'utf8').matchAll(/^\s*(?:-\s+)?type:\s*([A-Z_]+)\s*$/gm)) {
      counts[m[1]!] = (counts[m[1]!] ?? 0) + 1;
    }
  }
  return counts;
}

function countTypes(releases: Release[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of releases) for (const e of r.entries) counts[e.type] = (counts[e.type] ?? 0) + 1;
  return counts;
}

test('the sample changelog loads with zero diagnostics in strict mode', () => {
  const { releases, diagnostics } = loadChangelog(sample, { strict: true, root });
  assert.deepEqual(diagnostics, []);
  const folders = sample.flatMap((s) => fs.readdirSync(path.join(root, s.dir)));
  assert.equal(releases.length, folders.length);
  assert.deepEqual(countTypes(releases), countTypesByRegex(path.join(root, 'changelog')));
});

test('the sample has every entry type, the required lines and prose', () => {
  const { releases } = loadChangelog(sample, { strict: true, root });
  const types = new Set(releases.flatMap((r) => r.entries.map((e) => e.type)));
  assert.deepEqual([...types].sort(), [...ENTRY_TYPES].sort());
  for (const minor of ['1.14', '1.15', '1.16', '1.17']) {
    const line = releases.filter((r) => r.product === 'open_source' && r.minor === minor);
    assert.ok(line.some((r) => r.prerelease), `${minor} has prereleases`);
    assert.ok(line.some((r) => r.version === `${minor}.0`), `${minor} has a .0`);
    assert.ok(line.filter((r) => semver.patch(r.version) > 0).length >= 3, `${minor} has several patches`);
  }
  const next = releases.filter((r) => r.product === 'open_source' && r.minor === '1.18');
  assert.ok(next.length > 0 && next.every((r) => r.prerelease));
  assert.ok(releases.some((r) => r.summary) && releases.some((r) => r.closing));
});

test('sample enterprise releases name the open source release they ship', () => {
  const { releases } = loadChangelog(sample, { strict: true, root });
  const ee = releases.filter((r) => r.product === 'enterprise');
  assert.ok(ee.length > 0);
  for (const r of ee) {
    assert.ok(r.ossVersion, `${r.version} has an ossVersion`);
    assert.equal(semver.major(r.ossVersion!), semver.major(r.version));
    assert.equal(semver.minor(r.ossVersion!), semver.minor(r.version));
    // the open source release it ships exists in the open source changelog
    assert.ok(releases.some((o) => o.product === 'open_source' && o.version === r.ossVersion), r.ossVersion);
  }
});

test('releases are sorted by product, then semver descending', () => {
  const { releases } = loadChangelog(sample, { strict: true, root });
  const products = releases.map((r) => r.product);
  const firstEe = products.indexOf('enterprise');
  assert.ok(firstEe > 0 && products.slice(firstEe).every((p) => p === 'enterprise'));
  for (let i = 1; i < releases.length; i++) {
    const [a, b] = [releases[i - 1]!, releases[i]!];
    if (a.product === b.product) assert.ok(compareVersions(a.version, b.version) > 0, `${a.version} > ${b.version}`);
  }
});

test('prerelease numbers compare as numbers: beta10 is newer than beta9, rc after beta', () => {
  assert.ok(compareVersions('1.17.0-beta10', '1.17.0-beta9') > 0);
  assert.ok(compareVersions('1.17.0-rc1', '1.17.0-beta24') > 0);
  assert.ok(compareVersions('1.17.0', '1.17.0-rc2') > 0);
  assert.ok(compareVersions('1.17.1', '1.17.0') > 0);
  assert.equal(compareVersions('1.17.0-beta2', '1.17.0-beta2'), 0);
  // the real data: the 1.17.0 prereleases come out newest first, by their numbers
  if (!HAVE_SHARED) return;
  const { releases } = loadChangelog([{ product: 'open_source', dir: fixture }], { strict: false, root });
  const betas = releases.filter((r) => /^1\.17\.0-beta\d+$/.test(r.version)).map((r) => Number(r.version.slice(11)));
  assert.ok(betas.length > 10);
  assert.deepEqual(betas, [...betas].sort((x, y) => y - x));
});

test('the whole real 1.17.x changelog loads in lenient mode, counts match an independent scan', { skip: NEEDS_SHARED }, () => {
  const files = filesUnder(fixture);
  assert.equal(files.length, 2504);
  const { releases, diagnostics } = loadChangelog([{ product: 'open_source', dir: fixture }], { strict: false, root });
  assert.ok(diagnostics.every((d) => d.severity === 'warning'));
  const folders = fs.readdirSync(fixture, { withFileTypes: true }).filter((d) => d.isDirectory());
  assert.equal(releases.length, folders.length);
  assert.deepEqual(countTypes(releases), countTypesByRegex(fixture));
  assert.ok(releases.every((r) => r.product === 'open_source' && r.dirs.length === 1));
  // file paths are relative to the root, entry lines point at the entry's `type` line
  const some = releases.find((r) => r.version === '0.18.0')!;
  assert.match(some.summary ?? '', /TCP proxying/);
  for (const e of some.entries) {
    assert.ok(e.file.startsWith('../shared/fixtures/gloo-changelog-v1.17.x/v0.18.0/'), e.file);
    const line = fs.readFileSync(path.resolve(root, e.file), 'utf8').split('\n')[e.line - 1]!;
    assert.match(line, /type:/);
  }
});

test('strict mode on the real changelog lists every quirk', { skip: NEEDS_SHARED }, () => {
  const { diagnostics } = loadChangelog([{ product: 'open_source', dir: fixture }], { strict: true, root });
  assert.ok(diagnostics.length > 0 && diagnostics.every((d) => d.severity === 'error'));
  const at = (suffix: string, re: RegExp) =>
    diagnostics.filter((d) => d.file.endsWith(suffix) && re.test(d.message));
  const base = '../shared/fixtures/gloo-changelog-v1.17.x/';
  assert.equal(at('validation.yaml', /stray file outside a release folder/)[0]?.file, `${base}validation.yaml`);
  assert.equal(at('v1.17.0-beta9/doc-fixes.yam', /not named like a YAML file/).length, 1);
  // every file without an extension is reported (counted independently)
  const noExt = filesUnder(fixture).filter((f) => !path.basename(f).includes('.'));
  assert.ok(noExt.length >= 5);
  for (const f of noExt) assert.equal(at(path.relative(fixture, f), /not named like a YAML file/).length, 1, f);
  const typo = at('v1.6.0-beta25/wasm-update.yaml', /unknown field `ressolvesIssue`/);
  assert.deepEqual(typo.map((d) => [d.line, d.column]), [[4, 5], [11, 5]]);
  assert.match(typo[0]!.hint ?? '', /did you mean `resolvesIssue`/);
  assert.equal(at('v1.12.0-beta31/rate-limit-counters.yaml', /`CHANGELOG` should be spelled `changelog`/).length, 1);
  assert.equal(at('v1.15.0-beta14/transformation-logging-global-settings-fix.yaml', /`issuelink`/)[0]?.line, 3);
  assert.equal(at('v1.8.0-beta12/fix-install-script-python.yaml', /duplicate key `issueLink`/)[0]?.line, 5);
  assert.equal(at('v1.14.0-beta5/accesslogs-filters.yaml', /must be true or false/)[0]?.line, 4);
  assert.equal(at('v1.13.0-beta17/revert-breaking-api-change.yaml', /unknown field `fixesIssue`/).length, 1);
  // owner/repo swaps: every file with `dependencyRepo: solo-io` (independent grep)
  const swapped = filesUnder(fixture).filter((f) => /dependencyRepo:\s*solo-io\s*$/m.test(fs.readFileSync(f, 'utf8')));
  assert.ok(swapped.length >= 5);
  for (const f of swapped) assert.ok(at(path.relative(fixture, f), /look swapped/).length >= 1, f);
  // lenient and strict keep the same data
  const strict = loadChangelog([{ product: 'open_source', dir: fixture }], { strict: true, root });
  const lenient = loadChangelog([{ product: 'open_source', dir: fixture }], { strict: false, root });
  assert.equal(strict.diagnostics.length, lenient.diagnostics.length);
  assert.deepEqual(countTypes(strict.releases), countTypes(lenient.releases));
});

test('the loader is deterministic', () => {
  const a = loadChangelog([{ product: 'open_source', dir: fixture }], { strict: true, root });
  const b = loadChangelog([{ product: 'open_source', dir: fixture }], { strict: true, root });
  assert.deepEqual(a, b);
});
