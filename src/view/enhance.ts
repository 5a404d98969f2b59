/**
 * Build-time touches to the pipeline's article HTML (they work without
 * JavaScript): a link anchor after every h2-h4 that has an id, code blocks
 * reachable by keyboard (they scroll sideways), and line counters of
 * `linenostart` blocks. They run on each version's HTML, once the change
 * lists (which can bring code blocks) are filled in.
 */
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

/** Inline code at most this long never breaks across lines (a phone's line holds it); longer code may break anywhere. */
export const NOWRAP_CODE = 30;
const INLINE_CODE = new RegExp(`<code>([^<]{1,${NOWRAP_CODE}})</code>`, 'g');

/** Short inline `<code>` gets `class="nowrap"` (a code block's own `<code>` always has attributes or markup and is left alone). */
export function nowrapShortCode(html: string): string {
  return html.replace(INLINE_CODE, (all, text: string) => (decodedLength(text) <= NOWRAP_CODE ? `<code class="nowrap">${text}</code>` : all));
}

function decodedLength(text: string): number {
  return text.replace(/&(?:#\d+|#x[\da-f]+|\w+);/gi, '_').length;
}

export function enhanceArticle(html: string): string {
  return nowrapShortCode(focusableCodeBlocks(addHeadingAnchors(html)));
}

/**
 * A highlight block with `linenostart` (`<pre data-line-start="10">`) gets its line counter started
 * there, as an inline `counter-reset` (CSS cannot read a number from an attribute in every browser yet).
 */
const PRE = /<pre\b[^>]*\bdata-line-start="(\d+)"[^>]*>/g;

export function lineStarts(html: string): string {
  return html.replace(PRE, (tag, start: string) => {
    const reset = `counter-reset:line ${Number(start) - 1}`;
    if (/\sstyle="/.test(tag)) return tag.replace(/\sstyle="([^"]*)"/, (_m, style: string) => ` style="${style.replace(/;?\s*$/, ';')}${reset}"`);
    return tag.replace(/>$/, ` style="${reset}">`);
  });
}

/** The article as the layout shows it. */
export function articleHtml(html: string): string {
  return lineStarts(enhanceArticle(html));
}
