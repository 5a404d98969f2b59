/** The site config's schema: an unknown key, a wrong type or an out-of-range value is a diagnostic at the key, with a hint. */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { DEFAULTS } from '../src/config/define.ts';
import { loadConfig, locateKey } from '../src/config/load.ts';
import { DiagnosticsError, type Diagnostic } from '../src/util/diagnostics.ts';
import { buildProject, REPO } from './support/project.ts';

const DEFINE = JSON.stringify(path.join(REPO, 'src/config/define.ts'));

/** Writes a config whose body is `fields` and returns what loading it reports. */
async function problems(fields: string): Promise<Diagnostic[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'arch-config-'));
  writeFileSync(path.join(dir, 'docs.config.ts'), `import { defineConfig } from ${DEFINE};\n\nexport default defineConfig({\n${fields}\n});\n`);
  try {
    await loadConfig('docs.config.ts', dir);
  } catch (e) {
    assert.ok(e instanceof DiagnosticsError, `a DiagnosticsError, not ${String(e)}`);
    return e.diagnostics;
  }
  return [];
}

test('a misspelt key is an error at its line, with the key it was meant to be', async () => {
  const [d, ...rest] = await problems(`  product: 'Gloo',\n  baes: '/docs/',`);
  assert.equal(rest.length, 0);
  assert.equal(d!.file, 'docs.config.ts');
  assert.deepEqual([d!.line, d!.column], [5, 3]);
  assert.match(d!.message, /Unknown config key `baes`/);
  assert.match(d!.hint!, /Did you mean `base`\?/);
});

test('a misspelt nested key is named with its path', async () => {
  const [d] = await problems(`  changelog: {\n    open_sorce: ['changelog/oss'],\n  },`);
  assert.match(d!.message, /`changelog\.open_sorce`/);
  assert.match(d!.hint!, /`open_source`/);
  assert.deepEqual([d!.line, d!.column], [5, 5]);
});

test('an unknown key nothing is close to lists the known keys', async () => {
  const [d] = await problems(`  colour: 'blue',`);
  assert.match(d!.hint!, /Known keys: root, content, snippets, changelog, base/);
});

test('a number written as a string is a type error at the key, never accepted', async () => {
  const [d] = await problems(`  versions: { newest: "4" },`);
  assert.match(d!.message, /`versions\.newest`: expected number, received string/);
  assert.deepEqual([d!.line, d!.column], [4, 15]);
  assert.match(d!.hint!, /whole number of at least 1/);
});

test('ranges are checked', async () => {
  const [zero] = await problems(`  versions: { newest: 0 },`);
  assert.match(zero!.message, /`versions\.newest`: Too small/i);
  const [base] = await problems(`  base: 'docs',`);
  assert.match(base!.message, /`base`: must start and end with "\/"/);
  const [external] = await problems(`  knownExternal: ['operations/'],`);
  assert.match(external!.message, /`knownExternal\[0\]`: must start with "\/"/);
  assert.equal(external!.line, 4);
});

test('a folder list given as one string is a type error, not "internal error … map is not a function"', async () => {
  const [d] = await problems(`  changelog: { open_source: 'changelog/open_source' },`);
  assert.match(d!.message, /`changelog\.open_source`: expected array, received string/);
  assert.match(d!.hint!, /\['changelog\/open_source'\]/);
});

test('every problem is reported, not only the first', async () => {
  const found = await problems(`  baes: '/x/',\n  outDir: 3,\n  strictChangelog: 'yes',`);
  assert.deepEqual(found.map((d) => d.line).sort(), [4, 5, 6]);
});

test('a valid config gets the defaults for what it leaves out', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'arch-config-'));
  writeFileSync(path.join(dir, 'docs.config.ts'), `export default { product: 'X', versions: { newest: 2 } };\n`);
  const { config } = await loadConfig('docs.config.ts', dir);
  assert.deepEqual(config, { ...DEFAULTS, product: 'X', versions: { newest: 2 } });
});

test('locateKey: a key after its parent, quoted or not; line 0 when it is not written', () => {
  const source = `const a = { base: 1 };\nexport default {\n  "versions": {\n    newest: 2 },\n  base: '/',\n};\n`;
  assert.deepEqual(locateKey(source, ['versions', 'newest']), { line: 4, column: 5 });
  assert.deepEqual(locateKey(source, ['base']), { line: 5, column: 3 });
  assert.deepEqual(locateKey(source, ['product']), { line: 0, column: 0 });
});

test('npm run build with a bad config: file:line:column and a hint, exit code 1, no stack trace', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'arch-config-'));
  writeFileSync(path.join(dir, 'docs.config.ts'), `export default {\n  versions: { newest: '4' },\n};\n`);
  const run = await buildProject(dir);
  assert.equal(run.code, 1);
  assert.match(run.stderr, /docs\.config\.ts:2:15/);
  assert.match(run.stderr, /expected number, received string/);
  assert.doesNotMatch(run.stderr, /internal error|\n\s+at /i);
});
