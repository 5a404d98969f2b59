/**
 * Where the Astro pages get the site: the data registered for this build,
 * named by the integration's virtual module (src/integration/integration.ts),
 * arranged as a SiteModel once per data (dev registers new data on each edit).
 */
import { readFileSync, statSync } from 'node:fs';
import { site, siteData } from 'virtual:versioned-docs/site';
import { pageKey, type SiteDiagnostic, type SiteModel } from '../model/site-model.ts';
import { modelWithSupport } from '../view/support.ts';
import type { SiteData } from '../model/site-data.ts';

// By data, weakly: once a build has released its data, the prerender bundle (which stays loaded) does not hold it.
const models = new WeakMap<SiteData, SiteModel>();
let file: { key: string; data: SiteData } | undefined;

/** Whether the pages under `latest/` are laid out by Astro (dev, and builds that ask for it) or copied after the build. */
export function layOutLatest(): boolean {
  return site.layOutLatest;
}

const laidOutKeys = site.layOut ? new Set(site.layOut) : undefined;

/** Whether Astro lays out the docs page `route` of `prefix` (not when an incremental build copies it from the previous output). */
export function laidOut(prefix: string, route: string): boolean {
  return !laidOutKeys || laidOutKeys.has(pageKey(prefix, route));
}

/** The model of the site's data. Astro asks for it once per page: it is built once per data. */
export function getSiteModel(): SiteModel {
  const data = siteData() ?? fromFile(site.dataFile!);
  let model = models.get(data);
  if (!model) models.set(data, (model = modelOf(data)));
  return model;
}

/**
 * Dev: the data file, read again only when it changes: its identity is its path, size and modification
 * time, not its text (tens of MB for a large site).
 */
function fromFile(path: string): SiteData {
  try {
    const stat = statSync(path);
    const key = `${path}\0${stat.size}\0${stat.mtimeMs}`;
    if (file?.key !== key) file = { key, data: JSON.parse(readFileSync(path, 'utf8')) as SiteData };
    return file.data;
  } catch (error) {
    throw new Error(`No site data at ${path}: fix the problems \`npm run dev\` shows. ${String(error)}`);
  }
}

function modelOf(raw: SiteData & { diagnostics?: SiteDiagnostic[] }): SiteModel {
  const model = modelWithSupport(raw);
  model.diagnostics = raw.diagnostics ?? [];
  return model;
}
