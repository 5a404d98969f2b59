/** The links of a compiled page (`<a href>`), each with the file offset it came from (`data.src`, else its nearest ancestor's). */
import type { Element, Root } from 'hast';

export interface CompiledLink {
  href: string;
  offset: number;
}

export function collectLinks(tree: Root, fallbackOffset: number): CompiledLink[] {
  const links: CompiledLink[] = [];
  const walk = (parent: Root | Element, offset: number) => {
    for (const child of parent.children) {
      if (child.type !== 'element') continue;
      const here = (child.data as { src?: number } | undefined)?.src ?? offset;
      const href = child.tagName === 'a' ? child.properties.href : undefined;
      if (typeof href === 'string') links.push({ href, offset: here });
      walk(child, here);
    }
  };
  walk(tree, fallbackOffset);
  return links;
}
