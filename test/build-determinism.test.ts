/**
 * Atomic and deterministic builds, through `npm run build`: the sample built
 * twice gives byte-identical output; a build that fails (in the sources, or
 * in the link check after Astro ran) leaves the previous output untouched.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { buildProject, readText, snapshot, STACK_TRACE, tempProject, writeText, type RunResult } from './support/project.ts';

const dir = tempProject({ config: 'versions: { newest: 2 }' });
after(() => rmSync(dir, { recursive: true, force: true }));

let first: RunResult;
let second: RunResult;
before(async () => {
  first = await buildProject(dir, ['--out', path.join(dir, 'out-a')]);
  second = await buildProject(dir, ['--out', path.join(dir, 'out-b')]);
});

test('the sample builds, link check included, and says what it checked', () => {
  for (const run of [first, second]) {
    assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
    assert.match(run.stdout, /Built \d+ pages in \d+ docs versions/);
  }
  assert.match(first.stdout, /Link check: \d+ pages, \d+ links checked — \d+ internal \(\d+ with #anchors\), \d+ external \(listed, not fetched\), \d+ skipped \(known external\); 0 broken\./);
});

test('two builds of the same input are byte-identical, file for file', () => {
  const a = snapshot(path.join(dir, 'out-a'));
  const b = snapshot(path.join(dir, 'out-b'));
  assert.ok(a.size > 20, `a real site (${a.size} files)`);
  const differ = [...new Set([...a.keys(), ...b.keys()])].filter((f) => a.get(f) !== b.get(f));
  assert.deepEqual(differ, [], 'files that differ between the two builds');
});

test('a build that fails in the sources leaves the previous output as it was', async () => {
  const before = snapshot(path.join(dir, 'out-a'));
  const guide = 'content/operations/upgrading/upgrade_steps.md';
  const good = readText(dir, guide);
  writeText(dir, guide, `${good}\n{{< tabs >}}\nnever closed\n`);
  try {
    const run = await buildProject(dir, ['--out', path.join(dir, 'out-a')]);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /upgrade_steps\.md:\d+:1: error: Unclosed shortcode `tabs`/);
    assert.doesNotMatch(run.stderr, STACK_TRACE);
  } finally {
    writeText(dir, guide, good);
  }
  assert.deepEqual(snapshot(path.join(dir, 'out-a')), before);
});

test('a build that fails the link check (after Astro ran) leaves the previous output as it was', async () => {
  const before = snapshot(path.join(dir, 'out-b'));
  const guide = 'content/operations/upgrading/upgrade_steps.md';
  const good = readText(dir, guide);
  writeText(dir, guide, `${good}\nSee [the gone section](#no-such-heading).\n`);
  try {
    const run = await buildProject(dir, ['--out', path.join(dir, 'out-b')]);
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stderr, /upgrade_steps\.md:\d+:5: error: Broken link `#no-such-heading`/);
    assert.match(run.stderr, /Build failed: nothing was written/);
  } finally {
    writeText(dir, guide, good);
  }
  assert.deepEqual(snapshot(path.join(dir, 'out-b')), before);
});
