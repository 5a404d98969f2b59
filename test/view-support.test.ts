/** The supported-versions table: read from the config's data folder, checked against its schema, every problem at its line. */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { loadSupport, supportTable } from '../src/view/support.ts';
import { buildProject, tempProject } from './support/project.ts';

function load(yaml: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'arch-support-'));
  writeFileSync(path.join(dir, 'support.yaml'), yaml);
  return loadSupport(path.join(dir, 'support.yaml'), 'data/support.yaml');
}

const ROW = '  - minor: "1.17"\n    kubernetes: "1.25 - 1.29"\n    helm: "3.12"\n    envoy: "1.30"\n';

test('a valid table loads', () => {
  const { lines, diagnostics } = load(`lines:\n${ROW}`);
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(lines, [{ minor: '1.17', kubernetes: '1.25 - 1.29', helm: '3.12', envoy: '1.30' }]);
});

test('an unquoted version (a number) is an error at its line and column, with a hint', () => {
  const { lines, diagnostics } = load(`lines:\n${ROW}  - minor: 1.10\n    kubernetes: "1.2"\n    helm: "3"\n    envoy: "1"\n`);
  assert.equal(lines, undefined);
  assert.equal(diagnostics.length, 1);
  const [d] = diagnostics;
  assert.equal(d!.file, 'data/support.yaml');
  assert.deepEqual([d!.line, d!.column], [6, 12]);
  assert.match(d!.message, /`lines\[1\]\.minor`: expected string, received number/);
  assert.match(d!.hint!, /quoted/);
});

test('a misspelt key is named at the key, with the key it was meant to be', () => {
  const { diagnostics } = load(`lines:\n  - minor: "1.17"\n    kubernets: "1.25"\n    kubernetes: "1.25"\n    helm: "3"\n    envoy: "1"\n`);
  const [d] = diagnostics;
  assert.deepEqual([d!.line, d!.column], [3, 5]);
  assert.match(d!.message, /Unknown key `lines\[0\]\.kubernets`/);
  assert.match(d!.hint!, /Did you mean `kubernetes`\?/);
});

test('a missing field and a missing list are errors, not "internal error"', () => {
  const missing = load(`lines:\n  - minor: "1.17"\n    helm: "3"\n    envoy: "1"\n`).diagnostics;
  assert.match(missing[0]!.message, /`lines\[0\]\.kubernetes`: expected string, received undefined/);
  assert.equal(missing[0]!.line, 2);
  const none = load(`rows: []\n`).diagnostics;
  assert.ok(none.some((d) => /`lines`: expected array/.test(d.message)));
  assert.ok(none.some((d) => /Unknown key `rows`/.test(d.message) && d.line === 1));
});

test('a YAML syntax error is a diagnostic at its position', () => {
  const { diagnostics } = load(`lines:\n  - minor: "1.17\n`);
  assert.equal(diagnostics.length >= 1, true);
  assert.match(diagnostics[0]!.message, /YAML syntax/);
  assert.ok(diagnostics[0]!.line >= 2);
});

test('supportTable escapes what it shows and marks the page\'s own line', () => {
  const html = supportTable([{ minor: '1.17', kubernetes: '<1.25>', helm: 'a & b', envoy: '1.30' }], 'Gloo', '1.17');
  assert.match(html, /<td>&lt;1\.25>/);
  assert.match(html, /<td>a &amp; b<\/td>/);
  assert.match(html, /<tr aria-current="true"><th scope="row"><strong>1\.17<\/strong> \(this version\)<\/th>/);
});

test('the build reads support.yaml from the configured data folder, and fails with file:line on a bad one', async () => {
  const dir = tempProject({
    config: `data: 'site-data'`,
    files: { 'site-data/support.yaml': `lines:\n  - minor: 1.17\n    kubernetes: "1"\n    helm: "3"\n    envoy: "1"\n` },
  });
  const run = await buildProject(dir);
  assert.equal(run.code, 1);
  assert.match(run.stderr, /site-data\/support\.yaml:2:12/);
  assert.doesNotMatch(run.stderr, /internal error/i);
});
