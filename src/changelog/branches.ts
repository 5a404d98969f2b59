/**
 * The changelog of several release branches, merged: each branch's
 * `changelog/` holds its own minor line's releases plus the prereleases cut
 * on main before it branched, so only all of them together give every
 * line's releases (and every docs version's values, src/versions/refs.ts).
 *
 * Input is files already read, per ref (`{path, text}` relative to the
 * changelog folder), so the git reader can hand over blobs without a
 * checkout; `readRefChangelog` reads one from disk (a clone or worktree).
 * A release found on several branches must be the same on each (merge.ts);
 * diagnostics name files as `<ref>:<changelog folder>/<path>`.
 */
import { loadReleaseFolders, type LoadResult, type Tags } from './load.ts';
import { readChangelogTree, scanChangelogFiles, type ChangelogFile, type ParseCache } from './scan.ts';
import type { Product } from './types.ts';

export type { ChangelogFile } from './scan.ts';

export interface RefChangelog {
  /** The git ref (`v1.17.x`, `main`). */
  ref: string;
  /** The changelog folder's files, paths relative to it: `v1.17.3/fix.yaml`. */
  files: readonly ChangelogFile[];
  /** The changelog folder inside the repository, for messages (default `changelog`). */
  dir?: string;
  /** Default `open_source` (Gloo's repository); an enterprise repository's branches are `enterprise`. */
  product?: Product;
}

export interface RefLoadOptions {
  /** Changelog quirks are errors too. */
  strict: boolean;
  /** Every problem is a warning. */
  lenient?: boolean;
  /**
   * Per product, the repository's tags (`v1.17.37`). When given, a release
   * folder without its tag is the release in progress (Solo's tooling keeps
   * exactly one folder newer than the latest tag per branch): unreleased.
   */
  tags?: Tags;
}

/**
 * Every ref's changelog, merged. A file with the same path and text on
 * several refs is parsed once and its problems reported once, at the first
 * ref that has it (refs in the order given).
 */
export function loadRefChangelogs(refs: readonly RefChangelog[], options: RefLoadOptions): LoadResult {
  const cache: ParseCache = { files: new Map(), replay: false };
  return loadReleaseFolders(
    (report) => refs.flatMap((r) => scanChangelogFiles(r.product ?? 'open_source', r.files, `${r.ref}:${r.dir ?? 'changelog'}`, report, cache)),
    options,
  );
}

/** One ref's changelog folder from disk (a clone checked out at that ref); undefined when the folder is missing. */
export function readRefChangelog(ref: string, dir: string, options: { product?: Product; label?: string } = {}): RefChangelog | undefined {
  const files = readChangelogTree(dir);
  if (files === undefined) return undefined;
  return { ref, files, dir: options.label ?? 'changelog', ...(options.product ? { product: options.product } : {}) };
}
