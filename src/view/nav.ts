/**
 * The sidebar, as the Solo theme's `menu.html` builds it: the home page's
 * sections, each with its pages and subsections. A page's place is its
 * nearest section (`_index.md`) above it — folders without one are no
 * entry of their own. (Unlike the theme, a page at the top is listed too.) Sections show `menuTitle` (else the title), pages
 * `linkTitle` (else the title); `hidden` pages are left out; the order is
 * Hugo's `ByWeight`: weight (unweighted, 0, last), then date (newest
 * first), then link title, then file.
 */
import { cmp, routeAndAncestors, type SitePage } from '../model/site-model.ts';

export interface NavNode {
  route: string;
  title: string;
  href: string;
  current: boolean;
  /** The current page is this node or below it. */
  active: boolean;
  children: NavNode[];
}

const collator = new Intl.Collator('en');

/** Hugo's default page order (`ByWeight`). */
export function byWeight(a: SitePage, b: SitePage): number {
  if (a.weight !== b.weight) return a.weight === 0 ? 1 : b.weight === 0 ? -1 : a.weight - b.weight;
  const da = a.date ? Date.parse(a.date) || 0 : 0;
  const db = b.date ? Date.parse(b.date) || 0 : 0;
  if (da !== db) return db - da;
  return collator.compare(a.linkTitle || a.title, b.linkTitle || b.title) || cmp(a.sourceFile, b.sourceFile) || cmp(a.route, b.route);
}

export function navTitle(page: SitePage): string {
  return isSection(page) ? page.menuTitle || page.title : page.linkTitle || page.title;
}

function isSection(page: SitePage): boolean {
  return page.section !== false;
}

/** The section a page sits in: its nearest ancestor that is a section (the home page at the top). */
export function sectionOf(pages: ReadonlyMap<string, SitePage>, route: string): string | undefined {
  if (route === '') return undefined;
  return routeAndAncestors(route)
    .slice(1)
    .find((r) => r === '' || (pages.has(r) && isSection(pages.get(r)!)));
}

/** The tree below the home page (the home page itself is the root). */
export function navTree(pages: ReadonlyMap<string, SitePage>, hrefOf: (route: string) => string, currentRoute: string, options: { hidden?: boolean } = {}): NavNode {
  const children = new Map<string, SitePage[]>();
  for (const page of pages.values()) {
    const parent = sectionOf(pages, page.route);
    // The theme lists only sections at the top (`.Site.Home.Sections`); a page there is listed too, so no page is out of reach.
    if (parent === undefined || (page.hidden && !options.hidden)) continue;
    const list = children.get(parent) ?? [];
    list.push(page);
    children.set(parent, list);
  }
  const build = (page: SitePage): NavNode => ({
    route: page.route,
    title: navTitle(page),
    href: hrefOf(page.route),
    current: page.route === currentRoute,
    active: currentRoute.startsWith(page.route),
    children: (children.get(page.route) ?? []).sort(byWeight).map(build),
  });
  const home = pages.get('');
  if (!home) throw new Error('navTree: no home page');
  return build(home);
}

/** Direct children of a page, in sidebar order (for section pages' lists). */
export function childPages(pages: ReadonlyMap<string, SitePage>, route: string): SitePage[] {
  return [...pages.values()].filter((p) => !p.hidden && sectionOf(pages, p.route) === route).sort(byWeight);
}
