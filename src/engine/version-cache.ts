/**
 * One docs version of a git build, kept whole: its rendered pages (their
 * HTML in a file beside), its extras, its changelog's releases and its
 * problems, in `<cache>/git/versions/`. The key is everything the version
 * is made from: the snapshot of its tree (named by git's tree ids), the
 * version as planned (id, ref, status), the user's config, our own shortcode
 * modules, the build's options and the generator itself. A build in which
 * one branch moved reads the other versions back instead of loading,
 * checking and instantiating each of their pages again.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import type { LoadedConfig } from '../config/load.ts';
import type { Release } from '../changelog/types.ts';
import type { DocsVersion, RenderedPage } from '../model/site-data.ts';
import { articleHtml } from '../model/article-html.ts';
import type { Diagnostic } from '../util/diagnostics.ts';
import type { CacheUse } from './cache-prune.ts';
import { folderHash } from './compile-cache.ts';
import { toolHash } from '../util/source-hash.ts';
import type { Extras } from './extras.ts';
import { writePages } from './spill-html.ts';
import { readCacheValue, writeCacheValue } from '../util/cache-file.ts';

/** Bump when the entry's format changes. */
const FORMAT = 1;

export interface BuiltVersion {
  version: DocsVersion;
  base: string;
  /** The version's pages; where their HTML is depends on the reader (readVersion). */
  pages: RenderedPage[];
  extras: Omit<Extras, 'perVersion'>;
  /** The version's changelog releases (the latest version's are the site's). */
  releases: Release[];
  diagnostics: Diagnostic[];
  /** How many of its pages have a source file (the compile's count). */
  sources: number;
  /** The cache entries it was made from (compiled pages, its changelog), relative to the cache folder. */
  uses: string[];
  /** True when read from the cache. */
  cached: boolean;
}

/** Where a version built from `parts` is kept: a key of everything it is made from. */
export function versionEntry(loaded: LoadedConfig, cacheDir: string, parts: readonly unknown[]): string {
  return versionEntries(loaded, cacheDir)(parts);
}

/** What a build is made from besides its content: the generator, the config file's text and the config as loaded, the project's shortcode modules. */
export function configIdentity(loaded: LoadedConfig): string {
  const configText = loaded.file && existsSync(loaded.file) ? readFileSync(loaded.file, 'utf8') : '';
  const shortcodes = loaded.config.shortcodes ? folderHash(loaded.projectDir, loaded.config.shortcodes) : '';
  return JSON.stringify([toolHash(), configText, loaded.config, shortcodes]);
}

/** versionEntry for the versions of one build: what they share (configIdentity) is read and hashed once. */
export function versionEntries(loaded: LoadedConfig, cacheDir: string): (parts: readonly unknown[]) => string {
  const shared = JSON.stringify([FORMAT, configIdentity(loaded)]);
  return (parts) => {
    const key = createHash('sha256').update(shared).update('\0').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
    return path.join(cacheDir, 'versions', key);
  };
}

/**
 * The version kept at `entry`, or undefined. With `spilled`, each page's HTML stays in the entry's file
 * (`htmlAt`, as a build wants it: src/engine/spill-html.ts); without, it is read into the page.
 */
export async function readVersion(entry: string, spilled: boolean, use?: CacheUse): Promise<BuiltVersion | undefined> {
  use?.add(`${entry}.bin`);
  use?.add(`${entry}.html`);
  const kept = await readCacheValue<Omit<BuiltVersion, 'cached'>>(`${entry}.bin`);
  if (!kept) return undefined;
  if (!existsSync(`${entry}.html`)) return undefined;
  if (!spilled) {
    for (const page of kept.pages) {
      if (!page.htmlAt) continue;
      page.html = articleHtml(page);
      delete page.htmlAt;
    }
  }
  return { ...kept, cached: true };
}

/**
 * Keeps a version at `entry`: the pages' HTML in `<entry>.html`, the rest in `<entry>.bin` (each written under a
 * temporary name and renamed, the .bin last: a reader finds a whole entry or none). Returns the pages as
 * readVersion(entry, true) would: the HTML in the entry's file.
 */
export async function writeVersion(entry: string, built: Omit<BuiltVersion, 'cached'>): Promise<RenderedPage[]> {
  await mkdir(path.dirname(entry), { recursive: true });
  const temp = `${entry}.html.${process.pid}.tmp`;
  const pages = built.pages.map((page) => ({ ...page }));
  writePages(temp, pages.filter((page) => page.html !== '' && !page.htmlAt), `${entry}.html`);
  await rename(temp, `${entry}.html`);
  // Written after the HTML: an entry whose .bin is there is whole.
  await writeCacheValue(`${entry}.bin`, { ...built, pages });
  return pages;
}
