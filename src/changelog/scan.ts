/**
 * Read one changelog folder (one copy, e.g. one branch's `changelog/`) into
 * release folders: every file validated, nothing thrown at the user.
 */
import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import type { ChangelogEntry, Product } from './types.ts';
import { parseChangelogFile } from './parse-file.ts';
import { notRegularFile } from '../util/files.ts';
import type { Report } from './report.ts';

/** A file in a release folder that marks the release as not yet tagged. */
export const UNRELEASED_MARKER = 'UNRELEASED';
const PROSE = new Set(['summary.md', 'closing.md']);
const YAML_EXT = /\.ya?ml$/;

export interface ReleaseFolder {
  product: Product;
  version: string;
  tag: string;
  /** Folder path relative to the project root. */
  dir: string;
  /** Entries by file name, files in name order. */
  files: Map<string, ChangelogEntry[]>;
  summary?: string;
  closing?: string;
  unreleased: boolean;
  releaseStableApi: boolean;
}

export function relPath(root: string, abs: string): string {
  return path.relative(root, abs).split(path.sep).join('/');
}

/** `v1.17.3` / `v1.18.0-beta2` → the semver, or undefined. */
export function versionOfFolder(name: string): string | undefined {
  const m = /^v(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$/.exec(name);
  return m && semver.valid(m[1]!) ? m[1]! : undefined;
}

function listSorted(dir: string): fs.Dirent[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => !d.name.startsWith('.'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function readFolder(product: Product, abs: string, version: string, root: string, report: Report): ReleaseFolder {
  const name = path.basename(abs);
  const folder: ReleaseFolder = {
    product,
    version,
    tag: name,
    dir: relPath(root, abs),
    files: new Map(),
    unreleased: false,
    releaseStableApi: false,
  };
  for (const item of listSorted(abs)) {
    const file = path.join(abs, item.name);
    const rel = relPath(root, file);
    if (item.isDirectory()) {
      report(rel, 0, 0, 'unexpected folder inside a release folder; it is ignored', {
        hint: 'release folders hold YAML files, summary.md and closing.md only',
      });
      continue;
    }
    if (item.name === UNRELEASED_MARKER) {
      folder.unreleased = true;
      continue;
    }
    const special = notRegularFile(file);
    if (special) {
      report(rel, 0, 0, `\`${item.name}\` is ${special}, not a regular file; it is not read`, { hint: 'release folders hold regular files only' });
      continue;
    }
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      report(rel, 0, 0, `cannot read \`${item.name}\`: ${(e as NodeJS.ErrnoException).code ?? 'read error'}`, {
        hint: 'release folders hold regular files only',
      });
      continue;
    }
    if (PROSE.has(item.name)) {
      const prose = text.trim();
      if (prose) folder[item.name === 'summary.md' ? 'summary' : 'closing'] = prose;
      continue;
    }
    if (item.name.endsWith('.md')) {
      report(rel, 0, 0, `Markdown file \`${item.name}\` is not read`, {
        hint: 'only summary.md and closing.md are read as prose',
      });
      continue;
    }
    if (!YAML_EXT.test(item.name)) {
      const stem = item.name.replace(/\.y[a-z]*$/i, '');
      report(rel, 0, 0, `\`${item.name}\` is not named like a YAML file (read as YAML anyway)`, {
        hint: `rename it to ${stem}.yaml`,
      });
    }
    const parsed = parseChangelogFile(text, rel, report);
    if (parsed.usable) folder.files.set(item.name, parsed.entries);
    if (parsed.releaseStableApi) folder.releaseStableApi = true;
  }
  return folder;
}

/** Every release folder of one changelog folder, in name order. */
export function scanChangelogDir(product: Product, dir: string, root: string, report: Report): ReleaseFolder[] {
  const abs = path.resolve(root, dir);
  const rel = relPath(root, abs);
  if (!fs.existsSync(abs) || !fs.statSync(abs).isDirectory()) {
    report(rel, 0, 0, `changelog folder not found for ${product}`, { hint: 'check the changelog sources in the site config' });
    return [];
  }
  const out: ReleaseFolder[] = [];
  for (const item of listSorted(abs)) {
    const child = path.join(abs, item.name);
    const childRel = relPath(root, child);
    if (!item.isDirectory()) {
      report(childRel, 0, 0, `stray file outside a release folder: \`${item.name}\` is ignored`, {
        hint: 'changelog files go in a release folder such as v1.17.3/; move or delete this one',
      });
      continue;
    }
    const version = versionOfFolder(item.name);
    if (version === undefined) {
      const fixed = versionOfFolder(`v${item.name}`);
      report(childRel, 0, 0, `folder name \`${item.name}\` is not a release version; the folder is ignored`, {
        hint: fixed ? `did you mean v${item.name}?` : 'name release folders vMAJOR.MINOR.PATCH, optionally with a prerelease: v1.18.0-beta2',
      });
      continue;
    }
    out.push(readFolder(product, child, version, root, report));
  }
  return out;
}
