/**
 * Relative links and image sources (`![](diagram.png)`, `[x](../faq.md)`,
 * `<img src="x.svg">`): handed to a resolver that knows the content tree,
 * and rewritten to what it returns. Absolute URLs, site paths, anchors and
 * links built by shortcodes are left alone.
 */
import type { Element, Root } from 'hast';
import { eachElement } from '../util/hast-walk.ts';
import { hasSentinel } from './sentinels.ts';

/** Which attributes of which elements hold a link. */
const LINK_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ['href'],
  img: ['src'],
  source: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
};

const NOT_RELATIVE = /^(?:[a-z][a-z\d+.-]*:|\/|#|\?)/i;

export interface LocalLinkHandler {
  /** The new URL for a relative target (path part only, decoded), or undefined to leave it. */
  resolve(target: string): string | undefined;
  /** A relative image source that names no file. */
  missing(element: Element, target: string): void;
}

export function rewriteLocalLinks(tree: Root, handler: LocalLinkHandler): void {
  eachElement(tree, (child) => {
    for (const attribute of LINK_ATTRIBUTES[child.tagName] ?? []) {
      const value = child.properties[attribute];
      if (typeof value !== 'string' || value === '' || NOT_RELATIVE.test(value) || hasSentinel(value)) continue;
      const cut = value.search(/[?#]/);
      const target = cut === -1 ? value : value.slice(0, cut);
      const suffix = cut === -1 ? '' : value.slice(cut);
      let decoded = target;
      try {
        decoded = decodeURI(target);
      } catch {
        // keep it as written
      }
      const url = decoded ? handler.resolve(decoded) : undefined;
      if (url !== undefined) child.properties[attribute] = url + suffix;
      else if (child.tagName !== 'a') handler.missing(child, decoded);
    }
  });
}
