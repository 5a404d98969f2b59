/**
 * The data the pipeline hands to the Astro site: every docs version and the
 * rendered pages of each. Produced by `src/engine/build.ts`, consumed by
 * `src/pages/` through `src/integration/data.ts`.
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
  /** Source file relative to the project root (in a build from git refs: to the repository's), for messages. */
  sourceFile: string;
  /** In a build from git refs: the docs version (named as its ref) the source file was read from. */
  ref?: string;
  title: string;
  linkTitle?: string;
  /** The sidebar's name for a section (the Solo theme's `menuTitle`). */
  menuTitle?: string;
  description: string;
  weight: number;
  /** Front matter `date` (ISO), when set: Hugo orders pages of the same weight by it, newest first. */
  date?: string;
  /** A section (`_index.md`): pages below it without a section of their own sit under it in the sidebar. False for other pages; unset counts as a section. */
  section?: boolean;
  /** Front matter `hidden: true`: the page is published but not in the sidebar. */
  hidden?: boolean;
  /** The article body ('' when a build has moved it to `htmlAt`: read it with articleHtml(), src/model/article-html.ts). */
  html: string;
  /**
   * Where a build keeps the article body instead of in memory (src/engine/spill-html.ts): bytes
   * `start`..`start + bytes` of `file`, UTF-8. A build holds no page's HTML longer than it takes to write it.
   */
  htmlAt?: { file: string; start: number; bytes: number };
  headings: Heading[];
  links: PageLink[];
  /** Date (`2024-05-01`) of the last git commit of the source file, when the config asks for it (`lastUpdated`). */
  lastUpdated?: string;
}

/** The site's look and links, from its config (a Hugo config's `title`, `params.logoPath`, `menu.shortcuts`): what every page shows besides its own content. */
export interface Branding {
  /** The site title in the header (default: `<product> docs`). */
  title?: string;
  /** The header's logo: a path from a version's root (`img/logo.png`), or a URL or a path from the site's origin. */
  logo?: string;
  /** Links in the header. */
  links?: { name: string; url: string }[];
  /** The Open Graph image. */
  ogImage?: string;
  /** "Edit this page": the page's source path is appended. */
  editUrl?: string;
}

/** One row of the supported-versions table (`data/support.yaml`). */
export interface SupportLine {
  minor: string;
  kubernetes: string;
  helm: string;
  envoy: string;
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
  /**
   * The latest version is served only under `latest/`, as Gloo's build-docs.sh publishes it; its own id's
   * URLs are redirect pages to the same path there (a build from git refs). Otherwise it is served under both.
   */
  latestOnly?: boolean;
  /** Pages of each version, by version id. */
  pages: Record<string, RenderedPage[]>;
  /** The supported-versions table added to each version's support page, when the site has one. */
  support?: SupportLine[];
  /** Header title, logo and links, Open Graph image, "Edit this page" base: when the config sets any. */
  branding?: Branding;
}
