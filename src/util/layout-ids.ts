/**
 * The ids the layout gives its own elements (skip link target, sidebar,
 * search, table of contents). A colon keeps them apart from every id a page
 * can have: heading slugs never hold one, and an explicit `{#…}` id starting
 * with LAYOUT_ID_PREFIX is refused at its heading. So `## Main` or
 * `{#site-nav}` in a page can never duplicate an id of the layout.
 */
export const LAYOUT_ID_PREFIX = 'vd:';

export const LAYOUT_IDS = {
  main: `${LAYOUT_ID_PREFIX}main`,
  nav: `${LAYOUT_ID_PREFIX}site-nav`,
  searchInput: `${LAYOUT_ID_PREFIX}search-input`,
  searchResults: `${LAYOUT_ID_PREFIX}search-results`,
  tocTitle: `${LAYOUT_ID_PREFIX}toc-title`,
} as const;

/** A CSS selector for an element with this id (a colon would read as a pseudo-class in `#id`). */
export const byId = (id: string): string => `[id="${id}"]`;
