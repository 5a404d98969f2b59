/**
 * What the link checker needs from one built HTML file, read with a real
 * HTML parser (htmlparser2, streaming: the site is read once, fast): every element id (and
 * `<a name>`), every URL-bearing attribute in document order, and whether
 * each sits inside the article body (where the page's own Markdown goes).
 */
import { decodeHTMLAttribute } from 'entities';
import { Parser } from 'htmlparser2';

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
  button: ['formaction'],
  input: ['formaction', 'src'],
};

/** `0; url=/x/` → `/x/`. */
export function refreshTarget(content: string): string | undefined {
  const m = /^\s*\d*(?:\.\d+)?\s*[;,]\s*url\s*=\s*(['"]?)(.*?)\1\s*$/i.exec(content);
  return m ? m[2] : undefined;
}

/** An attribute value as written to its value (`&amp;` → `&`). */
function decode(value: string): string {
  return value.includes('&') ? decodeHTMLAttribute(value) : value;
}

/** Whether a class attribute lists `name`. */
function hasClass(value: string | undefined, name: string): boolean {
  return value !== undefined && value.split(/\s+/).includes(name);
}

/**
 * Keeps one standalone copy of each distinct value. The parser's attribute values are slices of the
 * page's HTML, and a slice keeps the whole page alive: facts kept for a whole site would hold every
 * page (450 MB at 4,000 pages). Values repeat a lot (the layout's links), so copies are few.
 */
export function interner(): (value: string) => string {
  const seen = new Map<string, string>();
  return (value) => {
    let kept = seen.get(value);
    if (kept === undefined) {
      kept = Buffer.from(value, 'utf8').toString('utf8');
      seen.set(kept, kept);
    }
    return kept;
  };
}

/** `keep` stores each id and href (see interner); by default they are used as the parser gives them. */
export function readHtml(html: string, keep: (value: string) => string = (v) => v): HtmlFacts {
  const ids = new Set<string>();
  const links: HtmlLink[] = [];
  // Whether each open element is inside the article body.
  const open: boolean[] = [];
  const parser = new Parser(
    {
      onopentag(tagName, attributes) {
        const outer = open.length ? open[open.length - 1]! : false;
        let inArticle = outer;
        // Heading self-links are added by the layout, not written in the page.
        if (tagName === 'a' && hasClass(attributes.class, 'heading-anchor')) inArticle = false;
        else if (tagName === 'article' && !outer) inArticle = hasClass(attributes.class, 'article');
        open.push(inArticle);
        if (attributes.id) ids.add(keep(decode(attributes.id)));
        const urlAttributes = URL_ATTRIBUTES[tagName];
        if (urlAttributes) {
          if (tagName === 'a' && attributes.name) ids.add(keep(decode(attributes.name)));
          for (const attribute of urlAttributes) {
            const value = attributes[attribute];
            if (value !== undefined) links.push({ href: keep(decode(value)), tag: tagName, attribute, inArticle });
          }
        } else if (tagName === 'meta' && attributes.content !== undefined && decode(attributes['http-equiv'] ?? '').toLowerCase() === 'refresh') {
          const target = refreshTarget(decode(attributes.content));
          if (target !== undefined) links.push({ href: keep(target), tag: 'meta', attribute: 'content', inArticle });
        }
      },
      onclosetag() {
        open.pop();
      },
    },
    // Text is never read, so only the few attribute values used are decoded (a fifth of the parse time saved).
    { decodeEntities: false, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return { ids, links };
}
