/** The links of a compiled page (`<a href>`), each with the file offset it came from (`data.src`, else its nearest ancestor's). */
import type { Element, Root } from 'hast';
import { visitParents } from 'unist-util-visit-parents';

export interface CompiledLink {
  href: string;
  offset: number;
}

const srcOf = (node: unknown) => (node as { data?: { src?: number } }).data?.src;

export function collectLinks(tree: Root, fallbackOffset: number): CompiledLink[] {
  const links: CompiledLink[] = [];
  visitParents(tree, 'element', (node: Element, ancestors) => {
    const href = node.tagName === 'a' ? node.properties.href : undefined;
    if (typeof href !== 'string') return;
    // The root's own offset does not count: the fallback stands for it.
    const offset = [node, ...ancestors.slice(1).toReversed()].map(srcOf).find((s) => s !== undefined) ?? fallbackOffset;
    links.push({ href, offset });
  });
  return links;
}
