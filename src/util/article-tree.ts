/**
 * The article's build-time touches, as one pass over its hast tree (they work
 * without JavaScript): a link anchor after every h2-h4 that has an id, code
 * blocks reachable by keyboard (they scroll sideways), line counters of
 * `linenostart` blocks, and short inline code kept on one line.
 *
 * It runs where the tree still exists: on each compiled page before it is
 * serialised (src/markdown/compile.ts), on the changelog pages and on the
 * guide's change lists (src/changelog/), so no HTML is ever re-parsed for it.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { h } from 'hastscript';
import { SKIP, eachElement } from './hast-walk.ts';

/** Inline code at most this long (in characters) never breaks across lines (a phone's line holds it); longer code may break anywhere. */
export const NOWRAP_CODE = 30;

export interface EnhanceOptions {
  /**
   * The class of a short inline `<code>`, from its text: `nowrap` by default
   * when the text is at most NOWRAP_CODE long. The page compiler decides it
   * later for text that holds per-version values (a placeholder for the class).
   */
  inlineCodeClass?: (text: string) => string | undefined;
}

/** `nowrap` for inline code text at most NOWRAP_CODE long, else undefined. */
export function nowrapClass(text: string): string | undefined {
  return text.length > 0 && text.length <= NOWRAP_CODE ? 'nowrap' : undefined;
}

const HEADING = new Set(['h2', 'h3', 'h4']);

/** The heading and its anchor link, in a `div.heading` (the link's label names the section for screen readers). */
function anchored(heading: Element, id: string): Element {
  const label = toString(heading).replace(/\s+/g, ' ').trim();
  return h('div', { className: ['heading', `level-${heading.tagName}`] }, [
    heading,
    h('a', { className: ['heading-anchor'], href: `#${id}`, dataPagefindIgnore: true }, [
      h('span', { ariaHidden: 'true' }, '#'),
      h('span', { className: ['sr-only'] }, `Section titled “${label}”`),
    ]),
  ]);
}

/** `<pre>`: keyboard reachable (WCAG: scrollable regions must be), and a `linenostart` block's counter started at its first line. */
function enhancePre(pre: Element): void {
  const props = pre.properties;
  if (props.tabIndex === undefined) props.tabIndex = 0;
  const start = props.dataLineStart;
  if (start !== undefined && /^\d+$/.test(String(start))) {
    // CSS cannot read a number from an attribute in every browser yet: an inline counter-reset.
    const reset = `counter-reset:line ${Number(start) - 1}`;
    props.style = typeof props.style === 'string' && props.style !== '' ? `${props.style.replace(/;?\s*$/, ';')}${reset}` : reset;
  }
}

/** Inline `<code>` as written in Markdown: no attributes, only text (a code block's own `<code>` always has attributes or markup). */
function plainCodeText(code: Element): string | undefined {
  if (Object.keys(code.properties).length > 0 || code.children.length === 0) return undefined;
  if (!code.children.every((c) => c.type === 'text')) return undefined;
  return code.children.map((c) => (c as { value: string }).value).join('');
}

/** The article enhancements, in place, on a tree (or a fragment's root). */
export function enhanceArticle(tree: Root | Element, options: EnhanceOptions = {}): void {
  const codeClass = options.inlineCodeClass ?? nowrapClass;
  const enhance = (node: Element) => {
    if (node.tagName === 'pre') enhancePre(node);
    else if (node.tagName === 'code') {
      const text = plainCodeText(node);
      const cls = text === undefined ? undefined : codeClass(text);
      if (cls !== undefined) node.properties.className = [cls];
    }
  };
  eachElement(tree, (node, index, parent) => {
    if (!HEADING.has(node.tagName)) return enhance(node);
    const id = node.properties.id;
    if (id === undefined || id === null || String(id) === '') return undefined;
    // The heading's own content first (its code, say), then the heading moves into its wrapper.
    eachElement(node, enhance);
    parent.children[index] = anchored(node, String(id)) as ElementContent;
    return SKIP;
  });
}

/** The pass as a unified (rehype) plugin. */
export default function rehypeEnhanceArticle(options: EnhanceOptions = {}) {
  return (tree: Root): void => enhanceArticle(tree, options);
}
