/**
 * The content-hash cache of compiled pages, in
 * `node_modules/.cache/versioned-docs/compile/` of the docs project. A page's
 * entry is keyed by its text and everything a compile can depend on: the
 * generator's own sources and lock file, the config's docs root, custom
 * shortcodes, data files, the content tree (titles for `children`, files for
 * relative links); and it is valid only while the files the page read with
 * `readfile` still hash the same. Snippet values and changelog data are not
 * part of a compile (they are filled in per version), so they never
 * invalidate it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { LoadedConfig } from '../config/load.ts';
import type { CompiledPage } from '../markdown/compile.ts';
import type { SourcePage } from './content.ts';
import type { SiteContent } from './site-content.ts';

/** Bump when the entry format changes. */
const FORMAT = 1;
const TOOL_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface Entry {
  page: CompiledPage;
  /** Hash of each file read with `readfile` when the page was compiled. */
  reads: Record<string, string>;
}

export interface CompileCache {
  get(page: SourcePage): CompiledPage | undefined;
  set(page: SourcePage, compiled: CompiledPage): void;
  flush(): Promise<void>;
}

/** The generator's cache folder of a docs project. */
export function toolCacheDir(loaded: Pick<LoadedConfig, 'projectDir' | 'cacheDir'>): string {
  return loaded.cacheDir ?? path.join(loaded.projectDir, 'node_modules', '.cache', 'versioned-docs');
}


export async function openCache(loaded: LoadedConfig, content: SiteContent): Promise<CompileCache> {
  const dir = path.join(toolCacheDir(loaded), 'compile');
  const fingerprint = hash([String(FORMAT), toolHash(), environmentHash(loaded, content)].join('\0'));
  const key = (page: SourcePage) => hash(`${fingerprint}\0${page.file}\0${page.raw}`);
  const readHash = (file: string) => {
    const result = content.env.root.read(file);
    return result.ok ? hash(result.text) : `refused:${result.message}`;
  };
  const loadedEntries = new Map<string, Entry>();
  await Promise.all(
    content.pages.map(async (page) => {
      const k = key(page);
      try {
        loadedEntries.set(k, deserialize(await readFile(path.join(dir, `${k}.bin`))) as Entry);
      } catch {
        // not cached (or unreadable): compiled afresh
      }
    }),
  );
  const pending = new Map<string, Entry>();

  return {
    get(page) {
      const entry = loadedEntries.get(key(page));
      if (!entry) return undefined;
      const fresh = Object.entries(entry.reads).every(([file, h]) => readHash(file) === h);
      return fresh ? entry.page : undefined;
    },
    set(page, compiled) {
      pending.set(key(page), { page: compiled, reads: Object.fromEntries(compiled.reads.map((f) => [f, readHash(f)])) });
    },
    async flush() {
      if (!pending.size) return;
      await mkdir(dir, { recursive: true });
      await Promise.all(
        [...pending].map(async ([k, entry]) => {
          const temp = path.join(dir, `${k}.${process.pid}.tmp`);
          await writeFile(temp, serialize(entry));
          await rename(temp, path.join(dir, `${k}.bin`));
        }),
      );
      pending.clear();
    },
  };
}

function hash(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

let toolHashMemo: string | undefined;

/** The generator's own version: its sources and its lock file. */
function toolHash(): string {
  toolHashMemo ??= hash(
    [...listFiles(path.join(TOOL_ROOT, 'src')), path.join(TOOL_ROOT, 'package-lock.json')]
      .filter((file) => existsSync(file))
      .map((file) => `${path.relative(TOOL_ROOT, file)}\0${hash(readFileSync(file))}`)
      .join('\n'),
  );
  return toolHashMemo;
}

/** What the config and the content tree contribute to every page's compile. */
function environmentHash(loaded: LoadedConfig, content: SiteContent): string {
  const { config, projectDir } = loaded;
  const folderHash = (dir: string | undefined) =>
    dir && existsSync(path.resolve(projectDir, dir))
      ? listFiles(path.resolve(projectDir, dir))
          .map((f) => `${path.relative(projectDir, f)}\0${hash(readFileSync(f))}`)
          .join('\n')
      : '';
  return hash(
    JSON.stringify({
      root: path.resolve(projectDir, config.root),
      shortcodes: folderHash(config.shortcodes),
      data: folderHash(config.data),
      pages: content.env.site?.pages ?? [],
      // Relative links resolve against the files that exist in the content tree.
      files: listFiles(content.contentDir).map((f) => path.relative(content.contentDir, f)),
      snippetKeys: [...content.env.snippetKeys],
      changeSlots: content.env.changeSlots ?? [],
    }),
  );
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(full);
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}
