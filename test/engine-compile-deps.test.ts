/** src/engine/compile-deps.ts directly: a compiled page is reused in another tree only when that tree answers the same. */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { depsHold, recordingEnv } from '../src/engine/compile-deps.ts';
import type { CompileEnv } from '../src/markdown/compile.ts';
import { DataFiles } from '../src/markdown/data-files.ts';
import { DocsRoot } from '../src/markdown/docs-root.ts';
import { docsRoot } from './support/pipeline.ts';

function env(files: Record<string, string>): CompileEnv {
  const dir = docsRoot(files);
  return { root: new DocsRoot(dir), data: new DataFiles(path.join(dir, 'data')) } as unknown as CompileEnv;
}

const files = {
  'static/content/snippet.md': 'Install with helm.',
  'data/ProtoMap.yaml': 'a: 1\n',
};

test('the questions a compile asked are recorded, sorted, with the answers passed through unchanged', () => {
  const base = env(files);
  const { env: rec, deps } = recordingEnv(base);
  const r = rec.root.read('static/content/snippet.md');
  assert.deepEqual(r, { ok: true, text: 'Install with helm.' });
  const d = rec.data!.get('ProtoMap');
  assert.ok(d.ok);
  assert.deepEqual(d.value, { a: 1 });
  rec.root.read('static/content/snippet.md');
  assert.deepEqual(deps().map(([q]) => q), ['data\0ProtoMap', 'read\0static/content/snippet.md']);
  assert.ok(deps().every(([, h]) => typeof h === 'string' && h.length > 0));
});

test('another tree with the same files (another folder) keeps the page; a changed or missing file does not', () => {
  const { env: rec, deps } = recordingEnv(env(files));
  rec.root.read('static/content/snippet.md');
  rec.data!.get('ProtoMap');
  rec.root.read('static/content/missing.md'); // these messages name the folder (relative, absolute): still the same answer elsewhere
  rec.root.read('C:\\x.md');
  rec.data!.get('Missing');
  const recorded = deps();
  assert.equal(depsHold(recorded, env(files)), true);
  assert.equal(depsHold(recorded, env({ ...files, 'static/content/snippet.md': 'Install with glooctl.' })), false);
  assert.equal(depsHold(recorded, env({ ...files, 'data/ProtoMap.yaml': 'a: 2\n' })), false);
  assert.equal(depsHold(recorded, env({ 'data/ProtoMap.yaml': 'a: 1\n' })), false);
  assert.equal(depsHold(recorded, env({ ...files, 'static/content/missing.md': 'now here' })), false);
});

test('a page that asked nothing holds everywhere; a file it never read may change', () => {
  assert.equal(depsHold([], env({})), true);
  const { env: rec, deps } = recordingEnv(env({ ...files, 'other.md': 'x' }));
  rec.root.read('static/content/snippet.md');
  assert.equal(depsHold(deps(), env({ ...files, 'other.md': 'changed' })), true);
});
