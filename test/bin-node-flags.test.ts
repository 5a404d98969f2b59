/**
 * `npm run build` starts Node with the build's heap growth (docs/performance.md); the bench and the
 * `versioned-docs` command read the flags from that one script, and Node must accept them.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { packageNodeFlags } from '../bin/node-flags.js';

const REPO = path.resolve(import.meta.dirname, '..');

test("the build's Node flags come from package.json's build script, and Node accepts them", () => {
  const script = (JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.build!;
  const flags = packageNodeFlags('build');
  assert.ok(flags.some((f) => f.startsWith('--heap-growing-percent=')), script);
  assert.equal(script, `node ${flags.join(' ')} src/cli/build.ts`);
  const run = spawnSync(process.execPath, [...flags, '-e', 'process.exit(0)'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(packageNodeFlags('render'), [], 'a script without flags');
  const bad = spawnSync(process.execPath, ['--heap-growing-percentt=20', '-e', 'process.exit(0)'], { encoding: 'utf8' });
  assert.notEqual(bad.status, 0, 'a misspelt flag stops Node: the check above means something');
});
