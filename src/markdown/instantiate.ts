/**
 * A compiled page for one docs version: deferred characters replaced by the
 * version's values (escaped for HTML; change lists inserted as the HTML they
 * are), heading ids computed from the final text, links resolved.
 */
import { error, type Diagnostic } from '../util/diagnostics.ts';
import type { Heading, PageLink } from '../model/site-data.ts';
import { escapeHtml } from '../util/escape.ts';
import type { CompiledPage } from './compile.ts';
import { assignIds } from './headings.ts';
import { DEFERRED_PATTERN, deferredIndex, LITERAL_PREFIX, NOWRAP_PREFIX } from './sentinels.ts';
import { nowrapClass } from '../util/article-tree.ts';
import { positionIn } from './sourcemap.ts';
import { mayMentionVersions, rewriteVersionMentions, type VersionMenu } from './version-mentions.ts';

export interface VersionContext {
  /** The docs version id, for messages: `v1.17.x`. */
  id: string;
  /** URL base of the version, no trailing slash: `/gloo-edge/v1.17.x`. */
  base: string;
  /** Snippet values by key: `geoss_latest` → `1.17.33`. */
  values: Readonly<Record<string, string>>;
  /** Change lists as HTML by key (`helm.new`); absent lists render empty. */
  changes?: Readonly<Record<string, string>>;
}

export interface InstantiatedPage {
  html: string;
  headings: Heading[];
  links: PageLink[];
  diagnostics: Diagnostic[];
}

/** `menu`: the site's version menu, to write the versions the page tells readers to select as the menu does (version-mentions.ts). */
export function instantiate(page: CompiledPage, version: VersionContext, menu?: VersionMenu): InstantiatedPage {
  const diagnostics: Diagnostic[] = [];
  const raw: string[] = page.deferred.map((key, i) => {
    if (key === 'base') return version.base;
    if (key.startsWith('v:')) {
      const value = version.values[key.slice(2)];
      if (value !== undefined) return value;
      const { line, column } = positionIn(page.lineStarts, page.deferredOffsets[i]!);
      diagnostics.push(
        error(page.file, line, column, `No value for version snippet \`${key.slice(2)}\` in docs version ${version.id}`, {
          hint: `Add a release that defines it to the changelog, or pin it in static/content/version_${key.slice(2)}.md.`,
        }),
      );
      return '';
    }
    if (key.startsWith(LITERAL_PREFIX)) return key.slice(LITERAL_PREFIX.length);
    if (key.startsWith('html:changes:')) return version.changes?.[key.slice('html:changes:'.length)] ?? '';
    return ''; // heading ids: below
  });
  const fill = (text: string) => text.replace(DEFERRED_PATTERN, (c) => raw[deferredIndex(c)] ?? '');

  const headings = assignIds(
    page.headings.map((h) => {
      const heading: { depth: number; text: string; explicitId?: string; source?: string } = { depth: h.depth, text: fill(h.text) };
      if (h.explicitId) heading.explicitId = fill(h.explicitId);
      if (h.source !== undefined) heading.source = h.source;
      return heading;
    }),
  );
  page.deferred.forEach((key, i) => {
    if (key.startsWith('h:')) raw[i] = headings[Number(key.slice(2))]?.id ?? '';
  });
  // Short inline code's class, from its text with this version's values (src/util/article-tree.ts).
  page.deferred.forEach((key, i) => {
    if (key.startsWith(NOWRAP_PREFIX)) raw[i] = nowrapClass(fill(key.slice(NOWRAP_PREFIX.length))) ?? '';
  });

  const escaped = page.deferred.map((key, i) => (key.startsWith('html:') ? raw[i]! : escapeHtml(raw[i]!)));
  let compiled = page.html;
  if (menu && mayMentionVersions(compiled)) {
    const mentions = rewriteVersionMentions(compiled, menu, (i) => (page.deferred[i]?.startsWith('v:') ? raw[i] : undefined), {
      file: page.file,
      lineStarts: page.lineStarts,
      fallbackOffset: (i) => page.deferredOffsets[i] ?? 0,
    });
    compiled = mentions.html;
    diagnostics.push(...mentions.diagnostics);
  }
  const html = compiled.replace(DEFERRED_PATTERN, (c) => escaped[deferredIndex(c)] ?? '');
  const links = page.links.map((l) => ({ href: fill(l.href), ...positionIn(page.lineStarts, l.offset) }));
  return { html, headings, links, diagnostics };
}
