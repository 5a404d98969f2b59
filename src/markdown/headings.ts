/**
 * Heading ids, as Hugo 0.111 makes them (Goldmark, `autoHeadingIDType:
 * github`): `## Title {#my-id}` sets the id (and leaves the text); other
 * headings get an id from their Markdown source line — link URLs, code
 * spans and all (`##### Source File: [a.proto](https://…)` →
 * `source-file-aprotohttps…`) — lower-cased, letters, digits and `_` kept,
 * each space or `-` a `-`, the rest dropped; `-1`, `-2` for repeats, in
 * page order. A heading with no source line of its own (from a shortcode's
 * output, or holding a shortcode) takes its rendered text instead. Text may
 * hold per-version values, so generated ids are placeholders here and
 * computed when the page is instantiated.
 */
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { SKIP, eachElement } from '../util/hast-walk.ts';
import type { Heading } from '../model/site-data.ts';

export interface CompiledHeading {
  depth: number;
  /** Rendered text; may hold deferred characters. */
  text: string;
  explicitId?: string;
  /** The heading's Markdown source (an ATX heading's line, without `#`s and `{…}` attributes): what Hugo makes the id from. */
  source?: string;
  /** Offset in the file, for messages. */
  offset: number;
}

/** Hugo's `github` anchor name: letters, digits and `_` lower-cased, a space or `-` each a `-`, the rest dropped. */
export function hugoAnchor(text: string): string {
  let out = '';
  for (const ch of text.trim()) {
    if (ch === ' ' || ch === '-') out += '-';
    else if (ch === '_' || /[\p{L}\p{Nd}]/u.test(ch)) out += ch.toLowerCase();
  }
  return out;
}

/** The source of the ATX heading starting at `offset` of `raw`; undefined for a setext heading, or one holding a shortcode. */
export function atxSource(raw: string, offset: number | undefined): string | undefined {
  if (offset === undefined || raw[offset] !== '#') return undefined;
  const end = raw.indexOf('\n', offset);
  const line = raw.slice(offset, end < 0 ? undefined : end).replace(/\r$/, '');
  const open = /^#{1,6}(?=[ \t]|$)/.exec(line);
  if (!open || line.includes('{{')) return undefined;
  return line
    .slice(open[0].length)
    .replace(/(?:^|[ \t]+)#+[ \t]*$/, '') // closing sequence
    .replace(/[ \t]*\{[^{}]*\}[ \t]*$/, '') // attributes
    .trim();
}

const EXPLICIT_ID = /\s*\{#([^}\s]+)\}\s*$/;
const HEADING = /^h([1-6])$/;

/** Finds headings, strips `{#id}`, and sets each heading's id via `idFor(index)` unless explicit. */
export function collectHeadings(tree: Root, offsetOf: (node: Element) => number, idFor: (index: number, offset: number) => string, sourceOf: (node: Element) => string | undefined = () => undefined): CompiledHeading[] {
  const headings: CompiledHeading[] = [];
  eachElement(tree, (child) => {
    const m = HEADING.exec(child.tagName);
    if (!m) return;
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
    const source = sourceOf(child);
    if (source !== undefined) heading.source = source;
    child.properties.id = explicitId ?? idFor(headings.length, heading.offset);
    headings.push(heading);
    return SKIP;
  });
  return headings;
}

/**
 * Final ids for headings whose text is known: explicit ones kept, others made from their source (else text) and
 * made unique, in page order. Explicit ids are reserved first, so a generated id never repeats one written later in
 * the page (`## Main` before `## Other {#main}` gets `main-1`; Hugo would give both `main`).
 */
export function assignIds(headings: readonly { depth: number; text: string; explicitId?: string; source?: string }[]): Heading[] {
  const used = new Set<string>(headings.flatMap((h) => (h.explicitId ? [h.explicitId] : [])));
  return headings.map((h) => {
    if (h.explicitId) return { depth: h.depth, id: h.explicitId, text: h.text };
    const base = hugoAnchor(h.source ?? h.text) || 'heading';
    let id = base;
    for (let n = 1; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return { depth: h.depth, id, text: h.text };
  });
}
