/** Hand-made site data for tests. */
import type { RenderedPage, SiteData } from '../../src/model/site-data.ts';

/** An empty rendered page at `route` (titled by its route), with the given fields. */
export function renderedPage(route: string, fields: Partial<RenderedPage> = {}): RenderedPage {
  return { route, sourceFile: '', title: route, description: '', weight: 0, html: '', headings: [], links: [], ...fields };
}

/**
 * Site data of versions newest first (the first is the latest, the others supported), each with pages at
 * the given routes (`page` makes each one; default: empty pages titled by route).
 */
export function siteData(product: string, pagesByVersion: Record<string, string[]>, page: (route: string) => RenderedPage = (r) => renderedPage(r)): SiteData {
  const ids = Object.keys(pagesByVersion);
  return {
    base: '/docs/',
    product,
    latest: ids[0]!,
    versions: ids.map((id, i) => ({ id, minor: id.slice(1, -2), label: id.slice(1, -2), status: i === 0 ? 'latest' : 'supported', values: {} })),
    pages: Object.fromEntries(ids.map((id) => [id, pagesByVersion[id]!.map(page)])),
  };
}
