/**
 * The open source release an enterprise release ships: the tag of its
 * DEPENDENCY_BUMP on the open source repository (solo-io/gloo). Swapped
 * owner/repo (`dependencyOwner: gloo, dependencyRepo: solo-io`, a quirk of the
 * real data) was already reported and corrected by the parser; it is still
 * accepted here in case entries come from elsewhere.
 */
import semver from 'semver';
import type { ChangelogEntry } from './types.ts';
import { compareVersions } from '../util/version-order.ts';

export const OSS_OWNER = 'solo-io';
export const OSS_REPO = 'gloo';

function isOssBump(e: ChangelogEntry): boolean {
  if (e.type !== 'DEPENDENCY_BUMP') return false;
  return e.dependencyRepo === OSS_REPO || (e.dependencyOwner === OSS_REPO && e.dependencyRepo === OSS_OWNER);
}

/**
 * The newest valid open source version among the bumps, without `v`;
 * `invalid` lists tags that are not semver versions.
 */
export function ossVersionOf(entries: readonly ChangelogEntry[]): { version?: string; invalid: ChangelogEntry[] } {
  let version: string | undefined;
  const invalid: ChangelogEntry[] = [];
  for (const e of entries.filter(isOssBump)) {
    const v = semver.valid(e.dependencyTag ?? '');
    if (!v) invalid.push(e);
    else if (version === undefined || compareVersions(v, version) > 0) version = v;
  }
  return { ...(version !== undefined ? { version } : {}), invalid };
}
