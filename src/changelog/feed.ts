/**
 * An Atom 1.0 feed (RFC 4287) of one product's releases: one entry per
 * released release (unreleased ones left out), newest first, the release
 * notes as escaped HTML content.
 *
 * Deterministic: no build timestamps. An entry's `updated` is the release's
 * `date` when it has one; otherwise a synthetic instant derived from the
 * version alone, so it never changes between builds and adding a release
 * does not move the others: 1970-01-01T00:00:00Z plus
 * `(major * 1e6 + minor * 1e3 + patch)` minutes (minor and patch capped at
 * 999); a prerelease falls in the minute before its release, at second
 * `alpha 0 / beta 20 / rc 40 (+ its number, up to 19)`. So `1.17.33` is
 * 1971-12-08T06:33:00Z. The feed's `updated` is the newest entry's.
 */
import type { Product, Release } from './types.ts';
import { escapeHtml } from '../util/escape.ts';
import { releaseDate, renderReleaseNotes, sortReleases } from './notes.ts';

export interface FeedOptions {
  /** The site's origin and base, e.g. `https://docs.example.com/gloo-edge/`. */
  siteUrl: string;
  /** The changelog page, absolute or relative to `siteUrl`: `latest/reference/changelog/open_source/`. */
  pageUrl: string;
  /** `Gloo Edge`. */
  productName: string;
  /** The feed's own URL (absolute or relative to `siteUrl`), for `rel="self"`; recommended. */
  feedUrl?: string;
}

const PRODUCT_LABEL: Record<Product, string> = { open_source: 'open source', enterprise: 'Enterprise' };

/** Characters XML 1.0 does not allow, even escaped. */
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text escaped for XML element content and attribute values. */
export function xmlEscape(text: string): string {
  return escapeHtml(text.replace(INVALID_XML, ''));
}

/** The deterministic stand-in for a missing release date (see the module comment). */
export function syntheticDate(version: string): Date {
  const m = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?/.exec(version);
  if (!m) return new Date(0);
  const [major, minor, patch] = [m[1], m[2], m[3]].map((n) => Number(n));
  let seconds = (major! * 1e6 + Math.min(minor!, 999) * 1e3 + Math.min(patch!, 999)) * 60;
  const pre = m[4];
  if (pre) {
    const kind = /^rc/i.test(pre) ? 40 : /^beta/i.test(pre) ? 20 : 0;
    const n = Number(/(\d+)(?!.*\d)/.exec(pre)?.[1] ?? 0);
    seconds = seconds - 60 + kind + Math.min(n, 19);
  }
  return new Date(seconds * 1000);
}

function instantOf(release: Release): Date {
  return releaseDate(release) ?? syntheticDate(release.version);
}

function rfc3339(date: Date): string {
  return date.toISOString().replace('.000Z', 'Z');
}

/** Render the Atom feed of a product's changelog. */
export function renderAtomFeed(releases: Release[], product: Product, options: FeedOptions): string {
  const page = new URL(options.pageUrl, options.siteUrl).href;
  const self = options.feedUrl ? new URL(options.feedUrl, options.siteUrl).href : undefined;
  const title = `${options.productName} ${PRODUCT_LABEL[product]} changelog`;
  const released = sortReleases(
    releases.filter((r) => !r.unreleased),
    'desc',
  );
  const entries = released.map((r) => {
    const url = `${page}#v${encodeURIComponent(r.version)}`;
    const updated = rfc3339(instantOf(r));
    let content = renderReleaseNotes(r, { headingLevel: 3 });
    if (r.ossVersion) content = `<p>Ships open source v${escapeHtml(r.ossVersion)}.</p>\n${content}`;
    return [
      '  <entry>',
      `    <id>${xmlEscape(url)}</id>`,
      `    <title>${xmlEscape(`${options.productName} v${r.version}${r.prerelease ? ' (prerelease)' : ''}`)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xmlEscape(url)}"/>`,
      `    <updated>${updated}</updated>`,
      `    <content type="html">${xmlEscape(content)}</content>`,
      '  </entry>',
    ].join('\n');
  });
  const feedUpdated = rfc3339(new Date(Math.max(0, ...released.map((r) => instantOf(r).getTime()))));
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${xmlEscape(page)}</id>`,
    `  <title>${xmlEscape(title)}</title>`,
    `  <link rel="alternate" type="text/html" href="${xmlEscape(page)}"/>`,
    ...(self ? [`  <link rel="self" type="application/atom+xml" href="${xmlEscape(self)}"/>`] : []),
    `  <updated>${feedUpdated}</updated>`,
    `  <author><name>${xmlEscape(options.productName)}</name></author>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
