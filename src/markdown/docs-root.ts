/**
 * Reads files for `readfile` strictly inside the docs root, the way Hugo's
 * `readFile` finds them: a relative path from the docs root (Hugo's working
 * folder) and then from the content folder; a path with a leading `/`
 * (`/static/content/setup_notes`) from the content folder, falling back to
 * the docs root. `..` escapes and symbolic links that lead outside are refused,
 * and so is a drive path (`C:\…`). Contents are cached for the whole build
 * (many pages read the same snippets).
 */
import { readFileSync, realpathSync } from 'node:fs';
import { notRegularFile } from '../util/files.ts';
import path from 'node:path';

export type ReadResult =
  | { ok: true; text: string }
  /** `missing`: no such file in any of the folders looked in (the caller decides how bad that is). */
  | { ok: false; message: string; hint: string; missing?: { looked: string[] } };

export class DocsRoot {
  readonly dir: string;
  /** Hugo's content folder, searched too (absent: the docs root alone). */
  readonly contentDir: string | undefined;
  readonly #realDirs: string[];
  readonly #cache = new Map<string, ReadResult>();
  readonly #shownFrom: string;

  /** `shownFrom`: the folder messages name files relative to (the project's, as its pages are named). */
  constructor(dir: string, contentDir?: string, shownFrom = process.cwd()) {
    this.#shownFrom = shownFrom;
    this.dir = path.resolve(dir);
    this.contentDir = contentDir === undefined ? undefined : path.resolve(contentDir);
    this.#realDirs = [this.dir, ...(this.contentDir ? [this.contentDir] : [])].map((d) => {
      try {
        return realpathSync(d);
      } catch {
        return d;
      }
    });
  }

  read(file: string): ReadResult {
    let result = this.#cache.get(file);
    if (!result) {
      result = this.#read(file);
      this.#cache.set(file, result);
    }
    return result;
  }

  #read(file: string): ReadResult {
    if (file === '') {
      return { ok: false, message: 'readfile needs a file path', hint: 'Write file="static/content/…", relative to the docs root.' };
    }
    if (/^[a-zA-Z]:[\\/]/.test(file) || file.startsWith('\\') || file.startsWith('//')) {
      return {
        ok: false,
        message: `readfile path \`${file}\` is absolute`,
        hint: `Paths are relative to the docs root (${this.dir}) or, with a leading \`/\`, to the content folder.`,
      };
    }
    const rooted = file.startsWith('/');
    const rel = file.replace(/^\/+/, '');
    const bases = this.contentDir ? (rooted ? [this.contentDir, this.dir] : [this.dir, this.contentDir]) : [this.dir];
    const candidates = bases.map((base) => path.resolve(base, rel));
    if (candidates.some((full, i) => !isInside(bases[i]!, full))) {
      return {
        ok: false,
        message: `readfile path \`${file}\` leaves the docs root`,
        hint: 'Only files inside the docs root can be read; remove the `..` segments.',
      };
    }
    for (const full of candidates) {
      let real: string;
      try {
        real = realpathSync(full);
      } catch {
        continue;
      }
      if (!this.#realDirs.some((dir) => isInside(dir, real))) {
        return {
          ok: false,
          message: `readfile path \`${file}\` is a symbolic link leading outside the docs root`,
          hint: 'Copy the file into the docs root instead of linking to it.',
        };
      }
      const special = notRegularFile(real);
      if (special) {
        return { ok: false, message: `readfile: \`${file}\` is ${special}, not a regular file`, hint: 'readfile takes a regular, readable file.' };
      }
      try {
        return { ok: true, text: readFileSync(real, 'utf8') };
      } catch (e) {
        return {
          ok: false,
          message: `readfile: \`${file}\` cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
          hint: 'readfile takes a regular, readable file.',
        };
      }
    }
    const shown = candidates.map((c) => path.relative(this.#shownFrom, c) || c);
    return {
      ok: false,
      missing: { looked: shown },
      message: `readfile: file \`${file}\` does not exist`,
      hint: `Create ${shown[0]}, or fix the path (from the docs root${this.contentDir ? ', then the content folder; a leading `/` starts from the content folder' : ''}). Looked for ${shown.join(' and ')}.`,
    };
  }
}

function isInside(dir: string, target: string): boolean {
  const rel = path.relative(dir, target);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}
