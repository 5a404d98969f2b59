/** Fenced code blocks (`<pre><code class="language-x">`) highlighted with Shiki, in place; blocks a shortcode already highlighted are left. */
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { SKIP, eachElement } from '../util/hast-walk.ts';
import type { Highlighter } from 'shiki';
import { highlightToHast } from './highlight.ts';

export function highlightCodeBlocks(tree: Root, highlighter: Highlighter): void {
  eachElement(tree, (child, i, parent) => {
    const code = child.tagName === 'pre' ? child.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code') : undefined;
    if (!code || isHighlighted(child)) return;
    const lang = ((code.properties.className as string[] | undefined) ?? [])
      .find((c) => c.startsWith('language-'))
      ?.slice('language-'.length);
    const pre = highlightToHast(highlighter, toString(code).replace(/\n$/, ''), lang);
    pre.data = child.data;
    parent.children[i] = pre;
    return SKIP;
  });
}

/** Shiki writes its class under `class`, hast-util-from-html under `className`. */
function isHighlighted(pre: Element): boolean {
  const classes = pre.properties.className ?? pre.properties.class;
  return (Array.isArray(classes) ? classes.map(String) : String(classes ?? '').split(/\s+/)).includes('shiki');
}
