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
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { LoadedConfig } from '../config/load.ts';
import { toolHash } from '../util/source-hash.ts';
import { walkFiles } from '../util/walk.ts';
import { hugoFolder } from '../config/define.ts';
import type { CompiledPage } from '../markdown/compile.ts';
import type { SourcePage } from './content.ts';
import type { SiteContent } from './site-content.ts';
import { depsHold, type Dep } from './compile-deps.ts';
import type { CacheUse } from './cache-prune.ts';
import { readCacheValue, writeCacheValue } from '../util/cache-file.ts';

/** Bump when the entry format changes. */
const FORMAT = 1;

interface Entry {
  page: CompiledPage;
  /** Hash of each file read with `readfile` when the page was compiled. */
  reads: Record<string, string>;
  /** Shared across trees: what the compile asked of its environment (then `reads` is empty: deps cover them). */
  deps?: Dep[];
}

export interface CompileCache {
  /** True when entries are shared across trees (each compile then records its deps: see compile-deps.ts). */
  readonly shared: boolean;
  get(page: SourcePage): CompiledPage | undefined;
  set(page: SourcePage, compiled: CompiledPage, deps?: Dep[]): void;
  flush(): Promise<void>;
}

/**
 * The generator's cache folder of a docs project: the loaded site's own (a docs version read from git), else
 * `VERSIONED_DOCS_CACHE` (CI saves and restores it: see action.yml), else `node_modules/.cache/versioned-docs/`.
 */
export function toolCacheDir(loaded: Pick<LoadedConfig, 'projectDir' | 'cacheDir'>, env: NodeJS.ProcessEnv = process.env): string {
  if (loaded.cacheDir) return loaded.cacheDir;
  return env.VERSIONED_DOCS_CACHE ? path.resolve(env.VERSIONED_DOCS_CACHE) : path.join(loaded.projectDir, 'node_modules', '.cache', 'versioned-docs');
}


/**
 * `shared`: for trees that are versions of one another (git refs). An entry is then keyed by the page's
 * path and text, the generator and the tree's own shortcode layouts only, and holds one variant per
 * distinct set of answers its compile got (compile-deps.ts): a page identical in several branches is
 * compiled once, and again only where a branch answers one of its questions differently.
 */
export async function openCache(loaded: LoadedConfig, content: SiteContent, options: { shared?: boolean; use?: CacheUse } = {}): Promise<CompileCache> {
  const shared = options.shared ?? false;
  const dir = path.join(toolCacheDir(loaded), shared ? 'compile-shared' : 'compile');
  const fingerprint = hash([String(FORMAT), toolHash(), shared ? sharedEnvironmentHash(loaded, content) : environmentHash(loaded, content)].join('\0'));
  const key = (page: SourcePage) => hash(`${fingerprint}\0${page.file}\0${page.raw}`);
  const readHash = (file: string) => {
    const result = content.env.root.read(file);
    return result.ok ? hash(result.text) : `refused:${result.message}`;
  };
  const loadedEntries = new Map<string, Entry[]>();
  await Promise.all(
    content.pages.map(async (page) => {
      const k = key(page);
      // This build uses the page's entry (read now, or written once compiled): pruning keeps it.
      options.use?.add(path.join(dir, `${k}.bin`));
      // Not cached (or unreadable): compiled afresh.
      const stored = await readCacheValue<Entry | Entry[]>(path.join(dir, `${k}.bin`));
      if (stored) loadedEntries.set(k, Array.isArray(stored) ? stored : [stored]);
    }),
  );
  const pending = new Map<string, Entry[]>();
  const fresh = (entry: Entry) => (entry.deps ? depsHold(entry.deps, content.env) : Object.entries(entry.reads).every(([file, h]) => readHash(file) === h));

  return {
    shared,
    get(page) {
      return loadedEntries.get(key(page))?.find(fresh)?.page;
    },
    set(page, compiled, deps) {
      const k = key(page);
      const entry: Entry = deps ? { page: compiled, reads: {}, deps } : { page: compiled, reads: Object.fromEntries(compiled.reads.map((f) => [f, readHash(f)])) };
      // Shared: keep the variants other trees need (at most a few: one per distinct set of answers).
      const others = shared ? (pending.get(k) ?? loadedEntries.get(k) ?? []).filter((e) => JSON.stringify(e.deps) !== JSON.stringify(deps)).slice(-7) : [];
      pending.set(k, [...others, entry]);
      loadedEntries.set(k, [...others, entry]);
    },
    async flush() {
      if (!pending.size) return;
      await Promise.all([...pending].map(([k, entries]) => writeCacheValue(path.join(dir, `${k}.bin`), shared ? entries : entries[entries.length - 1])));
      pending.clear();
    },
  };
}

function hash(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Shared across trees: what no recorded question covers (our shortcode modules, the tree's shortcode layouts, the slots). */
function sharedEnvironmentHash(loaded: LoadedConfig, content: SiteContent): string {
  const { config, projectDir } = loaded;
  return hash(
    JSON.stringify({
      shortcodes: folderHash(projectDir, config.shortcodes),
      // Hugo's layouts/ (the tree's own shortcode templates) beside content/.
      layouts: folderHash(projectDir, path.join(path.dirname(config.content), 'layouts')),
      params: config.params ?? {},
      snippetKeys: [...content.env.snippetKeys],
      changeSlots: content.env.changeSlots ?? [],
    }),
  );
}

export function folderHash(projectDir: string, dir: string | undefined): string {
  return dir && existsSync(path.resolve(projectDir, dir))
    ? listFiles(path.resolve(projectDir, dir))
        .map((f) => `${path.relative(path.resolve(projectDir, dir), f)}\0${hash(readFileSync(f))}`)
        .join('\n')
    : '';
}

/** What the config and the content tree contribute to every page's compile. */
function environmentHash(loaded: LoadedConfig, content: SiteContent): string {
  const { config, projectDir } = loaded;
  return hash(
    JSON.stringify({
      root: path.resolve(projectDir, config.root),
      shortcodes: folderHash(projectDir, config.shortcodes),
      data: folderHash(projectDir, hugoFolder(config, projectDir, 'data')),
      layouts: folderHash(projectDir, hugoFolder(config, projectDir, 'layouts')),
      params: config.params ?? {},
      pages: content.env.site?.pages ?? [],
      // Relative links resolve against the files that exist in the content tree.
      files: listFiles(content.contentDir).map((f) => path.relative(content.contentDir, f)),
      snippetKeys: [...content.env.snippetKeys],
      changeSlots: content.env.changeSlots ?? [],
    }),
  );
}

/** Regular files under `dir`, absolute: symbolic links are not followed (no loops), special files never read (a FIFO blocks); the loaders report them. */
function listFiles(dir: string): string[] {
  return walkFiles(dir, { skip: (e) => e.name === 'node_modules' || e.name.startsWith('.') }).map((e) => e.full);
}
