/**
 * The site config: where a docs tree's parts are and how the site is served.
 * `docs.config.ts` at the project root default-exports `defineConfig({...})`;
 * every field is optional and defaults to this repository's sample.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
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
  /** Hugo's data folder (`ProtoMap.yaml` for the `protobuf` shortcode, …), relative to the project; default: the docs root's `data/` when there is one. */
  data?: string;
  /** Hugo's layouts folder: its `shortcodes/` templates are run (see docs/shortcodes.md); default: the docs root's `layouts/` when there is one. */
  layouts?: string;
  /** Hugo's site parameters (a Hugo config's `[params]`): `.Site.Params` in templates; `noSecurityScan` for `readfile type="SECURITY_SCAN"`. */
  params?: Record<string, unknown>;
  /** Where the built site goes. */
  outDir: string;
  /** Fail on any changelog problem (otherwise warn and keep what is usable). */
  strictChangelog: boolean;
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

/** Hugo's `data` or `layouts` folder (absolute): the config's, else the docs root's when it exists. */
export function hugoFolder(config: SiteConfig, projectDir: string, kind: 'data' | 'layouts'): string | undefined {
  const named = config[kind];
  if (named !== undefined) return path.resolve(projectDir, named);
  const beside = path.resolve(projectDir, config.root, kind);
  return existsSync(beside) ? beside : undefined;
}

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
