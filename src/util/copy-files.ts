/**
 * Copies files from one folder to another by their relative paths, their
 * folders made first, a few at a time (the copies wait on the disk, not on
 * each other). Copies, never links: a later write into the new folder must
 * never change the old one. A clone where the file system can make one.
 */
import { constants } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Copies in flight at once. */
const AT_ONCE = 8;

export async function copyFiles(from: string, to: string, files: readonly string[]): Promise<void> {
  const made = new Map<string, Promise<unknown>>();
  let next = 0;
  const copier = async () => {
    while (next < files.length) {
      const file = files[next++]!;
      const target = join(to, file);
      const dir = dirname(target);
      if (!made.has(dir)) made.set(dir, mkdir(dir, { recursive: true }));
      await made.get(dir);
      await copyFile(join(from, file), target, constants.COPYFILE_FICLONE);
    }
  };
  await Promise.all(Array.from({ length: AT_ONCE }, copier));
}
