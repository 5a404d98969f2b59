/**
 * Settings shared by astro.config.ts and buildSite: the public origin (for
 * canonical URLs and the sitemap) and the routes served by redirects.
 */
import { readFileSync } from 'node:fs';
import { LATEST } from '../model/site-model.ts';
import { getSiteModel, injectedSiteData, layOutLatest, siteDataPath } from './data.ts';
import { latestPaths } from './latest-copy.ts';

export const SITE_URL_ENV = 'DOCS_SITE_URL';
export const DEFAULT_SITE_URL = 'https://docs.solo.io';

export function siteUrl(): string {
  return (process.env[SITE_URL_ENV] || DEFAULT_SITE_URL).replace(/\/+$/, '');
}

/** Base path from the data file, `/gloo-edge/` when there is none yet. */
export function siteBase(): string {
  const injected = injectedSiteData();
  if (injected) return injected.base;
  try {
    const data = JSON.parse(readFileSync(siteDataPath(), 'utf8')) as { base?: string };
    return data.base || '/gloo-edge/';
  } catch {
    return '/gloo-edge/';
  }
}

/** `/` and the base both go to latest (static meta-refresh pages, Astro's built-in redirects). */
export function redirects(base: string): Record<string, string> {
  const target = `${base}${LATEST}/`;
  const out: Record<string, string> = { '/': target };
  if (base !== '/') out[base.replace(/\/$/, '')] = target;
  return out;
}

/** Astro's bundled JS/CSS live under the base too: `gloo-edge/_astro`. */
export function assetsDir(base: string): string {
  return `${base.replace(/^\//, '')}_astro`;
}

/** Full URLs of the pages written after Astro's build (the `latest/` copies), for the sitemap. */
export function copiedPages(): string[] {
  if (layOutLatest() || !injectedSiteData()) return [];
  return latestPaths(getSiteModel()).map((p) => `${siteUrl()}${p}`);
}

/**
 * Whether a page's full URL belongs in the sitemap: only the pages under `latest/`. Every other page is
 * either an older version's (`noindex`) or the latest version under its own id, whose canonical is `latest/`.
 */
export function inSitemap(base: string, url: string): boolean {
  return url.startsWith(`${siteUrl()}${base}${LATEST}/`);
}
