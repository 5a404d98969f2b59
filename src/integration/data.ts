/**
 * Where the Astro pages get SiteData: the JSON file `buildSite` writes, named
 * by DOCS_SITE_DATA (default `.build/site-data.json` under the working directory).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildModel, type SiteDiagnostic, type SiteModel } from '../model/site-model.ts';
import { addSupportTables, loadSupport } from '../view/support.ts';
import type { SiteData } from '../model/site-data.ts';

export const SITE_DATA_ENV = 'DOCS_SITE_DATA';
export const DEFAULT_SITE_DATA = '.build/site-data.json';
/** Supported versions table, relative to the working directory (the project). */
export const SUPPORT_DATA = 'data/support.yaml';

export function siteDataPath(): string {
  return resolve(process.env[SITE_DATA_ENV] || DEFAULT_SITE_DATA);
}

let cached: { key: string; data?: SiteData; model: SiteModel } | undefined;

/** Where buildSite hands SiteData to Astro's prerendering in the same process, instead of a second copy read from the file. */
const INJECTED = Symbol.for('versioned-docs.site-data');

export function injectSiteData(data: SiteData | undefined): void {
  (globalThis as Record<symbol, unknown>)[INJECTED] = data;
}

/** Set by buildSite while Astro builds: `latest/` pages are copied afterwards, not laid out (src/site/latest-copy.ts). */
const LATEST_BY_COPY = Symbol.for('versioned-docs.latest-by-copy');

export function setLatestByCopy(on: boolean): void {
  (globalThis as Record<symbol, unknown>)[LATEST_BY_COPY] = on;
}

/** Whether the pages under `latest/` are laid out by Astro (dev, and builds that ask for it) or copied after the build. */
export function layOutLatest(): boolean {
  return (globalThis as Record<symbol, unknown>)[LATEST_BY_COPY] !== true;
}

export function injectedSiteData(): SiteData | undefined {
  return (globalThis as Record<symbol, unknown>)[INJECTED] as SiteData | undefined;
}

/**
 * The model of the current data file. Astro asks for it once per page, so it
 * is read and built once, and again only when the file changes (dev): the
 * file's identity is its path, size and modification time, not its text
 * (tens of MB for a large site: comparing it per page made builds quadratic).
 */
export function getSiteModel(): SiteModel {
  const injected = injectedSiteData();
  if (injected) {
    if (cached?.data !== injected) cached = { key: '', data: injected, model: modelOf(injected) };
    return cached.model;
  }
  const path = siteDataPath();
  let key: string;
  let text: string;
  try {
    const stat = statSync(path);
    key = `${path}\0${stat.size}\0${stat.mtimeMs}`;
    if (cached?.key === key) return cached.model;
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`No site data at ${path}: run \`npm run build\` (or set ${SITE_DATA_ENV}). ${String(error)}`);
  }
  const model = modelOf(JSON.parse(text) as SiteData);
  cached = { key, model };
  return model;
}

function modelOf(raw: SiteData & { diagnostics?: SiteDiagnostic[] }): SiteModel {
  const model = buildModel(raw);
  model.diagnostics = raw.diagnostics ?? [];
  if (existsSync(SUPPORT_DATA)) addSupportTables(model, loadSupport(resolve(SUPPORT_DATA)));
  return model;
}
