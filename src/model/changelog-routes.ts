/** Routes whose pages carry the changelog engineer's CSS and compare-view script. */
export const CHANGELOG_ROUTES: readonly string[] = ['reference/changelog/open_source/', 'reference/changelog/enterprise/'];

export function isChangelogRoute(route: string): boolean {
  return CHANGELOG_ROUTES.includes(route);
}
