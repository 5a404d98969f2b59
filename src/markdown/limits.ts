/**
 * Input limits that keep hostile or broken pages from hanging or crashing
 * the build. Markdown's container parsing re-checks every open block quote
 * and list on every line, and the trees it builds are walked recursively:
 * thousands of nested `>` or list levels take minutes or overflow the stack.
 * No real page nests more than a handful of levels, so a page nested deeper
 * than MAX_NESTING is refused with a diagnostic at the line that does it.
 */

export const MAX_NESTING = 64;
/**
 * Brackets in one block (text between blank lines): link-label matching
 * (and GFM footnote calls) is quadratic in them; 4,000 is a table with
 * 2,000 links, and costs well under a second.
 */
export const MAX_BRACKETS_PER_BLOCK = 4000;

export interface NestingProblem {
  /** Offset of the line start in the text. */
  offset: number;
  /** Nesting depth, or the bracket count of the block. */
  depth: number;
  message: string;
}

const nested = (offset: number, depth: number): NestingProblem => ({
  offset,
  depth,
  message: `Blocks nested ${depth} deep (block quotes or list items); the limit is ${MAX_NESTING}`,
});

const MARKER = /^(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/;

/**
 * The first line whose block containers (quotes and list items, counted
 * across lines for lists) nest deeper than `max`, or the start of a block
 * holding more than MAX_BRACKETS_PER_BLOCK square brackets.
 */
export function excessiveNesting(text: string, max = MAX_NESTING): NestingProblem | undefined {
  // Columns of the list markers that are open, outermost first.
  const lists: number[] = [];
  let lineStart = 0;
  let blockStart = 0;
  let brackets = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    for (let b = text.indexOf('[', lineStart); b !== -1 && b < lineEnd; b = text.indexOf('[', b + 1)) brackets++;
    for (let b = text.indexOf(']', lineStart); b !== -1 && b < lineEnd; b = text.indexOf(']', b + 1)) brackets++;
    if (brackets > MAX_BRACKETS_PER_BLOCK) {
      return { offset: blockStart, depth: brackets, message: `More than ${MAX_BRACKETS_PER_BLOCK} square brackets in one block; Markdown link matching would take minutes` };
    }
    let i = lineStart;
    let column = 0;
    let inline = 0;
    let firstMarker = -1;
    let blank = true;
    for (;;) {
      while (i < lineEnd && (text[i] === ' ' || text[i] === '\t')) {
        column += text[i] === '\t' ? 4 - (column % 4) : 1;
        i++;
      }
      if (i >= lineEnd) break;
      blank = false;
      const m = MARKER.exec(text.slice(i, Math.min(lineEnd, i + 11)));
      if (!m) break;
      if (firstMarker === -1 && m[0] !== '>') firstMarker = column;
      inline++;
      if (inline > max) return nested(lineStart, inline);
      i += m[0].length;
      column += m[0].length;
    }
    if (!blank) {
      const indent = firstMarker === -1 ? column : firstMarker;
      while (lists.length && lists[lists.length - 1]! >= indent && (firstMarker !== -1 || indent === 0)) lists.pop();
      if (firstMarker !== -1) lists.push(firstMarker);
      const depth = lists.length + inline - (firstMarker !== -1 ? 1 : 0);
      if (depth > max) return nested(lineStart, depth);
    } else {
      blockStart = newline + 1;
      brackets = 0;
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return undefined;
}
