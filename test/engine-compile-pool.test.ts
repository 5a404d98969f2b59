/**
 * src/engine/compile-pool.ts: workers that outlive one tree's compile. Pages of several trees compile
 * exactly as the main thread compiles them, the workers start once for all of them, a page goes to
 * the worker its path names (in every tree), and an idle worker takes pages from a busy one.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { affinity, CompilePool } from '../src/engine/compile-pool.ts';
import { compileJob } from '../src/engine/compile-pages.ts';
import { loadSiteContent } from '../src/engine/site-content.ts';
import { loadConfig } from '../src/config/load.ts';
import { tempProject } from './support/project.ts';

const page = (title: string, body: string) => `---\ntitle: ${title}\n---\n${body}\n\n\`\`\`yaml\nkind: ${title}\n\`\`\`\n`;
/** Two trees (two versions of one docs folder): page b differs between them. */
const trees = [
  { 'content/a.md': page('A', 'Same in both.'), 'content/b.md': page('B', 'First version.'), 'content/c.md': page('C', 'See {{< ref "a.md" >}}.') },
  { 'content/a.md': page('A', 'Same in both.'), 'content/b.md': page('B', 'Second version.'), 'content/c.md': page('C', 'See {{< ref "a.md" >}}.') },
];
const dirs = trees.map((files) => tempProject({ copy: ['changelog', 'static'], files, config: 'versions: { newest: 1 }' }));
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const loadeds = await Promise.all(dirs.map((d) => loadConfig(path.join(d, 'docs.config.ts'))));
const jobsOf = (t: number) => Object.entries(trees[t]!).map(([file, raw]) => ({ file, raw }));

/** The main thread's compile of a tree's pages, timings left out. */
async function onMainThread(t: number) {
  const { env } = await loadSiteContent(loadeds[t]!);
  return jobsOf(t).map((j) => (({ ms: _ms, ...rest }) => rest)(compileJob(j.file, j.raw, env, true)));
}

test('pages of two trees compile as on the main thread, each in its own tree, with workers started once', { timeout: 120_000 }, async () => {
  const pool = new CompilePool(2, 384);
  try {
    for (const t of [0, 1]) {
      const results = await pool.run(loadeds[t]!, false, true, jobsOf(t));
      assert.deepEqual(results.map((r) => (({ ms: _ms, ...rest }) => rest)(r!)), await onMainThread(t));
    }
    assert.equal(pool.stats.started, 2, 'two workers for both trees');
    assert.equal(pool.stats.compiled.reduce((a, b) => a + b), 6);
  } finally {
    await pool.close();
  }
  await assert.rejects(pool.run(loadeds[0]!, false, false, jobsOf(0)), /closed/);
});

test('a page goes to the same worker in every tree; an idle worker takes pages from the busy one', { timeout: 120_000 }, async () => {
  assert.equal(affinity('docs/content/a.md', 4), affinity('docs/content/a.md', 4));
  const slots = new Set(Array.from({ length: 40 }, (_, i) => affinity(`docs/content/p${i}.md`, 4)));
  assert.equal(slots.size, 4, 'paths spread over the workers');
  // Twenty copies of one path: all belong to one worker, yet both compile some.
  const pool = new CompilePool(2, 384);
  try {
    const jobs = Array.from({ length: 20 }, () => ({ file: 'content/a.md', raw: trees[0]!['content/a.md'] }));
    const results = await pool.run(loadeds[0]!, false, false, jobs);
    assert.equal(results.filter(Boolean).length, 20);
    assert.ok(pool.stats.compiled.every((n) => n > 0), `both workers compiled: ${pool.stats.compiled}`);
  } finally {
    await pool.close();
  }
});

test('an empty run answers at once and starts no worker', async () => {
  const pool = new CompilePool(2, 384);
  assert.deepEqual(await pool.run(loadeds[0]!, false, false, []), []);
  assert.equal(pool.stats.started, 0);
  await pool.close();
});

test('a worker without heap enough leaves its pages undefined (for the main thread), and the next run starts a new one', { timeout: 120_000 }, async () => {
  const pool = new CompilePool(2, 16);
  try {
    const first = await pool.run(loadeds[0]!, false, false, jobsOf(0));
    assert.deepEqual(first.map(Boolean), [false, false, false], 'every page left to the main thread');
    assert.equal(pool.stats.started, 2);
    const second = await pool.run(loadeds[1]!, false, false, jobsOf(1));
    assert.equal(second.length, 3);
    assert.equal(pool.stats.started, 4, 'the dead workers are replaced at the next run');
  } finally {
    await pool.close();
  }
});
