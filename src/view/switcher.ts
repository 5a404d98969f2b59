/**
 * The version dropdown, worked out at build time: each version's entry links
 * to the same page there, else its nearest existing ancestor, else its home,
 * so a switch never lands on a 404.
 */
import { LATEST, pageHref, routeAndAncestors, type SiteModel } from '../model/site-model.ts';

/** The route to show in a version that has `routes`: `route` itself, else its nearest existing ancestor, else the home page. */
export function resolveRoute(routes: ReadonlySet<string> | ReadonlyMap<string, unknown>, route: string): { route: string; exact: boolean } {
  for (const candidate of routeAndAncestors(route)) {
    if (routes.has(candidate)) return { route: candidate, exact: candidate === route };
  }
  return { route: '', exact: false };
}

export interface VersionOption {
  id: string;
  /** `1.17`, plus the mark shown after it. */
  label: string;
  mark: 'latest' | 'unreleased' | undefined;
  href: string;
  /** The target is the same page (not a fallback). */
  exact: boolean;
  current: boolean;
  /** Heading ids of the target page, so the client keeps a `#hash` only where it exists. */
  anchors: string[];
}

/** The prefix a version's pages are linked under: `latest` for data.latest, its id otherwise. */
export function linkPrefix(model: SiteModel, versionId: string): string {
  return versionId === model.latest ? LATEST : versionId;
}

/** Dropdown entries, newest first, for the page at `route` of version `currentId`. */
export function versionOptions(model: SiteModel, currentId: string, route: string): VersionOption[] {
  return model.versions.map(({ version, pages }) => {
    const target = resolveRoute(pages, route);
    const page = pages.get(target.route)!;
    return {
      id: version.id,
      label: version.label,
      mark: version.status === 'latest' ? 'latest' : version.status === 'unreleased' ? 'unreleased' : undefined,
      href: pageHref(model.base, linkPrefix(model, version.id), target.route),
      exact: target.exact,
      current: version.id === currentId,
      anchors: page.headings.map((h) => h.id),
    };
  });
}
