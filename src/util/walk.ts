/**
 * The one directory walker: every entry under a folder, in a deterministic
 * order (each folder's entries by name, in UTF-16 code unit order, a folder
 * followed by what it holds). Symbolic links are listed as what they are and
 * never followed (no loops, nothing outside the folder); what a caller does
 * with them and with special files (a FIFO blocks a reader) is its own policy.
 */
import { readdirSync, type Dirent } from 'node:fs';
import path from 'node:path';

export interface WalkEntry {
  /** Path relative to the walked folder, with `/`: `a/b.md`. */
  path: string;
  /** The walked folder joined with the entry's name (absolute when the folder was). */
  full: string;
  /** The entry's file name. */
  name: string;
  /** Its own kind, a symbolic link not followed. */
  dirent: Dirent;
}

export interface WalkOptions {
  /** Entries to leave out; a folder left out is not entered. Called once per entry, in walk order. */
  skip?: (entry: WalkEntry) => boolean;
  /** Only the folder's own entries, not its subfolders'. */
  shallow?: boolean;
}

export const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Every entry under `dir` (see the module comment); undefined when `dir` itself is no folder that can be read (a subfolder that cannot be read throws). */
export function walkDir(dir: string, options: WalkOptions = {}): WalkEntry[] | undefined {
  const out: WalkEntry[] = [];
  const visit = (abs: string, rel: string, items: Dirent[]): void => {
    for (const dirent of items.sort((a, b) => byCodeUnit(a.name, b.name))) {
      const entry: WalkEntry = { path: rel ? `${rel}/${dirent.name}` : dirent.name, full: path.join(abs, dirent.name), name: dirent.name, dirent };
      if (options.skip?.(entry)) continue;
      out.push(entry);
      if (dirent.isDirectory() && !options.shallow) visit(entry.full, entry.path, readdirSync(entry.full, { withFileTypes: true }));
    }
  };
  let top: Dirent[];
  try {
    top = readdirSync(dir, { withFileTypes: true });
  } catch {
    return undefined;
  }
  visit(dir, '', top);
  return out;
}

/** The regular files under `dir` (none when there is no such folder), as walkDir lists them. */
export function walkFiles(dir: string, options: WalkOptions = {}): WalkEntry[] {
  return (walkDir(dir, options) ?? []).filter((e) => e.dirent.isFile());
}
