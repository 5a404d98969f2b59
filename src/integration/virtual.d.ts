/** The virtual module of src/integration/integration.ts. */
declare module 'virtual:versioned-docs/site' {
  export const site: import('./integration.ts').VirtualSite;
  /** The site's data, from src/integration/site-registry.ts (builds; undefined in dev, which names a file). */
  export function siteData(): import('../model/site-data.ts').SiteData | undefined;
}
