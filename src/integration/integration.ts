/**
 * The Astro integration of the versioned docs, as Starlight hands its data to
 * its pages: everything Astro needs to know about one site (the key its data
 * is registered under, its base, its public origin, how `latest/` is made)
 * goes in as options, and reaches the pages through the Vite virtual module
 * `virtual:versioned-docs/site` (read by src/integration/data.ts), which
 * imports the data from src/integration/site-registry.ts — kept out of Vite's
 * bundle, so it is the module this process already holds. No environment
 * variable, no global: two builds of different sites in one process each see
 * their own data.
 *
 * It also sets what follows from the site (public origin, redirects of `/`
 * and the base to `latest/`, the assets folder under the base), adds the
 * sitemap and the Mermaid files, and in `npm run dev` tells the browsers
 * when the site data changed (`reload()`).
 */
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import type { Plugin, ViteDevServer } from 'vite';
import { devGuard, strictFsSettings } from './dev-guard.ts';
import { mermaidVendor } from './mermaid-vendor.ts';
import { assetsDir, inSitemap, redirects } from './site-config.ts';
import { SEARCH_ROUTE } from '../model/site-model.ts';

export const VIRTUAL_SITE = 'virtual:versioned-docs/site';
const RESOLVED_SITE = `\0${VIRTUAL_SITE}`;
/** The registry, imported by the virtual module as an external: Node's own instance of it. */
const REGISTRY_ID = 'versioned-docs:site-registry';
const REGISTRY = fileURLToPath(new URL('./site-registry.ts', import.meta.url));

/** What the pages read from the virtual module. */
export interface VirtualSite {
  /** Builds: the key of the SiteData in src/integration/site-registry.ts (a new one per build). */
  key?: string;
  /** `npm run dev`: the SiteData file, read again whenever it changes (Vite's dev server runs the pages in a module runner of its own). */
  dataFile?: string;
  /** Whether Astro lays out `latest/` too (dev), or a build copies it afterwards (src/integration/latest-copy.ts). */
  layOutLatest: boolean;
  /**
   * An incremental build: the only docs pages Astro lays out (`<version id>/<route>`, src/integration/layout-reuse.ts);
   * the others are copied from the previous output. Unset: every page.
   */
  layOut?: string[];
}

export interface VersionedDocsOptions extends VirtualSite {
  /** Base path with leading and trailing slash: `/gloo-edge/`. */
  base: string;
  /** Public origin, for canonical URLs and the sitemap: `https://docs.solo.io`. */
  siteUrl: string;
  /** Site paths of pages Astro may not lay out (`latest/`'s copies, an incremental build's reused pages), for the sitemap. */
  copiedPages?: string[];
}

export interface VersionedDocsIntegration extends AstroIntegration {
  /** Dev: the registered data changed; Astro forgets its routes and open pages refresh their content (src/client/dev-refresh.ts). */
  reload(): void;
}

export function versionedDocs(options: VersionedDocsOptions): VersionedDocsIntegration {
  const site: VirtualSite = {
    ...(options.key ? { key: options.key } : {}),
    ...(options.dataFile ? { dataFile: options.dataFile } : {}),
    layOutLatest: options.layOutLatest,
    ...(options.layOut ? { layOut: options.layOut } : {}),
  };
  let server: ViteDevServer | undefined;
  const plugin: Plugin = {
    name: 'versioned-docs:site',
    enforce: 'pre',
    resolveId: (id) => (id === VIRTUAL_SITE ? RESOLVED_SITE : id === REGISTRY_ID ? { id: REGISTRY, external: true } : undefined),
    load: (id) =>
      id !== RESOLVED_SITE
        ? undefined
        : site.key
          ? `import { registeredSite } from ${JSON.stringify(REGISTRY_ID)};\n` +
            `export const site = ${JSON.stringify(site)};\n` +
            `export function siteData() { return registeredSite(site.key); }\n`
          : `export const site = ${JSON.stringify(site)};\nexport function siteData() { return undefined; }\n`,
    configureServer(dev) {
      server = dev;
    },
  };
  const assets = assetsDir(options.base);
  const redirectMap = redirects(options.base);
  const redirectSources = Object.keys(redirectMap).map((from) => `${options.siteUrl}${from.endsWith('/') ? from : `${from}/`}`);
  const customPages = (options.copiedPages ?? []).map((p) => `${options.siteUrl}${p}`);
  return {
    name: 'versioned-docs',
    hooks: {
      'astro:config:setup': ({ updateConfig, command, config }) => {
        // `npm run dev` serves the site and its assets only (src/integration/dev-guard.ts).
        const root = fileURLToPath(config.root);
        const guard = command === 'dev' ? { plugins: [plugin, devGuard(root)], server: { fs: strictFsSettings(root) } } : { plugins: [plugin] };
        updateConfig({
          site: options.siteUrl,
          redirects: redirectMap,
          build: { assets },
          vite: guard,
          integrations: [
            mermaidVendor(assets),
            sitemap({ customPages, filter: (page) => !redirectSources.includes(page) && !page.endsWith('/404/') && !page.endsWith(`/${SEARCH_ROUTE}`) && inSitemap(options.siteUrl, options.base, page) }),
          ],
        });
      },
    },
    reload() {
      server?.environments.ssr?.hot.send({ type: 'custom', event: 'astro:content-changed', data: {} });
      server?.environments.client?.hot.send({ type: 'custom', event: 'docs:site-data-changed', data: {} });
    },
  };
}
