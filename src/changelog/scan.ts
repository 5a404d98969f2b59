/**
 * One changelog folder (one copy, e.g. one branch's `changelog/`) into
 * release folders: every file validated, nothing thrown at the user. The
 * folder comes as a list of files, so it can be read from disk
 * (`readChangelogTree`) or from git objects (another branch, no checkout).
 */
import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import type { ChangelogEntry, Product } from './types.ts';
import { parseChangelogFile, type ParsedFile } from './parse-file.ts';
import { notRegularFile } from '../util/files.ts';
import { byCodeUnit, walkDir } from '../util/walk.ts';
import type { Report } from './report.ts';

/** A file in a release folder that marks the release as not yet tagged. */
export const UNRELEASED_MARKER = 'UNRELEASED';
const PROSE = new Set(['summary.md', 'closing.md']);
/** Solo's changelog validation settings (`allowedLabels`, `activeSubdirectory`), beside the release folders. */
const VALIDATION_SETTINGS = 'validation.yaml';
const YAML_EXT = /\.ya?ml$/;

/** One entry of a changelog folder. */
export interface ChangelogFile {
  /** Relative to the changelog folder, `/`-separated: `v1.17.3/fix.yaml`. */
  path: string;
  /** The text; absent for a folder or a file that could not be read. */
  text?: string;
  /** A folder (only needed for folders with nothing in them: a file's path implies its folders). */
  folder?: boolean;
  /** Why the file could not be read (`EISDIR`, …). */
  unreadable?: string;
  /** What the entry is when it is no regular file (`a FIFO (named pipe)`): not read. */
  special?: string;
}

export interface ReleaseFolder {
  product: Product;
  version: string;
  tag: string;
  /** Folder as diagnostics name it (relative to the project root, or `ref:path`). */
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

/** Every file and folder under `dir` (dot files left out), or undefined when there is no such folder. */
export function readChangelogTree(dir: string): ChangelogFile[] | undefined {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) return undefined;
  const out: ChangelogFile[] = [];
  for (const item of walkDir(dir, { skip: (e) => e.name.startsWith('.') }) ?? []) {
    const p = item.path;
    if (item.dirent.isDirectory()) {
      out.push({ path: p, folder: true });
      continue;
    }
    const special = notRegularFile(item.full);
    if (special) {
      out.push({ path: p, special });
      continue;
    }
    try {
      out.push({ path: p, text: fs.readFileSync(item.full, 'utf8') });
    } catch (e) {
      out.push({ path: p, unreadable: (e as NodeJS.ErrnoException).code ?? 'read error' });
    }
  }
  return out.sort((a, b) => byCodeUnit(a.path, b.path));
}

/**
 * Files already parsed, by path and text: a file identical on several
 * branches is parsed once. Its problems are reported once, at its first
 * copy, when the branches make one changelog (loadRefChangelogs); with
 * `replay`, again at every copy, when each branch's changelog stands alone
 * (a build from git: each version has its own changelog and problems).
 */
export interface ParseCache {
  files: Map<string, { parsed: ParsedFile; problems: Parameters<Report>[] }>;
  replay: boolean;
}

function readFolder(
  product: Product,
  name: string,
  version: string,
  files: readonly ChangelogFile[],
  at: (p: string) => string,
  report: Report,
  cache: ParseCache | undefined,
): ReleaseFolder {
  const folder: ReleaseFolder = {
    product,
    version,
    tag: name,
    dir: at(name),
    files: new Map(),
    unreleased: false,
    releaseStableApi: false,
  };
  const nested = new Set<string>();
  for (const file of files) {
    const [, child, ...deeper] = file.path.split('/');
    if (child === undefined || child.startsWith('.')) continue;
    if (deeper.length > 0 || file.folder) {
      if (!nested.has(child)) {
        nested.add(child);
        report(at(`${name}/${child}`), 0, 0, 'unexpected folder inside a release folder; it is ignored', {
          hint: 'release folders hold YAML files, summary.md and closing.md only',
        });
      }
      continue;
    }
    const rel = at(file.path);
    if (child === UNRELEASED_MARKER) {
      folder.unreleased = true;
      continue;
    }
    if (file.special) {
      report(rel, 0, 0, `\`${child}\` is ${file.special}, not a regular file; it is not read`, { hint: 'release folders hold regular files only' });
      continue;
    }
    if (file.text === undefined) {
      report(rel, 0, 0, `cannot read \`${child}\`: ${file.unreadable ?? 'read error'}`, {
        hint: 'release folders hold regular files only',
      });
      continue;
    }
    if (PROSE.has(child)) {
      const prose = file.text.trim();
      if (prose) folder[child === 'summary.md' ? 'summary' : 'closing'] = prose;
      continue;
    }
    if (child.endsWith('.md')) {
      report(rel, 0, 0, `Markdown file \`${child}\` is not read`, {
        hint: 'only summary.md and closing.md are read as prose',
      });
      continue;
    }
    // Replayed problems name the file as its first copy did: the path in the key is the one they name.
    const key = `${product}\0${cache?.replay ? rel : file.path}\0${file.text}`;
    const seen = cache?.files.get(key);
    if (seen && !cache!.replay) {
      if (seen.parsed.usable) folder.files.set(child, seen.parsed.entries);
      if (seen.parsed.releaseStableApi) folder.releaseStableApi = true;
      continue;
    }
    if (!YAML_EXT.test(child)) {
      const stem = child.replace(/\.y[a-z]*$/i, '');
      // Solo's tooling reads every file of a release folder but summary.md and closing.md as YAML
      report(rel, 0, 0, `\`${child}\` is not named like a YAML file (read as YAML anyway)`, {
        hint: `rename it to ${stem}.yaml`,
        quirk: true,
      });
    }
    let parsed: ParsedFile;
    if (seen) {
      for (const problem of seen.problems) report(...problem);
      // Each copy's entries are its own.
      parsed = structuredClone(seen.parsed);
    } else {
      const problems: Parameters<Report>[] = [];
      parsed = parseChangelogFile(file.text, rel, cache ? (...problem) => (problems.push(problem), report(...problem)) : report);
      cache?.files.set(key, { parsed: cache.replay ? structuredClone(parsed) : parsed, problems });
    }
    if (parsed.usable) folder.files.set(child, parsed.entries);
    if (parsed.releaseStableApi) folder.releaseStableApi = true;
  }
  return folder;
}

/**
 * Every release folder of one changelog folder given as its files, in name
 * order. `label` is how diagnostics name the changelog folder (`changelog`,
 * `v1.17.x:changelog`).
 */
export function scanChangelogFiles(
  product: Product,
  files: readonly ChangelogFile[],
  label: string,
  report: Report,
  cache?: ParseCache,
): ReleaseFolder[] {
  const at = (p: string) => (label ? `${label}/${p}` : p);
  const groups = new Map<string, ChangelogFile[]>();
  for (const file of [...files].sort((a, b) => byCodeUnit(a.path, b.path))) {
    const [top, ...rest] = file.path.split('/');
    if (!top || top.startsWith('.')) continue;
    if (rest.length === 0 && !file.folder) {
      if (top === VALIDATION_SETTINGS) continue;
      report(at(top), 0, 0, `stray file outside a release folder: \`${top}\` is ignored`, {
        hint: 'changelog files go in a release folder such as v1.17.3/; move or delete this one',
      });
      continue;
    }
    let group = groups.get(top);
    if (!group) groups.set(top, (group = []));
    if (rest.length > 0) group.push(file);
  }
  const out: ReleaseFolder[] = [];
  for (const [name, group] of groups) {
    const version = versionOfFolder(name);
    if (version === undefined) {
      const fixed = versionOfFolder(`v${name}`);
      report(at(name), 0, 0, `folder name \`${name}\` is not a release version; the folder is ignored`, {
        hint: fixed ? `did you mean v${name}?` : 'name release folders vMAJOR.MINOR.PATCH, optionally with a prerelease: v1.18.0-beta2',
      });
      continue;
    }
    out.push(readFolder(product, name, version, group, at, report, cache));
  }
  return out;
}

/** Every release folder of one changelog folder on disk, in name order. */
export function scanChangelogDir(product: Product, dir: string, root: string, report: Report): ReleaseFolder[] {
  const abs = path.resolve(root, dir);
  const rel = relPath(root, abs);
  const files = readChangelogTree(abs);
  if (files === undefined) {
    report(rel, 0, 0, `changelog folder not found for ${product}`, { hint: 'check the changelog sources in the site config' });
    return [];
  }
  return scanChangelogFiles(product, files, rel, report);
}
