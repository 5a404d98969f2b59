/**
 * Releases grouped into minor lines (1.17, 1.18, ...) per product. Unreleased
 * releases never count. Every comparison goes through `semver`.
 */
import semver from 'semver';
import type { Product, Release } from '../changelog/types.ts';
import { rcompareVersions } from '../util/version-order.ts';

export interface MinorLine {
  minor: string;
  /** Stable releases, newest first. */
  stable: Release[];
  /** Prereleases, newest first. */
  pre: Release[];
}

/** Compare `1.9` and `1.17` as versions (ascending). */
export function compareMinor(a: string, b: string): number {
  return semver.compare(`${a}.0`, `${b}.0`);
}

/** The product's minor lines with released versions, newest line first. */
export function minorLines(releases: readonly Release[], product: Product): MinorLine[] {
  const byMinor = new Map<string, MinorLine>();
  for (const r of releases) {
    if (r.product !== product || r.unreleased) continue;
    let line = byMinor.get(r.minor);
    if (!line) byMinor.set(r.minor, (line = { minor: r.minor, stable: [], pre: [] }));
    (r.prerelease ? line.pre : line.stable).push(r);
  }
  const lines = [...byMinor.values()];
  for (const l of lines) {
    l.stable.sort((a, b) => rcompareVersions(a.version, b.version));
    l.pre.sort((a, b) => rcompareVersions(a.version, b.version));
  }
  return lines.sort((a, b) => compareMinor(b.minor, a.minor));
}

/** The releases that count for the line's values: its stable ones, or its prereleases while it has none. */
export function candidates(line: MinorLine | undefined): Release[] {
  if (!line) return [];
  return line.stable.length ? line.stable : line.pre;
}

/** Newest stable release of the line; its newest prerelease when it has no stable one yet. */
export function newest(line: MinorLine | undefined): Release | undefined {
  return candidates(line)[0];
}

/** The line itself, the nearest older lines and the nearest newer line. */
export function around(
  lines: readonly MinorLine[],
  minor: string,
): { current?: MinorLine; previous?: MinorLine; beforePrevious?: MinorLine; next?: MinorLine } {
  const older = lines.filter((l) => compareMinor(l.minor, minor) < 0); // newest first
  const newer = lines.filter((l) => compareMinor(l.minor, minor) > 0);
  const current = lines.find((l) => compareMinor(l.minor, minor) === 0);
  const next = newer[newer.length - 1];
  return {
    ...(current ? { current } : {}),
    ...(older[0] ? { previous: older[0] } : {}),
    ...(older[1] ? { beforePrevious: older[1] } : {}),
    ...(next ? { next } : {}),
  };
}
