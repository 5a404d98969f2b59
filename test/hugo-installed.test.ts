/**
 * A docs team's way in: `npm pack` this package, install the tarball into a
 * fresh folder (as a team's repository would), and run
 * `versioned-docs build --hugo docs` there on a Hugo docs folder of our own.
 * The command starts on any Node (the system one here is older), runs on
 * the Node 22 the package depends on, and Astro builds inside the installed
 * package. Slow (an `npm install` of the whole dependency tree, from the
 * local npm cache when it has it): one test.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { REPO } from './support/pipeline.ts';
import { hugoRepo } from './support/hugo.ts';

const run = promisify(execFile);

test('the packed package, installed in another folder, builds a Hugo docs folder with `versioned-docs build --hugo docs`', { timeout: 900_000 }, async () => {
  const where = mkdtempSync(path.join(tmpdir(), 'versioned-docs-pack-'));
  await run('npm', ['pack', '--pack-destination', where], { cwd: REPO });
  const tarball = readdirSync(where).find((f) => f.endsWith('.tgz'));
  assert.ok(tarball, 'npm pack wrote a tarball');

  const repo = hugoRepo();
  // The team's own package.json: the install scripts of Node and esbuild allowed, as in ours.
  writeFileSync(path.join(repo, 'package.json'), JSON.stringify({ name: 'team-docs', private: true, allowScripts: { node: true, esbuild: true } }));
  await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', path.join(where, tarball)], { cwd: repo, maxBuffer: 64 * 1024 * 1024 });
  const bin = path.join(repo, 'node_modules', '.bin', 'versioned-docs');
  assert.ok(existsSync(bin), 'the bin entry is linked');

  // Started by the system's `node` through the bin's shebang, whatever its version.
  const { stdout } = await run(bin, ['build', '--hugo', 'docs', '--lenient'], { cwd: repo, maxBuffer: 64 * 1024 * 1024 });
  assert.match(stdout, /Built \d+ pages in 1 docs versions into dist/);
  const page = readFileSync(path.join(repo, 'dist', 'example', 'v1.2.x', 'guides', 'api', 'github.com', 'acme', 'upstream.proto.sk', 'index.html'), 'utf8');
  assert.match(page, /<h1[^>]*>upstream\.proto<\/h1>/);
  assert.match(page, /class="site-title"[^>]*><img class="site-logo" src="\/example\/v1\.2\.x\/img\/logo\.png"[^>]*>Example Docs</);
  assert.ok(existsSync(path.join(repo, 'dist', 'example', 'v1.2.x', 'img', 'logo.png')), 'content/img is published');
  assert.ok(!existsSync(path.join(repo, 'docs', 'dist')) && !existsSync(path.join(repo, 'docs', '.build')), 'nothing written into the docs folder');

  const usage = await run(bin, ['nonsense']).catch((e: { code: number; stderr: string }) => e);
  assert.equal((usage as { code: number }).code, 2);
  assert.match((usage as { stderr: string }).stderr, /versioned-docs build --hugo docs/);
});
