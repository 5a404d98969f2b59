/**
 * The whole build: load and validate inputs once, render every page for
 * every docs version, lay the site out with Astro into a staging folder,
 * check it, and only then swap it into place. A failed build leaves the
 * previous output untouched.
 */
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { renderAtomFeed } from '../changelog/feed.ts';
import type { LoadedConfig } from '../config/load.ts';
import { hasErrors, type Diagnostic } from '../util/diagnostics.ts';
import { buildModel } from '../model/site-model.ts';
import { startSearchIndex } from '../integration/search-index.ts';
import { checkSite, type CheckResult } from '../linkcheck/links.ts';
import { publishedFiles, writeExtras, type Extras } from './extras.ts';
import { redirectTarget, writeRedirects } from './redirects.ts';
import { compilePages, type CompileStats } from './compile-pages.ts';
import { loadVersions } from './load-versions.ts';
import { prepareBranches, type BranchStats } from './branches.ts';
import type { GitOverrides } from './git-versions.ts';
import { loadSiteContent } from './site-content.ts';
import { CHANGELOG_PAGES, FEEDS_DIR, feedPath, renderSite } from './render-site.ts';
import type { Release } from '../changelog/types.ts';
import { siteUrl } from '../integration/site-config.ts';
import type { SiteData } from '../model/site-data.ts';

/** How much V8 may grow the heap between full collections during the site phases (see build()). */
const HEAP_GROWING_PERCENT = 30;

export interface BuildOptions {
  /** Override the config's output folder. */
  outDir?: string;
  /** Treat changelog problems as warnings. */
  lenient?: boolean;
  /** Stop after rendering (no Astro): for benchmarks and quick checks. */
  pipelineOnly?: boolean;
  /** Compile threads (default: the machine's cores); 1 compiles on the main thread. */
  threads?: number;
  /** Use the content-hash compile cache (default true). */
  cache?: boolean;
  quiet?: boolean;
  /** Include pages with `draft: true` (left out of production builds). */
  drafts?: boolean;
  /** `--repo`: the git repository or bundle (relative to the current directory) instead of the config's `git.repo`. */
  repo?: string;
  /** `--versions` and `--latest`: which git refs to build (a config with a `git` section). */
  git?: GitOverrides;
}

export interface BuildResult {
  diagnostics: Diagnostic[];
  data?: SiteData;
  releases?: Release[];
  outDir?: string;
  /** Milliseconds per phase: pipeline, astro, check, search (writing the bundles; indexing runs alongside Astro), swap. */
  timings?: Record<string, number>;
  /** How many pages were compiled, taken from the cache, and on how many threads. */
  compileStats?: CompileStats;
  /** The link and anchor check of the staged site (src/check/links.ts). */
  linkCheck?: CheckResult;
  /** Bundle resources, linked files and alias redirects to write beside the pages. */
  extras?: Extras;
  /** Versions read from git refs: what git cost (src/engine/branches.ts). */
  branchStats?: BranchStats;
}

/** Load, validate and render: everything before the site is laid out (each version from its git ref, with a `git` config section). */
export async function prepare(loaded: LoadedConfig, options: BuildOptions = {}): Promise<BuildResult> {
  return loaded.config.git ? prepareBranches(loaded, options) : prepareTree(loaded, options);
}

/** prepare() for one content tree on disk, rendered for every version. */
async function prepareTree(loaded: LoadedConfig, options: BuildOptions = {}): Promise<BuildResult> {
  const { config } = loaded;
  const { releases, versions, diagnostics } = loadVersions(loaded, options);
  const content = await loadSiteContent(loaded, options.drafts ? { drafts: true } : {});
  diagnostics.push(...content.diagnostics);
  const { pages } = content;
  const { compiled, stats } = await compilePages(loaded, content, {
    ...(options.drafts ? { drafts: true } : {}),
    ...(options.threads ? { threads: options.threads } : {}),
    ...(options.cache === false ? { cache: false } : {}),
  });
  const rendered = renderSite({ config, compiled, pages, releases, versions });
  diagnostics.push(...rendered.diagnostics);
  // Known once every page is compiled: files that relative links point at.
  const files = publishedFiles(pages, compiled);
  const extras: Extras = { files, contentDir: content.contentDir, aliases: content.aliases };
  return { diagnostics, data: rendered.data, releases, extras, compileStats: stats };
}

export async function build(loaded: LoadedConfig, options: BuildOptions = {}): Promise<BuildResult> {
  const timings: Record<string, number> = {};
  let mark = performance.now();
  const lap = (phase: string) => {
    const now = performance.now();
    timings[phase] = Math.round(now - mark);
    mark = now;
  };
  // Astro takes a second to load: it loads while the pipeline runs, and not at all for prepare() alone.
  const astro = options.pipelineOnly ? undefined : import('../integration/astro-build.ts');
  astro?.catch(() => undefined);
  const prepared = await prepare(loaded, options);
  lap('pipeline');
  if (hasErrors(prepared.diagnostics) || !prepared.data || !astro) return { ...prepared, timings };
  const { buildSite } = await astro;
  // Laying out, checking and indexing the site keeps little alive (~170 MB at 250 pages x 4 versions) but
  // allocates a lot; left alone, V8 lets the heap grow up to 4x between collections (peak ~1 GB there).
  // Growing it by 30% at a time keeps the peak near 600-750 MB for a few percent more GC time.
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  const { projectDir, config } = loaded;
  const outDir = path.resolve(projectDir, options.outDir ?? config.outDir);
  const work = path.join(projectDir, '.build');
  const stage = path.join(work, 'stage');
  await mkdir(work, { recursive: true });
  // Pagefind indexes the pages in its own process while Astro lays them out in this one.
  const search = startSearchIndex(buildModel(prepared.data), path.join(work, 'search'));
  let linkCheck: CheckResult;
  try {
    await buildSite(prepared.data, { outDir: stage, cacheDir: work, quiet: options.quiet ?? true, search: false });
    lap('astro');
    await writeFeeds(stage, prepared.data, loaded, prepared.releases ?? []);
    if (prepared.extras) prepared.diagnostics.push(...(await writeExtras(stage, prepared.data, prepared.extras)));
    if (config.redirects || config.rewrites) {
      prepared.diagnostics.push(...(await writeRedirects(stage, prepared.data, config)));
    }
    // Every internal link and #anchor of every version must resolve before the site replaces dist/.
    const rules = config.redirects;
    linkCheck = await checkSite(stage, { data: prepared.data, knownExternal: config.knownExternal, ...(rules ? { redirect: (p: string) => redirectTarget(rules, p) } : {}) });
    lap('check');
  } catch (failure) {
    await search.close();
    throw failure;
  }
  const diagnostics = [...prepared.diagnostics, ...linkCheck.diagnostics];
  if (hasErrors(diagnostics)) {
    await search.close();
    await rm(stage, { recursive: true, force: true });
    return { ...prepared, diagnostics, linkCheck, timings };
  }
  await search.write(stage);
  lap('search');

  // Swap: the previous output is removed only once the new one is in place.
  const previous = path.join(work, 'previous');
  await rm(previous, { recursive: true, force: true });
  if (existsSync(outDir)) await rename(outDir, previous);
  await rename(stage, outDir);
  await rm(previous, { recursive: true, force: true });
  lap('swap');
  return { ...prepared, diagnostics, outDir, linkCheck, timings };
}

/** One Atom feed per product, at `<base>feeds/<product>.xml` (the changelog pages link to it). */
async function writeFeeds(outDir: string, data: SiteData, loaded: LoadedConfig, releases: readonly Release[]): Promise<void> {
  const dir = path.join(outDir, data.base, FEEDS_DIR);
  await mkdir(dir, { recursive: true });
  const feedBase = new URL(data.base, siteUrl()).href;
  for (const page of CHANGELOG_PAGES.filter((p) => loaded.config.changelog[p.product].length > 0)) {
    const feed = renderAtomFeed(
      releases.filter((r) => r.product === page.product),
      page.product,
      { siteUrl: feedBase, pageUrl: `latest/${page.route}`, productName: loaded.config.productNames[page.product], feedUrl: feedPath(page.product) },
    );
    await writeFile(path.join(dir, `${page.product}.xml`), feed);
  }
}
