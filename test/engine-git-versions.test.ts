/** src/engine/git-versions.ts directly: which refs become which docs versions, and the messages when they cannot. */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import type { GitConfig } from '../src/config/define.ts';
import { gitFlags, planVersions, type GitOverrides } from '../src/engine/git-versions.ts';
import { GitRepo } from '../src/git/repo.ts';
import { DiagnosticsError } from '../src/util/diagnostics.ts';
import { gitRepo } from './support/git.ts';

const active = (o: object) => JSON.stringify(o, null, 2);
const dir = gitRepo([
  ['v1.16.x', { 'docs/content/_index.md': '# 1.16\n' }],
  ['v1.17.x', { 'docs/content/_index.md': '# 1.17\n' }],
  ['main', { 'docs/active_versions.json': active({ latest: 'v1.17.x', versions: ['main', 'v1.17.x'], oldVersions: ['v1.16.x'] }) }],
  ['trailing', { 'docs/active_versions.json': '{ "latest": "v1.17.x", "versions": ["main", "v1.17.x",], }' }],
  ['bad-json', { 'docs/active_versions.json': '{ "latest": \n' }],
  ['no-latest', { 'docs/active_versions.json': active({ versions: ['main'] }) }],
  ['latest-elsewhere', { 'docs/active_versions.json': active({ latest: 'v1.16.x', versions: ['main', 'v1.17.x'] }) }],
  ['unknown', { 'docs/active_versions.json': active({ latest: 'v1.17.x', versions: ['main', 'v1.17.x', 'v9.9.x'] }) }],
]);
const repo = GitRepo.open(dir, mkdtempSync(path.join(tmpdir(), 'git-versions-')));
after(() => repo.close());
const source = { configFile: 'docs.config.ts', locate: () => ({ line: 3, column: 5 }) };
const plan = (git: Partial<GitConfig>, overrides: GitOverrides = {}) => planVersions(repo, { repo: dir, ...git } as GitConfig, overrides, source);
const summary = (p: Awaited<ReturnType<typeof plan>>) => p.plan?.versions.map((v) => `${v.id}:${v.status}`);

test("active_versions.json on main, as Gloo's build-docs.sh reads it: latest, newer ones unreleased, old ones supported", async () => {
  const p = await plan({});
  assert.deepEqual(p.diagnostics, []);
  assert.deepEqual(summary(p), ['main:unreleased', 'v1.17.x:latest', 'v1.16.x:supported']);
  assert.equal(p.plan!.latest, 'v1.17.x');
  assert.equal(p.plan!.layout.ref, 'main');
  assert.equal(p.plan!.versions[1]!.commit, repo.resolve('v1.17.x'));
});

test('a trailing comma (a real v1.14.x copy) is accepted', async () => {
  const p = await plan({ layoutRef: 'trailing' });
  assert.deepEqual(summary(p), ['main:unreleased', 'v1.17.x:latest']);
});

test('a list of refs in the config; the command line wins; aliases keep their name', async () => {
  assert.deepEqual(summary(await plan({ versions: ['v1.17.x', 'v1.16.x'] })), ['v1.17.x:latest', 'v1.16.x:supported']);
  assert.deepEqual(summary(await plan({ versions: ['v1.17.x', 'v1.16.x'], old: [] })), ['v1.17.x:latest', 'v1.16.x:supported'], 'after latest is never unreleased');
  assert.deepEqual(summary(await plan({ versions: ['main', 'v1.17.x'] })), ['main:unreleased', 'v1.17.x:latest'], 'main is never the default latest');
  assert.deepEqual(summary(await plan({}, { versions: ['v1.16.x', 'v1.17.x'], latest: 'v1.17.x' })), ['v1.16.x:unreleased', 'v1.17.x:latest']);
  const aliased = await plan({ versions: ['stable'], aliases: { stable: 'v1.16.x' } });
  assert.deepEqual(aliased.plan!.versions.map((v) => [v.id, v.ref]), [['stable', 'v1.16.x']]);
});

test('errors name the file and line, with a hint: bad JSON, a missing key, a latest not listed, an unknown ref', async () => {
  const bad = await plan({ layoutRef: 'bad-json' });
  assert.equal(bad.plan, undefined);
  assert.equal(bad.diagnostics[0]!.file, 'bad-json:docs/active_versions.json');
  assert.match(bad.diagnostics[0]!.message, /^Not valid JSON/);
  assert.ok(bad.diagnostics[0]!.line > 0);

  const noLatest = await plan({ layoutRef: 'no-latest' });
  assert.match(noLatest.diagnostics[0]!.message, /`latest`/);

  const elsewhere = await plan({ layoutRef: 'latest-elsewhere' });
  assert.match(elsewhere.diagnostics[0]!.message, /latest version `v1\.16\.x` is not in `versions`/);
  assert.equal(elsewhere.diagnostics[0]!.line, 2);

  const unknown = await plan({ layoutRef: 'unknown' });
  const d = unknown.diagnostics[0]!;
  assert.equal(d.file, 'unknown:docs/active_versions.json');
  assert.match(d.message, /Version `v9\.9\.x` is not a ref of /);
  assert.deepEqual([d.line, d.column], [6, 5]);
  assert.match(d.hint ?? '', /Refs there: .*v1\.17\.x/);

  const layout = await plan({ layoutRef: 'nope' });
  assert.match(layout.diagnostics[0]!.message, /The layout ref `nope` is not a ref/);
  assert.equal(layout.diagnostics[0]!.file, 'docs.config.ts');
  assert.deepEqual(summary(await plan({ versions: ['v1.17.x', 'v1.17.x'] })), undefined, 'a version listed twice');
  assert.match((await plan({ versions: [] })).diagnostics[0]!.message, /No docs version to build/);
  assert.match((await plan({ versions: ['v1.17.x'] }, { latest: 'v1.16.x' })).diagnostics[0]!.message, /latest version `v1\.16\.x` is not one of the versions/);
});

test('gitFlags: --versions is split and trimmed; git flags without a git section are refused at the config', () => {
  const site = { git: { repo: dir } as GitConfig, shown: 'docs.config.ts' };
  assert.deepEqual(gitFlags({ versions: 'main, v1.17.x,,', latest: 'v1.17.x' }, site), { git: { versions: ['main', 'v1.17.x'], latest: 'v1.17.x' } });
  assert.deepEqual(gitFlags({ repo: 'x.bundle' }, site), { repo: 'x.bundle', git: {} });
  assert.deepEqual(gitFlags({}, { shown: 'docs.config.ts' }), { git: {} });
  assert.throws(() => gitFlags({ latest: 'main' }, { shown: 'docs.config.ts' }), (e: unknown) => {
    assert.ok(e instanceof DiagnosticsError);
    assert.equal(e.diagnostics[0]!.file, 'docs.config.ts');
    assert.match(e.diagnostics[0]!.message, /--latest needs a config that reads the versions from git/);
    return true;
  });
});
