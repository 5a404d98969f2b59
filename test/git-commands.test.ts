/**
 * `npm run render` and `npm run dev` with a config that has a `git` section: a page of the repository as a
 * version's ref has it, with that version's values; the dev server serving every version from the refs' git
 * objects, and its pages made again when a ref moves.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { NODE, REPO, runScript } from './support/project.ts';
import { git, gitRepo } from './support/git.ts';

const CHANGELOG = (version: string) =>
  `changelog:\n  - type: FIX\n    issueLink: https://github.com/solo-io/gloo/issues/1\n    resolvesIssue: false\n    description: A fix in ${version}.\n`;

function docsRepo(): string {
  return gitRepo([
    [
      'v1.1.x',
      {
        'docs/content/_index.md': '---\ntitle: Home\n---\nWelcome.\n',
        'docs/content/guide.md': '---\ntitle: Guide\n---\n## Install\n\nInstall {{< readfile file="static/content/version_geoss_latest.md" markdown="true" >}} from [home](/docs/latest/).\n',
        'docs/content/only-old.md': '---\ntitle: Old page\n---\nOnly in 1.1.\n',
        'docs/content/broken.md': '---\ntitle: Broken\n---\nText.\n\n{{< nosuch >}}\n',
        'changelog/v1.1.3/fix.yaml': CHANGELOG('1.1.3'),
      },
    ],
    ['v1.2.x', { 'docs/content/only-old.md': null, 'docs/content/new.md': '---\ntitle: New page\n---\nNew in 1.2.\n', 'changelog/v1.2.5/fix.yaml': CHANGELOG('1.2.5') }],
  ]);
}

function project(repo: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'git-commands-'));
  const file = path.join(dir, 'docs.config.ts');
  writeFileSync(
    file,
    `import { defineConfig } from ${JSON.stringify(path.join(REPO, 'src/config/define.ts'))};\n` +
      `export default defineConfig({ base: '/docs/', product: 'Demo', outDir: 'dist',\n` +
      `  git: { repo: ${JSON.stringify(repo)}, layoutRef: 'v1.2.x', versions: ['v1.2.x', 'v1.1.x'] } });\n`,
  );
  return file;
}

test('render: a page as a version\'s ref has it, with that version\'s values; missing files and versions named', { timeout: 120_000 }, async () => {
  const repo = docsRepo();
  const config = project(repo);
  const render = (...args: string[]) => runScript('src/cli/render.ts', [...args, '--config', config], 60_000);

  const old = await render('docs/content/guide.md', '--version', 'v1.1.x');
  assert.equal(old.code, 0, old.stderr);
  assert.match(old.stdout, /Install\s+1\.1\.3 from <a href="\/docs\/latest\/">/);
  // The latest version by default, its own value; a path inside the docs folder works too.
  const latest = await render('content/guide.md');
  assert.equal(latest.code, 0, latest.stderr);
  assert.match(latest.stdout, /Install\s+1\.2\.5/);
  // A checkout's file on disk (the repository is a clone here) is read from the ref, not from the disk.
  writeFileSync(path.join(repo, 'docs/content/new.md'), '---\ntitle: New page\n---\nUncommitted text.\n');
  const fromDisk = await render(path.join(repo, 'docs/content/new.md'));
  assert.equal(fromDisk.code, 0, fromDisk.stderr);
  assert.match(fromDisk.stdout, /New in 1\.2\./);

  const gone = await render('docs/content/only-old.md');
  assert.equal(gone.code, 1);
  assert.match(gone.stderr, /v1\.2\.x:docs\/content\/only-old\.md: error: v1\.2\.x has no file `docs\/content\/only-old\.md`/);
  const unknown = await render('docs/content/guide.md', '--version', 'v9.9.x');
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /No docs version v9\.9\.x .*\n.*hint: Versions: v1\.2\.x, v1\.1\.x\./);
  const broken = await render('docs/content/broken.md', '--version', 'v1.1.x');
  assert.equal(broken.code, 1);
  assert.match(broken.stderr, /^\s*v1\.1\.x:docs\/content\/broken\.md:6:1: error: Unknown shortcode `nosuch`/m);
});

let child: ChildProcess | undefined;
after(() => child?.kill());

test('dev: every version served from the refs\' git objects; a commit on a branch shows without a restart', { timeout: 240_000 }, async () => {
  const repo = docsRepo();
  const config = project(repo);
  child = spawn(NODE, [path.join(REPO, 'src/cli/dev.ts'), '--config', config], { cwd: REPO, env: { ...process.env, PORT: '0', NODE_DEBUG: '', NO_COLOR: '1' } });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const waitFor = async (pattern: RegExp, from = 0) => {
    for (let i = 0; i < 1200; i++) {
      const m = pattern.exec(out.slice(from).replace(/\u001b\[[0-9;]*m/g, ''));
      if (m) return m;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`dev server: no ${pattern} in\n${out}`);
  };
  const origin = (await waitFor(/Local\s+(http:\/\/localhost:\d+)\//))[1]!;
  const get = async (p: string) => {
    const response = await fetch(`${origin}${p}`);
    return { status: response.status, body: await response.text() };
  };

  const latestGuide = await get('/docs/latest/guide/');
  assert.equal(latestGuide.status, 200);
  assert.match(latestGuide.body, /Install\s+1\.2\.5/);
  const oldPage = await get('/docs/v1.1.x/only-old/');
  assert.equal(oldPage.status, 200);
  assert.match(oldPage.body, /Only in 1\.1\./);
  assert.match((await get('/docs/v1.1.x/guide/')).body, /Install\s+1\.1\.3/);
  assert.match((await get('/docs/latest/new/')).body, /New in 1\.2\./);

  // A commit moves v1.2.x: the site data is made again from the new ref.
  const mark = out.length;
  git(repo, 'checkout', '--quiet', 'v1.2.x');
  writeFileSync(path.join(repo, 'docs/content/new.md'), '---\ntitle: New page\n---\nEdited on the branch.\n');
  git(repo, 'commit', '--quiet', '-am', 'edit');
  await waitFor(/Site data regenerated|error:/, mark);
  let body = '';
  for (let i = 0; i < 100 && !/Edited on the branch/.test(body); i++) {
    body = (await get('/docs/latest/new/')).body;
    if (!/Edited on the branch/.test(body)) await new Promise((r) => setTimeout(r, 200));
  }
  assert.match(body, /Edited on the branch\./);
});
