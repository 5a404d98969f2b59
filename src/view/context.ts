/**
 * Everything one page's layout shows, computed from the model: the pure part
 * of rendering, so the .astro files stay templates.
 */
import { rebaseAttributes } from './rebase.ts';
import { articleHtml } from '../model/article-html.ts';
import { LATEST, pageHref, routeAndAncestors, type SiteDiagnostic, type SiteModel, type SitePage, type VersionModel } from '../model/site-model.ts';
import { childPages, navTitle, navTree, neighbours, type NavNode } from './nav.ts';
import { linkPrefix, resolveRoute, versionOptions, type VersionOption } from './switcher.ts';
import type { Branding, DocsVersion, Heading } from '../model/site-data.ts';

export interface Banner {
  kind: 'old' | 'unreleased';
  /** Text before the link. */
  text: string;
  linkText: string;
  href: string;
}

export interface PageContext {
  product: string;
  /** The header's title, logo URL and links. */
  header: { title: string; logo?: string; links: { name: string; url: string }[] };
  base: string;
  /** `latest` or the version id this copy is served under. */
  prefix: string;
  version: DocsVersion;
  page: SitePage;
  title: string;
  href: string;
  /** Path of the canonical URL (the site origin is added by the layout). */
  canonicalPath: string;
  noindex: boolean;
  banner: Banner | undefined;
  options: VersionOption[];
  nav: NavNode;
  toc: Heading[];
  children: { title: string; href: string; description: string }[];
  /** Pagefind bundle of this copy of the docs (search is scoped to it). */
  searchBundle: string;
  homeHref: string;
  /** Problems in this page's source, or in no page's (dev only). */
  diagnostics: SiteDiagnostic[];
  /** Home first, down to the page's parent. */
  breadcrumbs: PageLinkText[];
  /** The pages before and after this one in sidebar order. */
  prev: PageLinkText | undefined;
  next: PageLinkText | undefined;
  /** "Edit this page" (the config's `editUrl` + the source file), when there is one. */
  editHref: string | undefined;
  /** `2024-05-01`, when the config asks for it (`lastUpdated`) and git knows it. */
  lastUpdated: string | undefined;
  /** Logo, header links, Open Graph image, edit URL: from the config. */
  branding: Branding | undefined;
}

export interface PageLinkText {
  title: string;
  href: string;
}

function diagnosticsFor(model: SiteModel, version: VersionModel, page: SitePage): SiteDiagnostic[] {
  if (model.diagnostics.length === 0) return [];
  const sources = new Set([...version.pages.values()].map((p) => p.sourceFile));
  return model.diagnostics.filter((d) => d.file === page.sourceFile || !sources.has(d.file));
}

function banner(model: SiteModel, version: VersionModel, route: string): Banner | undefined {
  const latest = model.byId.get(model.latest)!;
  const target = resolveRoute(latest.pages, route);
  const href = pageHref(model.base, LATEST, target.route);
  const linkText = target.exact ? `this page in ${latest.version.label}` : `the ${latest.version.label} docs`;
  if (version.version.status === 'unreleased') {
    return { kind: 'unreleased', text: `You are viewing the unreleased ${version.version.label} docs; the latest release is ${latest.version.label}. See `, linkText, href };
  }
  if (version.version.id !== model.latest) {
    return { kind: 'old', text: `You are viewing ${version.version.label}; the latest is ${latest.version.label}. See `, linkText, href };
  }
  return undefined;
}

/** What a page's context takes from its version's whole page tree (titles, order, sections, descriptions), not from the page alone. */
export type NavigationContext = Pick<PageContext, 'nav' | 'breadcrumbs' | 'prev' | 'next' | 'children'>;

export function pageContext(model: SiteModel, prefix: string, route: string): PageContext {
  return { ...ownContext(model, prefix, route), ...navigationContext(model, prefix, route) };
}

function located(model: SiteModel, prefix: string, route: string) {
  const versionId = prefix === LATEST ? model.latest : prefix;
  const version = model.byId.get(versionId);
  if (!version) throw new Error(`Unknown version "${prefix}"`);
  const page = version.pages.get(route);
  if (!page) throw new Error(`${versionId}: no page "${route}"`);
  return { versionId, version, page, hrefOf: (r: string) => pageHref(model.base, prefix, r) };
}

/**
 * A page's context but its navigation: what the page itself, the site and its version, and the same route in
 * the other versions make (src/integration/layout-reuse.ts fingerprints it page by page).
 */
export function ownContext(model: SiteModel, prefix: string, route: string): Omit<PageContext, keyof NavigationContext> {
  const { versionId, version, page, hrefOf } = located(model, prefix, route);
  const isLatest = versionId === model.latest;
  const branding = model.branding;
  return {
    product: model.product,
    header: headerOf(model, prefix),
    base: model.base,
    prefix,
    version: version.version,
    // Served under latest/, the page's own links stay under latest/ too.
    page: { ...page, html: prefix === LATEST ? rebaseAttributes(articleHtml(page), `${model.base}${versionId}/`, `${model.base}${LATEST}/`) : articleHtml(page) },
    title: route === '' ? page.title : `${page.title} | ${model.product} ${version.version.label}`,
    href: hrefOf(route),
    canonicalPath: isLatest ? pageHref(model.base, LATEST, route) : hrefOf(route),
    noindex: !isLatest,
    banner: banner(model, version, route),
    options: versionOptions(model, versionId, route),
    toc: page.headings.filter((h) => h.depth === 2 || h.depth === 3),
    searchBundle: `${model.base}${prefix}/pagefind/`,
    homeHref: pageHref(model.base, linkPrefix(model, versionId), ''),
    diagnostics: diagnosticsFor(model, version, page),
    editHref: branding?.editUrl && /\.(md|markdown)$/.test(page.sourceFile) ? `${branding.editUrl}${page.sourceFile}` : undefined,
    lastUpdated: page.lastUpdated,
    branding,
  };
}

/**
 * The sidebar, breadcrumbs, neighbours and a generated section's list of its pages: made of the version's page
 * tree (each page's route, titles, weight, date, section and hidden flags, description, source file), the base
 * and the prefix, and nothing else.
 */
export function navigationContext(model: SiteModel, prefix: string, route: string): NavigationContext {
  const { version, page, hrefOf } = located(model, prefix, route);
  const { prev, next } = neighbours(version.pages, route);
  const linkText = (p: SitePage | undefined) => (p ? { title: navTitle(p), href: hrefOf(p.route) } : undefined);
  return {
    nav: navTree(version.pages, hrefOf, route, { collapsed: true }),
    // A folder without a page of its own (no `_index.md`) is no crumb, as it is no page.
    breadcrumbs: routeAndAncestors(route).slice(1).reverse().flatMap((r) => { const p = version.pages.get(r); return p ? [{ title: navTitle(p), href: hrefOf(r) }] : []; }),
    prev: linkText(prev),
    next: linkText(next),
    children: page.synthetic
      ? childPages(version.pages, route).map((c) => ({ title: navTitle(c), href: hrefOf(c.route), description: c.description }))
      : [],
  };
}

/** The header of a copy of the docs: the site's title (else `<product> docs`), its logo under this copy's prefix, its links. */
export function headerOf(model: SiteModel, prefix: string): PageContext['header'] {
  const { title, logo, links } = model.branding ?? {};
  return {
    title: title ?? `${model.product} docs`,
    // An absolute URL or a path from the site's origin as it is; otherwise a path from the version's root (Hugo's `logoPath`).
    ...(logo ? { logo: /^(?:[a-z][a-z0-9+.-]*:|\/)/i.test(logo) ? logo : pageHref(model.base, prefix, logo) } : {}),
    links: links ?? [],
  };
}
