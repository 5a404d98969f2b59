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
  /** Build every docs version from its own git ref (see GitConfig); the content paths above are then ignored. */
  git?: GitConfig;
  /**
   * Redirects in Firebase's format (paste them from build-docs.sh's firebase.json): the build writes a
   * redirect page for each concrete source path, plus `firebase.json` and `_redirects` (src/engine/redirects.ts).
   */
  redirects?: RedirectRule[];
  /** Rewrites in Firebase's format (served without a redirect by the host): written to `firebase.json` and `_redirects`. */
  rewrites?: RedirectRule[];
}

/** A redirect rule in Firebase Hosting's format: `:version` and `:name` match one segment, `:path*` the rest. */
export interface RedirectRule {
  source: string;
  destination: string;
  /** HTTP status: `301` or `302` (Firebase writes it as a string or a number). */
  type?: string | number;
}

/**
 * The docs versions from the branches of one git repository, as Gloo's `docs/build-docs.sh`
 * builds them: each version's `content/` and changelog from its own ref; layouts, data, the Hugo
 * config and everything else in the docs folder from one ref (Gloo: `main`) for all versions.
 */
export interface GitConfig {
  /** A repository path or a bundle file, relative to the config file's folder (`--repo` overrides it). */
  repo: string;
  /** The docs folder inside the repository (default `docs`). */
  docs?: string;
  /** The changelog folder inside the repository (default `changelog`). */
  changelog?: string;
  /**
   * The refs to build, in the dropdown's order (`--versions` overrides), or the file that lists
   * them (`active_versions.json`: `latest`, `versions`, `oldVersions`) read from a ref.
   * Default: `{ file: '<docs>/active_versions.json' }` read from `layoutRef`, as Gloo does.
   */
  versions?: string[] | { file: string; ref?: string };
  /** The version served under `latest/` (`--latest` overrides); with a list, default its first stable ref. */
  latest?: string;
  /** Versions that get the old-version banner (with a list of refs: default every ref after `latest`). */
  old?: string[];
  /** The ref whose docs folder supplies layouts, data, the Hugo config, static files (default `main`, as Gloo). */
  layoutRef?: string;
  /** Folders of the docs folder each version takes from its own ref (default `['content']`, as Gloo). */
  perVersion?: string[];
  /** Names standing for other refs: `{ main: 'v1.17.x' }` (a version keeps its name in URLs). */
  aliases?: Record<string, string>;
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
