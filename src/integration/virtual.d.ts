/** The virtual module of src/integration/integration.ts. */
declare module 'virtual:versioned-docs/site' {
  export const site: import('./integration.ts').VirtualSite;
  /** The site's data, from src/integration/site-registry.ts (builds; undefined in dev, which names a file). */
  export function siteData(): import('../model/site-data.ts').SiteData | undefined;
  /** Builds: where the pages note their use of the layout cache (src/integration/layout-cache.ts). */
  export function layoutLog(): import('./site-registry.ts').LayoutLog | undefined;
}
