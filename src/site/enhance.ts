/**
 * Build-time touches to the pipeline's article HTML (they work without
 * JavaScript): a link anchor after every h2-h4 that has an id, and code
 * blocks reachable by keyboard (they scroll sideways), and line counters of
 * `linenostart` blocks.
 */
import { lineStarts } from '../layouts/article-html.ts';

const HEADING = /<(h[234])(\s[^>]*?\bid="([^"]+)"[^>]*)>([\s\S]*?)<\/\1>/g;

function textOf(html: string): string {
  return html.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
}

export function addHeadingAnchors(html: string): string {
  return html.replace(HEADING, (_all, tag: string, attrs: string, id: string, inner: string) => {
    const label = textOf(inner).replace(/"/g, '&quot;');
    return (
      `<div class="heading level-${tag}"><${tag}${attrs}>${inner}</${tag}>` +
      `<a class="heading-anchor" href="#${id}" data-pagefind-ignore><span aria-hidden="true">#</span>` +
      `<span class="sr-only">Section titled “${label}”</span></a></div>`
    );
  });
}

/** `<pre>` without a tabindex gets `tabindex="0"` (WCAG: scrollable regions must be keyboard reachable). */
export function focusableCodeBlocks(html: string): string {
  return html.replace(/<pre\b(?![^>]*\btabindex=)([^>]*)>/g, '<pre$1 tabindex="0">');
}

export function enhanceArticle(html: string): string {
  return focusableCodeBlocks(addHeadingAnchors(html));
}

/** The article as the layout shows it (and as search indexes it). */
export function articleHtml(html: string): string {
  return lineStarts(enhanceArticle(html));
}
