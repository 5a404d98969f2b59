/**
 * Pruning of the generator's cache folder (toolCacheDir: compiled pages, and
 * a git build's blobs, tree snapshots, branch changelogs and whole versions; feeds), which otherwise
 * only grows: every edited page leaves its old entry, every moved ref its old
 * snapshot and blobs.
 *
 * A build notes what it uses (CacheUse). After a successful build its record
 * (the entries it used) is written to `<cache>/builds/<site>/<time>-<pid>.json`,
 * and every entry used by none of the last `keep` builds of any site sharing
 * the cache is removed; a site not built for 30 days counts no more. Blobs are
 * kept while a kept snapshot holds them. The bare repository a bundle is
 * fetched into (`git/repos/`) is left alone.
 *
 * Safe if killed: a record is written whole (temporary file, then renamed),
 * and each entry goes in one step that leaves the cache valid (a snapshot's
 * manifest before its folder: a folder without one is made again). Files
 * that a process still writing them left behind (`*.<pid>.tmp`) go once that
 * process is gone. While another build, `dev` or `render` uses the same cache
 * (`<cache>/users/`), nothing is removed: the next build prunes instead.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { alive, readOwner, type LockOwner } from './lock.ts';

/** Folders of the cache whose entries are pruned by name (a file, or a snapshot's folder and its `.json`). */
const AREAS = ['compile', 'compile-shared', 'git/snapshots', 'git/changelog', 'git/versions', 'feeds'] as const;
const SNAPSHOTS = 'git/snapshots';
const BLOBS = 'git/blobs';
const RECORDS = 'builds';
const USERS = 'users';
/** A site whose newest build is older than this no longer keeps entries. */
const SITE_MAX_AGE_MS = 30 * 24 * 3600 * 1000;

/** The entries of one cache folder a build used, as paths relative to it. */
export class CacheUse {
  readonly dir: string;
  readonly entries = new Set<string>();
  constructor(dir: string) {
    this.dir = dir;
  }
  /** Notes a cache entry (a path inside the cache folder; anything else is ignored). */
  add(file: string): void {
    const rel = path.relative(this.dir, path.resolve(this.dir, file)).split(path.sep).join('/');
    if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) this.entries.add(rel);
  }
}

export interface PruneResult {
  /** Entries removed (compiled pages, snapshots, changelogs, blobs, left-over temporary files). */
  removed: number;
  /** Entries kept (used by one of the last builds). */
  kept: number;
  /** Why nothing was removed, when it was not. */
  skipped?: string;
}

/** Marks the cache as in use by this process until release(): pruning waits for the next build meanwhile. */
export function useCache(dir: string): { release(): void } {
  const users = path.join(dir, USERS);
  mkdirSync(users, { recursive: true });
  const file = path.join(users, `${process.pid}.json`);
  const me: LockOwner = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
  writeFileSync(file, JSON.stringify(me));
  const release = () => rmSync(file, { force: true });
  process.once('exit', release);
  return {
    release() {
      process.off('exit', release);
      release();
    },
  };
}

/** Other live processes using the cache (markers of dead ones are removed). */
function otherUsers(dir: string): LockOwner[] {
  const users = path.join(dir, USERS);
  if (!existsSync(users)) return [];
  const out: LockOwner[] = [];
  for (const name of readdirSync(users)) {
    const owner = readOwner(path.join(users, name));
    if (owner?.pid === process.pid && owner.host === hostname()) continue;
    if (owner && alive(owner)) out.push(owner);
    else rmSync(path.join(users, name), { force: true });
  }
  return out;
}

/** Writes this build's record, then removes what none of the last `keep` builds of any site used. */
export function pruneCache(use: CacheUse, options: { site: string; keep: number; now?: number }): PruneResult {
  const { dir } = use;
  if (options.keep <= 0) return { removed: 0, kept: 0, skipped: 'pruning is off (cacheKeepBuilds: 0)' };
  const now = options.now ?? Date.now();
  const siteDir = path.join(dir, RECORDS, options.site);
  mkdirSync(siteDir, { recursive: true });
  const record = path.join(siteDir, `${String(now).padStart(15, '0')}-${process.pid}.json`);
  writeFileSync(`${record}.${process.pid}.tmp`, `${JSON.stringify([...use.entries].sort())}\n`);
  renameSync(`${record}.${process.pid}.tmp`, record);

  const keep = keptEntries(path.join(dir, RECORDS), options.keep, now);
  const others = otherUsers(dir);
  if (others.length) return { removed: 0, kept: keep.size, skipped: `process ${others.map((o) => o.pid).join(', ')} uses the cache` };

  let removed = 0;
  const remove = (rel: string) => {
    rmSync(path.join(dir, rel), { recursive: true, force: true });
    removed++;
  };
  for (const area of AREAS) {
    for (const name of list(path.join(dir, area))) {
      if (leftOver(name)) remove(`${area}/${name}`);
      else if (!name.endsWith('.tmp') && !keep.has(`${area}/${name.replace(/\.json$/, '')}`)) remove(`${area}/${name}`);
    }
  }
  // Blobs: kept while a kept snapshot holds them (its manifest lists path → blob id).
  const blobs = new Set<string>();
  for (const entry of keep) {
    if (!entry.startsWith(`${SNAPSHOTS}/`)) continue;
    try {
      for (const oid of Object.values(JSON.parse(readFileSync(path.join(dir, `${entry}.json`), 'utf8')) as Record<string, string>)) blobs.add(oid);
    } catch {
      // no manifest: the snapshot is made again, with its blobs
    }
  }
  for (const fan of list(path.join(dir, BLOBS))) {
    for (const name of list(path.join(dir, BLOBS, fan))) {
      if (leftOver(name) || (!name.endsWith('.tmp') && !blobs.has(name))) remove(`${BLOBS}/${fan}/${name}`);
    }
  }
  return { removed, kept: keep.size };
}

/** The entries of the last `keep` records of every site still built; older records (and stale sites) are removed. */
function keptEntries(records: string, keep: number, now: number): Set<string> {
  const kept = new Set<string>();
  for (const site of list(records)) {
    const dir = path.join(records, site);
    const files = list(dir).filter((f) => /^\d{15}-\d+\.json$/.test(f)).sort().reverse();
    const newest = files[0] ? Number(files[0].slice(0, 15)) : 0;
    if (now - newest > SITE_MAX_AGE_MS) {
      rmSync(dir, { recursive: true, force: true });
      continue;
    }
    for (const file of files.slice(keep)) rmSync(path.join(dir, file), { force: true });
    for (const file of files.slice(0, keep)) {
      try {
        for (const entry of JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as string[]) kept.add(entry);
      } catch {
        // an unreadable record keeps nothing
      }
    }
  }
  return kept;
}

/** A temporary file or folder (`<name>.<pid>.tmp`) whose writer is gone. */
function leftOver(name: string): boolean {
  const pid = /\.(\d+)\.tmp$/.exec(name)?.[1];
  return pid !== undefined && !alive({ pid: Number(pid), host: hostname(), started: '' });
}

function list(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}
