/** The sidebar: a version's content tree, ordered by front matter weight, then title. */
import { cmp, parentRoute, type SitePage } from '../model/site-model.ts';

export interface NavNode {
  route: string;
  title: string;
  href: string;
  current: boolean;
  /** The current page is this node or below it. */
  active: boolean;
  children: NavNode[];
}

function byWeightThenTitle(a: SitePage, b: SitePage): number {
  return a.weight - b.weight || cmp(navTitle(a), navTitle(b)) || cmp(a.route, b.route);
}

export function navTitle(page: SitePage): string {
  return page.linkTitle || page.title;
}

/** The tree below the home page (the home page itself is the root). */
export function navTree(pages: ReadonlyMap<string, SitePage>, hrefOf: (route: string) => string, currentRoute: string): NavNode {
  const children = new Map<string, SitePage[]>();
  for (const page of pages.values()) {
    const parent = parentRoute(page.route);
    if (parent === undefined) continue;
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
    children: (children.get(page.route) ?? []).sort(byWeightThenTitle).map(build),
  });
  const home = pages.get('');
  if (!home) throw new Error('navTree: no home page');
  return build(home);
}

/** Direct children of a page, in sidebar order (for section pages' lists). */
export function childPages(pages: ReadonlyMap<string, SitePage>, route: string): SitePage[] {
  return [...pages.values()].filter((p) => parentRoute(p.route) === route).sort(byWeightThenTitle);
}
