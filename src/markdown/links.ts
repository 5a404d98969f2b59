/**
 * The URLs of a compiled page (every attribute of src/util/url-attributes.ts: `<a href>`, images, forms,
 * frames, SVG `href`/`xlink:href`, meta refresh), each with the file offset it came from (`data.src`,
 * else its nearest ancestor's): the link checker reports a broken one at its line.
 */
import type { Element, Root } from 'hast';
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
  const walk = (parent: Root | Element, offset: number) => {
    for (const child of parent.children) {
      if (child.type !== 'element') continue;
      const here = (child.data as { src?: number } | undefined)?.src ?? offset;
      for (const href of urlsOf(child)) links.push({ href, offset: here });
      walk(child, here);
    }
  };
  walk(tree, fallbackOffset);
  return links;
}
