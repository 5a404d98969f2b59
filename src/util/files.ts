/**
 * What a path is when it is not a regular file. Reading a FIFO blocks until
 * a writer comes (forever, in a build); a device or a socket is no input
 * either: every reader of user files asks first and refuses such a path.
 */
import { lstatSync, readlinkSync, statSync, type Stats } from 'node:fs';

function kind(info: Stats): string | undefined {
  if (info.isFile()) return undefined;
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a FIFO (named pipe)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

/** Undefined for a regular file (through symbolic links); else what it is, for a message: `a FIFO (named pipe)`. */
export function notRegularFile(file: string): string | undefined {
  let info: Stats;
  try {
    info = statSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return 'a loop of symbolic links';
    if (code === 'ENOENT' && lstatSync(file, { throwIfNoEntry: false })?.isSymbolicLink()) return `a symbolic link to \`${readlinkSync(file)}\`, which does not exist`;
    throw e;
  }
  return kind(info);
}

/** Like notRegularFile, without following a symbolic link at the path itself. */
export function specialFileKind(info: Stats): string | undefined {
  return info.isDirectory() || info.isSymbolicLink() ? undefined : kind(info);
}
