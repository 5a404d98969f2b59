/**
 * The whole Gloo Edge site from the bundle's release branches in one command
 * (examples/gloo-edge.config.ts, which replaces Gloo's build-docs.sh): every
 * version from its own ref, with nothing but the committed link baseline;
 * every version menu entry of every page leads to a page that exists; the
 * host's redirect rules are written.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { NODE, REPO } from './support/project.ts';
import { NEEDS_SHARED } from './support/shared.ts';

const temp = mkdtempSync(path.join(tmpdir(), 'gloo-edge-'));
after(() => rmSync(temp, { recursive: true, force: true }));

test('examples/gloo-edge.config.ts builds the four branches into one site; every version menu entry resolves', { skip: NEEDS_SHARED, timeout: 1_200_000 }, () => {
  const out = path.join(temp, 'site');
  const run = spawnSync(
    NODE,
    [path.join(REPO, 'src/cli/build.ts'), '--config', 'examples/gloo-edge.config.ts', '--out', out, '--link-baseline', 'examples/gloo-edge.links.tsv'],
    { cwd: REPO, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '', NODE_DEBUG: '' } },
  );
  assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
  assert.match(run.stdout, /Built \d{4} pages in 4 docs versions/);
  assert.doesNotMatch(run.stderr, /error:/);

  const site = path.join(out, 'gloo-edge');
  for (const prefix of ['latest', 'main', 'v1.16.x', 'v1.15.x', 'v1.14.x']) assert.ok(existsSync(path.join(site, prefix, 'index.html')), `${prefix}/ has a home page`);
  const firebase = JSON.parse(readFileSync(path.join(out, 'firebase.json'), 'utf8')) as { hosting: { redirects: { source: string; destination: string }[]; rewrites: unknown[] } };
  assert.ok(firebase.hosting.redirects.length >= 40 && firebase.hosting.rewrites.length === 2, 'firebase.json carries the config\'s rules');
  // The latest version (v1.16.x) is published once, under latest/, as build-docs.sh does; its id redirects there.
  assert.deepEqual(firebase.hosting.redirects[0], { source: '/gloo-edge/v1.16.x/:path*', destination: '/gloo-edge/latest/:path*', type: 301 });
  assert.match(readFileSync(path.join(site, 'v1.16.x/installation/index.html'), 'utf8'), /<meta http-equiv="refresh" content="0; url=\/gloo-edge\/latest\/installation\/">/);
  assert.ok(!existsSync(path.join(site, 'v1.16.x/pagefind')) && existsSync(path.join(site, 'latest/pagefind')), 'one search bundle for the latest version');
  assert.match(readFileSync(path.join(out, '_redirects'), 'utf8'), /^\/gloo-edge\/:version\/changelog\/ \/gloo-edge\/:version\/reference\/changelog\/ 301$/m);

  // Every page's version menu: each entry is a page of the site (the dropdown never 404s).
  const missing = new Set<string>();
  let entries = 0;
  for (const file of readdirSync(site, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('index.html')) continue;
    const html = readFileSync(path.join(site, file), 'utf8');
    const menu = /<details class="version-menu"[\s\S]*?<\/details>/.exec(html)?.[0];
    if (!menu) continue;
    for (const m of menu.matchAll(/<a href="([^"#?]+)[^"]*"/g)) {
      entries++;
      const target = path.join(out, decodeURI(m[1]!), 'index.html');
      if (!existsSync(target)) missing.add(`${file} → ${m[1]}`);
    }
  }
  assert.ok(entries > 5_000, `version menu entries checked: ${entries}`);
  assert.deepEqual([...missing].slice(0, 10), []);
});
