/**
 * Where HTML holds URLs a browser follows or loads: by element, the
 * attributes (SVG's `href` and `xlink:href` included), and the target of a
 * `<meta http-equiv="refresh">`. One table for the page compiler (which
 * records each URL's source line) and the link checker (which checks them
 * in the built site), so every URL the checker sees has a line.
 */

/** Attribute names (lower case, as HTML parsers give them) that hold a URL, by element (lower case). */
export const URL_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ['href', 'xlink:href'],
  area: ['href'],
  base: ['href'],
  link: ['href'],
  script: ['src', 'href', 'xlink:href'],
  img: ['src'],
  image: ['href', 'xlink:href'],
  feimage: ['href', 'xlink:href'],
  use: ['href', 'xlink:href'],
  iframe: ['src'],
  frame: ['src'],
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

/** Elements whose URL may be a `data:` image (everything else with a data: or script URL is refused). */
export const DATA_URL_ELEMENTS: ReadonlySet<string> = new Set(['img', 'image', 'feimage', 'source']);

/** hast's property name for an attribute of URL_ATTRIBUTES. */
export const HAST_PROPERTY: Readonly<Record<string, string>> = {
  href: 'href',
  'xlink:href': 'xLinkHref',
  src: 'src',
  poster: 'poster',
  data: 'data',
  action: 'action',
  formaction: 'formAction',
};

/** `0; url=/x/` → `/x/`. */
export function refreshTarget(content: string): string | undefined {
  const m = /^\s*\d*(?:\.\d+)?\s*[;,]\s*url\s*=\s*(['"]?)(.*?)\1\s*$/i.exec(content);
  return m ? m[2] : undefined;
}
