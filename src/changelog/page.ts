/**
 * The changelog page of one product (`/reference/changelog/open_source/`,
 * `/reference/changelog/enterprise/`): a pure function from releases to HTML.
 *
 * Readable without JavaScript: every release is listed, grouped by minor line
 * (h2 `#v1.17`), newest first, each release an h3 with a stable id
 * (`#v1.17.3`). Gloo's three views are sections with the ids its hash links
 * use (`#minorrelease`, `#chronological`, `#compareversions`); without
 * JavaScript they simply follow each other, with JavaScript
 * (`src/client/compare-view.ts`) the hash picks one. The compare view reads
 * the JSON embedded as `<script type="application/json" id="changelog-data">`.
 * Built as a hast tree (hastscript), given the article's touches (heading
 * anchors, src/util/article-tree.ts) and serialised once.
 */
import type { Product, Release } from './types.ts';
import type { Heading } from '../model/site-data.ts';
import type { CompareData } from './compare.ts';
import type { Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { enhanceArticle } from '../util/article-tree.ts';
import { compareReleaseOf, compareVersions, comparableReleases, releaseDate, releaseNotesNodes, sortReleases } from './notes.ts';

export interface ChangelogPageOptions {
  /** `Gloo Edge`. */
  productName: string;
  /** Enterprise page only: the open source releases, to show the notes each enterprise release pulls in. */
  ossReleases?: Release[];
  /**
   * The docs version's base path with a trailing slash (`/gloo-edge/v1.17.x/`),
   * for links from the enterprise page to the open source page. Without it
   * those links are relative (`../open_source/#v1.17.33`).
   */
  basePath?: string;
}

export interface ChangelogPage {
  html: string;
  headings: Heading[];
}

const PRODUCT_LABEL: Record<Product, string> = { open_source: 'open source', enterprise: 'enterprise' };

function minorOf(release: Release): string {
  return release.minor || /^\d+\.\d+/.exec(release.version)?.[0] || release.version;
}

function minorOfVersion(version: string): string {
  return /^\d+\.\d+/.exec(version)?.[0] ?? version;
}

function releaseId(version: string): string {
  return `v${version}`;
}

/** JSON safe inside a `<script>` element: no `<`, `>`, `&` or line separators appear literally. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Nodes separated by line breaks, as the page's source reads best. */
function joinLines(nodes: readonly (ElementContent | false | undefined)[]): ElementContent[] {
  return nodes.filter((n): n is ElementContent => Boolean(n)).flatMap((n, i) => (i ? [{ type: 'text', value: '\n' } as const, n] : [n]));
}

function badges(release: Release): ElementContent[] {
  const out: ElementContent[] = [];
  if (release.unreleased) out.push({ type: 'text', value: ' ' }, h('span', { className: ['changelog-badge', 'changelog-badge--unreleased'] }, 'Unreleased'));
  if (release.prerelease) out.push({ type: 'text', value: ' ' }, h('span', { className: ['changelog-badge', 'changelog-badge--prerelease'] }, 'Prerelease'));
  return out;
}

function timeOf(release: Release): Element | undefined {
  const d = releaseDate(release);
  if (!d) return undefined;
  const day = d.toISOString().slice(0, 10);
  return h('time', { dateTime: day }, day);
}

/**
 * The open source releases an enterprise release pulls in: those of its
 * open source version's minor line, after the open source version shipped by
 * the previous enterprise release (on that line) up to and including its own.
 * Ascending.
 */
export function ossReleasesPulledIn(release: Release, enterprise: readonly Release[], oss: readonly Release[]): Release[] {
  const own = release.ossVersion;
  if (!own) return [];
  const line = minorOfVersion(own);
  let previous: string | undefined;
  for (const e of enterprise) {
    const o = e.ossVersion;
    if (!o || e === release || compareVersions(e.version, release.version) >= 0) continue;
    if (minorOfVersion(o) !== line || compareVersions(o, own) >= 0) continue;
    if (!previous || compareVersions(o, previous) > 0) previous = o;
  }
  return sortReleases(oss, 'asc').filter(
    (r) =>
      !r.unreleased &&
      minorOfVersion(r.version) === line &&
      compareVersions(r.version, own) <= 0 &&
      (previous === undefined || compareVersions(r.version, previous) > 0),
  );
}

/** "Ships open source v1.17.33", linked to the open source page. */
function ships(release: Release, options: ChangelogPageOptions): Element | undefined {
  if (!release.ossVersion) return undefined;
  const v = releaseId(release.ossVersion);
  const page = options.basePath ? `${options.basePath}reference/changelog/open_source/` : '../open_source/';
  return h('p', { className: ['changelog-ships'] }, ['Ships open source ', h('a', { href: `${page}#${v}` }, v)]);
}

/** The open source notes an enterprise release pulls in, in a details element (the page's switch opens them all). */
function ossNotes(release: Release, enterprise: readonly Release[], options: ChangelogPageOptions): Element | undefined {
  if (!release.ossVersion || !options.ossReleases) return undefined;
  const v = release.ossVersion;
  const pulled = ossReleasesPulledIn(release, enterprise, options.ossReleases).reverse();
  const range = pulled.length > 1 ? `${releaseId(pulled[pulled.length - 1]!.version)} to ${releaseId(pulled[0]!.version)}` : releaseId(v);
  const body = pulled.length
    ? pulled.map((r) =>
        h('section', { className: ['changelog-oss-release'] }, joinLines([h('h4', [`Open source ${releaseId(r.version)}`, ...badges(r)]), ...releaseNotesNodes(r, { headingLevel: 5 })])),
      )
    : [h('p', `No open source release notes found for ${releaseId(v)}.`)];
  return h('details', { className: ['changelog-oss'] }, joinLines([h('summary', `Open source notes included (${range})`), ...body, { type: 'text', value: '' }]));
}

function releaseSection(release: Release, enterprise: readonly Release[], options: ChangelogPageOptions): Element {
  const id = releaseId(release.version);
  const time = timeOf(release);
  return h(
    'section',
    { className: ['changelog-release', ...(release.unreleased ? ['changelog-release--unreleased'] : [])], ariaLabelledBy: id },
    joinLines([
      { type: 'text', value: '' },
      h('h3', { id }, [id, ...badges(release)]),
      time && h('p', { className: ['changelog-date'] }, ['Released ', time]),
      ships(release, options),
      ...releaseNotesNodes(release, { headingLevel: 4 }),
      ossNotes(release, enterprise, options),
      { type: 'text', value: '' },
    ]),
  );
}

function chronological(releases: readonly Release[]): ElementContent[] {
  // Unreleased releases have no date yet: they come first.
  const dated = releases.length > 0 && releases.every((r) => r.unreleased || releaseDate(r));
  const time = (r: Release) => releaseDate(r)?.getTime() ?? Infinity;
  const ordered = dated
    ? [...releases].sort((a, b) => time(b) - time(a) || compareVersions(b.version, a.version))
    : sortReleases(releases, 'desc');
  const items = ordered.map((r) => {
    const id = releaseId(r.version);
    const t = timeOf(r);
    return h('li', [h('a', { href: `#${id}` }, id), ...badges(r), ...(t ? [' ', t] : [])]);
  });
  const list = h('ol', { className: ['changelog-chronological'] }, items);
  return dated ? [list] : [h('p', { className: ['changelog-note'] }, 'Release dates are not recorded; releases are listed by version, newest first.'), { type: 'text', value: '\n' }, list];
}

function compareForm(): ElementContent[] {
  const select = (id: string, label: string) => h('div', [h('label', { htmlFor: id }, label), ' ', h('select', { id })]);
  return joinLines([
    h('p', { className: ['changelog-nojs'] }, 'Comparing versions needs JavaScript; every release is listed under “By minor release”.'),
    h('form', { className: ['changelog-compare'], hidden: true }, joinLines([
      { type: 'text', value: '' },
      select('changelog-compare-from', 'From version (not included)'),
      select('changelog-compare-to', 'To version (included)'),
      { type: 'text', value: '' },
    ])),
    h('p', { id: 'changelog-compare-status', className: ['changelog-compare-status'], role: 'status', ariaLive: 'polite' }),
    h('div', { id: 'changelog-compare-result', className: ['changelog-compare-result'] }),
  ]);
}

/** A view of the page: a section the hash (`#minorrelease`) picks. */
function view(id: string, label: string, children: ElementContent[]): Element {
  return h('section', { id, className: ['changelog-view'], dataView: id, ariaLabel: label }, [{ type: 'text', value: '\n' }, ...children, { type: 'text', value: '\n' }]);
}

/** Render a product's changelog page. */
export function renderChangelogPage(
  releases: Release[],
  product: Product,
  options: ChangelogPageOptions,
): ChangelogPage {
  const headings: Heading[] = [];
  const newestFirst = sortReleases(releases, 'desc');

  const lines = new Map<string, Release[]>();
  for (const r of newestFirst) {
    const m = minorOf(r);
    const list = lines.get(m);
    if (list) list.push(r);
    else lines.set(m, [r]);
  }
  const minors = [...lines.keys()].sort((a, b) => compareVersions(`${b}.0`, `${a}.0`));

  const grouped: ElementContent[] = [];
  for (const m of minors) {
    const id = releaseId(m);
    headings.push({ depth: 2, id, text: id });
    const body = lines.get(m)!.map((r) => {
      headings.push({ depth: 3, id: releaseId(r.version), text: releaseId(r.version) });
      return releaseSection(r, releases, options);
    });
    grouped.push(h('section', { className: ['changelog-minor'], ariaLabelledBy: id }, joinLines([{ type: 'text', value: '' }, h('h2', { id }, id), ...body, { type: 'text', value: '' }])));
  }
  if (!grouped.length) grouped.push(h('p', { className: ['changelog-note'] }, 'No releases yet.'));

  const data: CompareData = { product, releases: comparableReleases(releases).map(compareReleaseOf) };
  const switcher =
    product === 'enterprise' && options.ossReleases
      ? h('p', { className: ['changelog-oss-switch'], hidden: true }, [
          h('label', [h('input', { type: 'checkbox', id: 'changelog-show-oss' }), ' Show the open source notes each release includes']),
        ])
      : undefined;
  const viewLink = (id: string, text: string) => h('li', [h('a', { href: `#${id}`, dataViewLink: id }, text)]);

  const page = h('div', { className: ['changelog'], dataChangelog: true, dataProduct: product }, joinLines([
    { type: 'text', value: '' },
    h('nav', { className: ['changelog-views'], ariaLabel: `${options.productName} ${PRODUCT_LABEL[product]} changelog views` }, [
      h('ul', joinLines([
        { type: 'text', value: '' },
        viewLink('minorrelease', 'By minor release'),
        viewLink('chronological', 'Chronological'),
        viewLink('compareversions', 'Compare versions'),
        { type: 'text', value: '' },
      ])),
    ]),
    view('minorrelease', 'Releases by minor version', switcher ? [switcher, { type: 'text', value: '\n' }, ...joinLines(grouped)] : joinLines(grouped)),
    view('chronological', 'Releases in chronological order', chronological(newestFirst)),
    view('compareversions', 'Compare versions', compareForm()),
    h('script', { type: 'application/json', id: 'changelog-data' }, scriptJson(data)),
    { type: 'text', value: '' },
  ]));
  enhanceArticle(page);
  return { html: toHtml(page), headings };
}
