/**
 * The upgrade guide's change sections for one minor line, filled from the
 * changelog: every entry of the line's releases of both products (prereleases
 * count as `.0`, later patches are tagged "added in 1.17.3"), placed under
 * the guide's eleven labels, and rendered as sanitised HTML lists (built as
 * hast trees, with the article's touches: src/util/article-tree.ts).
 */
import semver from 'semver';
import type { ChangelogEntry, Product, Release } from './types.ts';
import { GUIDE_LABELS, guideLabel, placementOf } from './guide-labels.ts';
import type { GuideLabel, GuideLabelKey } from './guide-labels.ts';
import type { Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { enhanceArticle } from '../util/article-tree.ts';
import { untrustedInlineNodes } from './markdown.ts';
import { compareVersions } from '../util/version-order.ts';

export { DEFAULT_PLACEMENT, GUIDE_LABELS, guideLabel, placementOf } from './guide-labels.ts';
export type { GuideLabel, GuideLabelKey } from './guide-labels.ts';

export interface GuideItem {
  entry: ChangelogEntry;
  product: Product;
  /** The release it came from. */
  version: string;
  /** Set when the entry came in a patch after `.0` (of its own product's numbering). */
  addedIn?: string;
  /** From the enterprise changelog and not also in the open source one. */
  enterpriseOnly: boolean;
  breaking: boolean;
}

export type GuideSections = Record<GuideLabelKey, GuideItem[]>;

/** `1.17.0-beta3` → `1.17.0`; `1.17.3` stays. */
function effective(version: string): string {
  return `${semver.major(version)}.${semver.minor(version)}.${semver.patch(version)}`;
}

function sameChange(a: ChangelogEntry, b: ChangelogEntry): boolean {
  return a.type === b.type && (a.description ?? '') === (b.description ?? '') && (a.issueLink ?? '') === (b.issueLink ?? '');
}

/**
 * Entries of the line's released releases, placed under their labels.
 * Within a label: `.0` items first, then by patch; open source before
 * enterprise; then file order. A change repeated in several releases (a
 * beta, then the release) is listed once, at its first appearance; an
 * enterprise entry repeating an open source one is listed once, unmarked.
 */
export function guideSections(releases: readonly Release[], minor: string): GuideSections {
  const sections = Object.fromEntries(GUIDE_LABELS.map((l) => [l.key, [] as GuideItem[]])) as GuideSections;
  const line = releases
    .filter((r) => r.minor === minor && !r.unreleased)
    .sort(
      (a, b) =>
        semver.compare(effective(a.version), effective(b.version)) ||
        (a.product === b.product ? 0 : a.product === 'open_source' ? -1 : 1) ||
        compareVersions(a.version, b.version),
    );
  const seen: GuideItem[] = [];
  for (const release of line) {
    const version = effective(release.version);
    for (const entry of release.entries) {
      const key = placementOf(entry);
      if (!key) continue;
      if (seen.some((s) => sameChange(s.entry, entry) && (s.product === release.product || s.product === 'open_source'))) {
        continue;
      }
      const item: GuideItem = {
        entry,
        product: release.product,
        version: release.version,
        ...(semver.patch(version) > 0 ? { addedIn: version } : {}),
        enterpriseOnly: release.product === 'enterprise',
        breaking: entry.type === 'BREAKING_CHANGE',
      };
      seen.push(item);
      sections[key].push(item);
    }
  }
  return sections;
}

/** `https://github.com/solo-io/gloo/issues/123` → `solo-io/gloo#123`. */
function issueText(url: string): string {
  const m = /^https:\/\/github\.com\/([^/]+\/[^/]+)\/(?:issues|pull)\/(\d+)\/?$/.exec(url);
  return m ? `${m[1]}#${m[2]}` : 'issue';
}

function itemOf(item: GuideItem): Element {
  const parts: ElementContent[][] = [];
  if (item.breaking) parts.push([h('strong', { className: ['guide-badge', 'guide-badge-breaking'] }, 'Breaking')]);
  if (item.entry.type === 'UPGRADE') parts.push([h('strong', { className: ['guide-badge', 'guide-badge-upgrade'] }, 'Upgrade note')]);
  if (item.enterpriseOnly) parts.push([h('span', { className: ['guide-badge', 'guide-badge-enterprise'] }, 'Enterprise')]);
  parts.push(untrustedInlineNodes(item.entry.description ?? ''));
  const link = item.entry.issueLink;
  if (link && /^https?:\/\/[^\s"'<>]+$/i.test(link)) {
    parts.push([{ type: 'text', value: '(' }, h('a', { className: ['guide-issue'], href: link }, issueText(link)), { type: 'text', value: ')' }]);
  }
  if (item.addedIn) {
    const what = item.product === 'enterprise' ? `Enterprise ${item.addedIn}` : item.addedIn;
    parts.push([h('span', { className: ['guide-added-in'] }, `added in ${what}`)]);
  }
  const children = parts.filter((p) => p.length).flatMap((p, i) => (i ? [{ type: 'text', value: ' ' } as const, ...p] : p));
  return h('li', { className: item.breaking ? ['guide-change', 'guide-change-breaking'] : ['guide-change'] }, children);
}

/**
 * One label's list as HTML: a `<ul>` of bullets, or, when empty, one
 * paragraph saying so ("No Helm fields were removed in 1.17.").
 */
export function renderGuideList(items: readonly GuideItem[], label: GuideLabel | GuideLabelKey, minor: string): string {
  const l = typeof label === 'string' ? guideLabel(label) : label;
  if (!items.length) return toHtml(h('p', { className: ['guide-empty'], dataGuide: l.key }, l.empty(minor)));
  const list = h('ul', { className: ['guide-changes'], dataGuide: l.key }, [
    { type: 'text', value: '\n' },
    ...items.flatMap((item, i) => (i ? [{ type: 'text', value: '\n' } as const, itemOf(item)] : [itemOf(item)])),
    { type: 'text', value: '\n' },
  ]);
  enhanceArticle(list);
  return toHtml(list);
}
