/**
 * Release notes of one release, as Solo's changelogutils lays them out
 * (REFERENCE.md section 3): summary, Dependency Bumps, Breaking Changes,
 * Upgrade Notes, Helm Changes, New Features, Fixes, closing; each entry
 * `- description (issueLink)`; NON_USER_FACING dropped.
 *
 * Also the server-side version ordering the pages, the feed and the compare
 * range share (the `semver` package, with prerelease numbers compared as
 * numbers: `beta10` after `beta2`).
 *
 * All changelog text is untrusted: descriptions and prose go through
 * `renderUntrustedMarkdown`/`renderUntrustedInline`, everything else
 * interpolated is escaped, issue links are kept only as http(s) URLs.
 */
import { compareVersions } from '../util/version-order.ts';
import type { ChangelogEntry, Release } from './types.ts';
import { escapeHtml, renderUntrustedInline, renderUntrustedMarkdown } from './markdown.ts';
import { CATEGORIES, rangeOf } from './compare.ts';
import type { CompareRelease, NoteCategory } from './compare.ts';

export const NO_USER_FACING_CHANGES = 'This release contained no user-facing changes.';

// ---------------------------------------------------------------- ordering

/** The one release order (src/util/version-order.ts), for the pages, the feed and the compare range. */
export { compareVersions };

/** A sorted copy, newest first (`'desc'`, the default) or oldest first. */
export function sortReleases(releases: readonly Release[], order: 'asc' | 'desc' = 'desc'): Release[] {
  const sign = order === 'asc' ? 1 : -1;
  return [...releases].sort((a, b) => sign * compareVersions(a.version, b.version));
}

/** Releases the compare view offers: stable, released, ascending. */
export function comparableReleases(releases: readonly Release[]): Release[] {
  return sortReleases(
    releases.filter((r) => !r.prerelease && !r.unreleased),
    'asc',
  );
}

/**
 * The releases after `from` up to and including `to` (versions with or
 * without `v`), in ascending semver order; prereleases and unreleased
 * releases are skipped (and cannot be an end of the range).
 */
export function releasesInRange(releases: readonly Release[], from: string, to: string): Release[] {
  return rangeOf(comparableReleases(releases), from, to);
}

// ---------------------------------------------------------------- one note

/** The URL if it is an absolute http(s) URL, else undefined. */
export function safeHttpUrl(url: string | undefined): string | undefined {
  if (!url || !/^https?:\/\//i.test(url.trim())) return undefined;
  try {
    return new URL(url.trim()).href;
  } catch {
    return undefined;
  }
}

/** `solo-io/gloo#123` for a GitHub issue or pull request, else the URL itself. */
function issueLabel(url: string): string {
  const m = /^https:\/\/github\.com\/([^/]+\/[^/]+)\/(?:issues|pull)\/(\d+)\/?$/.exec(url);
  return m ? `${m[1]}#${m[2]}` : url;
}

const noteCache = new WeakMap<ChangelogEntry, string>();

/**
 * One entry as sanitised HTML (the content of its list item):
 * `description (<a href=issue>org/repo#123</a>)`, or for a dependency bump
 * `owner/repo has been upgraded to tag.`
 */
export function renderNote(entry: ChangelogEntry): string {
  const cached = noteCache.get(entry);
  if (cached !== undefined) return cached;
  let html: string;
  if (entry.type === 'DEPENDENCY_BUMP') {
    html = `${escapeHtml(entry.dependencyOwner ?? '')}/${escapeHtml(entry.dependencyRepo ?? '')} has been upgraded to ${escapeHtml(entry.dependencyTag ?? '')}.`;
  } else {
    html = renderUntrustedInline(entry.description ?? '');
    const href = safeHttpUrl(entry.issueLink);
    if (href) {
      const link = ` (<a class="changelog-issue" href="${escapeHtml(href)}">${escapeHtml(issueLabel(href))}</a>)`;
      // A multi-paragraph description: the link ends its last paragraph.
      html = html.endsWith('</p>') ? `${html.slice(0, -4)}${link}</p>` : html + link;
    }
  }
  noteCache.set(entry, html);
  return html;
}

// ---------------------------------------------------------------- one release

/** The user-facing notes of a release by category, in Solo's order; empty categories left out. */
export function notesByCategory(release: Release): { type: NoteCategory; title: string; notes: string[] }[] {
  const out: { type: NoteCategory; title: string; notes: string[] }[] = [];
  for (const { type, title } of CATEGORIES) {
    const notes = release.entries.filter((e) => e.type === type).map(renderNote);
    if (notes.length) out.push({ type, title, notes });
  }
  return out;
}

/** A release as the compare view's embedded data carries it (dependency bumps left out). */
export function compareReleaseOf(release: Release): CompareRelease {
  const notes: CompareRelease['notes'] = {};
  for (const c of notesByCategory(release)) if (c.type !== 'DEPENDENCY_BUMP') notes[c.type] = c.notes;
  return { version: release.version, notes };
}

export interface NotesOptions {
  /** Heading level of the category titles (default 4: under the page's h2 minor line and h3 release). */
  headingLevel?: number;
}

/**
 * The release notes of one release as HTML: summary, the categories in
 * Solo's order, closing; "This release contained no user-facing changes."
 * when nothing is left.
 */
export function renderReleaseNotes(release: Release, options: NotesOptions = {}): string {
  const level = Math.min(6, Math.max(1, options.headingLevel ?? 4));
  const parts: string[] = [];
  const summary = renderUntrustedMarkdown(release.summary?.trim() ?? '');
  const closing = renderUntrustedMarkdown(release.closing?.trim() ?? '');
  if (summary) parts.push(`<div class="changelog-prose changelog-summary">${summary}</div>`);
  const categories = notesByCategory(release);
  for (const c of categories) {
    parts.push(
      `<h${level} class="changelog-category" data-category="${c.type}">${escapeHtml(c.title)}</h${level}>`,
      `<ul class="changelog-notes">${c.notes.map((n) => `<li>${n}</li>`).join('')}</ul>`,
    );
  }
  if (closing) parts.push(`<div class="changelog-prose changelog-closing">${closing}</div>`);
  if (!categories.length && !summary && !closing) parts.push(`<p class="changelog-empty">${NO_USER_FACING_CHANGES}</p>`);
  return parts.join('\n');
}

/** The release's date if it has a valid one (`date` field), else undefined. */
export function releaseDate(release: Release): Date | undefined {
  if (!release.date) return undefined;
  const d = new Date(release.date);
  return Number.isNaN(d.getTime()) ? undefined : d;
}
