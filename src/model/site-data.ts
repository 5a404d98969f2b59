/**
 * The data the pipeline hands to the Astro site: every docs version and the
 * rendered pages of each. Produced by `scripts/build.ts`, consumed by
 * `src/pages/` through `src/site/data.ts`.
 */

export type VersionStatus = 'latest' | 'supported' | 'unreleased';

export interface DocsVersion {
  /** URL segment and identifier, e.g. `v1.17.x`. */
  id: string;
  /** The minor line this docs version documents, e.g. `1.17`. */
  minor: string;
  /** What the dropdown shows, e.g. `1.17` (the site adds "latest" / "unreleased" marks). */
  label: string;
  status: VersionStatus;
  /** Version snippet values (`geoss_latest` → `1.17.33`, ...). */
  values: Record<string, string>;
}

export interface Heading {
  depth: number;
  id: string;
  /** Plain text of the rendered heading, e.g. `Step 2: Review version 1.17 changes`. */
  text: string;
}

export interface PageLink {
  /** The href as rendered (already carrying the version base). */
  href: string;
  /** Where it came from in the source Markdown (1-based). */
  line: number;
  column: number;
}

export interface RenderedPage {
  /** Route inside a version, no leading slash, trailing slash: `operations/upgrading/upgrade_steps/`; `` for the home page. */
  route: string;
  /** Source file relative to the project root, for messages. */
  sourceFile: string;
  title: string;
  linkTitle?: string;
  description: string;
  weight: number;
  /** The article body. */
  html: string;
  headings: Heading[];
  links: PageLink[];
  /** Date (`2024-05-01`) of the last git commit of the source file, when the config asks for it (`lastUpdated`). */
  lastUpdated?: string;
}

/** What the site config says about the site's look and links (src/config/define.ts). */
export interface Branding {
  logo?: string;
  headerLinks?: { text: string; href: string }[];
  ogImage?: string;
  /** "Edit this page": the page's source path is appended. */
  editUrl?: string;
}

export interface SiteData {
  /** Base path with leading and trailing slash: `/gloo-edge/`. */
  base: string;
  /** Product name for titles: `Gloo Edge`. */
  product: string;
  /** Newest first. */
  versions: DocsVersion[];
  /** Id of the version also served under `latest/`. */
  latest: string;
  /** Pages of each version, by version id. */
  pages: Record<string, RenderedPage[]>;
  branding?: Branding;
}
