/**
 * The site around a page while it compiles: every page's front matter facts
 * (for `children`, `ref`, `relref`), the page's own route, and the files of
 * the content tree that relative links point at (images and other files are
 * published at their path in the content tree; links to `.md` files become
 * the page's route). Built from all pages before any is compiled.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import type { PageInfo } from '../shortcodes/types.ts';

export interface LinkTarget {
  /** Path from the docs version's base, no leading slash: `operations/upgrading/diagram.png` or a page's route. */
  path: string;
  kind: 'page' | 'file';
}

export class SiteIndex {
  readonly pages: readonly PageInfo[];
  /** The content folder (absolute). */
  readonly contentDir: string;
  readonly #byFile = new Map<string, PageInfo>();
  readonly #byPath = new Map<string, PageInfo>();

  /** `pages` with the file name each is compiled under (as passed to compilePage). */
  constructor(contentDir: string, pages: readonly { file: string; info: PageInfo }[]) {
    this.contentDir = path.resolve(contentDir);
    this.pages = pages.map((p) => p.info);
    for (const { file, info } of pages) {
      this.#byFile.set(file, info);
      this.#byPath.set(info.path, info);
    }
  }

  pageOf(file: string): PageInfo | undefined {
    return this.#byFile.get(file);
  }

  pageByPath(contentPath: string): PageInfo | undefined {
    return this.#byPath.get(contentPath);
  }

  /**
   * A relative link of a page (`diagram.png`, `../other.md`) to a file of the
   * content tree. Hugo resolves it against the page's URL (`a/b.md` is at
   * `a/b/`); a writer previewing Markdown expects the file's folder: the first
   * that names an existing file wins. Undefined when neither does.
   */
  resolve(page: PageInfo, target: string): LinkTarget | undefined {
    const fileDir = path.posix.dirname(page.path);
    const bases = [page.route.replace(/\/$/, ''), fileDir === '.' ? '' : fileDir];
    for (const base of new Set(bases)) {
      const joined = path.posix.normalize(path.posix.join(base, target));
      if (joined.startsWith('../') || joined === '..' || path.posix.isAbsolute(joined)) continue;
      const clean = joined.replace(/\/$/, '');
      const asPage = this.#byPath.get(clean);
      if (asPage) return { path: asPage.route, kind: 'page' };
      if (clean.endsWith('.md')) continue;
      if (isFile(path.join(this.contentDir, clean))) {
        return { path: clean, kind: 'file' };
      }
    }
    return undefined;
  }
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
