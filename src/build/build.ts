/**
 * The whole build: load and validate inputs once, render every page for
 * every docs version, lay the site out with Astro into a staging folder,
 * check it, and only then swap it into place. A failed build leaves the
 * previous output untouched.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadChangelog, PRODUCTS } from '../changelog/load.ts';
import { renderAtomFeed } from '../changelog/feed.ts';
import { locateInConfig, type LoadedConfig } from '../config/load.ts';
import { hasErrors, type Diagnostic } from '../diagnostics.ts';
import { buildSite } from '../site/astro-build.ts';
import { buildModel } from '../site/model.ts';
import { indexSite } from '../site/search-index.ts';
import { checkSite, type CheckResult } from '../check/links.ts';
import { applyPins } from '../versions/pins.ts';
import { listDocsVersions } from '../versions/docs-versions.ts';
import { writeExtras, type Extras } from './extras.ts';
import { compilePages, type CompileStats } from './compile-pages.ts';
import { loadSiteContent } from './site-content.ts';
import { CHANGELOG_PAGES, FEEDS_DIR, feedPath, renderSite } from './render-site.ts';
import type { Release } from '../changelog/types.ts';
import { siteUrl } from '../site/site-config.ts';
import type { SiteData } from '../site/types.ts';

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
}

export interface BuildResult {
  diagnostics: Diagnostic[];
  data?: SiteData;
  releases?: Release[];
  outDir?: string;
  /** Milliseconds per phase: pipeline, astro, check, search (what indexing took beyond the check), swap. */
  timings?: Record<string, number>;
  /** How many pages were compiled, taken from the cache, and on how many threads. */
  compileStats?: CompileStats;
  /** The link and anchor check of the staged site (src/check/links.ts). */
  linkCheck?: CheckResult;
  /** Bundle resources, linked files and alias redirects to write beside the pages. */
  extras?: Extras;
}

/** The changelog and the docs versions it gives, with pins applied. */
export function loadVersions(loaded: LoadedConfig, options: { lenient?: boolean; snippetDir?: string } = {}) {
  // The dev server asks again on every edit: unchanged changelog and pins give the same answer.
  const wanted = { lenient: options.lenient ?? false, snippetDir: options.snippetDir };
  const key = inputsKey(loaded, wanted);
  let result = versionsMemo.get(key);
  if (!result) {
    result = readVersions(loaded, wanted);
    versionsMemo.clear();
    versionsMemo.set(key, result);
  }
  // Callers add their own problems to the list: each gets its own.
  return { ...result, diagnostics: [...result.diagnostics] };
}

const versionsMemo = new Map<string, ReturnType<typeof readVersions>>();

/** What loadVersions reads: the options, and every changelog and pin file's path, size and modification time. */
function inputsKey(loaded: LoadedConfig, options: { lenient?: boolean; snippetDir?: string }): string {
  const { config, projectDir } = loaded;
  const dirs = [...Object.values(config.changelog).flat(), options.snippetDir ?? config.snippets].map((d) => path.resolve(projectDir, d));
  const stats = dirs.flatMap((dir) => filesWithStats(dir));
  return JSON.stringify([projectDir, loaded.file, config, options, stats]);
}

function filesWithStats(dir: string): string[] {
  if (!existsSync(dir)) return [dir];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    const stat = statSync(full);
    out.push(`${full}\0${stat.size}\0${stat.mtimeMs}`);
  }
  return out.sort();
}

function readVersions(loaded: LoadedConfig, options: { lenient?: boolean; snippetDir?: string }) {
  const { config, projectDir } = loaded;
  const diagnostics: Diagnostic[] = [];
  const sources = PRODUCTS.flatMap((product) => config.changelog[product].map((dir) => ({ product, dir })));
  const changelog = loadChangelog(sources, { strict: config.strictChangelog && !options.lenient, root: projectDir });
  diagnostics.push(...changelog.diagnostics);
  const listed = listDocsVersions(changelog.releases, {
    ...(config.versions.newest !== undefined ? { newest: config.versions.newest } : {}),
    ...(config.versions.include ? { include: config.versions.include } : {}),
    ...(loaded.file ? { configFile: path.relative(projectDir, loaded.file), locate: (text: string) => locateInConfig(loaded, text) } : {}),
  });
  diagnostics.push(...listed.diagnostics);
  const versions = listed.versions.map((v) => {
    const pinned = applyPins(options.snippetDir ?? config.snippets, v.values, { root: projectDir });
    diagnostics.push(...pinned.diagnostics);
    return { ...v, values: pinned.values };
  });
  return { releases: changelog.releases, versions, diagnostics };
}

/** Load, validate and render: everything before the site is laid out. */
export async function prepare(loaded: LoadedConfig, options: BuildOptions = {}): Promise<BuildResult> {
  const { config, projectDir } = loaded;
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
  const files = [...new Set([...pages.flatMap((p) => p.resources), ...compiled.flatMap((c) => c.files)])].sort();
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
  const prepared = await prepare(loaded, options);
  lap('pipeline');
  if (hasErrors(prepared.diagnostics) || !prepared.data || options.pipelineOnly) return { ...prepared, timings };
  const { projectDir, config } = loaded;
  const outDir = path.resolve(projectDir, options.outDir ?? config.outDir);
  const work = path.join(projectDir, '.build');
  const stage = path.join(work, 'stage');
  await mkdir(work, { recursive: true });
  await buildSite(prepared.data, { outDir: stage, cacheDir: work, quiet: options.quiet ?? true, search: false });
  lap('astro');
  // The search index is built by Pagefind's own process while this one checks links.
  const indexing = indexSite(stage, buildModel(prepared.data)).then(
    () => undefined,
    (failure: unknown) => failure,
  );
  await writeFeeds(stage, prepared.data, loaded, prepared.releases ?? []);
  if (prepared.extras) prepared.diagnostics.push(...(await writeExtras(stage, prepared.data, prepared.extras)));
  // Every internal link and #anchor of every version must resolve before the site replaces dist/.
  const linkCheck = await checkSite(stage, { data: prepared.data, knownExternal: config.knownExternal });
  lap('check');
  const indexFailure = await indexing;
  if (indexFailure) throw indexFailure;
  lap('search');
  const diagnostics = [...prepared.diagnostics, ...linkCheck.diagnostics];
  if (hasErrors(diagnostics)) {
    await rm(stage, { recursive: true, force: true });
    return { ...prepared, diagnostics, linkCheck, timings };
  }

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
