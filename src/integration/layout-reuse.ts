/**
 * An incremental layout: Astro lays out only the docs pages whose HTML can
 * differ from the previous build's, and every other page's files are copied
 * from the previous output. Astro's cost is per route (resolving it, the
 * context, writing the file), so an unchanged page must not reach Astro at
 * all: src/pages/[...slug].astro leaves out what VirtualSite.layOut does not
 * name.
 *
 * A page's fingerprint covers everything its laid-out HTML is made of: the
 * UI code and the packages that lay it out (uiFingerprint), the site's origin,
 * base and latest version, the page's own context (src/view/context.ts
 * ownContext: its fields, article bytes, version menu, banner, the version's
 * values…), and what its navigation (sidebar, breadcrumbs, neighbours) is
 * made of: its version's page tree, hashed once per version. That is all the
 * layout reads. Equal fingerprints, equal bytes.
 * Only the plain docs pages of each version are fingerprinted (by their id): 404,
 * search and changelog pages are always laid out, and `latest/` is a copy of
 * the latest version's pages (src/integration/latest-copy.ts), reused with them,
 * or, for a latest version served only there, where its pages are laid out.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { linkFiles } from '../util/copy-files.ts';
import { isChangelogRoute } from '../model/changelog-routes.ts';
import { LATEST, pageKey, type SiteModel, type SitePage } from '../model/site-model.ts';
import { articleDigest } from '../model/article-html.ts';
import { sourceHash, TOOL_SOURCES, toolHash } from '../util/source-hash.ts';
import { PACKAGE_ROOT } from '../util/package-root.ts';
import { ownContext } from '../view/context.ts';

/** What Astro's output depends on besides the site's data and the generator's own sources: assets and settings. */
const UI_INPUTS = ['public', 'astro.config.ts', 'package.json', 'tsconfig.json'];

/**
 * One hash of every file the laid-out pages can depend on (conservatively: all of `src/`, not only the
 * Astro UI, with the lock file: toolHash, hashed once per process for this package), with Node's version.
 * Any change to them lays out every page again.
 */
export function uiFingerprint(root = PACKAGE_ROOT): string {
  const tool = root === PACKAGE_ROOT ? toolHash() : sourceHash(root, TOOL_SOURCES);
  return createHash('sha256').update(`node ${process.version}\0${tool}\0${sourceHash(root, UI_INPUTS)}`).digest('hex');
}

export interface FingerprintSite {
  /** uiFingerprint(). */
  ui: string;
  /** The public origin (canonical URLs, Open Graph). */
  siteUrl: string;
}

/** A plain docs page as Astro lays it out: under its version's id. */
export interface LaidOutPage {
  /** pageKey(id, route). */
  key: string;
  id: string;
  route: string;
  fingerprint: string;
}

/**
 * Every plain docs page with its fingerprint. `model` must be the one the pages are laid out from
 * (modelWithSupport: the support tables are part of the article).
 */
export function layoutFingerprints(model: SiteModel, site: FingerprintSite): LaidOutPage[] {
  const shared = JSON.stringify({ ui: site.ui, siteUrl: site.siteUrl, base: model.base, latest: model.latest, latestOnly: model.latestOnly });
  // Each page's own context without reading its article: the article is hashed as it is stored (once per build).
  const bare = withoutArticles(model);
  const out: LaidOutPage[] = [];
  for (const { version, pages } of model.versions) {
    const id = version.id;
    const navigation = navigationHash(pages);
    for (const [route, original] of pages) {
      if (isChangelogRoute(route)) continue;
      const { page, ...own } = ownContext(bare, id, route);
      const { html: _, htmlAt: _at, ...fields } = sortedKeys(page);
      const key = pageKey(id, route);
      const hash = createHash('sha256').update(shared).update('\0').update(navigation).update('\0').update(key).update('\0');
      hash.update(JSON.stringify(own)).update('\0').update(JSON.stringify(fields)).update('\0').update(articleDigest(original));
      out.push({ key, id, route, fingerprint: hash.digest('base64url') });
    }
  }
  return out;
}

/**
 * What navigationContext (src/view/context.ts: sidebar, breadcrumbs, neighbours, a generated section's list)
 * makes a page's from, hashed once per version: every page's fields but its article, headings, links and date.
 * A change to any page's title, weight or description lays out all the version's pages again.
 */
function navigationHash(pages: ReadonlyMap<string, SitePage>): string {
  const hash = createHash('sha256');
  for (const page of pages.values()) {
    const { html: _, htmlAt: _at, headings: _h, links: _l, lastUpdated: _u, ...tree } = page;
    hash.update(JSON.stringify(sortedKeys(tree))).update('\n');
  }
  return hash.digest('base64url');
}

/** The same fields in one order, however the page was made (compiled, or from the cache): equal pages, equal JSON. */
function sortedKeys<T extends object>(fields: T): T {
  return Object.fromEntries(Object.entries(fields).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) as T;
}

/** The model with every article left out (its bytes are hashed on their own). */
function withoutArticles(model: SiteModel): SiteModel {
  const versions = model.versions.map((v) => ({
    ...v,
    pages: new Map([...v.pages].map(([route, page]): [string, SitePage] => {
      const { htmlAt: _, ...rest } = page;
      return [route, { ...rest, html: '' }];
    })),
  }));
  return { ...model, versions, byId: new Map(versions.map((v) => [v.version.id, v])) };
}

/**
 * The files a docs page's layout ends up as, relative to `<outDir><base>`: its page under the version's id
 * (unless the latest version is served only under `latest/`), and for the latest version its `latest/` copy.
 */
export function pageFiles(model: SiteModel, { id, route }: Pick<LaidOutPage, 'id' | 'route'>): string[] {
  const files: string[] = [];
  if (id !== model.latest || !model.latestOnly) files.push(`${id}/${route}index.html`);
  if (id === model.latest) files.push(`${LATEST}/${route}index.html`);
  return files;
}

/** The previous build's output and its pages' fingerprints (src/engine/layout-manifest.ts checks they belong together). */
export interface PreviousLayout {
  /** The previous output's web root. */
  dir: string;
  /** Fingerprints by pageKey, as layoutFingerprints made them for that output. */
  pages: Readonly<Record<string, string>>;
}

export interface LayoutPlan {
  pages: LaidOutPage[];
  /** The pages taken from the previous output; empty when everything is laid out. */
  reused: LaidOutPage[];
  /** Keys of the pages Astro lays out, when not every page is (undefined: all). */
  layOut?: string[];
}

/**
 * Which pages Astro lays out: those whose fingerprint differs from the previous build's, or which it did not
 * have. When any file of a page to reuse is missing from the previous output, everything is laid out.
 */
export function planLayout(model: SiteModel, pages: LaidOutPage[], previous: PreviousLayout | undefined): LayoutPlan {
  if (!previous) return { pages, reused: [] };
  const reused = pages.filter((p) => Object.hasOwn(previous.pages, p.key) && previous.pages[p.key] === p.fingerprint);
  for (const page of reused) {
    for (const file of pageFiles(model, page)) {
      if (!statSync(join(previous.dir, model.base, file), { throwIfNoEntry: false })?.isFile()) return { pages, reused: [] };
    }
  }
  const kept = new Set(reused);
  return { pages, reused, layOut: pages.filter((p) => !kept.has(p)).map((p) => p.key) };
}

/**
 * Put the reused pages' files from the previous output into the new one (web root `outDir`), as hard links:
 * nothing later in a build writes into an existing file of the site (the pages' neighbours are written
 * only where no file is: src/engine/extras.ts writeSiteFile refuses to), so the previous output never changes.
 */
export function copyReused(model: SiteModel, previous: PreviousLayout, reused: readonly LaidOutPage[], outDir: string): Promise<void> {
  return linkFiles(join(previous.dir, model.base), join(outDir, model.base), reused.flatMap((page) => pageFiles(model, page)));
}
