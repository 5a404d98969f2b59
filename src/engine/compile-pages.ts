/**
 * Compiles every page once (for all docs versions): from the content-hash
 * cache when nothing the page depends on changed, otherwise on worker
 * threads (each creates Shiki and the unified processor once) or, for small
 * sites, on this thread. Results keep the pages' order.
 */
import { availableParallelism } from 'node:os';
import type { LoadedConfig } from '../config/load.ts';
import { compilePage, type CompiledPage, type CompileEnv } from '../markdown/compile.ts';
import { recordingEnv, type Dep } from './compile-deps.ts';
import { openCache, type CompileCache } from './compile-cache.ts';
import type { SiteContent } from './site-content.ts';
import type { CacheUse } from './cache-prune.ts';
import { CompilePool } from './compile-pool.ts';

/** Below this many pages to compile, starting workers costs more than it saves. */
export const WORKER_THRESHOLD = 48;

/**
 * Each worker's V8 old generation, in MB. Capped, V8 collects sooner instead of letting each worker's heap
 * grow with its share of the site: the pipeline's peak at 1,000 x 4 went from 950 to 604 MB for 4 % more CPU
 * (`bench/run.ts`; docs/performance.md). A page too big for it is compiled on the main thread instead.
 */
export const WORKER_HEAP_MB = 384;

/**
 * Each worker's V8 young generation, in MB (V8 makes it two semi-spaces of 64 MB). A page's compile makes
 * mostly short-lived objects; with V8's default (16 MB semi-spaces) many of them outlived a scavenge and were
 * copied into the old generation, only to die there. Measured (docs/performance.md): the Gloo pipeline with a
 * cold compile cache 21.0 s / 39.7 s CPU -> 16.7 s / 31.5 s, peak 650 -> 916 MB; 1,000 x 4: the whole build
 * 50.9 -> 44.8 s, peak 858 -> 873 MB (the Astro phase's peak is the build's either way).
 */
export const WORKER_YOUNG_MB = 128;

export interface CompileOptions {
  drafts?: boolean;
  /** Worker threads; default: the machine's cores (at most 4). 1 compiles on this thread. */
  threads?: number;
  /** Use the content-hash cache (default true). */
  cache?: boolean;
  /** Share cached pages with other trees that answer the same (versions from git refs: see compile-deps.ts). */
  shared?: boolean;
  /** Each worker's heap (default WORKER_HEAP_MB); tests make it too small to see the main thread take over. */
  workerHeapMb?: number;
  /** Notes the cache entries this build uses (see cache-prune.ts). */
  use?: CacheUse;
  /** Workers that outlive this call (a build of several trees: compile-pool.ts); default: started for this call when it has enough pages. */
  pool?: CompilePool;
}

/** One compiled page, how long it took, and what it asked of its environment when that is recorded. */
export interface CompileJobResult {
  page: CompiledPage;
  ms: number;
  deps?: Dep[];
}

/** Compiles one page in `env` and times it, recording its questions when asked to. */
export function compileJob(file: string, raw: string, env: CompileEnv, record: boolean): CompileJobResult {
  const started = performance.now();
  if (!record) return { page: compilePage(file, raw, env), ms: performance.now() - started };
  const recording = recordingEnv(env);
  const page = compilePage(file, raw, recording.env);
  return { page, ms: performance.now() - started, deps: recording.deps() };
}

export interface CompileStats {
  pages: number;
  cached: number;
  threads: number;
  /** Milliseconds each compiled page took (source file → ms), for the pages compiled in this build (not those from the cache). */
  times: Record<string, number>;
}

export async function compilePages(
  loaded: LoadedConfig,
  content: SiteContent,
  options: CompileOptions = {},
): Promise<{ compiled: CompiledPage[]; stats: CompileStats }> {
  const { pages, env } = content;
  const cache: CompileCache | undefined = options.cache === false ? undefined : await openCache(loaded, content, { shared: options.shared ?? false, ...(options.use ? { use: options.use } : {}) });
  const record = cache?.shared ?? false;
  const compiled: (CompiledPage | undefined)[] = pages.map((page) => cache?.get(page));
  const deps: (Dep[] | undefined)[] = [];
  const missing = pages.flatMap((page, i) => (compiled[i] ? [] : [i]));
  const times: Record<string, number> = {};

  const threads = options.pool?.threads ?? Math.min(options.threads ?? Math.min(availableParallelism(), 4), Math.ceil(missing.length / (WORKER_THRESHOLD / 2)));
  const threaded = threads > 1 && missing.length >= WORKER_THRESHOLD;
  if (threaded) {
    const pool = options.pool ?? new CompilePool(threads, options.workerHeapMb ?? WORKER_HEAP_MB, WORKER_YOUNG_MB);
    try {
      const results = await pool.run(loaded, options.drafts ?? false, record, missing.map((i) => ({ file: pages[i]!.file, raw: pages[i]!.raw })));
      missing.forEach((i, k) => {
        const result = results[k];
        if (!result) return;
        compiled[i] = result.page;
        deps[i] = result.deps;
        times[pages[i]!.file] = Math.round(result.ms);
      });
    } finally {
      if (!options.pool) await pool.close();
    }
  }
  // Small sites, and what a worker left when it ran out of its heap: on this thread.
  for (const i of missing) {
    if (compiled[i]) continue;
    const result = compileJob(pages[i]!.file, pages[i]!.raw, env, record);
    compiled[i] = result.page;
    deps[i] = result.deps;
    times[pages[i]!.file] = Math.round(result.ms);
  }
  if (cache) {
    for (const i of missing) cache.set(pages[i]!, compiled[i]!, deps[i]);
    await cache.flush();
  }
  return {
    compiled: compiled as CompiledPage[],
    stats: { pages: pages.length, cached: pages.length - missing.length, threads: threaded ? threads : 1, times },
  };
}
