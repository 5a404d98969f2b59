/**
 * What the link checker needs from one built HTML file, read with a real
 * HTML parser (hast-util-from-html, i.e. parse5): every element id (and
 * `<a name>`), every URL-bearing attribute in document order, and whether
 * each sits inside the article body (where the page's own Markdown goes).
 */
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';

export interface HtmlLink {
  /** The attribute value as written (entities decoded). */
  href: string;
  /** `a`, `link`, `script`, `img`, `meta` (refresh), ... */
  tag: string;
  attribute: string;
  /** Inside `<article class="article">`, the page body. */
  inArticle: boolean;
}

export interface HtmlFacts {
  ids: Set<string>;
  links: HtmlLink[];
}

/** Attributes that hold a URL the browser follows or loads, by element. */
const URL_ATTRIBUTES: Record<string, readonly string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  script: ['src'],
  img: ['src'],
  iframe: ['src'],
  source: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  embed: ['src'],
  object: ['data'],
  form: ['action'],
  button: ['formAction'],
  input: ['formAction', 'src'],
};

function isArticle(node: Element): boolean {
  const classes = node.properties.className;
  return node.tagName === 'article' && Array.isArray(classes) && classes.includes('article');
}

/** `0; url=/x/` → `/x/`. */
export function refreshTarget(content: string): string | undefined {
  const m = /^\s*\d*(?:\.\d+)?\s*[;,]\s*url\s*=\s*(['"]?)(.*?)\1\s*$/i.exec(content);
  return m ? m[2] : undefined;
}

export function readHtml(html: string): HtmlFacts {
  const tree: Root = fromHtml(html);
  const ids = new Set<string>();
  const links: HtmlLink[] = [];
  // Iterative walk: generated pages can nest deeply.
  const stack: { node: RootContent | Root; inArticle: boolean }[] = [{ node: tree, inArticle: false }];
  while (stack.length) {
    const { node, inArticle: outer } = stack.pop()!;
    if (node.type !== 'element' && node.type !== 'root') continue;
    let inArticle = outer;
    if (node.type === 'element') {
      const props = node.properties;
      // Heading self-links are added by the layout, not written in the page.
      if (node.tagName === 'a' && Array.isArray(props.className) && props.className.includes('heading-anchor')) inArticle = false;
      else inArticle ||= isArticle(node);
      if (typeof props.id === 'string' && props.id !== '') ids.add(props.id);
      if (node.tagName === 'a' && typeof props.name === 'string' && props.name !== '') ids.add(props.name);
      for (const attribute of URL_ATTRIBUTES[node.tagName] ?? []) {
        const value = props[attribute];
        if (typeof value === 'string') links.push({ href: value, tag: node.tagName, attribute, inArticle });
      }
      if (node.tagName === 'meta' && typeof props.content === 'string' && String(props.httpEquiv ?? '').toLowerCase() === 'refresh') {
        const target = refreshTarget(props.content);
        if (target !== undefined) links.push({ href: target, tag: 'meta', attribute: 'content', inArticle });
      }
    }
    const children = node.type === 'element' && node.tagName === 'template' && node.content ? node.content.children : node.children;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, inArticle });
  }
  return { ids, links };
}
