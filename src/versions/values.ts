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
 * Unreleased releases never count. A value is only given when the data
 * decides it; otherwise the key is `undecided`, with the data that is
 * missing, and never filled from another line:
 *
 * - a line with prereleases only, older than the newest line of the data, is
 *   incomplete: its stable releases live on its own release branch (one
 *   branch's changelog holds its own line plus the prereleases cut on main
 *   before it branched: v1.17.x holds 1.16.0-rc1 and nothing else of 1.16);
 * - the previous or next line missing while lines beyond it exist (a gap,
 *   within one major version);
 * - no line newer than the documented one: `n+1` is `latest` only when the
 *   data is known to reach the newest line that exists (its newest line,
 *   unreleased folders included, has no stable release yet: a development
 *   line, which only main's changelog holds; or the caller says so). A
 *   release branch's changelog never holds the next line.
 */
import type { Product, Release } from '../changelog/types.ts';
import { around, candidates, compareMinor, minorLines, newest } from './lines.ts';
import type { MinorLine } from './lines.ts';

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

export interface ValueOptions {
  /**
   * The data reaches the newest minor line that exists (e.g. the changelogs
   * of every branch up to main). Default: inferred, true when the data's
   * newest line (either product, unreleased folders included) has no stable
   * release yet.
   */
  newestLineKnown?: boolean;
}

export interface Undecided {
  key: VersionKey;
  /** Which data is missing, in a sentence. */
  reason: string;
}

export interface DerivedValues {
  values: Record<string, string>;
  /** Keys the data cannot decide (keys that do not exist, like n-2 of the first line, are simply absent). */
  undecided: Undecided[];
}

const NAMES: Record<Product, string> = { open_source: 'open source', enterprise: 'enterprise' };

/** `1.17` → `1.16` (undefined for `x.0`: the previous major's last line is unknown). */
function shift(minor: string, by: number): string | undefined {
  const [major, min] = minor.split('.').map(Number) as [number, number];
  return min + by < 0 ? undefined : `${major}.${min + by}`;
}

type Choice = { value: string } | { reason: string } | undefined;

/** Lines of one product and what the data can say about them. */
class ProductLines {
  readonly lines: MinorLine[];
  readonly product: Product;
  readonly newestKnown: boolean;

  constructor(releases: readonly Release[], product: Product, newestKnown: boolean) {
    this.product = product;
    this.lines = minorLines(releases, product);
    this.newestKnown = newestKnown;
  }

  get name(): string {
    return NAMES[this.product];
  }

  find(minor: string | undefined): MinorLine | undefined {
    return minor === undefined ? undefined : this.lines.find((l) => l.minor === minor);
  }

  /** A prerelease-only line older than the data's newest line: its own releases are elsewhere. */
  incomplete(line: MinorLine): string | undefined {
    if (line.stable.length > 0 || line === this.lines[0]) return undefined;
    return `the ${this.name} changelog has only prereleases of ${line.minor} (newest ${line.pre[0]!.version}) though it goes on to ${this.lines[0]!.minor}: ${line.minor}'s own releases are on its release branch, whose changelog is missing`;
  }

  /** Newest release of a line, or why it cannot be told. */
  newestOf(line: MinorLine): Choice {
    const why = this.incomplete(line);
    return why ? { reason: why } : { value: newest(line)!.version };
  }

  /** The line `offset` away (-1 previous, +1 next) as the data has it, or why it cannot be told; undefined when it does not exist. */
  neighbour(minor: string, offset: -1 | 1): { line: MinorLine } | { reason: string } | undefined {
    const near = around(this.lines, minor);
    const found = offset < 0 ? near.previous : near.next;
    const expected = shift(minor, offset);
    if (found && (expected === undefined || found.minor === expected || found.minor.split('.')[0] !== minor.split('.')[0])) return { line: found };
    if (found) return { reason: `the ${this.name} changelog has no release of ${expected} (it goes from ${minor} to ${found.minor}): ${expected}'s changelog is missing` };
    return undefined; // nothing beyond: the first line, or (next) the caller decides
  }
}

/**
 * The data's newest line (unreleased folders included) has no stable release
 * in one of the products: a development line, which only main's changelog holds.
 */
function reachesNewestLine(releases: readonly Release[]): boolean {
  const top = releases.reduce<string | undefined>((best, r) => (best === undefined || compareMinor(r.minor, best) > 0 ? r.minor : best), undefined);
  const atTop = releases.filter((r) => r.minor === top);
  return (['open_source', 'enterprise'] as const).some((p) => {
    const mine = atTop.filter((r) => r.product === p);
    return mine.length > 0 && mine.every((r) => r.prerelease || r.unreleased);
  });
}

export function deriveVersionValues(releases: readonly Release[], minor: string, options: ValueOptions = {}): DerivedValues {
  const values: Record<string, string> = {};
  const undecided: Undecided[] = [];
  const put = (key: VersionKey, pick: Choice) => {
    if (pick === undefined) return;
    if ('value' in pick) values[key] = pick.value;
    else undecided.push({ key, reason: pick.reason });
  };

  const newestKnown = options.newestLineKnown ?? reachesNewestLine(releases);
  for (const product of ['open_source', 'enterprise'] as const) {
    const data = new ProductLines(releases, product, newestKnown);
    const p = product === 'open_source' ? 'geoss' : 'gee';
    if (product === 'open_source') values.geoss_latest_minor = minor;
    if (data.lines.length === 0) {
      const keys = VERSION_KEYS.filter((k) => k.startsWith(`${p}_`) && !k.endsWith('_minor'));
      for (const key of keys) undecided.push({ key, reason: `the changelog has no ${data.name} release: its changelog is not among the sources` });
      continue;
    }
    const current = data.find(minor);
    const latest: Choice = current ? data.newestOf(current) : { reason: `the ${data.name} changelog has no release of ${minor}` };
    put(`${p}_latest` as VersionKey, latest);

    const prev = data.neighbour(minor, -1);
    const prevLine = prev && 'line' in prev ? prev.line : undefined;
    const prevPick: Choice = prev === undefined ? undefined : 'reason' in prev ? prev : data.newestOf(prev.line);
    put(`${p}_n-1` as VersionKey, prevPick);

    const next = data.neighbour(minor, 1);
    let nextPick: Choice;
    if (next === undefined) {
      nextPick = data.newestKnown
        ? latest
        : {
            reason: `the ${data.name} changelog has no line newer than ${minor}, and a release branch's changelog never holds the next line: ${shift(minor, 1)}'s changelog (its branch, or main) is missing`,
          };
    } else nextPick = 'reason' in next ? next : data.newestOf(next.line);
    put(`${p}_n+1` as VersionKey, nextPick);

    if (product === 'open_source') {
      if (prev && 'reason' in prev) put('geoss_n-1_minor', prev);
      else if (prevLine) values['geoss_n-1_minor'] = prevLine.minor;
      if (prevLine) {
        const before = data.neighbour(prevLine.minor, -1);
        if (before && 'reason' in before) put('geoss_n-2_minor', before);
        else if (before) values['geoss_n-2_minor'] = before.line.minor;
      }
    } else if (prevLine) {
      const why = data.incomplete(prevLine);
      const older = candidates(prevLine)[1];
      if (why) put('gee_n-1_oldpatch', { reason: why });
      else if (older) values['gee_n-1_oldpatch'] = older.version;
      else put('gee_n-1_oldpatch', { reason: `the ${data.name} changelog has only one release of ${prevLine.minor}` });
    } else if (prev && 'reason' in prev) put('gee_n-1_oldpatch', prev);
  }
  const order = (k: string) => VERSION_KEYS.indexOf(k as VersionKey);
  return {
    values: Object.fromEntries(Object.entries(values).sort((a, b) => order(a[0]) - order(b[0]))),
    undecided: undecided.sort((a, b) => order(a.key) - order(b.key)),
  };
}

/** The values the data decides (see deriveVersionValues for the rest). */
export function versionValues(releases: readonly Release[], minor: string, options: ValueOptions = {}): Record<string, string> {
  return deriveVersionValues(releases, minor, options).values;
}

/** The keys of VERSION_KEYS that `values` lacks, for the caller to report. */
export function missingKeys(values: Record<string, string>): VersionKey[] {
  return VERSION_KEYS.filter((k) => values[k] === undefined);
}
