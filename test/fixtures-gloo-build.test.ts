/**
 * `npm run build -- --config <file>` on another tree: the real Gloo 1.15
 * fixture, with a config in a folder of its own (every path in it relative
 * to that folder). Without any changelog, the versions come from
 * `versions.include` and the values from the tree's snippet files; with an
 * open source changelog only, no enterprise page is made.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { prepare } from '../src/engine/build.ts';
import { loadConfig } from '../src/config/load.ts';
import { hasErrors } from '../src/util/diagnostics.ts';
import { FIXTURES, REPO } from './support/pipeline.ts';

const TREE = path.join(FIXTURES, 'gloo-docs-v1.15.x');

/** A config file in a fresh folder; paths written relative to that folder. */
function writeConfig(fields: (rel: (p: string) => string) => Record<string, unknown>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'gloo-config-'));
  const rel = (p: string) => path.relative(dir, p).split(path.sep).join('/');
  const file = path.join(dir, 'docs.config.ts');
  writeFileSync(file, `export default ${JSON.stringify(fields(rel), null, 2)};\n`);
  return file;
}

const common = (rel: (p: string) => string) => ({
  root: rel(TREE),
  content: rel(TREE),
  snippets: rel(path.join(TREE, 'static/content')),
  versions: { include: ['v1.15.x'] },
  // Pages the fixture links to that it does not ship (it is one folder of the docs).
  knownExternal: ['/installation', '/guides', '/reference', '/operations/advanced', '/operations/production_deployment', '/operations/debugging_gloo', '/static'],
  outDir: 'site',
});

test('no changelog at all: versions from the config, values from the tree\'s snippet files, no error, one warning', async () => {
  const config = writeConfig((rel) => ({ ...common(rel), changelog: { open_source: [], enterprise: [] } }));
  const result = await prepare(await loadConfig(config));
  // The one warning: the FAQ tells readers to select v1.14.x, which this one-version site does not carry (src/markdown/version-mentions.ts).
  assert.deepEqual(result.diagnostics.map((d) => [d.severity, d.file.replace(/.*\/operations\//, 'operations/'), d.line, d.message.replace(/ \(.*/, '')]), [
    ['warning', 'operations/upgrading/faq.md', 21, 'The page tells readers to select v1.14.x in the version menu, which does not offer it'],
  ]);
  const data = result.data!;
  assert.deepEqual(data.versions.map((v) => [v.id, v.status]), [['v1.15.x', 'latest']]);
  assert.equal(data.versions[0]!.values.geoss_latest, '1.15.33');
  assert.equal(data.versions[0]!.values.gee_latest, '1.15.22');
  assert.deepEqual(data.pages['v1.15.x']!.map((p) => p.route), ['operations/upgrading/', 'operations/upgrading/canary/', 'operations/upgrading/faq/', 'operations/upgrading/upgrade_steps/']);
});

test('an open source changelog only: values derived from it (pins still win), no enterprise changelog page', async () => {
  const config = writeConfig((rel) => ({
    ...common(rel),
    changelog: { open_source: [rel(path.join(FIXTURES, 'gloo-changelog-v1.17.x'))], enterprise: [] },
    strictChangelog: false,
  }));
  const result = await prepare(await loadConfig(config), { lenient: true });
  assert.ok(!hasErrors(result.diagnostics), result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message).join('\n'));
  const routes = result.data!.pages['v1.15.x']!.map((p) => p.route);
  assert.ok(routes.includes('reference/changelog/open_source/'));
  assert.ok(!routes.includes('reference/changelog/enterprise/'));
  assert.equal(result.data!.versions[0]!.values.geoss_latest, '1.15.33', 'the pinned snippet file wins');
});

test('npm run build -- --config <file> builds the fixture tree into the config\'s folder', { timeout: 180_000 }, async () => {
  const config = writeConfig((rel) => ({ ...common(rel), changelog: { open_source: [], enterprise: [] } }));
  const node = path.join(REPO, 'node_modules/.bin/node');
  const { stdout, stderr } = await promisify(execFile)(node, ['src/cli/build.ts', '--config', config], { cwd: REPO, maxBuffer: 1 << 24 }).catch((e: { stdout: string; stderr: string }) => {
    assert.fail(`build failed:\n${e.stderr}\n${e.stdout}`);
  });
  assert.match(stdout, /Built \d+ pages in 1 docs versions/, stderr);
  const out = path.join(path.dirname(config), 'site/gloo-edge');
  for (const prefix of ['v1.15.x', 'latest']) {
    for (const route of ['operations/upgrading/', 'operations/upgrading/canary/', 'operations/upgrading/faq/', 'operations/upgrading/upgrade_steps/']) {
      assert.ok(existsSync(path.join(out, prefix, route, 'index.html')), `${prefix}/${route}`);
    }
  }
  const section = readFileSync(path.join(out, 'v1.15.x/operations/upgrading/index.html'), 'utf8');
  assert.match(section, /<ul class="children">/);
  assert.match(section, /href="\/gloo-edge\/v1\.15\.x\/operations\/upgrading\/canary\/"/);
  assert.doesNotMatch(readFileSync(path.join(out, 'v1.15.x/operations/upgrading/canary/index.html'), 'utf8'), /\{\{[<%]/);
});
