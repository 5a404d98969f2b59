/**
 * One build at a time per project: a lock file in the work folder
 * (`build.lock` in the build's work folder: `.build/` of the project, or this package's own for a project elsewhere) holding the owner's process id, host and start
 * time. A second build either fails at once, naming the process that holds
 * the lock, or waits for it (`--wait`). A lock whose process is gone (a
 * killed build) is taken over.
 */
import { hostname } from 'node:os';
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { error, type Diagnostic } from '../util/diagnostics.ts';

export interface LockOwner {
  pid: number;
  host: string;
  started: string;
}

export interface Lock {
  release(): void;
}

export class LockHeld extends Error {
  readonly diagnostic: Diagnostic;
  constructor(diagnostic: Diagnostic) {
    super(diagnostic.message);
    this.diagnostic = diagnostic;
  }
}

export function readOwner(file: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(file, 'utf8')) as LockOwner;
    return typeof owner.pid === 'number' ? owner : undefined;
  } catch {
    return undefined;
  }
}

export function alive(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return true; // another machine's process: cannot tell, assume it runs
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function tryTake(file: string): LockOwner | undefined {
  const me: LockOwner = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
  // Written whole to a file of our own, then linked to the lock's name: a reader never sees half a lock.
  const mine = `${file}.${process.pid}`;
  writeFileSync(mine, JSON.stringify(me));
  try {
    linkSync(mine, file);
    return undefined;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    rmSync(mine, { force: true });
  }
  const owner = readOwner(file);
  if (owner && alive(owner)) return owner;
  // The holder is gone (a killed build): move the stale lock aside (one atomic rename: one taker wins).
  const aside = `${file}.stale-${process.pid}`;
  try {
    renameSync(file, aside);
  } catch {
    return tryTake(file); // another process moved it first
  }
  const moved = readOwner(aside);
  if (moved && alive(moved)) {
    // Another taker replaced the stale lock between our read and our rename: give it back.
    try {
      linkSync(aside, file);
    } catch {
      /* a third process holds it now */
    }
    rmSync(aside, { force: true });
    return tryTake(file);
  }
  rmSync(aside, { force: true });
  return tryTake(file);
}

/** Take the project's build lock; with `wait`, poll until the holder is done. */
export async function acquireBuildLock(workDir: string, options: { wait?: boolean; projectDir: string; pollMs?: number }): Promise<Lock> {
  mkdirSync(workDir, { recursive: true });
  const file = path.join(workDir, 'build.lock');
  for (;;) {
    const owner = tryTake(file);
    if (!owner) {
      const release = () => {
        if (readOwner(file)?.pid === process.pid) rmSync(file, { force: true });
      };
      process.once('exit', release);
      return { release: () => { process.off('exit', release); release(); } };
    }
    if (!options.wait) {
      const inside = path.relative(options.projectDir, file);
      const shown = inside.startsWith('..') || path.isAbsolute(inside) ? file : inside;
      throw new LockHeld(error(shown, 0, 0, `Another build is running: process ${owner.pid} on ${owner.host} holds the lock since ${owner.started}`, {
        hint: 'Wait for it to finish, or run this build with --wait to start as soon as it does.',
      }));
    }
    await sleep(options.pollMs ?? 250);
  }
}
