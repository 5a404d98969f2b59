/**
 * Fidelity against Hugo's rendering of the same tree. For every page Hugo
 * renders (`<route>/index.html` with the theme's `<section class="page">`):
 * does our version folder have the page at the same route, does every
 * heading id Hugo gives exist on our page (links from the web land), and
 * how alike is the visible article text.
 *
 * Text measure: the article's visible text (no script/style, no Hugo
 * navigation `<select>` and sidebar toggle, our heading self-links and
 * callout labels — see OUR_CHROME) split into whitespace-separated words;
 * what Goldmark's typographer makes of the writer's ASCII (’ “ ” – — …) is
 * folded back to it (`'`, `"`, `--`, `---`, `...`), as we print what was
 * written. A Mermaid diagram counts as its source, the text Mermaid draws
 * from: the theme writes it unescaped into `<div class="mermaid">`, whose
 * `innerHTML` Mermaid reads and entity-decodes (its `<br>` and `<code>` are
 * label markup, not page elements), so Hugo's side takes that inner HTML as
 * written; ours is the text of `<pre class="mermaid">`, the same source
 * escaped. similarity = 2·L / (|A| + |B|), where L is the
 * length of the longest common subsequence of the two word lists (jsdiff's
 * `diffArrays`, Myers' algorithm) — 1 for the same words in the same order.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { walkFiles } from '../util/walk.ts';
import { CONTINUE, EXIT, visit } from 'unist-util-visit';
import { diffArrays } from 'diff';
import { decodeHTML } from 'entities';
import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';

/** Pages Hugo renders that we leave out on purpose (docs/hugo-compatibility.md says why). */
export const DELIBERATE: readonly { pattern: RegExp; reason: string }[] = [
  { pattern: /^static\/$/, reason: 'the hidden `static/` section: Hugo lists the snippet pages below it (paginated), which we do not make' },
  { pattern: /^reference\/changelog\/(?:open_source|enterprise)\/$/, reason: 'Hugo renders these from the generated `*.docgen` changelogs, empty in a clone (made by the Makefile with network access); we generate the changelog pages from the changelog data itself' },
  { pattern: /^static\/content\//, reason: 'the snippet folder (`static/content/`) holds fragments for `readfile`; Hugo renders each as a stray page, we render none' },
  { pattern: /(?:^|\/)page\/\d+\/$/, reason: "Hugo's pagination of a section's list (`static/page/2/`, of the hidden snippet section): we paginate nothing" },
];

export const TARGETS = { pages: 1, ids: 1, mean: 0.99, floor: 0.95 };

export interface Article {
  /** Visible words, in order. */
  words: string[];
  /** Ids of the headings (Hugo) or of every element (ours: any id is a link target). */
  ids: string[];
}

export interface PageResult {
  route: string;
  found: boolean;
  hugoIds: number;
  missingIds: string[];
  /** 0 when the page is missing. */
  similarity: number;
}

export interface FidelityReport {
  pages: PageResult[];
  /** Hugo pages left out on purpose, by reason. */
  deliberate: { route: string; reason: string }[];
  pageShare: number;
  idShare: number;
  meanSimilarity: number;
  below: PageResult[];
}

const SKIP = new Set(['script', 'style', 'template', 'noscript', 'select']);
/** Elements inside a line of text: no word break around them (code highlighting splits words into spans). */
const INLINE = new Set(['a', 'abbr', 'b', 'cite', 'code', 'del', 'em', 'i', 'ins', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr']);
/**
 * Our affordances that are no article text: the heading's `#` self-link (and its screen-reader label), and
 * the callout's label, which Hugo's theme draws with CSS (`content: 'Note'`) rather than writing it.
 */
const OUR_CHROME = ['heading-anchor', 'sr-only', 'notice-label'];

function classes(node: Element): string[] {
  const c = node.properties.className;
  return Array.isArray(c) ? c.map(String) : typeof c === 'string' ? (c as string).split(/\s+/) : [];
}

/** The first element under `node` (itself left out), in document order, that passes `test`. */
function find(node: Root | Element, test: (e: Element) => boolean): Element | undefined {
  let found: Element | undefined;
  visit(node, 'element', (e) => {
    if (e === node || !test(e)) return CONTINUE;
    found = e;
    return EXIT;
  });
  return found;
}

/**
 * Visible text of a subtree, block elements separated, and the ids in it. `verbatim` gives the text of an
 * element whose children are no page elements (a diagram's source), or undefined.
 */
function collect(
  nodes: readonly ElementContent[],
  out: { text: string[]; ids: string[] },
  idsOf: (e: Element) => boolean,
  skip: (e: Element) => boolean,
  verbatim: (e: Element) => string | undefined = () => undefined,
): void {
  for (const node of nodes) {
    if (node.type === 'text') out.text.push(node.value);
    else if (node.type === 'element') {
      if (SKIP.has(node.tagName) || skip(node)) continue;
      if (typeof node.properties.id === 'string' && idsOf(node)) out.ids.push(node.properties.id);
      const gap = INLINE.has(node.tagName) ? '' : ' ';
      const text = verbatim(node);
      out.text.push(gap);
      if (text === undefined) collect(node.children, out, idsOf, skip, verbatim);
      else out.text.push(text);
      out.text.push(gap);
    }
  }
}

/** The source of the theme's `<div class="mermaid">` as Mermaid reads it: the inner HTML as written, entity-decoded. */
function mermaidSource(html: string, e: Element): string | undefined {
  if (e.tagName !== 'div' || !classes(e).includes('mermaid')) return undefined;
  const from = e.children[0]?.position?.start.offset;
  const to = e.children.at(-1)?.position?.end.offset;
  return from === undefined || to === undefined ? '' : decodeHTML(html.slice(from, to));
}

const TYPOGRAPHY: [RegExp, string][] = [
  [/[\u2018\u2019\u201A\u2032]/g, "'"],
  [/[\u201C\u201D\u201E\u2033]/g, '"'],
  [/\u2013/g, '--'],
  [/\u2014/g, '---'],
  [/\u2026/g, '...'],
  [/\u00A0/g, ' '],
];

export function words(text: string): string[] {
  let t = text;
  for (const [re, to] of TYPOGRAPHY) t = t.replace(re, to);
  return t.split(/\s+/).filter(Boolean);
}

const HEADING = /^h[1-6]$/;

/** Hugo's article: the theme's `<section class="page">`, without its navigation select. */
export function hugoArticle(html: string): Article | undefined {
  const section = find(fromHtml(html), (e) => e.tagName === 'section' && classes(e).includes('page'));
  if (!section) return undefined;
  const out = { text: [] as string[], ids: [] as string[] };
  collect(
    section.children,
    out,
    (e) => HEADING.test(e.tagName),
    (e) => classes(e).includes('nav-select') || e.properties.id === 'sidebar-toggle-span',
    (e) => mermaidSource(html, e),
  );
  return { words: words(out.text.join('')), ids: out.ids };
}

/**
 * A tab set of ours as the reader sees it, and as the theme writes it: the tab names first (the tab strip
 * our site script builds from the panels' `data-tab-name`, src/client/tabs.ts), then the panels without the
 * label each carries for reading without the script (the script hides it).
 */
function tabSet(chrome: (e: Element) => boolean): (e: Element) => string | undefined {
  const read = (e: Element): string | undefined => {
    if (e.properties.dataTabs === undefined) return undefined;
    const panels = e.children.filter((c): c is Element => c.type === 'element' && classes(c).includes('tab-panel'));
    const inner = { text: [] as string[], ids: [] as string[] };
    collect(e.children, inner, () => false, (x) => chrome(x) || classes(x).includes('tab-label'), read);
    return `${panels.map((p) => String(p.properties.dataTabName ?? '')).join(' ')} ${inner.text.join('')}`;
  };
  return read;
}

/** Our article: the page title and `<article>`; ids from the whole page. */
export function ourArticle(html: string): Article {
  const tree = fromHtml(html);
  const out = { text: [] as string[], ids: [] as string[] };
  const head = find(tree, (e) => classes(e).includes('page-head'));
  const title = head && find(head, (e) => e.tagName === 'h1');
  const chrome = (e: Element) => classes(e).some((c) => OUR_CHROME.includes(c));
  if (title) collect([title], out, () => false, chrome);
  const article = find(tree, (e) => e.tagName === 'article');
  if (article) collect(article.children, out, () => false, chrome, tabSet(chrome));
  const ids = { text: [] as string[], ids: [] as string[] };
  collect(tree.children.filter((c): c is Element => c.type === 'element'), ids, () => true, () => false);
  return { words: words(out.text.join('')), ids: ids.ids };
}

/** 2·LCS / (|a| + |b|) over words; 1 for two empty texts. */
export function similarity(a: readonly string[], b: readonly string[]): number {
  if (a.length + b.length === 0) return 1;
  let common = 0;
  for (const part of diffArrays(a as string[], b as string[])) if (!part.added && !part.removed) common += part.count ?? part.value.length;
  return (2 * common) / (a.length + b.length);
}

/** Every `<route>/index.html` under a folder: routes with trailing slash, `` for the top. */
export function pageRoutes(dir: string): string[] {
  return walkFiles(dir)
    .filter((e) => e.name === 'index.html')
    .map((e) => e.path.slice(0, -'index.html'.length))
    .sort();
}

export function compareSites(hugoDir: string, ourDir: string): FidelityReport {
  const pages: PageResult[] = [];
  const deliberate: { route: string; reason: string }[] = [];
  for (const route of pageRoutes(hugoDir)) {
    const hugo = hugoArticle(readFileSync(path.join(hugoDir, route, 'index.html'), 'utf8'));
    if (!hugo) continue; // redirects (`page/1/`) and pages without the theme's article
    const skip = DELIBERATE.find((d) => d.pattern.test(route));
    if (skip) {
      deliberate.push({ route, reason: skip.reason });
      continue;
    }
    const file = path.join(ourDir, route, 'index.html');
    if (!existsSync(file)) {
      pages.push({ route, found: false, hugoIds: hugo.ids.length, missingIds: hugo.ids, similarity: 0 });
      continue;
    }
    const ours = ourArticle(readFileSync(file, 'utf8'));
    const have = new Set(ours.ids);
    pages.push({ route, found: true, hugoIds: hugo.ids.length, missingIds: hugo.ids.filter((id) => !have.has(id)), similarity: similarity(hugo.words, ours.words) });
  }
  const found = pages.filter((p) => p.found).length;
  const ids = pages.reduce((n, p) => n + p.hugoIds, 0);
  const missing = pages.reduce((n, p) => n + p.missingIds.length, 0);
  return {
    pages,
    deliberate,
    pageShare: pages.length ? found / pages.length : 1,
    idShare: ids ? (ids - missing) / ids : 1,
    meanSimilarity: pages.length ? pages.reduce((n, p) => n + p.similarity, 0) / pages.length : 1,
    below: pages.filter((p) => p.similarity < TARGETS.floor).sort((a, b) => a.similarity - b.similarity),
  };
}

export function meetsTargets(r: FidelityReport): boolean {
  return r.pageShare >= TARGETS.pages && r.idShare >= TARGETS.ids && r.meanSimilarity >= TARGETS.mean && r.below.length === 0;
}
