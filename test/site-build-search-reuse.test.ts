/**
 * The search bundle of a version fed the same documents is copied from the previous output instead of
 * indexed again (src/integration/search-index.ts, src/engine/search-record.ts): `npm run build` on a
 * small repository's branches, one change at a time. A copied bundle is byte for byte what a cold build
 * writes, and finds the same pages; a bundle changed in the output since is not trusted.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { buildProject, REPO, runScript, snapshot, tempProject, writeText } from './support/project.ts';
import { git, gitRepo } from './support/git.ts';
import { HAVE_CHROMIUM, launchChromium } from './support/browser.ts';
import { serveStatic } from '../src/cli/serve.ts';

const VERSIONS = ['v1.3.x', 'v1.2.x', 'v1.1.x'];
const page = (title: string, text: string) => `---\ntitle: ${title}\n---\n## Overview\n\n${text}\n`;
const repo = gitRepo(
  VERSIONS.toReversed().map((v) => [
    v,
    {
      'docs/content/_index.md': page('Home', `Welcome to release ${v}.`),
      'docs/content/guide.md': page('Guide', `Install the gateway with helm for ${v}.`),
      'docs/content/reference.md': page('Reference', 'Every flag of the command line, explained.'),
    },
  ]),
);
const project = mkdtempSync(path.join(tmpdir(), 'search-reuse-'));
after(() => rmSync(project, { recursive: true, force: true }));
after(() => rmSync(repo, { recursive: true, force: true }));
writeFileSync(
  path.join(project, 'docs.config.ts'),
  `import { defineConfig } from ${JSON.stringify(path.join(REPO, 'src/config/define.ts'))};\n` +
    `export default defineConfig({ base: '/docs/', product: 'Demo', outDir: 'dist', git: { repo: 'nowhere', layoutRef: 'v1.3.x', versions: ${JSON.stringify(VERSIONS)} } });\n`,
);

/** `npm run build --verbose` into `out` (relative to the project): its search line. */
async function build(out: string, extra: string[] = []): Promise<string> {
  const run = await runScript('src/cli/build.ts', ['--config', path.join(project, 'docs.config.ts'), '--repo', repo, '--out', path.join(project, out), '--verbose', ...extra], 240_000);
  assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
  if (/^Built .*\(up to date: /m.test(run.stdout)) return 'up to date';
  const line = /^ {2}search: .*$/m.exec(run.stdout)?.[0];
  assert.ok(line, run.stdout);
  // Less the time, which varies.
  return line.trim().replace(/; [\d.]+ s .*$/, '');
}

/** Commits new text for `file` on `branch`. */
function change(branch: string, file: string, text: string): void {
  git(repo, 'checkout', '--quiet', branch);
  writeFileSync(path.join(repo, file), text);
  git(repo, 'commit', '--quiet', '-am', `change ${file} on ${branch}`);
}

/** Every file of every search bundle of an output, with its hash. */
function bundles(out: string): Map<string, string> {
  return new Map([...snapshot(path.join(project, out))].filter(([file]) => file.includes('/pagefind/')));
}

/** The URLs and excerpts each bundle finds for `term`, searched with Pagefind's own script in Chromium. */
async function searchAll(out: string, term: string): Promise<Record<string, string[]>> {
  const server = await serveStatic(path.join(project, out));
  const browser = await launchChromium();
  try {
    const tab = await browser.newPage();
    await tab.goto(`${server.origin}/docs/latest/`);
    const found: Record<string, string[]> = {};
    for (const prefix of ['latest', 'v1.2.x', 'v1.1.x']) {
      found[prefix] = await tab.evaluate(
        async ([bundle, query]) => {
          const pagefind = await import(`${bundle}pagefind.js`);
          await pagefind.init?.();
          const { results } = await pagefind.search(query);
          return Promise.all(results.map(async (r: { data(): Promise<{ url: string; excerpt: string }> }) => `${(await r.data()).url} ${(await r.data()).excerpt}`));
        },
        [`/docs/${prefix}/pagefind/`, term] as const,
      );
    }
    return found;
  } finally {
    await browser.close();
    await server.close();
  }
}

test('a change in one version indexes that version only; the copied bundles are what a cold build writes', { timeout: 1_200_000 }, async (t) => {
  assert.equal(await build('dist'), 'search: 3 versions indexed, 0 copied from the previous output', 'the first build indexes every version');
  const first = bundles('dist');
  assert.equal(await build('dist'), 'up to date', 'nothing changed: the output is kept, nothing indexed');
  assert.deepEqual(bundles('dist'), first);

  change('v1.2.x', 'docs/content/guide.md', page('Guide', 'Install the gateway with helm, then upgrade it with canary releases.'));
  assert.equal(await build('dist'), 'search: 1 version indexed (v1.2.x), 2 copied from the previous output (v1.3.x, v1.1.x)');
  // The same refs built cold, into an output of its own (its own work folder: no record, nothing to copy).
  assert.equal(await build('cold'), 'search: 3 versions indexed, 0 copied from the previous output');
  const warm = bundles('dist');
  const cold = new Map([...bundles('cold')]);
  assert.deepEqual(warm, cold, 'every bundle file byte-identical to the cold build\'s');
  assert.notDeepEqual(
    [...warm].filter(([f]) => f.startsWith('docs/v1.2.x/')),
    [...first].filter(([f]) => f.startsWith('docs/v1.2.x/')),
    'the changed version has a new bundle',
  );
  if (!HAVE_CHROMIUM) t.diagnostic('Chromium missing: the search results are not compared');
  else {
    for (const term of ['canary', 'flag', 'welcome']) assert.deepEqual(await searchAll('dist', term), await searchAll('cold', term), term);
    assert.match((await searchAll('dist', 'canary'))['v1.2.x']!.join('\n'), /\/docs\/v1\.2\.x\/guide\//, 'the changed page is found in its version');
  }

  for (const v of VERSIONS) change(v, 'docs/content/reference.md', page('Reference', `Every flag of ${v}.`));
  assert.equal(await build('dist'), 'search: 3 versions indexed, 0 copied from the previous output', 'a change in every version indexes all');
});

test('a bundle changed in the output since it was recorded is indexed again; --no-cache indexes everything', { timeout: 1_200_000 }, async () => {
  await build('tamper');
  const recorded = bundles('tamper');
  const entry = path.join(project, 'tamper/docs/v1.1.x/pagefind/pagefind-entry.json');
  writeFileSync(entry, '{}');
  assert.equal(await build('tamper'), 'search: 1 version indexed (v1.1.x), 2 copied from the previous output (v1.3.x, v1.2.x)');
  assert.deepEqual(bundles('tamper'), recorded, 'indexed again: the bytes Pagefind writes');
  assert.equal(await build('tamper', ['--no-cache']), 'search: 3 versions indexed, 0 copied from the previous output');
});

test('a site served under latest/ and its versions\' ids (one content tree): a rebuild with no page changed copies every bundle, latest/ included', { timeout: 600_000 }, async () => {
  const dir = tempProject({ config: 'versions: { newest: 2 }' });
  after(() => rmSync(dir, { recursive: true, force: true }));
  const searchLine = async () => {
    const run = await buildProject(dir, ['--verbose']);
    assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
    return /^ {2}search: (.*?);/m.exec(run.stdout)?.[1];
  };
  const cold = await searchLine();
  const versions = /^(\d+) versions indexed, 0 copied from the previous output$/.exec(cold ?? '')?.[1];
  assert.ok(versions && Number(versions) >= 2, cold);
  const pagefind = () => new Map([...snapshot(path.join(dir, 'dist'))].filter(([file]) => file.includes('/pagefind/')));
  const first = pagefind();
  assert.ok([...first.keys()].some((f) => f.startsWith('gloo-edge/latest/pagefind/')), 'latest/ has its bundle');
  // A published file is new, no page changed (with nothing changed at all, the output would be kept as it is).
  writeText(dir, 'content/notes.txt', 'Notes.\n');
  assert.equal(await searchLine(), `0 versions indexed, ${versions} copied from the previous output`);
  assert.deepEqual(pagefind(), first);
});
