/**
 * Merge copies of the same release found in several changelog folders (each
 * minor line's branch carries its own copy). Copies must agree: the same
 * entries and prose. A disagreement is always an error, whatever the mode:
 * there is no way to tell which copy is right.
 */
import { error } from '../util/diagnostics.ts';
import type { Diagnostic } from '../util/diagnostics.ts';
import type { ChangelogEntry } from './types.ts';
import type { ReleaseFolder } from './scan.ts';

function content(entries: readonly ChangelogEntry[]): string[] {
  return entries.map(({ file: _file, line: _line, ...rest }) =>
    JSON.stringify(rest, Object.keys(rest).sort()),
  );
}

function signature(f: ReleaseFolder): string {
  const all = [...f.files.values()].flatMap(content).sort();
  return JSON.stringify([all, f.summary ?? '', f.closing ?? '']);
}

/** The first place two copies differ: the file in each copy (or the folder lacking it) and what differs. */
function firstDifference(a: ReleaseFolder, b: ReleaseFolder): { inA: string; inB: string; what: string } {
  const names = [...new Set([...a.files.keys(), ...b.files.keys()])].sort();
  for (const n of names) {
    const x = a.files.get(n);
    const y = b.files.get(n);
    if (!x || !y) {
      return { inA: x ? `${a.dir}/${n}` : a.dir, inB: y ? `${b.dir}/${n}` : b.dir, what: `${n} is only in one of them` };
    }
    if (JSON.stringify(content(x)) !== JSON.stringify(content(y))) {
      return { inA: `${a.dir}/${n}`, inB: `${b.dir}/${n}`, what: 'their entries differ' };
    }
  }
  for (const prose of ['summary', 'closing'] as const) {
    if ((a[prose] ?? '') !== (b[prose] ?? '')) {
      return { inA: `${a.dir}/${prose}.md`, inB: `${b.dir}/${prose}.md`, what: `their ${prose} prose differs` };
    }
  }
  return { inA: a.dir, inB: b.dir, what: 'their entries differ' };
}

export interface MergedFolder {
  folder: ReleaseFolder;
  dirs: string[];
  /** Unreleased only when every copy says so. */
  unreleased: boolean;
}

/** Group folders by product and version; the first copy is kept. */
export function mergeFolders(folders: readonly ReleaseFolder[], diagnostics: Diagnostic[]): MergedFolder[] {
  const byKey = new Map<string, MergedFolder & { sig: string }>();
  for (const f of folders) {
    const key = `${f.product}\0${f.version}`;
    const seen = byKey.get(key);
    if (!seen) {
      byKey.set(key, { folder: f, dirs: [f.dir], unreleased: f.unreleased, sig: signature(f) });
      continue;
    }
    if (seen.sig !== signature(f)) {
      const { inA, inB, what } = firstDifference(seen.folder, f);
      diagnostics.push(
        error(inB, 0, 0, `${f.product} ${f.tag} differs between ${inA} and ${inB} (${what}); the first copy is used`, {
          hint: 'the same release must have the same entries on every branch; copy the newer file to the other branch',
        }),
      );
      continue;
    }
    seen.dirs.push(f.dir);
    seen.unreleased &&= f.unreleased;
  }
  return [...byKey.values()].map(({ sig: _sig, ...m }) => m);
}
