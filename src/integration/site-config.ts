/** Settings that follow from a site's base: the routes served by redirects and Astro's assets folder. */
import { LATEST } from '../model/site-model.ts';

export const SITE_URL_ENV = 'DOCS_SITE_URL';
export const DEFAULT_SITE_URL = 'https://docs.solo.io';

export function siteUrl(): string {
  return (process.env[SITE_URL_ENV] || DEFAULT_SITE_URL).replace(/\/+$/, '');
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

/**
 * Whether a page's full URL belongs in the sitemap: only the pages under `latest/`. Every other page is
 * either an older version's (`noindex`) or the latest version under its own id, whose canonical is `latest/`.
 */
export function inSitemap(origin: string, base: string, url: string): boolean {
  return url.startsWith(`${origin}${base}${LATEST}/`);
}
