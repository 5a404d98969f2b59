/** Releases built in code for changelog tests (the loader has its own tests on files). */
import type { ChangelogEntry, Release } from '../../src/changelog/types.ts';

/** An open source release (unless `extra` says otherwise) with the given entries (FIX by default). */
export function rel(version: string, entries: Partial<ChangelogEntry>[] = [], extra: Partial<Release> = {}): Release {
  return {
    product: 'open_source',
    version,
    tag: `v${version}`,
    minor: version.split('.').slice(0, 2).join('.'),
    prerelease: version.includes('-'),
    unreleased: false,
    entries: entries.map((e, i) => ({ type: 'FIX', file: `changelog/v${version}/a.yaml`, line: i + 1, ...e })),
    dirs: [`changelog/v${version}`],
    ...extra,
  };
}
