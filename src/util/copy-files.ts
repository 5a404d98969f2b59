/**
 * Puts files of one folder into another by their relative paths, their
 * folders made first, a few at a time (they wait on the disk, not on each
 * other):
 *
 * - copyFiles copies (a clone where the file system can make one): a later
 *   write into the new folder never changes the old one;
 * - linkFiles makes hard links (a copy where the two folders are on different
 *   file systems or a link cannot be made): for folders of our own whose files
 *   are never written again, only replaced or removed.
 */
import { constants } from 'node:fs';
import { copyFile, link, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Files placed at once. */
const AT_ONCE = 8;

export function copyFiles(from: string, to: string, files: readonly string[]): Promise<void> {
  return placeFiles(from, to, files, (source, target) => copyFile(source, target, constants.COPYFILE_FICLONE));
}

/** Errors of link(2) that say this file cannot be linked here (another file system, no links, too many), not that it is missing. */
const CANNOT_LINK = new Set(['EXDEV', 'EPERM', 'EMLINK', 'ENOTSUP', 'EOPNOTSUPP']);

export function linkFiles(from: string, to: string, files: readonly string[]): Promise<void> {
  return placeFiles(from, to, files, async (source, target) => {
    try {
      await link(source, target);
    } catch (e) {
      if (!CANNOT_LINK.has((e as NodeJS.ErrnoException).code ?? '')) throw e;
      await copyFile(source, target, constants.COPYFILE_FICLONE);
    }
  });
}

async function placeFiles(from: string, to: string, files: readonly string[], place: (source: string, target: string) => Promise<void>): Promise<void> {
  const made = new Map<string, Promise<unknown>>();
  let next = 0;
  const placer = async () => {
    while (next < files.length) {
      const file = files[next++]!;
      const target = join(to, file);
      const dir = dirname(target);
      if (!made.has(dir)) made.set(dir, mkdir(dir, { recursive: true }));
      await made.get(dir);
      await place(join(from, file), target);
    }
  };
  await Promise.all(Array.from({ length: AT_ONCE }, placer));
}
