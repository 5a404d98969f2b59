/**
 * The SiteData a build (or `npm run dev`) hands to the Astro pages it lays
 * out in the same process, by key. The integration's virtual module names the
 * key and imports this very module, which Vite leaves out of its bundle
 * (src/integration/integration.ts), so the pages read the data in memory: no
 * second copy, no file, no global. A different key per build makes a
 * different prerender bundle, so two builds of different sites in one
 * process each lay out their own data.
 */
import type { SiteData } from '../model/site-data.ts';

const sites = new Map<string, SiteData>();
let builds = 0;

export interface Registration {
  key: string;
  /** Hand the pages (new) data under this key. */
  set(data: SiteData): void;
  /** Forget the data: the build is done. */
  release(): void;
}

/** A new key, with `data` under it when given (dev sets it once the first data is there). */
export function registerSite(data?: SiteData, name = 'build'): Registration {
  const key = `${name}-${++builds}`;
  if (data) sites.set(key, data);
  return {
    key,
    set: (next) => void sites.set(key, next),
    release: () => void sites.delete(key),
  };
}

/** The data registered under `key`. */
export function registeredSite(key: string): SiteData {
  const data = sites.get(key);
  if (!data) throw new Error(`No site data registered as "${key}": the pages are laid out only inside buildSite() or \`npm run dev\` (which shows its problems in the terminal).`);
  return data;
}
