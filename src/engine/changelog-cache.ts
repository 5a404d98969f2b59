/**
 * A branch's changelog, loaded and its pages rendered once per changelog
 * tree: a build from git keeps the result in `<cache>/git/changelog/`, keyed
 * by the tree id of the branch's changelog folder, the generator's own
 * version and the settings that shape it. A second build with no ref moved
 * reads it back instead of parsing ~1,000 YAML files and rendering their
 * notes again for every branch.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { loadChangelog, loadReleaseFolders, type LoadResult } from '../changelog/load.ts';
import { scanChangelogFiles, type ChangelogFile, type ParseCache } from '../changelog/scan.ts';
import type { Release } from '../changelog/types.ts';
import type { LoadedConfig } from '../config/load.ts';
import type { RenderedPage } from '../model/site-data.ts';
import type { Diagnostic } from '../util/diagnostics.ts';
import { toolHash } from '../util/source-hash.ts';
import { changelogSources } from './load-versions.ts';
import { changelogPagesOf } from './render-site.ts';
import type { CacheUse } from './cache-prune.ts';
import { readCacheValue, writeCacheValue } from '../util/cache-file.ts';

export interface BranchChangelog {
  releases: Release[];
  diagnostics: Diagnostic[];
  /** The changelog pages (the version's base left as a placeholder: renderSite fills it in). */
  pages: RenderedPage[];
  /** True when read from the cache. */
  cached: boolean;
}

/**
 * A ref's changelog folder in git, not in the version's snapshot: its files are read into memory only when its
 * changelog is not in the cache. Gloo's is ~2,500 small files per branch; as hard links in every snapshot they
 * were most of the file-system work of a cold build's git phase (src/engine/branches.ts makes it).
 */
export interface GitChangelog {
  /** The folder's tree id. */
  tree: string;
  /** Its files as the changelog loader takes them (`v1.17.3/fix.yaml` and its text). */
  read(): Promise<ChangelogFile[]>;
  /** Shared by the versions of a build: a file the same on several branches is parsed once (its problems are each version's). */
  parsed?: ParseCache;
}

/**
 * `source`: the branch's changelog folder in git, named in `own`'s config as the folder of the open source
 * product; without it, the folders `own` names are read from disk.
 */
export async function branchChangelog(own: LoadedConfig, source: GitChangelog | undefined, strict: boolean, cacheDir: string, use?: CacheUse): Promise<BranchChangelog> {
  const result = (loaded: LoadResult): BranchChangelog => ({ releases: loaded.releases, diagnostics: loaded.diagnostics, pages: changelogPagesOf(own.config, loaded.releases), cached: false });
  if (!source) return result(loadChangelog(changelogSources(own.config), { strict, root: own.projectDir }));
  const { config } = own;
  const key = createHash('sha256')
    .update(JSON.stringify([toolHash(), source.tree, strict, config.changelog, config.productNames, config.base]))
    .digest('hex');
  const file = path.join(cacheDir, 'changelog', `${key}.bin`);
  use?.add(file);
  const stored = await readCacheValue<Omit<BranchChangelog, 'cached'>>(file);
  if (stored) return { ...stored, cached: true };
  const files = await source.read();
  const computed = result(loadReleaseFolders((report) => scanChangelogFiles('open_source', files, config.changelog.open_source[0] ?? 'changelog', report, source.parsed), { strict }));
  await writeCacheValue(file, { releases: computed.releases, diagnostics: computed.diagnostics, pages: computed.pages });
  return computed;
}
