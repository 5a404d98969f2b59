/**
 * Load and validate changelogs (Solo's changelogutils format, REFERENCE.md
 * section 3; our additions in docs/changelog.md): several folders per product
 * merged, every file checked, problems returned as diagnostics (errors in
 * strict mode, warnings in lenient mode, where whatever is usable is kept).
 * Output order is deterministic: open source first, then enterprise; within a
 * product, newest version first (semver precedence, with `beta10` after
 * `beta9`: see version-order.ts).
 */
import semver from 'semver';
import type { Diagnostic } from '../util/diagnostics.ts';
import type { Product, Release } from './types.ts';
import { mergeFolders } from './merge.ts';
import type { MergedFolder } from './merge.ts';
import { ossVersionOf } from './oss-version.ts';
import { reporter } from './report.ts';
import type { Report } from './report.ts';
import { scanChangelogDir } from './scan.ts';
import { rcompareVersions } from '../util/version-order.ts';

export { UNRELEASED_MARKER } from './scan.ts';

export const PRODUCTS: readonly Product[] = ['open_source', 'enterprise'];

export interface ChangelogSource {
  product: Product;
  /** A changelog folder, relative to `root` or absolute. */
  dir: string;
}

export interface LoadOptions {
  /** CI mode: every problem is an error. Otherwise warnings, and what is usable is kept. */
  strict: boolean;
  /** Project root: folders are resolved against it and diagnostics name files relative to it. */
  root: string;
}

export interface LoadResult {
  releases: Release[];
  diagnostics: Diagnostic[];
}

function toRelease(m: MergedFolder, report: Report): Release {
  const f = m.folder;
  const entries = [...f.files.values()].flat();
  const release: Release = {
    product: f.product,
    version: f.version,
    tag: f.tag,
    minor: `${semver.major(f.version)}.${semver.minor(f.version)}`,
    prerelease: semver.prerelease(f.version) !== null,
    unreleased: m.unreleased,
    entries,
    dirs: m.dirs,
    ...(f.summary !== undefined ? { summary: f.summary } : {}),
    ...(f.closing !== undefined ? { closing: f.closing } : {}),
    ...(f.releaseStableApi ? { releaseStableApi: true } : {}),
  };
  if (f.product === 'enterprise') {
    const { version, invalid } = ossVersionOf(entries);
    for (const e of invalid) {
      report(e.file, e.line, 1, `open source dependency tag \`${e.dependencyTag ?? ''}\` is not a version`, {
        hint: 'write the open source release this enterprise release ships, e.g. v1.17.9',
      });
    }
    if (version !== undefined) release.ossVersion = version;
  }
  return release;
}

export function compareReleases(a: Release, b: Release): number {
  return PRODUCTS.indexOf(a.product) - PRODUCTS.indexOf(b.product) || rcompareVersions(a.version, b.version);
}

export function loadChangelog(sources: readonly ChangelogSource[], options: LoadOptions): LoadResult {
  const diagnostics: Diagnostic[] = [];
  const report = reporter(options.strict, diagnostics);
  const folders = sources.flatMap((s) => scanChangelogDir(s.product, s.dir, options.root, report));
  const releases = mergeFolders(folders, diagnostics).map((m) => toRelease(m, report));
  releases.sort(compareReleases);
  return { releases, diagnostics };
}
