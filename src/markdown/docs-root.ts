/**
 * Reads files for `readfile` strictly inside the docs root: absolute paths,
 * `..` escapes and symbolic links that lead outside are refused. Contents are
 * cached for the whole build (many pages read the same snippets).
 */
import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';

export type ReadResult = { ok: true; text: string } | { ok: false; message: string; hint: string };

export class DocsRoot {
  readonly dir: string;
  readonly #realDir: string;
  readonly #cache = new Map<string, ReadResult>();

  constructor(dir: string) {
    this.dir = path.resolve(dir);
    this.#realDir = realpathSync(this.dir);
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
    if (path.isAbsolute(file) || /^[a-zA-Z]:[\\/]/.test(file)) {
      return {
        ok: false,
        message: `readfile path \`${file}\` is absolute`,
        hint: `Paths are relative to the docs root (${this.dir}), e.g. file="static/content/version_geoss_latest.md".`,
      };
    }
    const full = path.resolve(this.dir, file);
    if (!isInside(this.dir, full)) {
      return {
        ok: false,
        message: `readfile path \`${file}\` leaves the docs root`,
        hint: 'Only files inside the docs root can be read; remove the `..` segments.',
      };
    }
    let real: string;
    try {
      real = realpathSync(full);
    } catch {
      return {
        ok: false,
        message: `readfile: file \`${file}\` does not exist`,
        hint: `Create ${path.relative(process.cwd(), full) || file}, or fix the path (relative to the docs root).`,
      };
    }
    if (!isInside(this.#realDir, real)) {
      return {
        ok: false,
        message: `readfile path \`${file}\` is a symbolic link leading outside the docs root`,
        hint: 'Copy the file into the docs root instead of linking to it.',
      };
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
}

function isInside(dir: string, target: string): boolean {
  const rel = path.relative(dir, target);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}
