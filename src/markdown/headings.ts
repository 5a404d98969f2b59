/**
 * Heading ids: `## Title {#my-id}` sets the id (and leaves the text);
 * other headings get GitHub-style slugs of their rendered text, with `-1`,
 * `-2` for repeats. Text may hold per-version values, so generated ids are
 * placeholders here and computed when the page is instantiated.
 */
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { slug } from 'github-slugger';
import type { Heading } from '../model/site-data.ts';

export interface CompiledHeading {
  depth: number;
  /** Rendered text; may hold deferred characters. */
  text: string;
  explicitId?: string;
  /** Offset in the file, for messages. */
  offset: number;
}

const EXPLICIT_ID = /\s*\{#([^}\s]+)\}\s*$/;
const HEADING = /^h([1-6])$/;

/** Finds headings, strips `{#id}`, and sets each heading's id via `idFor(index)` unless explicit. */
export function collectHeadings(tree: Root, offsetOf: (node: Element) => number, idFor: (index: number) => string): CompiledHeading[] {
  const headings: CompiledHeading[] = [];
  const walk = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      const m = HEADING.exec(child.tagName);
      if (!m) {
        walk(child);
        continue;
      }
      let explicitId: string | undefined;
      const last = child.children[child.children.length - 1];
      if (last?.type === 'text') {
        const idMatch = EXPLICIT_ID.exec(last.value);
        if (idMatch) {
          explicitId = idMatch[1];
          last.value = last.value.slice(0, idMatch.index);
        }
      }
      const heading: CompiledHeading = { depth: Number(m[1]), text: toString(child).trim(), offset: offsetOf(child) };
      if (explicitId) heading.explicitId = explicitId;
      child.properties.id = explicitId ?? idFor(headings.length);
      headings.push(heading);
    }
  };
  walk(tree);
  return headings;
}

/** Final ids for headings whose text is known: explicit ones kept, others slugged and made unique. */
export function assignIds(headings: readonly { depth: number; text: string; explicitId?: string }[]): Heading[] {
  const used = new Set(headings.flatMap((h) => (h.explicitId ? [h.explicitId] : [])));
  return headings.map((h) => {
    if (h.explicitId) return { depth: h.depth, id: h.explicitId, text: h.text };
    const base = slug(h.text) || 'section';
    let id = base;
    for (let n = 1; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return { depth: h.depth, id, text: h.text };
  });
}
