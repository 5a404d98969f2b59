/**
 * The content tree: every Markdown page under the content folder, with the
 * route it gets (Hugo's: `a/b.md` → `a/b/`, `a/_index.md` and `a/index.md` → `a/`).
 * Sorted, so builds are deterministic.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface SourcePage {
  /** Path relative to the project, with `/`: `content/operations/upgrading/upgrade_steps.md`. */
  file: string;
  /** `operations/upgrading/upgrade_steps/`; `` for the home page. */
  route: string;
  raw: string;
}

export function routeOf(relative: string): string {
  const parts = relative.split('/');
  const name = parts.pop()!.replace(/\.md$/, '');
  if (name !== '_index' && name !== 'index') parts.push(name);
  return parts.length ? `${parts.join('/')}/` : '';
}

export function loadContent(projectDir: string, contentDir: string): SourcePage[] {
  const root = path.resolve(projectDir, contentDir);
  const pages: SourcePage[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name.endsWith('.md')) {
        const relative = path.relative(root, full).split(path.sep).join('/');
        pages.push({
          file: path.relative(projectDir, full).split(path.sep).join('/'),
          route: routeOf(relative),
          raw: readFileSync(full, 'utf8'),
        });
      }
    }
  };
  walk(root);
  return pages;
}
