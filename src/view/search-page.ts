/**
 * The search page of one copy of the docs (`<base><prefix>/search/`): the header's search form
 * sends `?q=` there. With JavaScript it shows Pagefind's results for the query (the copy's own
 * bundle, as the header's search); without, every page of the version, titles linked and grouped
 * by section, for the browser's find. Not a content page: neither indexed nor in the sitemap.
 */
import { LATEST, pageHref, SEARCH_ROUTE, layoutPrefixes, type SiteModel } from '../model/site-model.ts';
import { headerOf, type PageContext } from './context.ts';
import { navTree, type NavNode } from './nav.ts';
import { linkPrefix, versionOptions, type VersionOption } from './switcher.ts';

export interface SearchPageContext {
  product: string;
  header: PageContext['header'];
  homeHref: string;
  /** Each version's own search page. */
  options: VersionOption[];
  searchBundle: string;
  version: PageContext['version'];
  title: string;
  /** Every page of the version (hidden ones too), as the sidebar orders them. */
  pages: NavNode;
  /** The sidebar (the header's Menu link opens it on phones). */
  nav: NavNode;
}

/** The search page's URL for a copy of the docs (`latest` or a version id). */
export function searchPageHref(base: string, prefix: string): string {
  return pageHref(base, prefix, SEARCH_ROUTE);
}

/** Copies of the docs that get a search page: every version (and `latest/` when laid out), unless the version has a content page at the route. */
export function searchPagePrefixes(model: SiteModel, latest: boolean): string[] {
  return layoutPrefixes(model, { latest }).filter((prefix) => !model.byId.get(prefix === LATEST ? model.latest : prefix)!.pages.has(SEARCH_ROUTE));
}

export function searchPageContext(model: SiteModel, prefix: string): SearchPageContext {
  const versionId = prefix === LATEST ? model.latest : prefix;
  const version = model.byId.get(versionId);
  if (!version) throw new Error(`Unknown version "${prefix}"`);
  const hrefOf = (route: string) => pageHref(model.base, prefix, route);
  return {
    product: model.product,
    header: headerOf(model, prefix),
    homeHref: pageHref(model.base, linkPrefix(model, versionId), ''),
    options: versionOptions(model, versionId, '').map((o) => ({ ...o, href: searchPageHref(model.base, linkPrefix(model, o.id)), exact: true, anchors: [] })),
    searchBundle: `${model.base}${prefix}/pagefind/`,
    version: version.version,
    title: `Search | ${model.product} ${version.version.label}`,
    pages: navTree(version.pages, hrefOf, SEARCH_ROUTE, { hidden: true }),
    nav: navTree(version.pages, hrefOf, SEARCH_ROUTE, { collapsed: true }),
  };
}
