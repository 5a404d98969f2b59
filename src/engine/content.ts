/**
 * The content tree, Hugo's way: every Markdown page under the content folder
 * with the route it gets (`a/b.md` → `a/b/`; `a/_index.md`, a section, and
 * `a/index.md`, a page bundle, → `a/`). A page bundle's folder belongs to its
 * `index.md`: its other files are resources (published next to the page),
 * never pages. Dot files and excluded folders (the snippet folder, when it
 * sits inside the content folder) are skipped. Sorted, so builds are
 * deterministic.
 */
import { readdirSync, readFileSync, type Dirent } from 'node:fs';
import path from 'node:path';

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
}

export function routeOf(relative: string): string {
  const parts = relative.split('/');
  const name = parts.pop()!.replace(/\.md$/, '');
  if (name !== '_index' && name !== 'index') parts.push(name);
  return parts.length ? `${parts.join('/')}/` : '';
}

export function loadContent(projectDir: string, contentDir: string, options: ContentOptions = {}): SourcePage[] {
  const root = path.resolve(projectDir, contentDir);
  const excluded = new Set((options.exclude ?? []).map((d) => path.resolve(projectDir, d)));
  const pages: SourcePage[] = [];
  const rel = (full: string) => path.relative(root, full).split(path.sep).join('/');
  const list = (dir: string): Dirent[] =>
    readdirSync(dir, { withFileTypes: true })
      .filter((e) => !e.name.startsWith('.') && !excluded.has(path.join(dir, e.name)))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const page = (full: string, resources: string[]): SourcePage => ({
    file: path.relative(projectDir, full).split(path.sep).join('/'),
    path: rel(full),
    route: routeOf(rel(full)),
    raw: readFileSync(full, 'utf8'),
    resources,
  });
  /** Every non-Markdown file under a bundle folder. */
  const bundleFiles = (dir: string): string[] =>
    list(dir).flatMap((e) => {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) return bundleFiles(full);
      return e.isFile() && !e.name.endsWith('.md') ? [rel(full)] : [];
    });
  const walk = (dir: string) => {
    const entries = list(dir);
    if (dir !== root && entries.some((e) => e.isFile() && e.name === 'index.md')) {
      pages.push(page(path.join(dir, 'index.md'), bundleFiles(dir)));
      return;
    }
    const files = entries.filter((e) => e.isFile() && !e.name.endsWith('.md')).map((e) => rel(path.join(dir, e.name)));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      // A section's (`_index.md`) own files are its resources, as in a Hugo branch bundle.
      else if (entry.isFile() && entry.name.endsWith('.md')) pages.push(page(full, entry.name === '_index.md' ? files : []));
    }
  };
  walk(root);
  return pages;
}
