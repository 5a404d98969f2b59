/**
 * Pinned version snippets: a `static/content/version_<key>.md` file that is
 * still in a docs version's snippet folder is deliberate and wins over the
 * value derived from the changelog. When the two disagree the pin is likely
 * stale (Gloo issue 5393), so the build warns: but only about a value the
 * data decides. Where the data cannot decide (see values.ts), the pin simply
 * wins, silently; with neither a pin nor the data, the build says which data
 * is missing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { error, excerpt, warning } from '../util/diagnostics.ts';
import { notRegularFile } from '../util/files.ts';
import { walkDir } from '../util/walk.ts';
import type { Diagnostic } from '../util/diagnostics.ts';
import type { Undecided } from './values.ts';

const PIN = /^version_(.+)\.md$/;

export interface PinOptions {
  /** Project root: diagnostics name files relative to it. */
  root: string;
  /** Keys the changelog cannot decide for this docs version, with why. */
  undecided?: readonly Undecided[];
  /** The docs version, for messages (`v1.17.x`). */
  version?: string;
}

/** One snippet file: its name (`version_geoss_latest.md`), text, and how diagnostics name it. */
export interface PinFile {
  name: string;
  text: string;
  file: string;
}

/**
 * The derived values with pins from `snippetDir` applied (a missing folder
 * means no pins), a warning for every pin that disagrees with a decided
 * value or is empty, and one for every undecided key no pin covers.
 */
export function applyPins(
  snippetDir: string,
  derived: Readonly<Record<string, string>>,
  options: PinOptions,
): { values: Record<string, string>; diagnostics: Diagnostic[] } {
  const dir = path.resolve(options.root, snippetDir);
  const rel = (name: string) => path.relative(options.root, path.join(dir, name)).split(path.sep).join('/');
  const names = (walkDir(dir, { shallow: true }) ?? []).map((e) => e.name).filter((n) => PIN.test(n));
  const refused: Diagnostic[] = [];
  const pins: PinFile[] = [];
  for (const name of names) {
    const special = notRegularFile(path.join(dir, name));
    if (special) refused.push(error(rel(name), 0, 0, `pin \`${name}\` is ${special}, not a regular file; it is not read`, { hint: 'a pin is a regular file holding one version' }));
    else pins.push({ name, text: fs.readFileSync(path.join(dir, name), 'utf8'), file: rel(name) });
  }
  const applied = applyPinFiles(pins, derived, { ...options, fileOf: (name) => rel(name) });
  return { values: applied.values, diagnostics: [...refused, ...applied.diagnostics] };
}

/**
 * The same from snippet files already read (e.g. a git ref's blobs, no
 * checkout). `fileOf` names the file that would pin a key, for the
 * undecided-key warnings.
 */
export function applyPinFiles(
  pins: readonly PinFile[],
  derived: Readonly<Record<string, string>>,
  options: Omit<PinOptions, 'root'> & { fileOf: (name: string) => string },
): { values: Record<string, string>; diagnostics: Diagnostic[] } {
  const values = { ...derived };
  const diagnostics: Diagnostic[] = [];
  for (const { name, text, file } of [...pins].filter((p) => PIN.test(p.name)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const key = PIN.exec(name)![1]!;
    const pinned = text.trim();
    if (!pinned) {
      diagnostics.push(
        warning(file, 1, 1, `empty pin \`${name}\` is ignored`, { hint: 'delete it to use the value derived from the changelog' }),
      );
      continue;
    }
    const value = derived[key];
    if (value !== undefined && value !== pinned) {
      diagnostics.push(
        warning(file, 1, 1, `stale pin: \`${name}\` says ${pinned} but the changelog gives ${value}; the pin is used`, {
          excerpt: excerpt(pinned),
          hint: 'delete the file to use the derived value, or update it if the pin is deliberate',
        }),
      );
    }
    values[key] = pinned;
  }
  const of = options.version ? ` for docs version ${options.version}` : '';
  for (const { key, reason } of options.undecided ?? []) {
    if (values[key] !== undefined) continue;
    const file = options.fileOf(`version_${key}.md`);
    diagnostics.push(
      warning(file, 0, 0, `no value for \`${key}\`${of}: ${reason}`, {
        hint: `add the missing changelog to the sources, or pin the value in ${file}`,
      }),
    );
  }
  return { values, diagnostics };
}
