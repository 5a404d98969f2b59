/**
 * A build whose output would be the output already there leaves it as it is (src/engine/up-to-date.ts):
 * nothing laid out, checked, indexed or swapped, and what the output's build found reported again. Any
 * change to what the output is made from, or to the output by hand, and the build runs whole.
 */
import assert from 'node:assert/strict';
import { readlinkSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { loadConfig } from '../src/config/load.ts';
import { build, type BuildOptions } from '../src/engine/build.ts';
import { format, hasErrors } from '../src/util/diagnostics.ts';
import { buildProject, snapshot, tempProjects, writeText } from './support/project.ts';

const projects = tempProjects();
const dir = projects({ files: { 'content/files/notes.txt': 'The first notes.\n' } });
const out = path.join(dir, 'dist');

async function run(options: BuildOptions = {}) {
  const result = await build(await loadConfig(path.join(dir, 'docs.config.ts')), { quiet: true, ...options });
  assert.ok(options.linkGate || !hasErrors(result.diagnostics), format(result.diagnostics));
  return result;
}

/** The published copies of the loose file `content/files/notes.txt` (one per served version), by path. */
const notes = () => [...snapshot(out)].filter(([file]) => file.endsWith('/files/notes.txt'));

test('nothing changed: the output is kept as it is (the same build folder), and its link check is reported again', { timeout: 600_000 }, async () => {
  const first = await run();
  assert.ok(first.outDir && !first.upToDate);
  const folder = readlinkSync(out);
  const files = snapshot(out);

  const second = await run();
  assert.equal(second.upToDate, true);
  assert.equal(second.outDir, first.outDir);
  assert.equal(readlinkSync(out), folder, 'no new build folder was swapped in');
  assert.deepEqual(snapshot(out), files);
  assert.deepEqual(second.linkCheck?.stats, first.linkCheck?.stats);
  assert.equal(format(second.diagnostics), format(first.diagnostics));
  assert.deepEqual(Object.keys(second.timings ?? {}), ['pipeline', 'up-to-date'], 'no layout, check, search or swap');
  assert.deepEqual(second.layoutStats, { laidOut: 0, reused: first.layoutStats!.laidOut + first.layoutStats!.reused });

  const cli = await buildProject(dir, ['--verbose']);
  assert.equal(cli.code, 0, cli.stderr);
  assert.match(cli.stdout, /^Built \d+ pages in \d+ docs versions into .* \(up to date: nothing changed since the build that wrote it, which is kept as it was\) in [\d.]+ s\.$/m);
  assert.match(cli.stdout, /^Link check: \d+ pages, \d+ links checked/m, 'the link check summary is printed as after a whole build');
  assert.equal(readlinkSync(out), folder);
});

test('a change to what the output is made from, or to the output by hand, builds again', { timeout: 900_000 }, async () => {
  await run();
  assert.equal((await run()).upToDate, true);

  // A published file's bytes, no page changed.
  const before = notes();
  assert.ok(before.length > 0, 'the loose file is published');
  writeText(dir, 'content/files/notes.txt', 'The second notes, longer.\n');
  assert.ok(!(await run()).upToDate, 'a published file changed');
  assert.ok(notes().every(([file, hash]) => before.some(([f, h]) => f === file && h !== hash)), 'every copy has the new bytes');

  // The output, by hand: a page edited, a file added, a file removed.
  const files = snapshot(out);
  const page = [...files.keys()].find((f) => f.endsWith('/index.html') && f.includes('/latest/'))!;
  writeFileSync(path.join(out, page), '<p>edited by hand</p>');
  assert.ok(!(await run()).upToDate, 'a page edited in the output');
  assert.deepEqual(snapshot(out), files, 'the page is what the build writes again');
  writeFileSync(path.join(out, 'stray.html'), 'not ours');
  assert.ok(!(await run()).upToDate, 'a file added to the output');
  assert.deepEqual(snapshot(out), files);
  rmSync(path.join(out, page));
  assert.ok(!(await run()).upToDate, 'a file removed from the output');
  assert.deepEqual(snapshot(out), files);
  assert.equal((await run()).upToDate, true);

  // An option that reaches the output, the cache turned off, a page changed.
  assert.ok(!(await run({ search: false })).upToDate, 'no search index');
  assert.ok(!(await run()).upToDate, 'the search index again');
  assert.ok(!(await run({ cache: false })).upToDate, 'cache: false always builds');
  writeText(dir, 'content/files/page.md', '---\ntitle: A new page\n---\nIts text.\n');
  assert.ok(!(await run()).upToDate, 'a page added');
  assert.ok([...snapshot(out).keys()].some((f) => f.endsWith('/files/page/index.html')));
  assert.equal((await run()).upToDate, true);
});

test('the link gate is applied again: an up-to-date build fails on a problem a gate accepted before, and the output is left as it was', { timeout: 600_000 }, async () => {
  const broken = projects({ files: { 'content/broken.md': '---\ntitle: Broken\n---\nSee [nowhere](../nowhere/).\n' } });
  const config = path.join(broken, 'docs.config.ts');
  const accept = () => [];
  const first = await build(await loadConfig(config), { quiet: true, linkGate: accept });
  assert.ok(first.outDir, format(first.diagnostics));
  assert.ok(first.linkCheck?.diagnostics.some((d) => d.message.includes('nowhere')), 'the check found the broken link');
  const folder = readlinkSync(path.join(broken, 'dist'));

  const ungated = await build(await loadConfig(config), { quiet: true });
  assert.equal(ungated.upToDate, true);
  assert.equal(ungated.outDir, undefined, 'the build fails');
  assert.match(format(ungated.diagnostics), /nowhere/);
  assert.equal(readlinkSync(path.join(broken, 'dist')), folder, 'the output is left as it was');

  const gated = await build(await loadConfig(config), { quiet: true, linkGate: accept });
  assert.equal(gated.upToDate, true);
  assert.ok(gated.outDir);
  assert.ok(!hasErrors(gated.diagnostics), format(gated.diagnostics));
});
