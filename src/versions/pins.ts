/**
 * Pinned version snippets: a `static/content/version_<key>.md` file that is
 * still in a docs version's snippet folder is deliberate and wins over the
 * value derived from the changelog. When the two disagree the pin is likely
 * stale (Gloo issue 5393), so the build warns.
 */
import fs from 'node:fs';
import path from 'node:path';
import { excerpt, warning } from '../util/diagnostics.ts';
import type { Diagnostic } from '../util/diagnostics.ts';

const PIN = /^version_(.+)\.md$/;

export interface PinOptions {
  /** Project root: diagnostics name files relative to it. */
  root: string;
}

/**
 * The derived values with pins from `snippetDir` applied (a missing folder
 * means no pins), and a warning for every pin that disagrees or is empty.
 */
export function applyPins(
  snippetDir: string,
  derived: Readonly<Record<string, string>>,
  options: PinOptions,
): { values: Record<string, string>; diagnostics: Diagnostic[] } {
  const values = { ...derived };
  const diagnostics: Diagnostic[] = [];
  const dir = path.resolve(options.root, snippetDir);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) return { values, diagnostics };
  const names = fs.readdirSync(dir).filter((n) => PIN.test(n)).sort();
  for (const name of names) {
    const key = PIN.exec(name)![1]!;
    const file = path.relative(options.root, path.join(dir, name)).split(path.sep).join('/');
    const pinned = fs.readFileSync(path.join(dir, name), 'utf8').trim();
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
  return { values, diagnostics };
}
