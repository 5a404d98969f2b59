/**
 * The URLs of a compiled page (every attribute of src/util/url-attributes.ts: `<a href>`, images, forms,
 * frames, SVG `href`/`xlink:href`, meta refresh), each with the file offset it came from (`data.src`,
 * else its nearest ancestor's): the link checker reports a broken one at its line.
 */
import type { Element, Root } from 'hast';
import { eachElement } from '../util/hast-walk.ts';
import { HAST_PROPERTY, refreshTarget, URL_ATTRIBUTES } from '../util/url-attributes.ts';

export interface CompiledLink {
  href: string;
  offset: number;
}

function urlsOf(element: Element): string[] {
  const { tagName, properties } = element;
  if (tagName === 'meta' && String(properties.httpEquiv ?? '').toLowerCase() === 'refresh' && typeof properties.content === 'string') {
    const target = refreshTarget(properties.content);
    return target === undefined ? [] : [target];
  }
  return (URL_ATTRIBUTES[tagName.toLowerCase()] ?? []).flatMap((attribute) => {
    const value = properties[HAST_PROPERTY[attribute]!];
    return typeof value === 'string' ? [value] : [];
  });
}

export function collectLinks(tree: Root, fallbackOffset: number): CompiledLink[] {
  const links: CompiledLink[] = [];
  // An element without an offset of its own is reported at its nearest ancestor's.
  const srcOf = (node: Root | Element) => (node.data as { src?: number } | undefined)?.src;
  eachElement(tree, (element, _index, _parent, ancestors) => {
    const urls = urlsOf(element);
    if (urls.length === 0) return;
    let here = srcOf(element);
    for (let i = ancestors.length - 1; here === undefined && i >= 0; i--) here = srcOf(ancestors[i]!);
    for (const href of urls) links.push({ href, offset: here ?? fallbackOffset });
  });
  return links;
}
