/**
 * The site config: where a docs tree's parts are and how the site is served.
 * `docs.config.ts` at the project root default-exports `defineConfig({...})`;
 * every field is optional and defaults to this repository's sample.
 */
import type { Product } from '../changelog/types.ts';

export interface SiteConfig {
  /** The docs root: `readfile` paths are relative to it. */
  root: string;
  /** The Markdown pages, relative to the project. */
  content: string;
  /** Version snippet pins (`version_<key>.md`), relative to the project. */
  snippets: string;
  /** Changelog folders per product; several per product are merged. */
  changelog: Record<Product, string[]>;
  /** Base path of the site, with leading and trailing slash. */
  base: string;
  /** The product name in titles. */
  product: string;
  /** Names of the two products on the changelog pages. */
  productNames: Record<Product, string>;
  /** Which docs versions to build: the newest N lines, or exactly these ids. */
  versions: { newest?: number; include?: string[] };
  /** Paths (from the docs root, e.g. `/operations/production_deployment/`) that live outside this site: counted, not checked. */
  knownExternal: string[];
  /** A folder of custom shortcode modules, relative to the project. */
  shortcodes?: string;
  /** Hugo's data folder (`protobuf.yaml` for the `protobuf` shortcode, …), relative to the project. */
  data?: string;
  /** Where the built site goes. */
  outDir: string;
  /** Fail on any changelog problem (otherwise warn and keep what is usable). */
  strictChangelog: boolean;
  /**
   * "Edit this page" on every page with a source file: this URL with the file's path relative to the
   * project appended (`https://github.com/solo-io/gloo/edit/main/docs/` + `content/…/upgrade_steps.md`).
   * Without it, no link.
   */
  editUrl?: string;
  /** "Last updated" on every page: the date of the last git commit of its source file. Off by default. */
  lastUpdated?: boolean;
  /** A logo before the product name in the header: a URL or a path under the site's origin. */
  logo?: string;
  /** Links at the right of the header (e.g. the product's home, GitHub). */
  headerLinks?: { text: string; href: string }[];
  /** The Open Graph image of every page (`og:image`): an absolute URL, or a path on the site's origin. */
  ogImage?: string;
}

export type UserConfig = Partial<Omit<SiteConfig, 'changelog' | 'productNames' | 'versions'>> & {
  changelog?: Partial<Record<Product, string[]>>;
  productNames?: Partial<Record<Product, string>>;
  versions?: SiteConfig['versions'];
};

export const DEFAULTS: SiteConfig = {
  root: '.',
  content: 'content',
  snippets: 'static/content',
  changelog: { open_source: ['changelog/open_source'], enterprise: ['changelog/enterprise'] },
  base: '/gloo-edge/',
  product: 'Gloo Edge',
  productNames: { open_source: 'Gloo Edge Open Source', enterprise: 'Gloo Edge Enterprise' },
  versions: {},
  knownExternal: [],
  outDir: 'dist',
  strictChangelog: true,
};

/** Typed helper for `docs.config.ts`. */
export function defineConfig(config: UserConfig): UserConfig {
  return config;
}

export function resolveConfig(user: UserConfig): SiteConfig {
  return {
    ...DEFAULTS,
    ...user,
    changelog: { ...DEFAULTS.changelog, ...user.changelog },
    productNames: { ...DEFAULTS.productNames, ...user.productNames },
    versions: { ...DEFAULTS.versions, ...user.versions },
  };
}
