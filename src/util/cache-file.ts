/**
 * One file a build keeps for a later one (an entry of the generator's cache,
 * toolCacheDir, or a record in the build's work folder such as the link
 * check's facts): read when it is
 * there, written whole. A file is written under a temporary name of this process
 * (`<file>.<pid>.tmp`, which pruning removes once the process is gone:
 * src/engine/cache-prune.ts) and renamed over, so a reader finds the whole entry or
 * none, even when another build writes the same entry at the same time.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';

/** The entry's bytes, or undefined when it is not there or cannot be read (it is then made again). */
export async function readCacheFile(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch {
    return undefined;
  }
}

/** Writes the entry whole (see above), its folder made first. */
export async function writeCacheFile(file: string, bytes: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, bytes);
  await rename(temp, file);
}

/** A value kept with writeCacheValue, or undefined when it is not there or damaged. */
export async function readCacheValue<T>(file: string): Promise<T | undefined> {
  const bytes = await readCacheFile(file);
  if (!bytes) return undefined;
  try {
    return deserialize(bytes) as T;
  } catch {
    return undefined;
  }
}

/** Keeps a value (V8's serialisation: what structured clone copies) as a cache file. */
export function writeCacheValue(file: string, value: unknown): Promise<void> {
  return writeCacheFile(file, serialize(value));
}
