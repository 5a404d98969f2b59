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
 */
import type { Product, Release } from './types.ts';
import type { Heading } from '../model/site-data.ts';
import type { CompareData } from './compare.ts';
import { escapeHtml } from './markdown.ts';
import {
  compareReleaseOf,
  compareVersions,
  comparableReleases,
  releaseDate,
  renderReleaseNotes,
  sortReleases,
} from './notes.ts';

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

function badges(release: Release): string {
  const out: string[] = [];
  if (release.unreleased) out.push('<span class="changelog-badge changelog-badge--unreleased">Unreleased</span>');
  if (release.prerelease) out.push('<span class="changelog-badge changelog-badge--prerelease">Prerelease</span>');
  return out.length ? ` ${out.join(' ')}` : '';
}

function timeHtml(release: Release): string {
  const d = releaseDate(release);
  if (!d) return '';
  const day = d.toISOString().slice(0, 10);
  return `<time datetime="${day}">${day}</time>`;
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
function shipsHtml(release: Release, options: ChangelogPageOptions): string {
  if (!release.ossVersion) return '';
  const v = releaseId(release.ossVersion);
  const page = options.basePath ? `${options.basePath}reference/changelog/open_source/` : '../open_source/';
  return `<p class="changelog-ships">Ships open source <a href="${escapeHtml(`${page}#${v}`)}">${escapeHtml(v)}</a></p>`;
}

/** The open source notes an enterprise release pulls in, in a details element (the page's switch opens them all). */
function ossHtml(release: Release, enterprise: readonly Release[], options: ChangelogPageOptions): string {
  if (!release.ossVersion) return '';
  const v = release.ossVersion;
  const parts: string[] = [];
  if (options.ossReleases) {
    const pulled = ossReleasesPulledIn(release, enterprise, options.ossReleases).reverse();
    const range =
      pulled.length > 1
        ? `${releaseId(pulled[pulled.length - 1]!.version)} to ${releaseId(pulled[0]!.version)}`
        : releaseId(v);
    const body = pulled.length
      ? pulled
          .map(
            (r) =>
              `<section class="changelog-oss-release"><h4>Open source ${escapeHtml(releaseId(r.version))}${badges(r)}</h4>\n${renderReleaseNotes(r, { headingLevel: 5 })}</section>`,
          )
          .join('\n')
      : `<p>No open source release notes found for ${escapeHtml(releaseId(v))}.</p>`;
    parts.push(
      `<details class="changelog-oss"><summary>Open source notes included (${escapeHtml(range)})</summary>\n${body}\n</details>`,
    );
  }
  return parts.join('\n');
}

function releaseHtml(release: Release, enterprise: readonly Release[], options: ChangelogPageOptions): string {
  const id = escapeHtml(releaseId(release.version));
  const time = timeHtml(release);
  return [
    `<section class="changelog-release${release.unreleased ? ' changelog-release--unreleased' : ''}" aria-labelledby="${id}">`,
    `<h3 id="${id}">${id}${badges(release)}</h3>`,
    time ? `<p class="changelog-date">Released ${time}</p>` : '',
    shipsHtml(release, options),
    renderReleaseNotes(release, { headingLevel: 4 }),
    ossHtml(release, enterprise, options),
    '</section>',
  ]
    .filter(Boolean)
    .join('\n');
}

function chronologicalHtml(releases: readonly Release[]): string {
  // Unreleased releases have no date yet: they come first.
  const dated = releases.length > 0 && releases.every((r) => r.unreleased || releaseDate(r));
  const time = (r: Release) => releaseDate(r)?.getTime() ?? Infinity;
  const ordered = dated
    ? [...releases].sort((a, b) => time(b) - time(a) || compareVersions(b.version, a.version))
    : sortReleases(releases, 'desc');
  const items = ordered.map((r) => {
    const id = escapeHtml(releaseId(r.version));
    const time = timeHtml(r);
    return `<li><a href="#${id}">${id}</a>${badges(r)}${time ? ` ${time}` : ''}</li>`;
  });
  const note = dated ? '' : '<p class="changelog-note">Release dates are not recorded; releases are listed by version, newest first.</p>\n';
  return `${note}<ol class="changelog-chronological">${items.join('')}</ol>`;
}

function compareHtml(): string {
  return [
    '<p class="changelog-nojs">Comparing versions needs JavaScript; every release is listed under “By minor release”.</p>',
    '<form class="changelog-compare" hidden>',
    '<div><label for="changelog-compare-from">From version (not included)</label> <select id="changelog-compare-from"></select></div>',
    '<div><label for="changelog-compare-to">To version (included)</label> <select id="changelog-compare-to"></select></div>',
    '</form>',
    '<p id="changelog-compare-status" class="changelog-compare-status" role="status" aria-live="polite"></p>',
    '<div id="changelog-compare-result" class="changelog-compare-result"></div>',
  ].join('\n');
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

  const grouped: string[] = [];
  for (const m of minors) {
    const id = releaseId(m);
    headings.push({ depth: 2, id, text: id });
    const body = lines.get(m)!.map((r) => {
      headings.push({ depth: 3, id: releaseId(r.version), text: releaseId(r.version) });
      return releaseHtml(r, releases, options);
    });
    grouped.push(
      `<section class="changelog-minor" aria-labelledby="${escapeHtml(id)}">\n<h2 id="${escapeHtml(id)}">${escapeHtml(id)}</h2>\n${body.join('\n')}\n</section>`,
    );
  }
  if (!grouped.length) grouped.push('<p class="changelog-note">No releases yet.</p>');

  const data: CompareData = { product, releases: comparableReleases(releases).map(compareReleaseOf) };
  const name = escapeHtml(options.productName);
  const switcher =
    product === 'enterprise' && options.ossReleases
      ? '<p class="changelog-oss-switch" hidden><label><input type="checkbox" id="changelog-show-oss"> Show the open source notes each release includes</label></p>\n'
      : '';

  const html = [
    `<div class="changelog" data-changelog data-product="${escapeHtml(product)}">`,
    `<nav class="changelog-views" aria-label="${name} ${PRODUCT_LABEL[product]} changelog views"><ul>`,
    '<li><a href="#minorrelease" data-view-link="minorrelease">By minor release</a></li>',
    '<li><a href="#chronological" data-view-link="chronological">Chronological</a></li>',
    '<li><a href="#compareversions" data-view-link="compareversions">Compare versions</a></li>',
    '</ul></nav>',
    `<section id="minorrelease" class="changelog-view" data-view="minorrelease" aria-label="Releases by minor version">\n${switcher}${grouped.join('\n')}\n</section>`,
    `<section id="chronological" class="changelog-view" data-view="chronological" aria-label="Releases in chronological order">\n${chronologicalHtml(newestFirst)}\n</section>`,
    `<section id="compareversions" class="changelog-view" data-view="compareversions" aria-label="Compare versions">\n${compareHtml()}\n</section>`,
    `<script type="application/json" id="changelog-data">${scriptJson(data)}</script>`,
    '</div>',
  ].join('\n');
  return { html, headings };
}
