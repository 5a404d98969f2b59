/**
 * The generated changelog pages, one per product: their routes and titles,
 * defined here once (the build renders them, the `render_changelog` shortcode
 * links them, the Astro pages give them the changelog CSS and compare view).
 */
export const CHANGELOG_PAGES = [
  { product: 'open_source', route: 'reference/changelog/open_source/', title: 'Open Source changelog' },
  { product: 'enterprise', route: 'reference/changelog/enterprise/', title: 'Enterprise changelog' },
] as const;

export type ChangelogProduct = (typeof CHANGELOG_PAGES)[number]['product'];

/** Route of each product's changelog page. */
export const CHANGELOG_ROUTE: Readonly<Record<ChangelogProduct, string>> = Object.fromEntries(CHANGELOG_PAGES.map((p) => [p.product, p.route])) as Record<ChangelogProduct, string>;

/** Routes whose pages carry the changelog engineer's CSS and compare-view script. */
export const CHANGELOG_ROUTES: readonly string[] = CHANGELOG_PAGES.map((p) => p.route);

export function isChangelogRoute(route: string): boolean {
  return CHANGELOG_ROUTES.includes(route);
}
