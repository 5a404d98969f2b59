/**
 * The whole build: load and validate inputs once, render every page for
 * every docs version, lay the site out with Astro into a staging folder,
 * check it, and only then swap it into place. A failed build leaves the
 * previous output untouched.
 */
import { existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { renderAtomFeed } from '../changelog/feed.ts';
import type { LoadedConfig } from '../config/load.ts';
import { PACKAGE_ROOT } from '../util/package-root.ts';
import { hasErrors, withKind, type Diagnostic } from '../util/diagnostics.ts';
import { LATEST } from '../model/site-model.ts';
import { startSearchIndex, type SearchWritten } from '../integration/search-index.ts';
import { checkSite, type CheckResult } from '../linkcheck/links.ts';
import { publishedFiles, writeExtras, type Extras } from './extras.ts';
import { redirectResolver, writeLatestIdPages, writeRedirects } from './redirects.ts';
import { compilePages, type CompileStats } from './compile-pages.ts';
import { loadVersions } from './load-versions.ts';
import { gitDates } from './git-dates.ts';
import { prepareBranches, type BranchStats } from './branches.ts';
import type { GitOverrides } from './git-versions.ts';
import { loadSiteContent } from './site-content.ts';
import { acquireBuildLock, LockHeld } from './lock.ts';
import { previousBundles, recordBundles } from './search-record.ts';
import { CacheUse, pruneCache, useCache, type PruneResult } from './cache-prune.ts';
import { toolCacheDir } from './compile-cache.ts';
import { toolHash } from '../util/source-hash.ts';
import { readCacheFile, writeCacheFile } from '../util/cache-file.ts';
import { createStage, inspectOutput, moveIntoStage, OutputRefused, recoverOutput, swapIn } from './output.ts';
import { CHANGELOG_PAGES, FEEDS_DIR, feedPath, renderSite } from './render-site.ts';
import type { Release } from '../changelog/types.ts';
import { siteUrl } from '../integration/site-config.ts';
import { loadSupport, modelWithSupport, SUPPORT_FILE } from '../view/support.ts';
import { HtmlSpill } from './spill-html.ts';
import { previousLayout, writeLayoutManifest } from './layout-manifest.ts';
import type { LayoutStats } from '../integration/astro-build.ts';
import type { SiteData } from '../model/site-data.ts';
import { outputState, recordOutput, siteKey } from './up-to-date.ts';

export interface BuildOptions {
  /** Override the config's output folder. */
  outDir?: string;
  /** Treat changelog problems as warnings. */
  lenient?: boolean;
  /** Changelog quirks Solo's tooling accepts are errors too. */
  strict?: boolean;
  /** Stop after rendering (no Astro): for benchmarks and quick checks. */
  pipelineOnly?: boolean;
  /** Compile threads (default: the machine's cores); 1 compiles on the main thread. */
  threads?: number;
  /** Use what earlier builds left (default true): the compile cache, the link check's facts of files seen before, the previous output's search bundles. */
  cache?: boolean;
  quiet?: boolean;
  /** Include pages with `draft: true` (left out of production builds). */
  drafts?: boolean;
  /** Write the site even when pages or links have errors (each still reported, as an error): for trying a tree, never for publishing. */
  keepGoing?: boolean;
  /** When another build of the project holds the lock: wait for it (default: fail at once, naming it). */
  wait?: boolean;
  /** Which of the link check's problems count (default: all): the link baseline's filter (src/linkcheck/baseline.ts). */
  linkGate?: (check: CheckResult) => Diagnostic[];
  /** `--repo`: the git repository or bundle (relative to the current directory) instead of the config's `git.repo`. */
  repo?: string;
  /** `--versions` and `--latest`: which git refs to build (a config with a `git` section). */
  git?: GitOverrides;
  /** Build the search index (default true; `npm run bench` measures the build without it). */
  search?: boolean;
  /** Check every link and anchor before the site is swapped in (default true; `npm run bench` measures the build without it). */
  linkCheck?: boolean;
  /** Notes the cache entries the build uses, for pruning after it (src/engine/cache-prune.ts). */
  cacheUse?: CacheUse;
}

/** What build() hands prepare() besides the caller's options. */
export interface PrepareOptions extends BuildOptions {
  /** Where each version's page HTML goes as soon as it is rendered (src/engine/spill-html.ts). */
  spill?: HtmlSpill;
}

export interface BuildResult {
  diagnostics: Diagnostic[];
  data?: SiteData;
  releases?: Release[];
  outDir?: string;
  /** Milliseconds per phase: pipeline, up-to-date (is the output already what this build would write: src/engine/up-to-date.ts), astro, check, search (writing the bundles; indexing runs alongside Astro), swap. */
  timings?: Record<string, number>;
  /** How many pages were compiled, taken from the cache, and on how many threads. */
  compileStats?: CompileStats;
  /** The link and anchor check of the staged site (src/linkcheck/links.ts). */
  linkCheck?: CheckResult;
  /** Bundle resources, linked files and alias redirects to write beside the pages. */
  extras?: Extras;
  /** Versions read from git refs: what git cost (src/engine/branches.ts). */
  branchStats?: BranchStats;
  /** What pruning the cache after the build removed (src/engine/cache-prune.ts). */
  cachePruned?: PruneResult;
  /** The search index: versions indexed and copied from the previous output, and how long Pagefind's side took. */
  search?: Pick<SearchWritten, 'indexed' | 'reused' | 'ms'>;
  /** How many docs pages Astro laid out, and how many were copied from the previous output (src/integration/layout-reuse.ts). */
  layoutStats?: Omit<LayoutStats, 'fingerprints'>;
  /** True when the output already was what this build would write, and was left as it was (src/engine/up-to-date.ts). */
  upToDate?: boolean;
}

/** Load, validate and render: everything before the site is laid out (each version from its git ref, with a `git` config section). */
export async function prepare(loaded: LoadedConfig, options: PrepareOptions = {}): Promise<BuildResult> {
  return loaded.config.git ? prepareBranches(loaded, options) : prepareTree(loaded, options);
}

/** prepare() for one content tree on disk, rendered for every version. */
async function prepareTree(loaded: LoadedConfig, options: PrepareOptions = {}): Promise<BuildResult> {
  const { config } = loaded;
  const loadedVersions = loadVersions(loaded, options);
  const { releases, versions } = loadedVersions;
  const diagnostics = withKind(loadedVersions.diagnostics, 'changelog');
  const content = await loadSiteContent(loaded, options.drafts ? { drafts: true } : {});
  diagnostics.push(...withKind(content.diagnostics, 'content'));
  const { pages } = content;
  const { compiled, stats } = await compilePages(loaded, content, {
    ...(options.cacheUse ? { use: options.cacheUse } : {}),
    ...(options.drafts ? { drafts: true } : {}),
    ...(options.threads ? { threads: options.threads } : {}),
    ...(options.cache === false ? { cache: false } : {}),
  });
  const rendered = renderSite({ config, compiled, pages, releases, versions, ...(options.spill ? { rendered: (list) => options.spill!.pages(list) } : {}) });
  diagnostics.push(...withKind(rendered.diagnostics, 'render'));
  const support = loadSupportTable(loaded);
  diagnostics.push(...support.diagnostics);
  const data = rendered.data && support.lines ? { ...rendered.data, support: support.lines } : rendered.data;
  if (config.lastUpdated && data) addLastUpdated(data, loaded.projectDir, config.content);
  // Known once every page is compiled: files that relative links point at.
  const files = publishedFiles(pages, compiled, content.files);
  const extras: Extras = { files, contentDir: content.contentDir, aliases: content.aliases };
  return { diagnostics, data, releases, extras, compileStats: stats };
}

/** `support.yaml` of the config's data folder (`data/` when it names none), when there is one. */
function loadSupportTable({ config, projectDir }: LoadedConfig): ReturnType<typeof loadSupport> {
  const file = path.resolve(projectDir, config.data ?? 'data', SUPPORT_FILE);
  return existsSync(file) ? loadSupport(file, path.relative(projectDir, file)) : { diagnostics: [] };
}

/** Each page's `lastUpdated`: the date of its source file's last commit (no date outside git). */
function addLastUpdated(data: SiteData, projectDir: string, contentDir: string): void {
  const dates = gitDates(projectDir, [contentDir]);
  for (const list of Object.values(data.pages)) {
    for (const page of list) {
      const date = dates.get(page.sourceFile.split(path.sep).join('/'));
      if (date) page.lastUpdated = date;
    }
  }
}

export async function build(loaded: LoadedConfig, options: BuildOptions = {}): Promise<BuildResult> {
  if (options.pipelineOnly) return buildLocked(loaded, options);
  const { projectDir, config } = loaded;
  const outDir = path.resolve(projectDir, options.outDir ?? config.outDir);
  // Refused before the lock and the long build: only an output of ours is ever replaced.
  const state = inspectOutput(outDir, projectDir);
  if ('severity' in state) return { diagnostics: [state] };
  let lock;
  try {
    lock = await acquireBuildLock(workDir(projectDir, outDir), { projectDir, ...(options.wait ? { wait: true } : {}) });
  } catch (e) {
    if (e instanceof LockHeld) return { diagnostics: [e.diagnostic] };
    throw e;
  }
  const cacheDir = toolCacheDir(loaded);
  const cache = options.cache === false ? undefined : useCache(cacheDir);
  const cacheUse = new CacheUse(cacheDir);
  try {
    await recoverOutput(outDir);
    const result = await buildLocked(loaded, { ...options, cacheUse }, outDir);
    // After a build that replaced the output: what none of the last builds used goes.
    if (cache && result.outDir && !hasErrors(result.diagnostics)) {
      cache.release();
      const site = createHash('sha256').update(`${loaded.file ?? projectDir}\0${outDir}`).digest('hex').slice(0, 16);
      result.cachePruned = pruneCache(cacheUse, { site, keep: config.cacheKeepBuilds });
    }
    return result;
  } catch (e) {
    if (e instanceof OutputRefused) return { diagnostics: [e.diagnostic] };
    throw e;
  } finally {
    cache?.release();
    lock.release();
  }
}

async function buildLocked(loaded: LoadedConfig, options: BuildOptions, outDir?: string): Promise<BuildResult> {
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
  // Each version's page HTML waits on disk, not in memory, from the moment it is rendered until it is laid out or indexed.
  const spill = outDir && astro ? new HtmlSpill(path.join(workDir(loaded.projectDir, outDir), 'html')) : undefined;
  const prepared = await prepare(loaded, { ...options, ...(spill ? { spill } : {}) });
  lap('pipeline');
  if ((hasErrors(prepared.diagnostics) && !options.keepGoing) || !prepared.data || !astro || !outDir) return { ...prepared, timings };
  const { projectDir, config } = loaded;
  const work = workDir(projectDir, outDir);
  // The output already is what the rest of the build would write: it is left as it is, and its build's findings reported again.
  const key = options.cache === false ? undefined : siteKey({ data: prepared.data, extras: prepared.extras, releases: prepared.releases }, loaded, options);
  // Whether the output is as its build left it: if not (a file edited, added or removed by hand), none of its pages is reused.
  const output = options.cache === false ? { intact: false } : await outputState(work, outDir, key);
  const kept = hasErrors(prepared.diagnostics) ? undefined : output.unchanged;
  lap('up-to-date');
  if (kept) {
    // The check's figures of files read belong to the build that ran it: none were read now.
    const { cache: _, ...linkCheck } = kept.linkCheck;
    const diagnostics = [...prepared.diagnostics, ...kept.diagnostics, ...(options.linkGate ? options.linkGate(linkCheck) : linkCheck.diagnostics)];
    const result = { ...prepared, diagnostics, linkCheck, timings, layoutStats: { laidOut: 0, reused: kept.pages }, upToDate: true };
    return hasErrors(diagnostics) && !options.keepGoing ? result : { ...result, outDir };
  }
  const { buildSite } = await astro;
  await mkdir(work, { recursive: true });
  // Laid out in the work folder, then moved beside the output (same file system as it), swapped in only once checked.
  const built = path.join(work, 'stage');
  await rm(built, { recursive: true, force: true });
  // Pagefind indexes the pages in its own process while Astro lays them out in this one; a version fed
  // what its bundle in the current output was made from gets a copy of that bundle instead.
  const reuse = options.cache === false ? undefined : previousBundles(work, outDir);
  const model = modelWithSupport(prepared.data);
  const search = options.search === false ? undefined : startSearchIndex(model, path.join(work, 'search'), reuse);
  let linkCheck: CheckResult;
  let layout: LayoutStats;
  const outputDiagnostics: Diagnostic[] = [];
  try {
    // Only the pages that changed since the output the link points at are laid out; `cache: false`, or an output changed by hand since, lays out all.
    const previous = output.intact ? previousLayout(work, outDir) : undefined;
    layout = await buildSite(prepared.data, { outDir: built, cacheDir: work, quiet: options.quiet ?? true, search: false, model, reuse: previous ? { previous } : {} });
    lap('astro');
    await writeFeeds(built, prepared.data, loaded, prepared.releases ?? [], options);
    if (prepared.extras) outputDiagnostics.push(...withKind(await writeExtras(built, prepared.data, prepared.extras), 'output'));
    if (config.redirects || config.rewrites || prepared.data.latestOnly) {
      outputDiagnostics.push(...withKind(await writeRedirects(built, prepared.data, config), 'output'));
    }
    prepared.diagnostics.push(...outputDiagnostics);
    await writeLatestIdPages(built, prepared.data);
    // Every internal link and #anchor of every version must resolve before the site replaces dist/.
    const redirect = redirectResolver(prepared.data, config);
    const { base, latest, latestOnly } = prepared.data;
    linkCheck =
      options.linkCheck === false
        ? uncheckedLinks()
        : await checkSite(built, {
            data: prepared.data,
            knownExternal: config.knownExternal,
            ...(redirect ? { redirect } : {}),
            // The facts of files seen by an earlier check, by their bytes: only new or changed files are parsed.
            ...(options.cache === false ? {} : { cache: path.join(work, LINK_FACTS) }),
            // latest/ holds copies of the latest version's laid-out pages (src/integration/latest-copy.ts), unless
            // the latest version is served there only (its id then holds redirect pages).
            ...(latestOnly ? {} : { copies: { from: `${base}${latest}/`, to: `${base}${LATEST}/` } }),
          });
    lap('check');
  } catch (failure) {
    await search?.close();
    await rm(built, { recursive: true, force: true });
    throw failure;
  }
  const diagnostics = [...prepared.diagnostics, ...(options.linkGate ? options.linkGate(linkCheck) : linkCheck.diagnostics)];
  const { fingerprints: _, ...layoutStats } = layout;
  if (hasErrors(diagnostics) && !options.keepGoing) {
    await search?.close();
    await rm(built, { recursive: true, force: true });
    return { ...prepared, diagnostics, linkCheck, timings, layoutStats };
  }
  const written = await search?.write(built);
  lap('search');
  const stage = await createStage(outDir);
  await moveIntoStage(built, stage);
  // Trusted by the next build only once the output link points at this stage.
  if (layout.fingerprints) await writeLayoutManifest(work, outDir, stage, layout.fingerprints);
  await swapIn(outDir, stage, projectDir);
  // What the bundles now in the output were made from, for the next build (a build killed before this leaves a record of another folder: unused).
  if (written) await recordBundles(work, stage, written.bundles);
  // What the next build checks the output against, and keeps when its inputs are the same (not after errors written with --keep-going: that output is never trusted).
  if (!hasErrors(diagnostics)) await recordOutput(work, outDir, stage, key, { linkCheck, diagnostics: outputDiagnostics, pages: layout.laidOut + layout.reused });
  lap('swap');
  const searchStats = written ? { search: { indexed: written.indexed, reused: written.reused, ms: written.ms } } : {};
  return { ...prepared, diagnostics, outDir, linkCheck, timings, layoutStats, ...searchStats };
}

/** The check's result when it is not run (`linkCheck: false`): nothing checked, nothing found. */
function uncheckedLinks(): CheckResult {
  return { diagnostics: [], problems: [], stats: { pages: 0, links: 0, internal: 0, external: 0, skipped: 0, anchors: 0, broken: 0 }, external: [], skipped: [] };
}

/** The link check's facts of the files it read (src/linkcheck/facts-cache.ts), in the work folder. */
const LINK_FACTS = 'link-facts.bin';

/**
 * Scratch space of a build: `.build/` in the project when the project is this package (the repository);
 * otherwise (a Hugo folder built from another directory, or this package installed there) a folder per
 * output inside this package: a build writes nothing into a user's folder but its output.
 */
export function workDir(projectDir: string, outDir: string): string {
  const rel = path.relative(PACKAGE_ROOT, projectDir);
  if (rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))) return path.join(projectDir, '.build');
  return path.join(PACKAGE_ROOT, '.build', 'sites', createHash('sha256').update(outDir).digest('hex').slice(0, 16));
}

/**
 * One Atom feed per product, at `<base>feeds/<product>.xml` (the changelog pages link to it). A feed is kept in
 * the cache (`feeds/`) by a hash of what it is made from: a build whose latest version's changelog did not
 * change writes it again without rendering every release's notes (0.6 s for Gloo's).
 */
async function writeFeeds(outDir: string, data: SiteData, loaded: LoadedConfig, releases: readonly Release[], options: BuildOptions): Promise<void> {
  const dir = path.join(outDir, data.base, FEEDS_DIR);
  await mkdir(dir, { recursive: true });
  const feedBase = new URL(data.base, siteUrl()).href;
  for (const page of CHANGELOG_PAGES.filter((p) => loaded.config.changelog[p.product].length > 0)) {
    const own = releases.filter((r) => r.product === page.product);
    const feedOptions = { siteUrl: feedBase, pageUrl: `latest/${page.route}`, productName: loaded.config.productNames[page.product], feedUrl: feedPath(page.product) };
    const kept = options.cache === false ? undefined : path.join(toolCacheDir(loaded), 'feeds', `${createHash('sha256').update(JSON.stringify([toolHash(), own, page.product, feedOptions])).digest('hex')}.xml`);
    if (kept) options.cacheUse?.add(kept);
    let feed = kept ? (await readCacheFile(kept))?.toString('utf8') : undefined;
    if (feed === undefined) {
      feed = renderAtomFeed(own, page.product, feedOptions);
      if (kept) await writeCacheFile(kept, feed);
    }
    await writeFile(path.join(dir, `${page.product}.xml`), feed);
  }
}
