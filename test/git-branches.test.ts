/**
 * Docs versions from git refs (src/git/, src/engine/git-versions.ts, src/engine/branches.ts), on
 * small repositories made here: the versions Gloo's active_versions.json names, each version's
 * own pages read from git objects (never a checkout), problems at `<ref>:<file>:<line>`, and a
 * second build that reads nothing from git.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { loadConfig } from '../src/config/load.ts';
import { prepareBranches } from '../src/engine/branches.ts';
import { HtmlSpill } from '../src/engine/spill-html.ts';
import { articleHtml } from '../src/model/article-html.ts';
import { GitRepo } from '../src/git/repo.ts';
import { format } from '../src/util/diagnostics.ts';
import { REPO } from './support/project.ts';
import { bundleOf, git, gitRepo } from './support/git.ts';

const ACTIVE = `{
  "latest": "v1.2.x",
  "versions": [
    "main",
    "v1.2.x"
  ],
  "oldVersions": [
    "v1.1.x",
  ]
}
`;

function docsRepo(): string {
  return gitRepo([
    [
      'v1.1.x',
      {
        'docs/content/_index.md': '---\ntitle: Home\n---\nWelcome.\n',
        'docs/content/guide.md': '---\ntitle: Guide\nweight: 10\n---\n## Install\n\nThe same page in every branch.\n',
        'docs/content/only-old.md': '---\ntitle: Old page\n---\nGone later. {{< nosuch >}}\n',
        'docs/content/note.md': '---\ntitle: Note\n---\n{{< readfile file="shared/note.txt" >}} and {{< fromdata >}}\n',
        'docs/content/data.md': '---\ntitle: Data\n---\nFrom the data folder: {{< fromdata >}}\n',
        'docs/content/refs.md': '---\ntitle: Refs\n---\nSee [the guide]({{< ref "guide.md" >}}).\n',
        'docs/content/shared/note.txt': 'note from v1.1.x\n',
        'docs/data/site.yaml': 'note: data from v1.1.x\n',
        'docs/active_versions.json': '{ "latest": "v1.1.x", "versions": ["v1.1.x"], "oldVersions": [] }\n',
        'changelog/v1.1.0/fix.yaml': 'changelog:\n  - type: FIX\n    issueLink: https://github.com/solo-io/gloo/issues/1\n    resolvesIssue: false\n    description: A fix in 1.1.0.\n',
      },
    ],
    ['v1.2.x', { 'docs/content/only-old.md': null, 'docs/content/new.md': '---\ntitle: New page\n---\nNew in 1.2.\n', 'docs/content/shared/note.txt': 'note from v1.2.x\n', 'docs/data/site.yaml': 'note: data from v1.2.x\n', 'changelog/v1.2.0/new.yaml': 'changelog:\n  - type: NEW_FEATURE\n    issueLink: https://github.com/solo-io/gloo/issues/2\n    resolvesIssue: false\n    description: New in 1.2.0.\n' }],
    ['main', { 'docs/active_versions.json': ACTIVE, 'docs/content/shared/note.txt': 'note from main\n', 'docs/data/site.yaml': 'note: data from main\n' }],
  ]);
}

/** A shortcode module of the project's own that shows a value of the data folder (Hugo's data/, from the layout ref). */
const FROM_DATA = `export default {
  name: 'fromdata',
  inner: 'none',
  args: {},
  render(call, context) {
    const data = context.data('site');
    return { type: 'text', value: data.ok ? String(data.value.note) : data.message };
  },
};
`;

function project(repo: string, git: string): string {
  // A project folder of its own: its cache (node_modules/.cache/versioned-docs/) starts empty.
  const dir = mkdtempSync(path.join(tmpdir(), 'git-project-'));
  mkdirSync(path.join(dir, 'shortcodes'));
  writeFileSync(path.join(dir, 'shortcodes/fromdata.js'), FROM_DATA);
  const file = path.join(dir, 'docs.config.ts');
  writeFileSync(
    file,
    `import { defineConfig } from ${JSON.stringify(path.join(REPO, 'src/config/define.ts'))};\n` +
      `export default defineConfig({ base: '/docs/', product: 'Demo', shortcodes: 'shortcodes', git: { repo: ${JSON.stringify(repo)}, ${git} } });\n`,
  );
  return file;
}

async function prepare(configFile: string, options: Parameters<typeof prepareBranches>[1] = {}) {
  return prepareBranches(await loadConfig(configFile), options);
}

const routes = (pages: { route: string }[] | undefined) => (pages ?? []).map((p) => p.route).sort();

test('versions come from active_versions.json of the layout ref (a trailing comma as in v1.14.x), each with its own pages', async () => {
  const repo = docsRepo();
  const result = await prepare(project(repo, ''));
  const data = result.data!;
  assert.deepEqual(data.versions.map((v) => [v.id, v.status]), [['main', 'unreleased'], ['v1.2.x', 'latest'], ['v1.1.x', 'supported']]);
  assert.equal(data.latest, 'v1.2.x');
  assert.deepEqual(routes(data.pages['v1.1.x']), ['', 'data/', 'guide/', 'note/', 'only-old/', 'reference/changelog/open_source/', 'refs/']);
  assert.deepEqual(routes(data.pages['v1.2.x']), ['', 'data/', 'guide/', 'new/', 'note/', 'reference/changelog/open_source/', 'refs/']);
  // Each version's changelog page is its own branch's changelog.
  const changelog = (id: string) => data.pages[id]!.find((p) => p.route === 'reference/changelog/open_source/')!.html;
  assert.match(changelog('v1.2.x'), /New in 1\.2\.0/);
  assert.doesNotMatch(changelog('v1.1.x'), /New in 1\.2\.0/);
  assert.match(changelog('v1.1.x'), /A fix in 1\.1\.0/);
  assert.deepEqual(data.versions.map((v) => v.values.geoss_latest), ['1.2.0', '1.2.0', '1.1.0']);
  // Each version's content/ is its own (readfile reads under it); data (and layouts, the Hugo config) come from
  // main for every version, as build-docs.sh checks out main and copies only content/ and changelog/.
  const note = data.pages['v1.1.x']!.find((p) => p.route === 'note/')!;
  assert.match(note.html, /note from v1\.1\.x\s+and data from main/);
});

test('the layout ref is configurable: data then comes from it', async () => {
  const repo = docsRepo();
  const result = await prepare(project(repo, `layoutRef: 'v1.1.x', versions: ['v1.2.x', 'v1.1.x']`));
  assert.match(result.data!.pages['v1.2.x']!.find((p) => p.route === 'note/')!.html, /note from v1\.2\.x\s+and data from v1\.1\.x/);
  assert.equal(result.data!.latest, 'v1.2.x');
});

test('a problem in one branch is reported at <ref>:<file>:<line>, and so is the page in the site data', async () => {
  const repo = docsRepo();
  const result = await prepare(project(repo, ''));
  const text = format(result.diagnostics);
  assert.match(text, /v1\.1\.x:docs\/content\/only-old\.md:4:\d+: error: Unknown shortcode `nosuch`/);
  assert.doesNotMatch(text, /(main|v1\.2\.x):docs\/content\/only-old\.md/);
  const guide = result.data!.pages['v1.1.x']!.find((p) => p.route === 'guide/')!;
  assert.deepEqual([guide.ref, guide.sourceFile], ['v1.1.x', 'docs/content/guide.md']);
});

test("a file a message names is named as the repository has it, not by its place in our cache", async () => {
  const repo = docsRepo();
  git(repo, 'checkout', '--quiet', 'v1.1.x');
  writeFileSync(path.join(repo, 'docs/content/missing.md'), '---\ntitle: Missing\n---\n{{< readfile file="shared/none.txt" >}}\n');
  git(repo, 'add', '-A');
  git(repo, 'commit', '--quiet', '-m', 'reads a file that is not there');
  const text = format((await prepare(project(repo, ''))).diagnostics);
  assert.match(text, /v1\.1\.x:docs\/content\/missing\.md:4:\d+: .*Looked for docs\/content\/shared\/none\.txt/s);
  assert.doesNotMatch(text, /\.cache|snapshots/);
});

test('--versions and --latest override the file; a ref that does not exist is named with the refs that do', async () => {
  const repo = docsRepo();
  const config = project(repo, '');
  const overridden = await prepare(config, { git: { versions: ['v1.1.x', 'v1.2.x'], latest: 'v1.1.x' } });
  assert.deepEqual(overridden.data!.versions.map((v) => [v.id, v.status]), [['v1.1.x', 'latest'], ['v1.2.x', 'supported']]);

  const missing = await prepare(config, { git: { versions: ['v1.2.x', 'v9.9.x'] } });
  assert.equal(missing.data, undefined);
  const text = format(missing.diagnostics);
  assert.match(text, /Version `v9\.9\.x` is not a ref of/);
  assert.match(text, /Refs there: main, v1\.1\.x, v1\.2\.x/);

  // A name in active_versions.json that is no ref: reported at its line in that file.
  git(repo, 'checkout', '--quiet', 'main');
  writeFileSync(path.join(repo, 'docs/active_versions.json'), ACTIVE.replace('"v1.1.x",', '"v1.1.x", "v1.0.x"'));
  git(repo, 'commit', '--quiet', '-am', 'names a branch that is gone');
  const fromFile = await prepare(config);
  assert.match(format(fromFile.diagnostics), /main:docs\/active_versions\.json:8:15: error: Version `v1\.0\.x` is not a ref/);
});

test('a bundle is read without a checkout; a second build with no ref moved reads nothing from git and compiles nothing', async () => {
  const repo = docsRepo();
  const bundle = bundleOf(repo);
  const before = readdirSync(path.dirname(bundle));
  const config = project(repo, '');
  const first = await prepare(config, { repo: bundle });
  assert.deepEqual(first.data!.versions.map((v) => v.id), ['main', 'v1.2.x', 'v1.1.x']);
  assert.ok(first.branchStats!.blobsRead > 0);
  // Blobs are read once by id (guide.md, identical in the three branches, is one read): main's docs folder
  // (layouts, data, the Hugo config) and each branch's content/ and changelog/.
  const oids = (ref: string, folder: string) => git(repo, 'ls-tree', '-r', ref, '--', folder).split('\n').filter(Boolean).map((l) => ({ oid: l.split(/\s+/)[2]!, file: l.split('\t')[1]! }));
  const needed = [...oids('main', 'docs').filter((e) => !e.file.startsWith('docs/content/')), ...['v1.1.x', 'v1.2.x', 'main'].flatMap((b) => [...oids(b, 'docs/content'), ...oids(b, 'changelog')])];
  const distinct = new Set(needed.map((e) => e.oid)).size;
  assert.ok(distinct < needed.length);
  assert.equal(first.branchStats!.blobsRead, distinct);
  // Nothing is written beside the bundle (the bare repository is in our cache).
  assert.deepEqual(readdirSync(path.dirname(bundle)), before);
  assert.ok(existsSync(path.join(path.dirname(config), 'node_modules/.cache/versioned-docs/git/repos')));

  // A page identical in several branches is compiled once, unless a branch answers one of its questions
  // differently: refs.md looks pages up (v1.1.x's pages differ from main's; v1.2.x's are main's), note.md reads
  // a file each branch has its own text for; data.md reads the data folder, the same (main's) in every
  // snapshot. main: 6 compiled; v1.2.x: 5 from main's, note compiled; v1.1.x: _index, guide and data from
  // main's, note, refs and only-old compiled.
  const { times, ...counts } = first.compileStats!;
  assert.deepEqual(counts, { pages: 18, cached: 8, threads: 1 });
  assert.equal(Object.keys(times).length, 10, 'each compiled page is timed, named with its ref');

  const second = await prepare(config, { repo: bundle });
  // main's changelog folder is v1.2.x's (same tree): read once.
  assert.equal(first.branchStats!.changelogsRead, 2);
  assert.deepEqual(second.branchStats, { ...second.branchStats!, blobsRead: 0, snapshotsMade: 0, changelogsRead: 0, versionsReused: 3 });
  assert.equal(first.branchStats!.versionsReused, 0);
  assert.deepEqual(second.data, first.data);
  assert.deepEqual(second.diagnostics, first.diagnostics, "each version's problems are reported again");
  assert.equal(second.compileStats!.cached, second.compileStats!.pages);
});

test('after one branch moved, only its version is built again; the others are read back whole, the same', async () => {
  const repo = docsRepo();
  const config = project(repo, '');
  const spillDir = mkdtempSync(path.join(tmpdir(), 'spill-'));
  const first = await prepare(config);
  git(repo, 'checkout', '--quiet', 'v1.1.x');
  writeFileSync(path.join(repo, 'docs/content/guide.md'), '---\ntitle: Guide\nweight: 10\n---\n## Install\n\nChanged on v1.1.x only.\n');
  git(repo, 'commit', '--quiet', '-am', 'one page changed');
  // As a build asks: the pages' HTML stays on disk (src/engine/spill-html.ts).
  const second = await prepare(config, { spill: new HtmlSpill(spillDir) });
  assert.equal(second.branchStats!.versionsReused, 2, 'main and v1.2.x read back');
  assert.equal(second.compileStats!.pages - second.compileStats!.cached, 1, 'one page compiled');
  const html = (result: typeof first, id: string, route: string) => {
    const page = result.data!.pages[id]!.find((p) => p.route === route)!;
    return articleHtml(page);
  };
  assert.match(html(second, 'v1.1.x', 'guide/'), /Changed on v1\.1\.x only/);
  for (const id of ['main', 'v1.2.x', 'v1.1.x']) {
    for (const page of first.data!.pages[id]!) {
      if (id === 'v1.1.x' && page.route === 'guide/') continue;
      assert.equal(html(second, id, page.route), page.html, `${id}:${page.route} the same`);
    }
  }
  assert.deepEqual(second.diagnostics, first.diagnostics);
  // The config is part of every version: a change to it builds them all again.
  writeFileSync(config, readFileSync(config, 'utf8').replace("product: 'Demo'", "product: 'Demo 2'"));
  const third = await prepare(config);
  assert.equal(third.branchStats!.versionsReused, 0);
  rmSync(spillDir, { recursive: true, force: true });
});

test('a CI clone: branches that exist only as origin/<name> answer to their short name', () => {
  const repo = docsRepo();
  const clone = mkdtempSync(path.join(tmpdir(), 'git-clone-'));
  git(clone, 'clone', '--quiet', '--branch', 'main', repo, '.');
  const opened = GitRepo.open(clone, path.join(clone, 'cache-unused'));
  try {
    assert.equal(opened.resolve('v1.1.x'), git(repo, 'rev-parse', 'v1.1.x').trim());
    assert.equal(opened.resolve('origin/v1.2.x'), git(repo, 'rev-parse', 'v1.2.x').trim());
    assert.equal(opened.resolve('v9.9.x'), undefined);
    // A repository path is read in place: nothing is fetched into the cache.
    assert.ok(!existsSync(path.join(clone, 'cache-unused')));
  } finally {
    opened.close();
  }
});
