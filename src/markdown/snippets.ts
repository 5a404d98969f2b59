/**
 * The version snippet files (`static/content/version_<key>.md`, REFERENCE.md
 * section 2): which keys exist, and the values a docs root's files hold.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { notRegularFile } from '../util/files.ts';
import { walkDir } from '../util/walk.ts';
import { DEFAULTS } from '../config/define.ts';
import { VERSION_KEYS } from '../versions/values.ts';

/** The keys with per-version values: the changelog derives them (src/versions/values.ts). */
export const SNIPPET_KEYS = VERSION_KEYS;

/** Where a Hugo docs root keeps the snippet files: the config's default `snippets` folder (src/config/schema.ts). */
export const SNIPPET_DIR = DEFAULTS.snippets;

/** Values of the snippet files present under `<root>/static/content/`. */
export function readSnippetFiles(root: string): Record<string, string> {
  const dir = path.join(root, SNIPPET_DIR);
  const values: Record<string, string> = {};
  for (const { name } of walkDir(dir, { shallow: true }) ?? []) {
    const m = /^version_(.+)\.md$/.exec(name);
    // A pin that is not a regular file is reported by the pins' check (src/versions/pins.ts), never read.
    if (m && !notRegularFile(path.join(dir, name))) values[m[1]!] = readFileSync(path.join(dir, name), 'utf8').trim();
  }
  return values;
}
