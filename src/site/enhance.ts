/**
 * Build-time touches to the pipeline's article HTML: a link anchor after
 * every h2-h4 that has an id (works without JavaScript).
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
