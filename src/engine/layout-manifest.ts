/**
 * What the next build needs to lay out only the changed pages
 * (src/integration/layout-reuse.ts): the fingerprints of the pages in the
 * output, kept in the build's work folder (never in the published site).
 *
 * The manifest names the build folder it describes (`.dist.builds/<id>`,
 * src/engine/output.ts); it is written just before that folder is swapped
 * in. A build trusts it only when the output link points at that very
 * folder: a failed or interrupted build, an output replaced or removed by
 * hand, another output folder, or no manifest at all, and every page is
 * laid out again.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { PreviousLayout } from '../integration/layout-reuse.ts';
import { buildsDir, linkedBuild, MARKER, outputRecord } from './output.ts';
import { writeCacheFile } from '../util/cache-file.ts';

const VERSION = 1;

interface LayoutManifest {
  version: number;
  /** The build folder (in buildsDir(outDir)) these fingerprints describe. */
  id: string;
  pages: Record<string, string>;
}

/** The manifest of one output folder, in the build's work folder. */
export function manifestFile(work: string, outDir: string): string {
  return outputRecord(work, outDir, 'layout', 'json');
}

/** The output the link `outDir` points at, with the fingerprints of its pages, when the manifest describes exactly that output. */
export function previousLayout(work: string, outDir: string): PreviousLayout | undefined {
  let manifest: LayoutManifest;
  try {
    manifest = JSON.parse(readFileSync(manifestFile(work, outDir), 'utf8')) as LayoutManifest;
  } catch {
    return undefined;
  }
  if (manifest?.version !== VERSION || typeof manifest.id !== 'string' || typeof manifest.pages !== 'object' || manifest.pages === null) return undefined;
  const target = linkedBuild(outDir);
  if (target !== path.join(buildsDir(outDir), manifest.id) || !statSync(path.join(target, MARKER), { throwIfNoEntry: false })?.isFile()) return undefined;
  return { dir: target, pages: manifest.pages };
}

/** Record the fingerprints of the pages in the build folder `stage`, which is about to become the output. */
export async function writeLayoutManifest(work: string, outDir: string, stage: string, pages: Record<string, string>): Promise<void> {
  const file = manifestFile(work, outDir);
  const manifest: LayoutManifest = { version: VERSION, id: path.basename(stage), pages };
  await writeCacheFile(file, JSON.stringify(manifest));
}
