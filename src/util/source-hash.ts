/**
 * Hashes of files by their content and their names: what the caches and the
 * incremental layout key on so that a change to the generator (or to the
 * files a build depends on) is a miss, never a stale hit.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from './package-root.ts';
import { walkFiles } from './walk.ts';

/**
 * One hash of the files and folders `inputs` (relative to `root`): each regular file's name and content, in walk
 * order; an input that is missing counts as such. By content: a checkout or a copy keeps no modification times.
 */
export function sourceHash(root: string, inputs: readonly string[]): string {
  const hash = createHash('sha256');
  for (const input of inputs) {
    const full = join(root, input);
    const files = statSync(full, { throwIfNoEntry: false })?.isDirectory() ? walkFiles(full).map((e) => ({ name: `${input}/${e.path}`, full: e.full })) : [{ name: input, full }];
    for (const file of files) {
      hash.update(`${file.name}\0`);
      hash.update(statSync(file.full, { throwIfNoEntry: false })?.isFile() ? readFileSync(file.full) : '\0missing\0');
    }
  }
  return hash.digest('hex');
}

/** What the generator's own version is made of: its sources and its lock file. */
export const TOOL_SOURCES = ['src', 'package-lock.json'] as const;

let toolHashMemo: string | undefined;

/** The generator's own version (its sources and lock file), hashed once per process. */
export function toolHash(): string {
  toolHashMemo ??= sourceHash(PACKAGE_ROOT, TOOL_SOURCES);
  return toolHashMemo;
}
