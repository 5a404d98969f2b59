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
  /** It has pages below it (listed in `children` unless the tree is collapsed and it is not active). */
  group: boolean;
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

/** The sidebar's order of a version's pages, computed once per version (the pages map) and shared by its pages. */
interface NavIndex {
  /** A section's (or the home page's) listed pages, in sidebar order. */
  children: Map<string, SitePage[]>;
  /** Every listed route, depth first, as the sidebar lists them: the reading order. */
  order: string[];
  position: Map<string, number>;
}

/** Per version: the sidebar's index, and one that lists `hidden` pages too (the search page's list of every page). */
const indexes = { shown: new WeakMap<ReadonlyMap<string, SitePage>, NavIndex>(), all: new WeakMap<ReadonlyMap<string, SitePage>, NavIndex>() };

function navIndex(pages: ReadonlyMap<string, SitePage>, withHidden = false): NavIndex {
  const memo = withHidden ? indexes.all : indexes.shown;
  let index = memo.get(pages);
  if (index) return index;
  const children = new Map<string, SitePage[]>();
  for (const page of pages.values()) {
    const parent = sectionOf(pages, page.route);
    // The theme lists only sections at the top (`.Site.Home.Sections`); a page there is listed too, so no page is out of reach.
    if (parent === undefined || (page.hidden && !withHidden)) continue;
    const list = children.get(parent) ?? [];
    list.push(page);
    children.set(parent, list);
  }
  for (const list of children.values()) list.sort(byWeight);
  if (!pages.has('')) throw new Error('navTree: no home page');
  const order: string[] = [];
  const walk = (route: string) => {
    order.push(route);
    for (const child of children.get(route) ?? []) walk(child.route);
  };
  walk('');
  index = { children, order, position: new Map(order.map((route, i) => [route, i])) };
  memo.set(pages, index);
  return index;
}

/**
 * The tree below the home page (the home page itself is the root). `collapsed`: only the sections on the
 * way to the current page list their pages; the others are groups without children, so a page's sidebar
 * grows with the number of sections and the current section, not with the whole site.
 */
export function navTree(
  pages: ReadonlyMap<string, SitePage>,
  hrefOf: (route: string) => string,
  currentRoute: string,
  options: { collapsed?: boolean; hidden?: boolean } = {},
): NavNode {
  const { children } = navIndex(pages, options.hidden ?? false);
  const build = (page: SitePage): NavNode => {
    const below = children.get(page.route) ?? [];
    const active = currentRoute.startsWith(page.route);
    return {
      route: page.route,
      title: navTitle(page),
      href: hrefOf(page.route),
      current: page.route === currentRoute,
      active,
      group: below.length > 0,
      children: options.collapsed && !active ? [] : below.map(build),
    };
  };
  return build(pages.get('')!);
}

/** The pages before and after `route` in the sidebar's reading order (undefined at either end, or for an unlisted page). */
export function neighbours(pages: ReadonlyMap<string, SitePage>, route: string): { prev: SitePage | undefined; next: SitePage | undefined } {
  const { order, position } = navIndex(pages);
  const at = position.get(route);
  if (at === undefined) return { prev: undefined, next: undefined };
  return { prev: at > 0 ? pages.get(order[at - 1]!) : undefined, next: pages.get(order[at + 1]!) };
}

/** Direct children of a page, in sidebar order (for section pages' lists). */
export function childPages(pages: ReadonlyMap<string, SitePage>, route: string): SitePage[] {
  return navIndex(pages).children.get(route) ?? [];
}
