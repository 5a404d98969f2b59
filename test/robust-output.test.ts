/**
 * The output folder under hostile arguments and injected faults, through the
 * real `npm run build` (src/cli/build.ts): a folder that is not a build of
 * ours is refused untouched; a build killed with SIGKILL after any
 * file-system step of the staging and swap leaves a complete output and the
 * next build succeeds; an output on another file system builds; a second
 * build of the same project names the one holding the lock, or waits.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync, cpSync, renameSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { MARKER, SWAP_STEPS, type SwapStep } from '../src/engine/output.ts';
import { workDir } from '../src/engine/build.ts';
import { buildProject, snapshot, STACK_TRACE, tempProject, writeText } from './support/project.ts';

const temps: string[] = [];
after(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

const GOOD_PAGE = '---\ntitle: Good\nweight: 1\n---\nA good page.\n\n## Section {#section}\n\nSee [the section](#section).\n';

function project(): string {
  const dir = tempProject({ copy: ['changelog', 'static'], files: { 'content/good.md': GOOD_PAGE }, config: 'versions: { newest: 1 }' });
  temps.push(dir);
  return dir;
}

function scratch(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

describe('only an output of ours is replaced', { concurrency: 3 }, () => {
  const refusals: { name: string; out: (dir: string) => string; setup?: (dir: string) => void }[] = [
    { name: '--out content (the pages)', out: (dir) => path.join(dir, 'content') },
    { name: '--out src (a source folder)', out: (dir) => path.join(dir, 'src'), setup: (dir) => writeText(dir, 'src/main.ts', 'export {};\n') },
    {
      name: '--out ../userdata (a folder outside the project)',
      out: () => {
        const user = scratch('userdata-');
        writeText(user, 'notes.txt', 'mine');
        writeText(user, 'photos/a.jpg', 'jpeg');
        return user;
      },
    },
    { name: '--out . (the project itself)', out: (dir) => dir },
    { name: '--out a file', out: (dir) => path.join(dir, 'docs.config.ts') },
    {
      name: '--out a symbolic link to a user folder',
      out: (dir) => {
        const user = scratch('linked-');
        writeText(user, 'keep.txt', 'mine');
        symlinkSync(user, path.join(dir, 'site'));
        return path.join(dir, 'site');
      },
    },
  ];
  for (const r of refusals) {
    test(`${r.name}: refused, every file kept`, async () => {
      const dir = project();
      r.setup?.(dir);
      const out = r.out(dir);
      const watched = statSync(out).isDirectory() ? out : dir;
      const before = snapshot(watched);
      const run = await buildProject(dir, ['--out', out]);
      assert.equal(run.code, 1, run.stdout + run.stderr);
      assert.match(run.stderr, /error: Refusing to replace the output folder `[^`]+`: /);
      assert.match(run.stderr, /hint: (Only a missing or empty folder, or one a previous build wrote|Choose an output folder of its own)/);
      assert.doesNotMatch(run.stderr, STACK_TRACE);
      assert.deepEqual(snapshot(watched), before, 'not one file changed');
    });
  }

  test('a missing folder and an empty folder are built into; a folder a build wrote is replaced', async () => {
    const dir = project();
    mkdirSync(path.join(dir, 'empty'));
    for (const out of ['fresh', 'empty', 'fresh']) {
      const run = await buildProject(dir, ['--out', path.join(dir, out)]);
      assert.equal(run.code, 0, run.stdout + run.stderr);
      assert.ok(existsSync(path.join(dir, out, MARKER)), `${out}/ holds the marker`);
      assert.ok(existsSync(path.join(dir, out, 'gloo-edge/latest/index.html')));
    }
  });
});

describe('interrupted builds', () => {
  // Without the cache: a build of unchanged inputs would keep the output as it is, and never reach the swap.
  const killedAt = async (dir: string, at: SwapStep) => {
    const run = await buildProject(dir, ['--no-cache'], { DOCS_FAULT_SWAP: at });
    assert.equal(run.signal, 'SIGKILL', `the build was killed after step ${at}:\n${run.stdout}\n${run.stderr}`);
  };
  const good = async (dir: string) => {
    const run = await buildProject(dir);
    assert.equal(run.code, 0, run.stdout + run.stderr);
  };

  test('SIGKILL after every file-system step of staging and swapping: dist/ is complete, the next build succeeds', async () => {
    const dir = project();
    await good(dir);
    const dist = path.join(dir, 'dist');
    const complete = snapshot(dist);
    assert.ok(complete.has(MARKER) && complete.has('gloo-edge/latest/index.html'));
    const reached = new Set<SwapStep>();
    // Each step in the order a build reaches it; `recover` needs the leftover of a kill after `link`,
    // `migrate` an output that is still a plain folder (a copy of a build).
    const plan: { at: SwapStep; before?: () => void; then: 'build' | 'none' }[] = [
      { at: 'builds-dir', then: 'build' },
      { at: 'stage-dir', then: 'build' },
      { at: 'stage-fill', then: 'build' },
      { at: 'marker', then: 'build' },
      { at: 'link', then: 'none' },
      { at: 'recover', then: 'build' },
      { at: 'rename', then: 'build' },
      { at: 'cleanup', then: 'build' },
      {
        at: 'migrate',
        before: () => {
          const copy = path.join(dir, 'dist-copy');
          cpSync(dist, copy, { recursive: true, dereference: true });
          rmSync(dist);
          renameSync(copy, dist);
        },
        then: 'build',
      },
    ];
    for (const { at, before, then } of plan) {
      before?.();
      await killedAt(dir, at);
      reached.add(at);
      if (at !== 'migrate') {
        // Readers at this moment: the output is there and whole.
        assert.deepEqual(snapshot(dist), complete, `dist/ is complete right after a kill at ${at}`);
      }
      if (then === 'build') {
        await good(dir);
        assert.deepEqual(snapshot(dist), complete, `the build after a kill at ${at} succeeds`);
        assert.ok(readlinkSync(dist).startsWith('.dist.builds/'));
        // Nothing of the interrupted build is left beside the output.
        const leftovers = snapshot(path.join(dir, '.dist.builds'));
        assert.equal([...leftovers.keys()].filter((k) => k.endsWith('/index.html') && k.split('/').length === 2).length, 1, 'one build folder');
      }
    }
    assert.deepEqual([...reached].sort(), [...SWAP_STEPS].sort(), 'every step of the swap was interrupted once');
  });

  test('a failed build after an interrupted one still leaves the previous output', async () => {
    const dir = project();
    await good(dir);
    const complete = snapshot(path.join(dir, 'dist'));
    await killedAt(dir, 'link');
    writeText(dir, 'content/bad.md', '---\ntitle: Bad\n---\n{{< nosuch >}}\n');
    const run = await buildProject(dir);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /the previous output is untouched/);
    assert.deepEqual(snapshot(path.join(dir, 'dist')), complete);
  });
});

test('an output on another file system (EXDEV): staged beside it, built', async (t) => {
  const shm = '/dev/shm';
  if (!existsSync(shm) || statSync(shm).dev === statSync(tmpdir()).dev) {
    t.skip('no second file system at /dev/shm');
    return;
  }
  const dir = project();
  const parent = mkdtempSync(path.join(shm, 'reliab-out-'));
  temps.push(parent);
  const out = path.join(parent, 'site');
  const run = await buildProject(dir, ['--out', out]);
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.doesNotMatch(run.stderr, /EXDEV|internal error/);
  assert.ok(existsSync(path.join(out, 'gloo-edge/latest/index.html')));
  assert.equal(existsSync(path.join(workDir(dir, out), 'stage')), false, 'nothing left in the work folder');
});

describe('one build at a time', () => {
  /** The lock lives in the build's work folder (src/engine/build.ts workDir). */
  const lockFile = (dir: string) => path.join(workDir(dir, path.join(dir, 'dist')), 'build.lock');
  const holdLock = (dir: string, pid: number) => {
    mkdirSync(path.dirname(lockFile(dir)), { recursive: true });
    writeFileSync(lockFile(dir), JSON.stringify({ pid, host: hostname(), started: '2026-01-01T00:00:00.000Z' }));
  };

  test('a second build fails at once, naming the process that holds the lock', async () => {
    const dir = project();
    holdLock(dir, process.pid);
    const run = await buildProject(dir);
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.ok(run.stderr.includes(`${lockFile(dir)}: error: Another build is running: process ${process.pid} on ${hostname()} holds the lock since 2026-01-01T00:00:00.000Z`), run.stderr);
    assert.match(run.stderr, /hint: .*--wait/);
    assert.equal(existsSync(path.join(dir, 'dist')), false);
  });

  test('with --wait it starts once the lock is released', async () => {
    const dir = project();
    holdLock(dir, process.pid);
    const running = buildProject(dir, ['--wait']);
    await new Promise((ok) => setTimeout(ok, 1500));
    assert.equal(existsSync(path.join(dir, 'dist')), false, 'still waiting');
    rmSync(lockFile(dir));
    const run = await running;
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.ok(existsSync(path.join(dir, 'dist/gloo-edge/latest/index.html')));
  });

  test('a lock left by a killed build is taken over', async () => {
    const dir = project();
    holdLock(dir, 2 ** 22 + 17); // above the kernel's pid_max default: no such process
    const run = await buildProject(dir);
    assert.equal(run.code, 0, run.stdout + run.stderr);
  });
});

describe('failures of the machine say what failed and where', () => {
  for (const [fault, meaning] of [
    ['marker:ENOSPC', 'no space left on the device (ENOSPC)'],
    ['stage-fill:EACCES', 'permission denied (EACCES)'],
    ['builds-dir:EROFS', 'the file system is read-only (EROFS)'],
  ] as const) {
    test(`injected ${fault}`, async () => {
      const dir = project();
      const run = await buildProject(dir, [], { DOCS_FAULT_SWAP: fault });
      assert.equal(run.code, 1, run.stdout + run.stderr);
      assert.match(run.stderr, new RegExp(`^error: cannot write ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/\\.dist\\.builds\\S*: ${meaning.replace(/[()]/g, '\\$&')}$`, 'm'));
      assert.match(run.stderr, /hint: /);
      assert.doesNotMatch(run.stderr, /internal error|a bug in the generator/);
      assert.doesNotMatch(run.stderr, STACK_TRACE);
      assert.equal(existsSync(path.join(dir, 'dist')), false, 'no output appeared');
      const next = await buildProject(dir);
      assert.equal(next.code, 0, `the next build succeeds\n${next.stderr}`);
    });
  }

  test('an output where even root may not write (/sys): the path and the reason', async (t) => {
    if (!existsSync('/sys/kernel')) {
      t.skip('no /sys');
      return;
    }
    const dir = project();
    const run = await buildProject(dir, ['--out', '/sys/versioned-docs-site']);
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.match(run.stderr, /^error: cannot mkdir \/sys\/\.versioned-docs-site\.builds: (operation not permitted \(EPERM\)|permission denied \(EACCES\)|the file system is read-only \(EROFS\))$/m);
    assert.doesNotMatch(run.stderr, /internal error/);
  });
});
