/**
 * Version values from several branches' changelogs, merged (issue 13): small
 * trees of our own given as files per ref, then the bundle's four branches
 * (`/work/gloo-v1.1X.x/changelog`, checked against their release folders).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import semver from 'semver';
import { loadRefChangelogs, readRefChangelog, type ChangelogFile, type RefChangelog } from '../src/changelog/branches.ts';
import { loadChangelog } from '../src/changelog/load.ts';
import { minorOfRefName, valuesForRefs } from '../src/versions/refs.ts';
import { applyPinFiles } from '../src/versions/pins.ts';
import { VERSION_KEYS } from '../src/versions/values.ts';
import { docsRoot } from './support/pipeline.ts';

const fix = (n: number) => `changelog:\n  - type: FIX\n    issueLink: https://github.com/solo-io/gloo/issues/${n}\n    description: Fix ${n}.\n`;

/** Release folders, each with one file (same text wherever the same folder appears). */
function files(...versions: string[]): ChangelogFile[] {
  return versions.map((v, i) => ({ path: `v${v}/fix.yaml`, text: fix(semver.major(v) * 10000 + semver.minor(v) * 100 + semver.patch(v) + (semver.prerelease(v) ? 50 + i : 0)) }));
}
const range = (minor: string, last: number) => Array.from({ length: last + 1 }, (_, p) => `${minor}.${p}`);

// As Solo's branches hold them: own line, plus the prereleases cut on main before branching.
const v116: RefChangelog = { ref: 'v1.16.x', files: files('1.15.0-rc1', '1.16.0-rc1', ...range('1.16', 3)) };
const v117: RefChangelog = { ref: 'v1.17.x', files: files('1.15.0-rc1', '1.16.0-rc1', '1.17.0-rc1', ...range('1.17', 2)) };
const main: RefChangelog = { ref: 'main', files: files('1.15.0-rc1', '1.16.0-rc1', '1.17.0-rc1', '1.18.0-beta1', '1.18.0-beta2', '1.18.0-beta3') };

test('refs merged: each version\'s values come from the branch that holds them; main decides n+1 of the newest branch', () => {
  const { versions, diagnostics } = valuesForRefs([main, v117, v116], { strict: true });
  assert.deepEqual(diagnostics, []);
  const by = Object.fromEntries(versions.map((v) => [v.ref, v]));
  assert.deepEqual(
    [by['v1.17.x']!.minor, by['v1.17.x']!.values.geoss_latest, by['v1.17.x']!.values['geoss_n-1'], by['v1.17.x']!.values['geoss_n+1']],
    ['1.17', '1.17.2', '1.16.3', '1.18.0-beta3'],
  );
  assert.deepEqual([by['v1.16.x']!.values.geoss_latest, by['v1.16.x']!.values['geoss_n+1']], ['1.16.3', '1.17.2']);
  // no v1.15.x branch: 1.15 has only its rc here, so n-1 of 1.16 is undecided, and says why
  assert.equal(by['v1.16.x']!.values['geoss_n-1'], undefined);
  assert.match(by['v1.16.x']!.undecided.find((u) => u.key === 'geoss_n-1')!.reason, /only prereleases of 1\.15 \(newest 1\.15\.0-rc1\)/);
  // main documents its own newest line, a development line: n+1 is its latest
  assert.deepEqual([by.main!.minor, by.main!.values.geoss_latest, by.main!.values['geoss_n+1'], by.main!.values['geoss_n-1']], ['1.18', '1.18.0-beta3', '1.18.0-beta3', '1.17.2']);
});

test('without main, the newest branch\'s n+1 is undecided (its branch never holds the next line)', () => {
  const { versions } = valuesForRefs([v117, v116], { strict: true });
  const v = versions.find((x) => x.ref === 'v1.17.x')!;
  assert.equal(v.values['geoss_n+1'], undefined);
  assert.match(v.undecided.find((u) => u.key === 'geoss_n+1')!.reason, /no line newer than 1\.17/);
});

test('a file on several refs is parsed once; its problems are reported once, at the first ref that has it', () => {
  const quirky = { path: 'v1.16.0-rc1/old.yaml', text: 'changelog:\n  - type: FIX\n    issuelink: https://github.com/solo-io/gloo/issues/9\n    description: Case.\n' };
  const a = { ...v117, files: [...v117.files, quirky] };
  const b = { ...v116, files: [...v116.files, quirky] };
  const { releases, diagnostics } = loadRefChangelogs([a, b], { strict: false });
  assert.deepEqual(diagnostics.map((d) => [d.severity, d.file, d.line]), [['warning', 'v1.17.x:changelog/v1.16.0-rc1/old.yaml', 3]]);
  const rc = releases.find((r) => r.version === '1.16.0-rc1')!;
  assert.deepEqual(rc.dirs, ['v1.17.x:changelog/v1.16.0-rc1', 'v1.16.x:changelog/v1.16.0-rc1']);
  assert.equal(rc.entries.length, 2);
});

test('copies that differ between refs are an error naming both', () => {
  const changed = { ...v116, files: v116.files.map((f) => (f.path === 'v1.16.0-rc1/fix.yaml' ? { ...f, text: fix(1) } : f)) };
  const { diagnostics } = loadRefChangelogs([v117, changed], { strict: false, lenient: true });
  const d = diagnostics.find((x) => x.severity === 'error')!;
  assert.match(d.message, /v1\.16\.0-rc1 differs between v1\.17\.x:changelog\/v1\.16\.0-rc1\/fix\.yaml and v1\.16\.x:changelog\/v1\.16\.0-rc1\/fix\.yaml/);
});

test('with the repository\'s tags, a folder not tagged yet (the release in progress) does not count', () => {
  const tags = [...range('1.16', 3), '1.17.0', '1.17.1', '1.15.0-rc1', '1.16.0-rc1', '1.17.0-rc1'].map((v) => `v${v}`);
  const { versions } = valuesForRefs([v117, v116], { strict: true, tags: { open_source: tags } });
  assert.equal(versions.find((x) => x.ref === 'v1.17.x')!.values.geoss_latest, '1.17.1');
  assert.equal(versions.find((x) => x.ref === 'v1.16.x')!.values['geoss_n+1'], '1.17.1');
});

test('ref names give the line; a ref without a version and without a changelog is an error', () => {
  assert.deepEqual(['v1.17.x', 'v1.17', 'release-1.9', 'main', 'v2.0.x'].map(minorOfRefName), ['1.17', '1.17', '1.9', undefined, '2.0']);
  const { versions, diagnostics } = valuesForRefs([{ ref: 'main', files: [] }], { strict: true });
  assert.deepEqual(versions, []);
  assert.match(diagnostics[0]!.message, /cannot tell which minor line ref `main` documents/);
});

test('the file-system loader reads what loadChangelog reads', () => {
  const root = docsRoot(Object.fromEntries(v117.files.map((f) => [`changelog/${f.path}`, f.text!])));
  const fromDisk = loadRefChangelogs([readRefChangelog('v1.17.x', `${root}/changelog`)!], { strict: true });
  const direct = loadChangelog([{ product: 'open_source', dir: 'changelog' }], { strict: true, root });
  const strip = (rs: typeof direct.releases) => rs.map((r) => ({ ...r, dirs: [], entries: r.entries.map((e) => ({ ...e, file: '' })) }));
  assert.deepEqual(strip(fromDisk.releases), strip(direct.releases));
  assert.equal(readRefChangelog('x', `${root}/nope`), undefined);
});

const BRANCHES = ['v1.14.x', 'v1.15.x', 'v1.16.x', 'v1.17.x'];
const HAVE_CLONES = BRANCHES.every((b) => existsSync(`/work/gloo-${b}/changelog`));

/** Independently: the newest release folder of a line on the branch (stable first), from folder names. */
function newestFolder(branch: string, minor: string): string | undefined {
  const versions = readdirSync(`/work/gloo-${branch}/changelog`).map((n) => semver.valid(n.replace(/^v/, ''))).filter((v): v is string => !!v && `${semver.major(v)}.${semver.minor(v)}` === minor);
  const stable = versions.filter((v) => !semver.prerelease(v));
  return semver.rsort(stable.length ? stable : versions)[0];
}

test('the bundle\'s four branches merged: each version\'s values are its line\'s newest folders, n-1/n+1 from the neighbouring branches', { skip: HAVE_CLONES ? false : 'needs the clones /work/gloo-v1.14.x … v1.17.x' }, () => {
  const refs = BRANCHES.map((b) => readRefChangelog(b, `/work/gloo-${b}/changelog`)!).reverse();
  const { versions, diagnostics } = valuesForRefs(refs, { strict: false });
  assert.deepEqual(diagnostics.filter((d) => d.severity === 'error'), [], 'the branches agree on every shared release');
  const by = Object.fromEntries(versions.map((v) => [v.ref, v.values]));
  for (const b of BRANCHES) {
    const minor = minorOfRefName(b)!;
    const [major, min] = minor.split('.').map(Number) as [number, number];
    assert.equal(by[b]!.geoss_latest, newestFolder(b, minor), `${b} latest`);
    const prevBranch = `v${major}.${min - 1}.x`;
    const nextBranch = `v${major}.${min + 1}.x`;
    assert.equal(by[b]!['geoss_n-1'], BRANCHES.includes(prevBranch) ? newestFolder(prevBranch, `${major}.${min - 1}`) : undefined, `${b} n-1`);
    assert.equal(by[b]!['geoss_n+1'], BRANCHES.includes(nextBranch) ? newestFolder(nextBranch, `${major}.${min + 1}`) : undefined, `${b} n+1`);
  }
  // the figures the report lists
  assert.deepEqual(BRANCHES.map((b) => [by[b]!.geoss_latest, by[b]!['geoss_n-1'], by[b]!['geoss_n+1']]), [
    ['1.14.33', undefined, '1.15.37'],
    ['1.15.37', '1.14.33', '1.16.27'],
    ['1.16.27', '1.15.37', '1.17.38'],
    ['1.17.38', '1.16.27', undefined],
  ]);
  // each quirk once: the same files on four branches are not reported four times
  assert.equal(diagnostics.length, new Set(diagnostics.map((d) => `${d.file.replace(/^[^:]+:/, '')}\0${d.line}\0${d.message}`)).size);
});

test('the bundle merged, with each branch\'s own snippet files as pins: stale only where the data decides, silent where it cannot', { skip: HAVE_CLONES ? false : 'needs the clones /work/gloo-v1.14.x … v1.17.x' }, () => {
  const refs = BRANCHES.map((b) => readRefChangelog(b, `/work/gloo-${b}/changelog`)!).reverse();
  const { versions } = valuesForRefs(refs, { strict: false });
  const snippetDir = (b: string) => `/work/gloo-${b}/docs/content/static/content`;
  const label = (b: string, name: string) => `${b}:docs/content/static/content/${name}`;
  const stale: Record<string, string[]> = {};
  for (const v of versions) {
    const pins = readdirSync(snippetDir(v.ref)).map((name) => ({ name, text: readFileSync(`${snippetDir(v.ref)}/${name}`, 'utf8'), file: label(v.ref, name) }));
    const { values, diagnostics } = applyPinFiles(pins, v.values, { undecided: v.undecided, version: v.ref, fileOf: (name) => label(v.ref, name) });
    // every key has a value: the branch pins what the data cannot decide
    assert.deepEqual(VERSION_KEYS.filter((k) => values[k] === undefined && k !== 'geoss_n-1_minor' && k !== 'geoss_n-2_minor' && k !== 'gee_n-1_oldpatch'), [], v.ref);
    assert.deepEqual(diagnostics.filter((d) => !/stale pin/.test(d.message)).map((d) => d.message), v.ref === 'v1.14.x' ? ['no value for `gee_n-1_oldpatch` for docs version v1.14.x: the changelog has no enterprise release: its changelog is not among the sources'] : [], v.ref);
    stale[v.ref] = diagnostics.filter((d) => /stale pin/.test(d.message)).map((d) => d.file.replace(/^.*version_/, '').replace(/\.md$/, '')).sort();
  }
  // undecided keys (gee_*, n+1 of v1.17.x, n-1 of v1.14.x) are never called stale
  assert.deepEqual(stale, {
    'v1.17.x': ['geoss_latest'],
    'v1.16.x': ['geoss_latest', 'geoss_n+1', 'geoss_n-1'],
    'v1.15.x': ['geoss_latest', 'geoss_n+1', 'geoss_n-1'],
    'v1.14.x': ['geoss_latest', 'geoss_n+1'],
  });
});

/** One ref's changelog from git objects (no checkout): `ls-tree` then one `cat-file --batch`, as a git reader would hand it over. */
function gitChangelog(repo: string, ref: string): RefChangelog {
  const listing = execFileSync('git', ['-C', repo, 'ls-tree', '-r', '-z', ref, 'changelog/'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const blobs = listing.split('\0').filter(Boolean).map((line) => {
    const [meta, file] = line.split('\t') as [string, string];
    return { id: meta.split(' ')[2]!, path: file.slice('changelog/'.length) };
  });
  const out = execFileSync('git', ['-C', repo, 'cat-file', '--batch'], { input: blobs.map((b) => b.id).join('\n') + '\n', maxBuffer: 1 << 28 });
  const files: ChangelogFile[] = [];
  let at = 0;
  for (const b of blobs) {
    const header = out.subarray(at, out.indexOf(10, at)).toString();
    const size = Number(header.split(' ')[2]);
    const start = out.indexOf(10, at) + 1;
    files.push({ path: b.path, text: out.subarray(start, start + size).toString('utf8') });
    at = start + size + 1;
  }
  return { ref, files };
}

test('the same four branches read from git objects of one clone (no checkout) give the same values as the folders', { skip: HAVE_CLONES ? false : 'needs the clones' }, () => {
  const fromGit = valuesForRefs(BRANCHES.map((b) => gitChangelog('/work/gloo-v1.17.x', `origin/${b}`)).map((r) => ({ ...r, ref: r.ref.replace('origin/', '') })).reverse(), { strict: false });
  const fromDisk = valuesForRefs(BRANCHES.map((b) => readRefChangelog(b, `/work/gloo-${b}/changelog`)!).reverse(), { strict: false });
  assert.deepEqual(fromGit.versions, fromDisk.versions);
  assert.equal(fromGit.releases.length, fromDisk.releases.length);
  assert.deepEqual(fromGit.diagnostics.map((d) => `${d.file}:${d.line} ${d.message}`), fromDisk.diagnostics.map((d) => `${d.file}:${d.line} ${d.message}`));
});
