/**
 * Version values for docs versions built from git refs (issue 13): the
 * changelogs of every ref merged (src/changelog/branches.ts), then each
 * ref's values derived from the whole (values.ts). A ref documents the minor
 * line its name gives (`v1.17.x` → 1.17); a ref without one (`main`) the
 * newest line of its own changelog.
 */
import { loadRefChangelogs, type RefChangelog, type RefLoadOptions } from '../changelog/branches.ts';
import type { Release } from '../changelog/types.ts';
import type { Diagnostic } from '../util/diagnostics.ts';
import { error } from '../util/diagnostics.ts';
import { compareMinor } from './lines.ts';
import { deriveVersionValues, type Undecided, type ValueOptions } from './values.ts';

export interface RefValues {
  ref: string;
  /** The minor line the ref documents. */
  minor: string;
  values: Record<string, string>;
  undecided: Undecided[];
}

/** `v1.17.x`, `v1.17`, `release-1.17` → `1.17`; undefined for `main`. */
export function minorOfRefName(ref: string): string | undefined {
  const m = /(?:^|[^\d.])(\d+)\.(\d+)(?:\.x)?$/.exec(ref);
  return m ? `${Number(m[1])}.${Number(m[2])}` : undefined;
}

/** The releases read from one ref's changelog (a release on several refs counts for each). */
export function releasesOfRef(releases: readonly Release[], ref: string): Release[] {
  return releases.filter((r) => r.dirs.some((d) => d.startsWith(`${ref}:`)));
}

export function valuesForRefs(
  refs: readonly RefChangelog[],
  options: RefLoadOptions & ValueOptions,
): { releases: Release[]; versions: RefValues[]; diagnostics: Diagnostic[] } {
  const { releases, diagnostics } = loadRefChangelogs(refs, options);
  const versions: RefValues[] = [];
  for (const { ref } of refs) {
    let minor = minorOfRefName(ref);
    if (minor === undefined) {
      const own = releasesOfRef(releases, ref).filter((r) => r.product === 'open_source');
      minor = own.map((r) => r.minor).sort((a, b) => compareMinor(b, a))[0];
    }
    if (minor === undefined) {
      diagnostics.push(
        error(`${ref}:changelog`, 0, 0, `cannot tell which minor line ref \`${ref}\` documents: its name has no version and its changelog no open source release`, {
          hint: 'name release branches vMAJOR.MINOR.x, or give the ref a changelog',
        }),
      );
      continue;
    }
    versions.push({ ref, minor, ...deriveVersionValues(releases, minor, options) });
  }
  return { releases, versions, diagnostics };
}
