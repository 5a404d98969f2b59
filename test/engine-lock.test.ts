/** src/engine/lock.ts directly: one build at a time per project; a killed build's lock is taken over. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { LockHeld, acquireBuildLock, alive, readOwner } from '../src/engine/lock.ts';

const project = () => mkdtempSync(path.join(tmpdir(), 'lock-'));

/** A process id that no longer runs. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  return child.pid!;
}

test('the lock names this process; a second build fails at once naming the holder, with a hint; release frees it', async () => {
  const dir = project();
  const work = path.join(dir, '.build');
  const lock = await acquireBuildLock(work, { projectDir: dir });
  const owner = readOwner(path.join(work, 'build.lock'));
  assert.equal(owner?.pid, process.pid);
  assert.equal(owner?.host, hostname());
  await assert.rejects(acquireBuildLock(work, { projectDir: dir }), (e: unknown) => {
    assert.ok(e instanceof LockHeld);
    assert.equal(e.diagnostic.file, path.join('.build', 'build.lock'));
    assert.match(e.diagnostic.message, new RegExp(`Another build is running: process ${process.pid} on `));
    assert.match(e.diagnostic.hint ?? '', /--wait/);
    return true;
  });
  lock.release();
  assert.equal(existsSync(path.join(work, 'build.lock')), false);
  (await acquireBuildLock(work, { projectDir: dir })).release();
  assert.deepEqual(readdirSync(work), [], 'no temporary files are left behind');
});

test('a lock outside the project is named by its absolute path', async () => {
  const dir = project();
  const work = project();
  const lock = await acquireBuildLock(work, { projectDir: dir });
  await assert.rejects(acquireBuildLock(work, { projectDir: dir }), (e: unknown) => e instanceof LockHeld && e.diagnostic.file === path.join(work, 'build.lock'));
  lock.release();
});

test('with wait, the second build starts as soon as the first releases', async () => {
  const dir = project();
  const first = await acquireBuildLock(dir, { projectDir: dir });
  let got = false;
  const second = acquireBuildLock(dir, { projectDir: dir, wait: true, pollMs: 5 }).then((l) => {
    got = true;
    return l;
  });
  await new Promise((r) => setTimeout(r, 50));
  assert.equal(got, false, 'still waiting while the first holds it');
  first.release();
  (await second).release();
  assert.equal(got, true);
});

test('a lock left by a process that is gone is taken over; a garbled lock file too', async () => {
  const dir = project();
  const file = path.join(dir, 'build.lock');
  const pid = deadPid();
  assert.equal(alive({ pid, host: hostname(), started: '' }), false);
  writeFileSync(file, JSON.stringify({ pid, host: hostname(), started: '2020-01-01T00:00:00Z' }));
  const lock = await acquireBuildLock(dir, { projectDir: dir });
  assert.equal(readOwner(file)?.pid, process.pid);
  lock.release();
  writeFileSync(file, 'not json');
  assert.equal(readOwner(file), undefined);
  (await acquireBuildLock(dir, { projectDir: dir })).release();
});

test('a lock held on another machine is assumed alive and respected', async () => {
  assert.equal(alive({ pid: deadPid(), host: `${hostname()}-elsewhere`, started: '' }), true);
  const dir = project();
  writeFileSync(path.join(dir, 'build.lock'), JSON.stringify({ pid: 1, host: 'other-host', started: 'x' }));
  await assert.rejects(acquireBuildLock(dir, { projectDir: dir }), (e: unknown) => e instanceof LockHeld && /process 1 on other-host/.test(e.message));
});
