/**
 * Read-only snapshots of git trees in our cache folder, for the parts of the
 * build that read files by path (readfile, data files, shortcode templates).
 * Nothing is checked out and no worktree is made:
 *
 * - every blob is written once, by id, to `<cache>/blobs/<id>` (read-only),
 *   from the repository's `git cat-file --batch` process;
 * - a snapshot is a folder of hard links to those blobs, keyed by the ids of
 *   the trees it is made of, so it is made once and reused as long as no ref
 *   moved: a second build with the same trees reads nothing from git.
 *
 * A snapshot is composed of layers: each puts one tree at a path, and may
 * leave out sub-folders that a later layer supplies (Gloo: the main branch's
 * `docs/` without its `content/`, plus each version's `content/`).
 */
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { GitRepo, TreeEntry } from './repo.ts';

export interface Layer {
  /** Where the tree goes in the snapshot, e.g. `docs` or `docs/content`. */
  at: string;
  tree: string;
  /** Sub-folders of this tree (relative to it) left out, because another layer supplies them. */
  skip?: readonly string[];
}

export interface Snapshot {
  dir: string;
  /** Blob id of every file, by path relative to the snapshot. */
  files: Map<string, string>;
  /** True when this build made it (false: it was already in the cache). */
  made: boolean;
  /** How many blobs this build read from git. */
  blobsRead: number;
}

export async function snapshot(repo: GitRepo, layers: readonly Layer[], cacheDir: string): Promise<Snapshot> {
  const key = createHash('sha256').update(JSON.stringify(layers)).digest('hex').slice(0, 24);
  const dir = path.join(cacheDir, 'snapshots', key);
  const manifest = `${dir}.json`;
  if (existsSync(dir) && existsSync(manifest)) {
    const files = new Map(Object.entries(JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, string>));
    return { dir, files, made: false, blobsRead: 0 };
  }
  const entries: TreeEntry[] = [];
  for (const layer of layers) {
    const skip = (layer.skip ?? []).map((s) => `${s.replace(/\/+$/, '')}/`);
    for (const entry of repo.listTree(layer.tree)) {
      if (skip.some((s) => entry.path.startsWith(s))) continue;
      entries.push({ ...entry, path: layer.at ? `${layer.at}/${entry.path}` : entry.path });
    }
  }
  const blobs = path.join(cacheDir, 'blobs');
  let blobsRead = 0;
  const blobFile = async (oid: string) => {
    const file = path.join(blobs, oid.slice(0, 2), oid);
    if (!existsSync(file)) {
      const bytes = await repo.readBlob(oid);
      blobsRead++;
      mkdirSync(path.dirname(file), { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, bytes);
      chmodSync(temp, 0o444);
      renameSync(temp, file);
    }
    return file;
  };
  const temp = `${dir}.${process.pid}.tmp`;
  rmSync(temp, { recursive: true, force: true });
  const files = new Map<string, string>();
  // Ask for every blob at once: the batch process answers them in order, without a round trip each.
  const oids = [...new Set(entries.map((e) => e.oid))];
  const byOid = new Map((await Promise.all(oids.map(blobFile))).map((file, i) => [oids[i]!, file]));
  entries.forEach((entry) => {
    const stored = byOid.get(entry.oid)!;
    const target = path.join(temp, entry.path);
    mkdirSync(path.dirname(target), { recursive: true });
    if (entry.mode === '120000') symlinkSync(readFileSync(stored, 'utf8'), target);
    else {
      try {
        linkSync(stored, target);
      } catch {
        copyFileSync(stored, target);
      }
    }
    files.set(entry.path, entry.oid);
  });
  mkdirSync(temp, { recursive: true });
  rmSync(dir, { recursive: true, force: true });
  renameSync(temp, dir);
  writeFileSync(manifest, JSON.stringify(Object.fromEntries(files)));
  return { dir, files, made: true, blobsRead };
}
