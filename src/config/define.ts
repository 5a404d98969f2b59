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
  /** The site title in the header (default: `<product> docs`). */
  title?: string;
  /** The logo, a path from a version's root (`img/logo.png`), shown in the header. */
  logo?: string;
  /** Links in the header (Hugo's `menu.shortcuts`). */
  headerLinks: HeaderLink[];
  /** Regular expressions: content files whose path (from the content folder) matches one are skipped, as Hugo's `ignoreFiles`. */
  ignoreFiles: string[];
}

export interface HeaderLink {
  name: string;
  url: string;
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
  headerLinks: [],
  ignoreFiles: [],
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
