/**
 * What the 404 page needs to help a reader who followed a dead link: every
 * version (and the prefix its pages are served under) and, for every route,
 * the versions that have it. The page's script (src/client/not-found.ts)
 * reads the version and route from the address and offers the same page in
 * the versions that have it, the nearest page in this one, and its search.
 */
import { LATEST, type SiteModel } from '../model/site-model.ts';
import { linkPrefix } from './switcher.ts';

export interface NotFoundData {
  base: string;
  latest: string;
  /** Newest first: `v1.17.x`, its mark, the prefix its pages are linked under. */
  versions: { id: string; mark?: 'latest' | 'unreleased'; prefix: string }[];
  /** Route → indexes into `versions` of those that have it (`"0 1 2"`). */
  routes: Record<string, string>;
}

export function notFoundData(model: SiteModel): NotFoundData {
  const routes: Record<string, number[]> = {};
  model.versions.forEach(({ pages }, i) => {
    for (const route of pages.keys()) (routes[route] ??= []).push(i);
  });
  return {
    base: model.base,
    latest: LATEST,
    versions: model.versions.map(({ version }) => ({
      id: version.id,
      ...(version.status === 'latest' || version.status === 'unreleased' ? { mark: version.status } : {}),
      prefix: linkPrefix(model, version.id),
    })),
    routes: Object.fromEntries(Object.entries(routes).map(([route, list]) => [route, list.join(' ')])),
  };
}
