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
 * `untrustedMarkdownNodes`/`untrustedInlineNodes`, everything else is text
 * in a hast tree (escaped once, when serialised), issue links are kept only
 * as http(s) URLs.
 */
import { compareVersions } from '../util/version-order.ts';
import type { ChangelogEntry, Release } from './types.ts';
import type { Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { untrustedInlineNodes, untrustedMarkdownNodes } from './markdown.ts';
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

const noteCache = new WeakMap<ChangelogEntry, { nodes: ElementContent[]; html: string }>();

function note(entry: ChangelogEntry): { nodes: ElementContent[]; html: string } {
  const cached = noteCache.get(entry);
  if (cached) return cached;
  let nodes: ElementContent[];
  if (entry.type === 'DEPENDENCY_BUMP') {
    nodes = [{ type: 'text', value: `${entry.dependencyOwner ?? ''}/${entry.dependencyRepo ?? ''} has been upgraded to ${entry.dependencyTag ?? ''}.` }];
  } else {
    nodes = untrustedInlineNodes(entry.description ?? '');
    const href = safeHttpUrl(entry.issueLink);
    if (href) {
      const link: ElementContent[] = [{ type: 'text', value: ' (' }, h('a', { className: ['changelog-issue'], href }, issueLabel(href)), { type: 'text', value: ')' }];
      // A multi-paragraph description: the link ends its last paragraph.
      const last = nodes.at(-1);
      if (last?.type === 'element' && last.tagName === 'p') last.children.push(...link);
      else nodes.push(...link);
    }
  }
  const made = { nodes, html: toHtml(nodes) };
  noteCache.set(entry, made);
  return made;
}

/**
 * One entry as sanitised HTML (the content of its list item):
 * `description (<a href=issue>org/repo#123</a>)`, or for a dependency bump
 * `owner/repo has been upgraded to tag.`
 */
export function renderNote(entry: ChangelogEntry): string {
  return note(entry).html;
}

/** The same as hast nodes, a fresh copy for each tree (a page's passes may change them). */
export function noteNodes(entry: ChangelogEntry): ElementContent[] {
  return structuredClone(note(entry).nodes);
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
 * The release notes of one release as hast elements: summary, the categories in
 * Solo's order, closing; "This release contained no user-facing changes."
 * when nothing is left.
 */
export function releaseNotesNodes(release: Release, options: NotesOptions = {}): Element[] {
  const level = Math.min(6, Math.max(1, options.headingLevel ?? 4));
  const parts: Element[] = [];
  const summary = untrustedMarkdownNodes(release.summary?.trim() ?? '');
  const closing = untrustedMarkdownNodes(release.closing?.trim() ?? '');
  if (summary.length) parts.push(h('div', { className: ['changelog-prose', 'changelog-summary'] }, summary));
  const categories = CATEGORIES.map(({ type, title }) => ({ type, title, entries: release.entries.filter((e) => e.type === type) })).filter((c) => c.entries.length);
  for (const c of categories) {
    parts.push(
      h(`h${level}`, { className: ['changelog-category'], dataCategory: c.type }, c.title),
      h('ul', { className: ['changelog-notes'] }, c.entries.map((e) => h('li', noteNodes(e)))),
    );
  }
  if (closing.length) parts.push(h('div', { className: ['changelog-prose', 'changelog-closing'] }, closing));
  if (!categories.length && !summary.length && !closing.length) parts.push(h('p', { className: ['changelog-empty'] }, NO_USER_FACING_CHANGES));
  return parts;
}

/** The release notes of one release as HTML (the feed's entries). */
export function renderReleaseNotes(release: Release, options: NotesOptions = {}): string {
  return toHtml(releaseNotesNodes(release, options).flatMap((p, i) => (i ? [{ type: 'text', value: '\n' } as const, p] : [p])));
}

/** The release's date if it has a valid one (`date` field), else undefined. */
export function releaseDate(release: Release): Date | undefined {
  if (!release.date) return undefined;
  const d = new Date(release.date);
  return Number.isNaN(d.getTime()) ? undefined : d;
}
