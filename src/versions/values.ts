/**
 * Version snippet values for one docs version (REFERENCE.md section 2),
 * derived from the changelog:
 *
 * - `*_latest`: newest stable release of the documented line, or its newest
 *   prerelease while it has no stable one;
 * - `*_n-1`: the same for the previous line; `gee_n-1_oldpatch`: the release
 *   before that one in the previous line;
 * - `*_n+1`: the same for the next line, or `*_latest` when there is none;
 * - `geoss_latest_minor`, `geoss_n-1_minor`, `geoss_n-2_minor`: line names.
 *
 * Unreleased releases never count. Keys that cannot be derived are left out
 * (the caller reports them).
 */
import type { Release } from '../changelog/types.ts';
import { around, candidates, minorLines, newest } from './lines.ts';

export const VERSION_KEYS = [
  'geoss_latest',
  'geoss_latest_minor',
  'geoss_n-1',
  'geoss_n-1_minor',
  'geoss_n-2_minor',
  'geoss_n+1',
  'gee_latest',
  'gee_n-1',
  'gee_n-1_oldpatch',
  'gee_n+1',
] as const;
export type VersionKey = (typeof VERSION_KEYS)[number];

export function versionValues(releases: readonly Release[], minor: string): Record<string, string> {
  const out: Record<string, string> = {};
  const set = (key: VersionKey, value: string | undefined) => {
    if (value !== undefined) out[key] = value;
  };

  const oss = around(minorLines(releases, 'open_source'), minor);
  const ossLatest = newest(oss.current)?.version;
  set('geoss_latest', ossLatest);
  set('geoss_latest_minor', minor);
  set('geoss_n-1', newest(oss.previous)?.version);
  set('geoss_n-1_minor', oss.previous?.minor);
  set('geoss_n-2_minor', oss.beforePrevious?.minor);
  set('geoss_n+1', oss.next ? newest(oss.next)?.version : ossLatest);

  const ee = around(minorLines(releases, 'enterprise'), minor);
  const eeLatest = newest(ee.current)?.version;
  set('gee_latest', eeLatest);
  set('gee_n-1', newest(ee.previous)?.version);
  set('gee_n-1_oldpatch', candidates(ee.previous)[1]?.version);
  set('gee_n+1', ee.next ? newest(ee.next)?.version : eeLatest);
  return out;
}

/** The keys of VERSION_KEYS that `values` lacks, for the caller to report. */
export function missingKeys(values: Record<string, string>): VersionKey[] {
  return VERSION_KEYS.filter((k) => values[k] === undefined);
}
