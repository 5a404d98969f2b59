/**
 * Release order. Plain semver compares the prerelease `beta11` with `beta9`
 * as text (so beta9 would be newer); Solo tags prereleases `betaN`/`rcN`
 * without a dot. Before comparing with `semver`, a prerelease identifier made
 * of letters then digits is split in two (`beta11` → `beta.11`), so the
 * number compares as a number and `rc` still comes after `beta`.
 */
import semver from 'semver';

/** `1.18.0-beta11` → `1.18.0-beta.11`; other versions unchanged. */
export function normalizeVersion(version: string): string {
  const parsed = semver.parse(version);
  if (!parsed || parsed.prerelease.length === 0) return version;
  const pre = parsed.prerelease.flatMap((id) => {
    const m = typeof id === 'string' ? /^([A-Za-z-]+)(\d+)$/.exec(id) : null;
    return m ? [m[1]!, m[2]!] : [String(id)];
  });
  return `${parsed.major}.${parsed.minor}.${parsed.patch}-${pre.join('.')}`;
}

/** Ascending release order (for `Array.prototype.sort`). */
export function compareVersions(a: string, b: string): number {
  return semver.compare(normalizeVersion(a), normalizeVersion(b));
}

/** Newest first. */
export function rcompareVersions(a: string, b: string): number {
  return compareVersions(b, a);
}
