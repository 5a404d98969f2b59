/**
 * The compare view's pure logic, shared by the page renderer, the tests and
 * the browser script (`src/client/compare-view.ts`): Solo's category order,
 * Gloo's URL hash format, the version range and the merge by category.
 *
 * This module has no imports on purpose: it is bundled into the client
 * script, which must stay small. Semver ordering (the `semver` package, about
 * 10 kB minified) happens on the server: `notes.ts` sorts the releases and
 * the page embeds them already in ascending order, so the range here works on
 * positions in that order.
 */

/** Note categories in Solo's release-notes order. */
export const CATEGORIES = [
  { type: 'DEPENDENCY_BUMP', title: 'Dependency Bumps' },
  { type: 'BREAKING_CHANGE', title: 'Breaking Changes' },
  { type: 'UPGRADE', title: 'Upgrade Notes' },
  { type: 'HELM', title: 'Helm Changes' },
  { type: 'NEW_FEATURE', title: 'New Features' },
  { type: 'FIX', title: 'Fixes' },
] as const;

export type NoteCategory = (typeof CATEGORIES)[number]['type'];

/** The three views of Gloo's changelog page, chosen by the URL hash. */
export const VIEWS = ['minorrelease', 'chronological', 'compareversions'] as const;
export type View = (typeof VIEWS)[number];
export const DEFAULT_VIEW: View = 'minorrelease';

/** What a hash asks for. `from`/`to` are versions without the `v`. */
export interface HashState {
  view: View;
  from?: string;
  to?: string;
}

const COMPARE_PREFIX = 'compareversions_';

function stripV(version: string): string {
  return version.replace(/^v/i, '');
}

/**
 * Parse a location hash in Gloo's format: `#minorrelease`, `#chronological`,
 * `#compareversions`, `#compareversions_v1.16.0...v1.17.3`. Returns undefined
 * for any other hash (e.g. a release anchor such as `#v1.17.3`).
 */
export function parseHash(hash: string): HashState | undefined {
  let h = hash.startsWith('#') ? hash.slice(1) : hash;
  try {
    h = decodeURIComponent(h);
  } catch {
    return undefined;
  }
  if ((VIEWS as readonly string[]).includes(h)) return { view: h as View };
  if (!h.startsWith(COMPARE_PREFIX)) return undefined;
  const pair = h.slice(COMPARE_PREFIX.length).split('...');
  if (pair.length !== 2 || !pair[0] || !pair[1]) return { view: 'compareversions' };
  return { view: 'compareversions', from: stripV(pair[0]), to: stripV(pair[1]) };
}

/** Format a comparison as Gloo's hash: `#compareversions_v1.16.0...v1.17.3` (versions with or without `v`). */
export function formatCompareHash(from?: string, to?: string): string {
  if (!from || !to) return '#compareversions';
  return `#${COMPARE_PREFIX}v${stripV(from)}...v${stripV(to)}`;
}

/**
 * The items after `from` up to and including `to` (old exclusive, new
 * inclusive), from a list already in ascending version order. Empty when
 * either version is missing or `to` is not newer than `from`.
 */
export function rangeOf<T extends { version: string }>(ascending: readonly T[], from: string, to: string): T[] {
  const i = ascending.findIndex((r) => r.version === stripV(from));
  const j = ascending.findIndex((r) => r.version === stripV(to));
  if (i < 0 || j < 0 || j <= i) return [];
  return ascending.slice(i + 1, j + 1);
}

/** The versions newer than `from` (what the second picker lists), ascending. */
export function newerThan<T extends { version: string }>(ascending: readonly T[], from: string): T[] {
  const i = ascending.findIndex((r) => r.version === stripV(from));
  return i < 0 ? [] : ascending.slice(i + 1);
}

/** One release as the compare view needs it: each note already rendered to sanitised HTML. */
export interface CompareRelease {
  version: string;
  notes: Partial<Record<NoteCategory, string[]>>;
}

/** What the page embeds as `<script type="application/json" id="changelog-data">`. */
export interface CompareData {
  product: string;
  /** Stable, released versions only, in ascending semver order. */
  releases: CompareRelease[];
}

export interface MergedNote {
  /** Sanitised HTML of the note. */
  html: string;
  /** The version that added it (without `v`). */
  version: string;
}

export interface MergedCategory {
  type: NoteCategory;
  title: string;
  count: number;
  /** `New Features (12)`. */
  label: string;
  notes: MergedNote[];
}

/**
 * Merge the notes of several releases (ascending, as `rangeOf` returns them)
 * by category, in Solo's order, each note tagged with the version that added
 * it, newest release first within a category. Dependency
 * bumps are skipped, as are empty categories.
 */
export function mergeByCategory(releases: readonly CompareRelease[]): MergedCategory[] {
  const newestFirst = [...releases].reverse();
  const out: MergedCategory[] = [];
  for (const { type, title } of CATEGORIES) {
    if (type === 'DEPENDENCY_BUMP') continue;
    const notes: MergedNote[] = [];
    for (const r of newestFirst) {
      for (const html of r.notes[type] ?? []) notes.push({ html, version: r.version });
    }
    if (notes.length) out.push({ type, title, count: notes.length, label: `${title} (${notes.length})`, notes });
  }
  return out;
}
