/**
 * From loaded inputs to SiteData: the changelog gives the docs versions and
 * their values; every content page is compiled once and instantiated for
 * each version it exists in; the changelog pages are added per version.
 * All problems are collected, none thrown.
 */
import semver from 'semver';
import { GUIDE_LABELS, guideSections, renderGuideList } from '../changelog/guide-sections.ts';
import { renderChangelogPage } from '../changelog/page.ts';
import type { Product, Release } from '../changelog/types.ts';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { error, onceEach, type Diagnostic } from '../util/diagnostics.ts';
import type { ChangeSlot } from '../markdown/change-slots.ts';
import type { CompiledPage } from '../markdown/compile.ts';
import { instantiate, type VersionContext } from '../markdown/instantiate.ts';
import { VERSION_BASE } from '../markdown/sentinels.ts';
import { CHANGELOG_PAGES } from '../model/changelog-routes.ts';
import { titleFromRoute } from '../model/site-model.ts';
import { positionIn } from '../markdown/sourcemap.ts';
import type { Branding, DocsVersion, RenderedPage, SiteData } from '../model/site-data.ts';
import type { SiteConfig } from '../config/define.ts';
import type { SourcePage } from './content.ts';
import type { VersionMenu } from '../markdown/version-mentions.ts';
import { docsVersionId } from '../versions/docs-versions.ts';
import { CHANGELOG_ROUTE } from '../model/changelog-routes.ts';

/** The guide's labels as the pipeline looks for them. */
export const CHANGE_SLOTS: readonly ChangeSlot[] = GUIDE_LABELS.map((l) => ({ section: l.section, label: l.label, key: l.key }));

export { CHANGELOG_PAGES };

/** Atom feeds live at `<base>feeds/<product>.xml`. */
export const FEEDS_DIR = 'feeds';
export function feedPath(product: Product): string {
  return `${FEEDS_DIR}/${product}.xml`;
}

export interface RenderSiteInput {
  config: SiteConfig;
  /** Each page compiled (see compile-pages.ts), in the order of `pages`. */
  compiled: readonly CompiledPage[];
  pages: readonly SourcePage[];
  releases: readonly Release[];
  versions: readonly DocsVersion[];
  /** The changelog pages when the caller has them already (changelogPagesOf; a build from git caches them per changelog tree). */
  changelogPages?: readonly RenderedPage[];
  /** Called with each version's pages as soon as they are rendered (a build moves their HTML out of memory: spill-html.ts). */
  rendered?: (pages: RenderedPage[]) => void;
}

export function renderSite(input: RenderSiteInput): { data: SiteData; diagnostics: Diagnostic[] } {
  const { config, releases, versions } = input;
  const diagnostics: Diagnostic[] = [];
  const base = config.base.replace(/\/?$/, '/');
  const compiled = input.pages.map((page, i) => ({ page, compiled: input.compiled[i]! }));
  diagnostics.push(...onceEach(compiled.flatMap(({ compiled: c }) => c.diagnostics)));

  const changelog = input.changelogPages ?? changelogPagesOf(config, releases);
  const menuOf = versionMenus(config, releases, versions, base);
  const pages: Record<string, RenderedPage[]> = {};
  for (const version of versions) {
    const context: VersionContext = {
      id: version.id,
      base: `${base}${version.id}`,
      values: version.values,
      changes: changeLists(releases, version.minor),
    };
    const list: RenderedPage[] = [];
    for (const { page, compiled: c } of compiled) {
      const range = versionRange(c, page.raw, diagnostics);
      if (range && !semver.satisfies(`${version.minor}.0`, range, { includePrerelease: true })) continue;
      // A content page at a changelog route (Gloo's, with `render_changelog`) gives way to the generated page.
      if (changelog.some((p) => p.route === page.route)) continue;
      const result = instantiate(c, context, menuOf(version, page, c));
      diagnostics.push(...result.diagnostics);
      list.push({
        route: page.route,
        sourceFile: page.file,
        title: stringOr(c.frontMatter.title, titleFromRoute(page.route)),
        ...(typeof c.frontMatter.linkTitle === 'string' ? { linkTitle: c.frontMatter.linkTitle } : {}),
        ...navFields(page.path, c.frontMatter),
        description: stringOr(c.frontMatter.description, ''),
        weight: typeof c.frontMatter.weight === 'number' ? c.frontMatter.weight : 0,
        html: result.html,
        headings: result.headings,
        links: result.links,
      });
    }
    list.push(...changelog.map((page) => ({ ...page, html: page.html.replaceAll(`href="${VERSION_BASE}`, `href="${base}${version.id}/`) })));
    pages[version.id] = list;
    input.rendered?.(list);
  }
  const latest = versions.find((v) => v.status === 'latest') ?? versions[0];
  if (!latest) diagnostics.push(error('changelog', 0, 0, 'No docs version to build', { hint: 'Add at least one open source release to the changelog, or name the versions in the site config (`versions: { include: ["v1.15.x"] }`).' }));
  const branding = brandingOf(config);
  return { data: { base, product: config.product, versions: [...versions], latest: latest?.id ?? '', pages, ...(branding ? { branding } : {}) }, diagnostics };
}

/**
 * The version menu each page's "select v1.16.x" mentions are checked against (version-mentions.ts):
 * the site's docs versions, each linked at this page (else at that version's home); a minor line the
 * site does not carry is linked to the config's archived docs, else to its releases in the changelog.
 */
function versionMenus(config: SiteConfig, releases: readonly Release[], versions: readonly DocsVersion[], base: string) {
  const entries = versions.map((v) => ({ id: v.id, minor: v.minor }));
  const released = new Set(releases.filter((r) => r.product === 'open_source').map((r) => r.minor));
  const hasChangelog = config.changelog.open_source.length > 0;
  return (current: DocsVersion, page: SourcePage, compiled: CompiledPage): VersionMenu => {
    const range = typeof compiled.frontMatter.versions === 'string' && semver.validRange(compiled.frontMatter.versions) ? compiled.frontMatter.versions : undefined;
    return {
      versions: entries,
      href: (id) => {
        const target = versions.find((v) => v.id === id);
        const exists = target && (!range || semver.satisfies(`${target.minor}.0`, range, { includePrerelease: true }));
        return `${base}${id}/${exists ? page.route : ''}`;
      },
      releasesHref: (minor) => (hasChangelog && released.has(minor) ? `${base}${current.id}/${CHANGELOG_ROUTE.open_source}#v${minor}` : undefined),
      archiveHref: (id) => config.archivedDocs?.replaceAll('{version}', id),
      idOf: docsVersionId,
      source: page.raw,
    };
  };
}

/** What the sidebar reads besides title and weight: section or page, `menuTitle`, `hidden`, `date`. */
function navFields(contentPath: string, fm: Record<string, unknown>): Pick<RenderedPage, 'section' | 'menuTitle' | 'hidden' | 'date'> {
  const date = fm.date instanceof Date ? fm.date.toISOString() : typeof fm.date === 'string' ? fm.date : undefined;
  return {
    section: contentPath === '_index.md' || contentPath.endsWith('/_index.md'),
    ...(typeof fm.menuTitle === 'string' ? { menuTitle: fm.menuTitle } : {}),
    ...(fm.hidden === true ? { hidden: true } : {}),
    ...(date ? { date } : {}),
  };
}


/** The config's look-and-links keys, when any is set. */
function brandingOf(config: SiteConfig): Branding | undefined {
  const branding: Branding = {
    ...(config.title ? { title: config.title } : {}),
    ...(config.logo ? { logo: config.logo } : {}),
    ...(config.headerLinks.length ? { links: config.headerLinks } : {}),
    ...(config.ogImage ? { ogImage: config.ogImage } : {}),
    ...(config.editUrl ? { editUrl: config.editUrl } : {}),
  };
  return Object.keys(branding).length ? branding : undefined;
}

const changeListsMemo = new WeakMap<readonly Release[], Map<string, Record<string, string>>>();

/** The guide's change lists for a minor line, as HTML by label key (memoised per changelog). */
export function changeLists(releases: readonly Release[], minor: string): Record<string, string> {
  let byMinor = changeListsMemo.get(releases);
  if (!byMinor) changeListsMemo.set(releases, (byMinor = new Map()));
  let lists = byMinor.get(minor);
  if (!lists) byMinor.set(minor, (lists = renderChangeLists(releases, minor)));
  return lists;
}

function renderChangeLists(releases: readonly Release[], minor: string): Record<string, string> {
  const sections = guideSections(releases, minor);
  return Object.fromEntries(GUIDE_LABELS.map((l) => [l.key, renderGuideList(sections[l.key], l, minor)]));
}

const changelogPagesMemo = new WeakMap<readonly Release[], { key: string; pages: RenderedPage[] }>();

/** The changelog pages of a config and its changelog, with the docs version's base left as a placeholder. */
export function changelogPagesOf(config: SiteConfig, releases: readonly Release[]): RenderedPage[] {
  return changelogPages(config, releases, config.base.replace(/\/?$/, '/'));
}

/** The changelog pages, rendered once per changelog (and config). */
function changelogPages(config: SiteConfig, releases: readonly Release[], base: string): RenderedPage[] {
  const key = JSON.stringify([config.changelog, config.productNames, base]);
  const memo = changelogPagesMemo.get(releases);
  if (memo?.key === key) return memo.pages;
  const pages = renderChangelogPages(config, releases, base);
  changelogPagesMemo.set(releases, { key, pages });
  return pages;
}

function renderChangelogPages(config: SiteConfig, releases: readonly Release[], base: string): RenderedPage[] {
  const oss = releases.filter((r) => r.product === 'open_source');
  // A product without changelog folders (a tree with no enterprise changelog) gets no page.
  return CHANGELOG_PAGES.filter(({ product }) => config.changelog[product].length > 0).map(({ product, route, title }) => {
    const own = releases.filter((r) => r.product === product);
    const rendered = renderChangelogPage(own, product, {
      productName: config.productNames[product],
      basePath: VERSION_BASE,
      ...(product === 'enterprise' ? { ossReleases: oss } : {}),
    });
    const feed = toHtml(
      h('p', { className: ['feed-link'] }, [h('a', { href: `${base}${feedPath(product)}`, type: 'application/atom+xml' }, `Atom feed of ${config.productNames[product]} releases`)]),
    );
    return {
      route,
      sourceFile: config.changelog[product].join(', '),
      title,
      description: `Release notes of ${config.productNames[product]}, by minor line, with a compare view.`,
      weight: product === 'open_source' ? 10 : 20,
      section: false,
      html: feed + rendered.html,
      headings: rendered.headings,
      links: [],
    };
  });
}

/** The page's `versions:` range, or a diagnostic when it is not a valid semver range. */
function versionRange(page: CompiledPage, raw: string, diagnostics: Diagnostic[]): string | undefined {
  const range = page.frontMatter.versions;
  if (range === undefined) return undefined;
  if (typeof range === 'string' && semver.validRange(range)) return range;
  const at = /^versions\s*:/m.exec(raw);
  const { line, column } = positionIn(page.lineStarts, at ? at.index : 0);
  diagnostics.push(
    error(page.file, line, column, `Front matter \`versions: ${String(range)}\` is not a valid semver range`, {
      hint: 'Write a range such as ">=1.16.0" or "1.15.x || 1.16.x".',
    }),
  );
  return '<0.0.0-0';
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}
