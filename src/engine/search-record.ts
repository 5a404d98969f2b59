/**
 * What the search bundles of the current output were made from, kept in the build's work folder
 * (never in the output) so the next build can copy the bundle of a version fed the same
 * (src/integration/search-index.ts). The record names the build folder it describes: it counts
 * only while the output still points at that folder (src/engine/output.ts); a build killed between
 * the swap and the record, a build that wrote no record, or an output moved by hand leave a record
 * that no longer matches, and every version is indexed.
 */
import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { BundleRecord, PreviousBundles } from '../integration/search-index.ts';
import { writeCacheFile } from '../util/cache-file.ts';

const RECORD = 'search-bundles.json';

interface SavedRecord {
  /** The build folder (absolute) the output pointed at when the record was written. */
  output: string;
  bundles: BundleRecord[];
}

/** The previous output's bundles, when the record describes the folder `outDir` points at now. */
export function previousBundles(work: string, outDir: string): PreviousBundles | undefined {
  let saved: SavedRecord;
  let current: string;
  try {
    saved = JSON.parse(readFileSync(path.join(work, RECORD), 'utf8')) as SavedRecord;
    current = realpathSync(outDir);
  } catch {
    return undefined;
  }
  if (typeof saved?.output !== 'string' || !Array.isArray(saved.bundles) || saved.output !== current) return undefined;
  const valid = saved.bundles.filter(
    (b) => typeof b?.id === 'string' && typeof b.input === 'string' && typeof b.count === 'number' && typeof b.dir === 'string' && !b.dir.split('/').includes('..') && b.files !== null && typeof b.files === 'object',
  );
  return { root: current, bundles: valid };
}

/** Records the bundles of the build folder `output` (the one the output now points at). */
export function recordBundles(work: string, output: string, bundles: readonly BundleRecord[]): Promise<void> {
  const saved: SavedRecord = { output: realpathSync(output), bundles: [...bundles] };
  return writeCacheFile(path.join(work, RECORD), `${JSON.stringify(saved)}\n`);
}
