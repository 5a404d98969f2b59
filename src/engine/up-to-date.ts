/**
 * A build whose output would be the output already there stops after the
 * pipeline: it touches nothing, and reports what the build that wrote that
 * output reported after its pipeline (the link check, the problems writing
 * the output found).
 *
 * Everything the steps after the pipeline make the site from is hashed into
 * one key (siteKey): the site data (each article by the digest of its bytes),
 * the extras and each of their files (by size and time), the releases, the
 * config (configIdentity: the generator, the config, the shortcode modules),
 * the UI (uiFingerprint: layouts, public files, Node's version), Pagefind's
 * identity, the public origin, and the build options that reach the output.
 * Those steps are deterministic: the same key, the same bytes.
 *
 * A build that replaced the output, with no errors, records the key, the
 * build folder it swapped in, and every entry of that folder (name, kind,
 * size, modification time, inode) in the build's work folder, never in the
 * site. The next build with the same key keeps the output only when the
 * output link still points at that folder and the folder still holds exactly
 * those entries; a file edited, removed or added by hand, another folder, a
 * record of a build killed before it was written, or none, and the build
 * runs whole. Such an output is not trusted by the incremental layout either
 * (src/integration/layout-reuse.ts copies unchanged pages from the output):
 * a page edited by hand in it would otherwise be copied into every later
 * build.
 */
import { createHash } from 'node:crypto';
import { lstatSync, statSync } from 'node:fs';
import path from 'node:path';
import type { LoadedConfig } from '../config/load.ts';
import type { Release } from '../changelog/types.ts';
import type { CheckResult } from '../linkcheck/links.ts';
import { articleDigest } from '../model/article-html.ts';
import type { SiteData } from '../model/site-data.ts';
import { uiFingerprint } from '../integration/layout-reuse.ts';
import { pagefindIdentity } from '../integration/search-index.ts';
import { siteUrl } from '../integration/site-config.ts';
import { readCacheValue, writeCacheValue } from '../util/cache-file.ts';
import type { Diagnostic } from '../util/diagnostics.ts';
import { walkDir } from '../util/walk.ts';
import { linkedBuild, outputRecord } from './output.ts';
import type { Extras } from './extras.ts';
import { configIdentity } from './version-cache.ts';

/** Bump when the key or the record changes meaning. */
const FORMAT = 1;

/** What a build after its pipeline makes the output from (BuildResult's fields of the same names). */
export interface OutputInputs {
  data: SiteData;
  extras?: Extras | undefined;
  releases?: Release[] | undefined;
}

/** The build options that reach the output after the pipeline (the pipeline's own options show in its data). */
export interface OutputOptions {
  search?: boolean | undefined;
  linkCheck?: boolean | undefined;
  keepGoing?: boolean | undefined;
}

/** One hash of everything the steps after the pipeline make the site from (see the module comment). */
export function siteKey(inputs: OutputInputs, loaded: LoadedConfig, options: OutputOptions): string {
  const hash = createHash('sha256');
  const settings = {
    format: FORMAT,
    hugo: loaded.hugo ?? null,
    search: options.search !== false,
    linkCheck: options.linkCheck !== false,
    keepGoing: options.keepGoing === true,
    site: siteUrl(),
  };
  hash.update(JSON.stringify([settings, configIdentity(loaded), uiFingerprint(), pagefindIdentity()]));
  // The data without the articles' HTML (kept on disk: htmlAt), then each article's digest in the same order.
  hash.update(JSON.stringify(inputs.data, (key, value: unknown) => (key === 'html' || key === 'htmlAt' ? undefined : value)));
  for (const pages of Object.values(inputs.data.pages)) for (const page of pages) hash.update(`\0${articleDigest(page)}`);
  const extras = inputs.extras;
  hash.update(`\0${JSON.stringify(extras ?? null)}`);
  for (const own of extras ? [extras, ...Object.values(extras.perVersion ?? {})] : []) {
    for (const file of own.files) {
      const stat = statSync(path.join(own.contentDir, file), { throwIfNoEntry: false });
      hash.update(`\0${stat ? `${stat.size}:${stat.mtimeMs}` : 'missing'}`);
    }
  }
  hash.update(`\0${JSON.stringify(inputs.releases ?? [])}`);
  return hash.digest('hex');
}

/** What a build that replaced the output leaves for the next one. */
interface OutputRecord {
  format: number;
  /** siteKey() of the build; empty when it had none (`cache: false`). */
  key: string;
  /** The build folder (its name in buildsDir(outDir)) the output link was made to point at. */
  id: string;
  /** listing() of that folder just after the swap. */
  listing: string;
  /** The link check of that output, before any gate (a link baseline) was applied. */
  linkCheck: CheckResult;
  /** What writing the output found (extras, redirects). */
  diagnostics: Diagnostic[];
  /** Docs pages in the output (the layout's count). */
  pages: number;
}

/** The record of one output folder, in the build's work folder. */
export function outputRecordFile(work: string, outDir: string): string {
  return outputRecord(work, outDir, 'output', 'bin');
}

/** Every entry under `dir` with its kind, size, modification time and inode, hashed. */
function listing(dir: string): string {
  const hash = createHash('sha256');
  for (const entry of walkDir(dir) ?? []) {
    const stat = lstatSync(entry.full);
    hash.update(`${entry.path}\0${entry.dirent.isDirectory() ? 'd' : entry.dirent.isFile() ? 'f' : 'o'}\0${stat.size}\0${stat.mtimeMs}\0${stat.ino}\n`);
  }
  return hash.digest('hex');
}

/** What the output's build reported after its pipeline (see OutputRecord). */
export type KeptFindings = Pick<OutputRecord, 'linkCheck' | 'diagnostics' | 'pages'>;

export interface OutputState {
  /** The output link points at the folder the last build recorded, and the folder holds exactly what it recorded. */
  intact: boolean;
  /** When intact and made with `key`: what its build found, to report again instead of building. */
  unchanged?: KeptFindings;
}

/** Whether the output is as the build that wrote it left it, and whether that build had `key` (see the module comment). */
export async function outputState(work: string, outDir: string, key: string | undefined): Promise<OutputState> {
  const record = await readCacheValue<OutputRecord>(outputRecordFile(work, outDir));
  const folder = linkedBuild(outDir);
  if (record?.format !== FORMAT || !folder || path.basename(folder) !== record.id) return { intact: false };
  try {
    if (listing(folder) !== record.listing) return { intact: false };
  } catch {
    // A folder in it that cannot be read: not as its build left it.
    return { intact: false };
  }
  return record.key && record.key === key ? { intact: true, unchanged: { linkCheck: record.linkCheck, diagnostics: record.diagnostics, pages: record.pages } } : { intact: true };
}

/** Records the output just swapped in (`stage`, which `outDir` now points at), made by a build with `key` (none: never kept as it is). */
export async function recordOutput(work: string, outDir: string, stage: string, key: string | undefined, built: KeptFindings): Promise<void> {
  const record: OutputRecord = { format: FORMAT, key: key ?? '', id: path.basename(stage), listing: listing(stage), ...built };
  await writeCacheValue(outputRecordFile(work, outDir), record);
}
