/**
 * The content tree, Hugo's way: every Markdown page under the content folder
 * with the route it gets (`a/b.md` → `a/b/`; `a/_index.md`, a section, and
 * `a/index.md`, a page bundle, → `a/`). A page bundle's folder belongs to its
 * `index.md`: its other files are resources (published next to the page),
 * never pages. Dot files and excluded folders (the snippet folder, when it
 * sits inside the content folder) are skipped. Sorted, so builds are
 * deterministic.
 */
import { lstatSync, readFileSync, readlinkSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { error, warning, type Diagnostic } from '../util/diagnostics.ts';
import { specialFileKind } from '../util/files.ts';
import { walkDir } from '../util/walk.ts';

export interface SourcePage {
  /** Path relative to the project, with `/`: `content/operations/upgrading/upgrade_steps.md`. */
  file: string;
  /** Path relative to the content folder, with `/`: `operations/upgrading/upgrade_steps.md`. */
  path: string;
  /** `operations/upgrading/upgrade_steps/`; `` for the home page. */
  route: string;
  raw: string;
  /** Files of the page's bundle (not Markdown), relative to the content folder: published next to the page. */
  resources: string[];
}

export interface ContentOptions {
  /** Folders to skip, relative to the project (e.g. the snippet folder inside the content folder). */
  exclude?: readonly string[];
  /** Where to report what is not read: symbolic links (not followed, as in Hugo) and special files. */
  diagnostics?: Diagnostic[];
  /** Files to skip (Hugo's `ignoreFiles`): a file whose absolute path matches one is neither a page nor published. */
  ignore?: readonly RegExp[];
}

export interface ContentTree {
  pages: SourcePage[];
  /** Every other non-Markdown file under the content folder (outside page bundles), relative to it: published where it is, as Hugo does (`img/logo.png`). */
  files: string[];
}

export function routeOf(relative: string): string {
  const parts = relative.split('/');
  const name = parts.pop()!.replace(/\.md$/, '');
  if (name !== '_index' && name !== 'index') parts.push(name);
  return parts.length ? `${parts.join('/')}/` : '';
}

/** Characters a file name cannot carry into its page's URL as they are (Hugo would publish a URL that does not reach the file). */
const URL_SPECIAL = /[%#?]/;
const URL_MEANING: Record<string, string> = { '%': 'an escape such as %20', '#': 'the start of an anchor', '?': 'the start of a query' };

export function loadContent(projectDir: string, contentDir: string, options: ContentOptions = {}): SourcePage[] {
  return loadContentTree(projectDir, contentDir, options).pages;
}

export function loadContentTree(projectDir: string, contentDir: string, options: ContentOptions = {}): ContentTree {
  const root = path.resolve(projectDir, contentDir);
  const excluded = new Set((options.exclude ?? []).map((d) => path.resolve(projectDir, d)));
  const ignored = (full: string) => (options.ignore ?? []).some((re) => re.test(full.split(path.sep).join('/')));
  const pages: SourcePage[] = [];
  const loose: string[] = [];
  const rel = (full: string) => path.relative(root, full).split(path.sep).join('/');
  const reported = new Set<string>();
  /** Symbolic links and special files are never read: Hugo does not follow links inside the content folder either. */
  const notRead = (full: string, e: Dirent): boolean => {
    const file = path.relative(projectDir, full).split(path.sep).join('/');
    const unsafe = URL_SPECIAL.exec(e.name);
    if (unsafe) {
      options.diagnostics?.push(error(file, 0, 0, `\`${e.name}\` has \`${unsafe[0]}\` in its name, which means something else in a URL (${URL_MEANING[unsafe[0]]}); it is not read`, {
        hint: `Rename it without \`%\`, \`#\` or \`?\`, e.g. \`${e.name.replace(/%/g, '-percent').replace(/[#?]/g, '-')}\`.`,
      }));
      return true;
    }
    if (e.isFile() || e.isDirectory()) return false;
    if (!reported.has(file)) {
      reported.add(file);
      if (e.isSymbolicLink()) {
        options.diagnostics?.push(warning(file, 0, 0, `\`${file}\` is a symbolic link to \`${readlinkSync(full)}\`; it is not followed, so it is no page or file of the site`, {
          hint: 'Hugo does not follow symbolic links inside the content folder either: copy or move the file here instead.',
        }));
      } else {
        options.diagnostics?.push(error(file, 0, 0, `\`${file}\` is ${specialFileKind(lstatSync(full)) ?? 'not a regular file'}; it is not read`, {
          hint: 'The content folder holds regular files and folders only: remove it.',
        }));
      }
    }
    return true;
  };
  const walked = walkDir(root, {
    skip: (e) => e.name.startsWith('.') || excluded.has(e.full) || (e.dirent.isFile() && ignored(e.full)) || notRead(e.full, e.dirent),
  });
  if (!walked) {
    const shown = path.relative(projectDir, root).split(path.sep).join('/') || '.';
    options.diagnostics?.push(error(shown, 0, 0, `The content folder \`${shown}\` is not a folder that can be read`, { hint: 'Create it, or fix `content` in the site config (relative to the config file).' }));
  }
  const entries = walked ?? [];
  const page = (full: string, resources: string[]): SourcePage => ({
    file: path.relative(projectDir, full).split(path.sep).join('/'),
    path: rel(full),
    route: routeOf(rel(full)),
    raw: readFileSync(full, 'utf8'),
    resources,
  });
  const folderOf = (p: string) => p.slice(0, Math.max(0, p.lastIndexOf('/')));
  const files = entries.filter((e) => e.dirent.isFile());
  const named = (folder: string, name: string) => files.some((e) => e.name === name && folderOf(e.path) === folder);
  // A page bundle: a folder (not the content folder itself) with an `index.md`; the outermost one owns everything under it.
  const bundles = new Set(files.filter((e) => e.name === 'index.md' && e.path !== 'index.md').map((e) => folderOf(e.path)));
  const bundleOf = (p: string): string | undefined => {
    const parts = p.split('/');
    for (let i = 1; i <= parts.length; i++) if (bundles.has(parts.slice(0, i).join('/'))) return parts.slice(0, i).join('/');
    return undefined;
  };
  /** The files of a folder (not Markdown), relative to the content folder; with `deep`, of its subfolders too. */
  const filesOf = (folder: string, deep: boolean) =>
    files
      .filter((e) => !e.name.endsWith('.md') && (deep ? e.path.startsWith(`${folder}/`) : folderOf(e.path) === folder))
      .map((e) => e.path);
  for (const entry of entries) {
    const bundle = bundleOf(entry.path);
    if (bundle === entry.path) pages.push(page(path.join(entry.full, 'index.md'), filesOf(bundle, true)));
    // A section's (`_index.md`) own files are its resources, as in a Hugo branch bundle.
    else if (bundle === undefined && entry.dirent.isFile() && entry.name.endsWith('.md')) pages.push(page(entry.full, entry.name === '_index.md' ? filesOf(folderOf(entry.path), false) : []));
  }
  // Files of a folder without `_index.md` belong to no page; Hugo publishes them all the same.
  for (const folder of ['', ...entries.filter((e) => e.dirent.isDirectory() && bundleOf(e.path) === undefined).map((e) => e.path)]) {
    if (!named(folder, '_index.md')) loose.push(...filesOf(folder, false));
  }
  return { pages, files: loose };
}
