/** src/markdown/data-files.ts directly: Hugo's data/ folder as shortcodes read it. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { DataFiles } from '../src/markdown/data-files.ts';
import { docsRoot } from './support/pipeline.ts';

const dir = docsRoot({
  'data/ProtoMap.yaml': 'gloo.solo.io.Upstream:\n  relativepath: reference/upstream\n',
  'data/versions.yml': '- 1.17\n',
  'data/support.json': '{"rows": [1, 2]}',
  'data/broken.yaml': 'a: [1, 2\n',
  'data/both.yaml': 'from: yaml\n',
  'data/both.json': '{"from": "json"}',
});
execFileSync('mkfifo', [path.join(dir, 'data', 'pipe.yaml')]);
const data = new DataFiles(path.join(dir, 'data'));

test('YAML, .yml and JSON files are read by base name, with the file they came from', () => {
  const proto = data.get('ProtoMap');
  assert.ok(proto.ok);
  assert.deepEqual(proto.value, { 'gloo.solo.io.Upstream': { relativepath: 'reference/upstream' } });
  assert.ok(proto.file.endsWith(path.join('data', 'ProtoMap.yaml')), proto.file);
  assert.deepEqual(data.get('versions'), { ok: true, value: [1.17], file: path.relative(process.cwd(), path.join(dir, 'data', 'versions.yml')) });
  const json = data.get('support');
  assert.ok(json.ok);
  assert.deepEqual(json.value, { rows: [1, 2] });
});

test('.yaml is preferred over .json when both exist', () => {
  const r = data.get('both');
  assert.ok(r.ok);
  assert.deepEqual(r.value, { from: 'yaml' });
});

test('a missing file, a bad name, a syntax error and a FIFO are messages with hints, never exceptions', () => {
  const missing = data.get('Nope');
  assert.ok(!missing.ok);
  assert.match(missing.message, /Data file `Nope` not found in .*data\//);
  assert.match(missing.hint, /Nope\.yaml/);
  const bad = data.get('../secret');
  assert.ok(!bad.ok);
  assert.match(bad.message, /is not a data file name/);
  const broken = data.get('broken');
  assert.ok(!broken.ok);
  assert.match(broken.message, /broken\.yaml cannot be parsed/);
  assert.match(broken.hint, /syntax/);
  const pipe = data.get('pipe');
  assert.ok(!pipe.ok);
  assert.match(pipe.message, /is a FIFO \(named pipe\), not a regular file/);
});

test('a site without a data folder says how to name one', () => {
  const none = new DataFiles(undefined).get('ProtoMap');
  assert.ok(!none.ok);
  assert.match(none.message, /No data folder/);
  assert.match(none.hint, /data: "data"/);
  assert.equal(new DataFiles(undefined).dir, undefined);
});
