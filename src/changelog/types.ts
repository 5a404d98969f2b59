/**
 * The changelog model: Solo's changelogutils format (REFERENCE.md section 3)
 * as loaded and validated by `src/changelog/load.ts`.
 */

export const ENTRY_TYPES = [
  'BREAKING_CHANGE',
  'FIX',
  'NEW_FEATURE',
  'NON_USER_FACING',
  'DEPENDENCY_BUMP',
  'HELM',
  'UPGRADE',
] as const;
export type EntryType = (typeof ENTRY_TYPES)[number];

/** `open_source` (geoss) or `enterprise` (gee). */
export type Product = 'open_source' | 'enterprise';

/** The guide's four change sections and their sub-labels (REFERENCE.md section 4). */
export type GuideSection = 'features' | 'helm' | 'crd' | 'cli';
export type GuideChange = 'new' | 'deprecated' | 'removed' | 'changed';

export interface ChangelogEntry {
  type: EntryType;
  description?: string;
  issueLink?: string;
  resolvesIssue?: boolean;
  /** changelogutils' CI switch; carried through, not rendered. */
  skipCI?: boolean;
  dependencyOwner?: string;
  dependencyRepo?: string;
  dependencyTag?: string;
  /** Optional placement in the upgrade guide; defaults per type otherwise. */
  upgradeGuide?: { section: GuideSection; change: GuideChange };
  /** Where the entry was written: file relative to the project root, 1-based line. */
  file: string;
  line: number;
}

export interface Release {
  product: Product;
  /** Semver without the `v`: `1.17.3`, `1.18.0-beta2`. */
  version: string;
  /** The folder name: `v1.17.3`. */
  tag: string;
  /** `major.minor`: `1.17`. */
  minor: string;
  prerelease: boolean;
  /** Marked not yet released (see docs/changelog.md): out of version values, labelled on pages. */
  unreleased: boolean;
  entries: ChangelogEntry[];
  /** Markdown prose from `summary.md` / `closing.md`. */
  summary?: string;
  closing?: string;
  /** The folder(s) it was read from, relative to the project root. */
  dirs: string[];
  /** File-level `releaseStableApi: true` in any of the release's files. */
  releaseStableApi?: boolean;
  /** For enterprise releases: the open source version shipped (from a DEPENDENCY_BUMP on the open source repo). */
  ossVersion?: string;
  /**
   * Optional release date, ISO 8601 (`2024-05-01` or a full timestamp). Used by
   * the chronological view and the Atom feed's `updated`; without it both fall
   * back to deterministic values derived from the version (see feed.ts).
   */
  date?: string;
}
