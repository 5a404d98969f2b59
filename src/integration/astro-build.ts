/**
 * buildSite: SiteData → a static site in outDir. Writes the data where the
 * Astro pages read it, runs Astro's build, then Pagefind (one bundle per
 * version). Same input, same bytes out.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve, isAbsolute } from 'node:path';
import { PACKAGE_ROOT as PROJECT_ROOT } from '../util/package-root.ts';
import { build } from 'astro';
import { versionedDocs } from './integration.ts';
import { registerSite } from './site-registry.ts';
import { copyLatest, latestPaths } from './latest-copy.ts';
import { LATEST, pageKey, servedPages, type SiteModel } from '../model/site-model.ts';
import { isChangelogRoute } from '../model/changelog-routes.ts';
import { modelWithSupport } from '../view/support.ts';
import { copyReused, layoutFingerprints, planLayout, uiFingerprint, type PreviousLayout } from './layout-reuse.ts';
import { siteUrl } from './site-config.ts';
import { indexSite } from './search-index.ts';
import type { SiteData } from '../model/site-data.ts';

export interface BuildSiteOptions {
  /** Where the site goes (emptied first). It is the web root: pages are under `<outDir><base>`. */
  outDir: string;
  /** Scratch space for the data file and Astro's caches; default `.build/` in the project. */
  cacheDir?: string;
  /** Quiet Astro's own logging (errors still show). */
  quiet?: boolean;
  /** Index the pages for search (default true); a caller may run indexSite() itself, alongside other work. */
  search?: boolean;
  /**
   * How `latest/` is made: copied from the latest version's laid-out pages (default), or laid out by Astro too.
   * A latest version served only under `latest/` (SiteData.latestOnly) is always laid out there, once.
   */
  latest?: 'copy' | 'render';
  /** Public origin, for canonical URLs and the sitemap (default: src/integration/site-config.ts). */
  siteUrl?: string;
  /** `modelWithSupport(data)` when the caller has it already (a build makes it for the search index too). */
  model?: SiteModel;
  /**
   * An incremental layout (src/integration/layout-reuse.ts; not with `latest: 'render'`, unless the latest version is served only under `latest/`): every docs page is
   * fingerprinted, and given the previous build's output and fingerprints, only the pages that differ are laid out.
   */
  reuse?: { previous?: PreviousLayout };
}

/** What buildSite laid out: the plain docs pages (404, search and changelog pages are always laid out, and not counted). */
export interface LayoutStats {
  /** Docs pages Astro laid out. */
  laidOut: number;
  /** Docs pages copied from the previous output. */
  reused: number;
  /** With `reuse`: every docs page's fingerprint by its key, for the next build. */
  fingerprints?: Record<string, string>;
  /** With `reuse`: milliseconds spent fingerprinting the pages, and copying the reused ones. */
  fingerprintMs?: number;
  copyMs?: number;
}

/** This package's folder: Astro's project root for every site (re-exported for the dev server). */
export { PROJECT_ROOT };

function withoutHtml(data: SiteData): SiteData {
  const pages = Object.fromEntries(Object.entries(data.pages).map(([id, list]) => [id, list.map(({ htmlAt: _, ...page }) => ({ ...page, html: '' }))]));
  return { ...data, pages };
}

function assertSafeOutDir(outDir: string): void {
  const rel = relative(outDir, PROJECT_ROOT);
  if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))) {
    throw new Error(`buildSite: outDir ${outDir} would contain the project; refusing to empty it`);
  }
}

/** The key Astro's pages know a docs page by (src/integration/data.ts laidOut): a latest version served only under `latest/` is laid out there. */
function laidOutKey(model: SiteModel, key: string): string {
  const own = pageKey(model.latest, '');
  return model.latestOnly && key.startsWith(own) ? pageKey(LATEST, key.slice(own.length)) : key;
}

export async function buildSite(data: SiteData, options: BuildSiteOptions): Promise<LayoutStats> {
  // The model the pages are laid out from (with the support tables; validated before anything is touched).
  const model = options.model ?? modelWithSupport(data);
  const copy = options.latest !== 'render' && !model.latestOnly;
  const outDir = resolve(options.outDir);
  const cacheDir = resolve(options.cacheDir ?? join(PROJECT_ROOT, '.build'));
  const origin = options.siteUrl ?? siteUrl();
  assertSafeOutDir(outDir);
  // Each page's fingerprint is taken of what it is laid out from.
  let mark = performance.now();
  const plan = options.reuse && (copy || model.latestOnly) ? planLayout(model, layoutFingerprints(model, { ui: uiFingerprint(), siteUrl: origin }), options.reuse.previous) : undefined;
  const fingerprintMs = performance.now() - mark;
  await mkdir(cacheDir, { recursive: true });
  // For `npm run check` after the build (links, headings, source files): the pages' HTML is in the site itself.
  const dataFile = join(cacheDir, 'site-data.json');
  await writeFile(dataFile, JSON.stringify(withoutHtml(data)));
  await rm(outDir, { recursive: true, force: true });

  // What the pages lay out: handed to them in memory, under a key the integration's virtual module names.
  const registered = registerSite(data);
  const docs = versionedDocs({
    key: registered.key,
    layOutLatest: !copy,
    base: data.base,
    siteUrl: origin,
    // Astro lists only the pages it lays out: latest/'s copies and an incremental build's reused pages are named (it drops repeats).
    copiedPages: latestPaths(model),
    ...(plan?.layOut ? { layOut: plan.layOut.map((key) => laidOutKey(model, key)) } : {}),
  });
  // Astro writes its prerender bundle under the working directory, and that bundle imports this package's
  // dependencies: it must lie inside the package, wherever the command was run from (`versioned-docs build --hugo docs`).
  const cwd = process.cwd();
  process.chdir(PROJECT_ROOT);
  try {
    await build({
      root: PROJECT_ROOT,
      outDir,
      cacheDir: join(cacheDir, 'astro'),
      logLevel: options.quiet ? 'error' : 'warn',
      mode: 'production',
      integrations: [docs],
    });
  } finally {
    process.chdir(cwd);
    registered.release();
  }
  if (copy) await copyLatest(outDir, model);
  // The unchanged pages, in their final places (their `latest/` copies too): before anything else writes into the site.
  mark = performance.now();
  if (plan && plan.reused.length > 0 && options.reuse?.previous) await copyReused(model, options.reuse.previous, plan.reused, outDir);
  const copyMs = performance.now() - mark;
  if (options.search !== false) await indexSite(outDir, model, join(cacheDir, 'search'));
  const docsPages = servedPages(model, { latest: false }).filter(({ page }) => !isChangelogRoute(page.route)).length;
  return {
    laidOut: docsPages - (plan?.reused.length ?? 0),
    reused: plan?.reused.length ?? 0,
    ...(plan ? { fingerprints: Object.fromEntries(plan.pages.map((p) => [p.key, p.fingerprint])), fingerprintMs: Math.round(fingerprintMs), copyMs: Math.round(copyMs) } : {}),
  };
}
