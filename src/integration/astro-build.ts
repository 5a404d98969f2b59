/**
 * buildSite: SiteData → a static site in outDir. Writes the data where the
 * Astro pages read it, runs Astro's build, then Pagefind (one bundle per
 * version). Same input, same bytes out.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'astro';
import { injectSiteData, setLatestByCopy, SITE_DATA_ENV } from './data.ts';
import { copyLatest } from './latest-copy.ts';
import { buildModel, servedPages } from '../model/site-model.ts';
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
  /** How `latest/` is made: copied from the latest version's laid-out pages (default), or laid out by Astro too. */
  latest?: 'copy' | 'render';
}

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function withoutHtml(data: SiteData): SiteData {
  const pages = Object.fromEntries(Object.entries(data.pages).map(([id, list]) => [id, list.map((page) => ({ ...page, html: '' }))]));
  return { ...data, pages };
}

function assertSafeOutDir(outDir: string): void {
  const rel = relative(outDir, PROJECT_ROOT);
  if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))) {
    throw new Error(`buildSite: outDir ${outDir} would contain the project; refusing to empty it`);
  }
}

/**
 * The routes of this process's first build. Astro imports its prerender bundle once per process and
 * keeps the first build's getStaticPaths results in it, so a later build of other routes would be laid
 * out with the first one's: such a build is refused instead.
 */
let builtRoutes: string | undefined;

export async function buildSite(data: SiteData, options: BuildSiteOptions): Promise<void> {
  const model = buildModel(data); // validate before touching anything
  const copy = options.latest !== 'render';
  const routes = servedPages(model, { latest: !copy }).map((p) => `${p.prefix}/${p.page.route}`).join('\n');
  if (builtRoutes !== undefined && builtRoutes !== routes) {
    throw new Error('buildSite: this process already built a site with other pages, and Astro would reuse its routes; build this one in a new process (the same process can only rebuild the same pages).');
  }
  const outDir = resolve(options.outDir);
  const cacheDir = resolve(options.cacheDir ?? join(PROJECT_ROOT, '.build'));
  assertSafeOutDir(outDir);
  await mkdir(cacheDir, { recursive: true });
  // For `npm run check` after the build (links, headings, source files): the pages' HTML is in the site itself.
  const dataFile = join(cacheDir, 'site-data.json');
  await writeFile(dataFile, JSON.stringify(withoutHtml(data)));
  await rm(outDir, { recursive: true, force: true });

  const previous = process.env[SITE_DATA_ENV];
  process.env[SITE_DATA_ENV] = dataFile;
  injectSiteData(data);
  setLatestByCopy(copy);
  builtRoutes = routes;
  try {
    await build({
      root: PROJECT_ROOT,
      outDir,
      cacheDir: join(cacheDir, 'astro'),
      logLevel: options.quiet ? 'error' : 'warn',
      mode: 'production',
    });
    if (copy) await copyLatest(outDir, model);
  } finally {
    setLatestByCopy(false);
    injectSiteData(undefined);
    if (previous === undefined) delete process.env[SITE_DATA_ENV];
    else process.env[SITE_DATA_ENV] = previous;
  }
  if (options.search !== false) await indexSite(outDir, model, join(cacheDir, 'search'));
}
