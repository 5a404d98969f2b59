/**
 * Where the Astro pages get the site: the data file named by the integration's
 * virtual module (src/integration/integration.ts), arranged as a SiteModel.
 */
import { readFileSync, statSync } from 'node:fs';
import site from 'virtual:versioned-docs/site';
import { buildModel, type SiteDiagnostic, type SiteModel } from '../model/site-model.ts';
import { addSupportTables } from '../view/support.ts';
import type { SiteData } from '../model/site-data.ts';

let cached: { key: string; model: SiteModel } | undefined;

/** Whether the pages under `latest/` are laid out by Astro (dev, and builds that ask for it) or copied after the build. */
export function layOutLatest(): boolean {
  return site.layOutLatest;
}

/**
 * The model of the site's data file. Astro asks for it once per page, so it
 * is read and built once, and again only when the file changes (dev): the
 * file's identity is its path, size and modification time, not its text
 * (tens of MB for a large site: comparing it per page made builds quadratic).
 */
export function getSiteModel(): SiteModel {
  const path = site.dataFile;
  let key: string;
  let text: string;
  try {
    const stat = statSync(path);
    key = `${path}\0${stat.size}\0${stat.mtimeMs}`;
    if (cached?.key === key) return cached.model;
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`No site data at ${path}: run \`npm run build\`. ${String(error)}`);
  }
  const model = modelOf(JSON.parse(text) as SiteData);
  cached = { key, model };
  return model;
}

function modelOf(raw: SiteData & { diagnostics?: SiteDiagnostic[] }): SiteModel {
  const model = buildModel(raw);
  model.diagnostics = raw.diagnostics ?? [];
  if (raw.support) addSupportTables(model, raw.support);
  return model;
}
