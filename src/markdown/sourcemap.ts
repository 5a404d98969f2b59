/**
 * Builds text from pieces of a source (copied 1:1, optionally dedented) and
 * generated strings, and maps offsets in the result back to the source, so
 * errors and links found after shortcode expansion point at the line the
 * writer typed.
 */

interface Segment {
  outStart: number;
  srcStart: number;
  /** Copied text maps 1:1; generated text maps to srcStart. */
  copied: boolean;
}

export class SourceMapBuilder {
  readonly #source: string;
  readonly #dedent: number;
  #parts: string[] = [];
  #segments: Segment[] = [];
  #length = 0;
  #atLineStart: boolean;

  /** `dedent`: how many leading spaces/tabs to strip from each copied line after the first. */
  constructor(source: string, dedent = 0) {
    this.#source = source;
    this.#dedent = dedent;
    this.#atLineStart = false;
  }

  copy(start: number, end: number): void {
    let pos = start;
    while (pos < end) {
      if (this.#atLineStart && this.#dedent > 0) {
        let strip = 0;
        while (strip < this.#dedent && pos < end && (this.#source[pos] === ' ' || this.#source[pos] === '\t')) {
          pos++;
          strip++;
        }
      }
      const newline = this.#source.indexOf('\n', pos);
      const lineEnd = newline === -1 || newline >= end ? end : newline + 1;
      if (lineEnd > pos) {
        this.#push(this.#source.slice(pos, lineEnd), pos, true);
        this.#atLineStart = this.#source[lineEnd - 1] === '\n';
      }
      pos = lineEnd;
    }
  }

  generate(text: string, srcOffset: number): void {
    if (!text) return;
    this.#push(text, srcOffset, false);
    this.#atLineStart = text.endsWith('\n');
  }

  #push(text: string, srcStart: number, copied: boolean): void {
    this.#segments.push({ outStart: this.#length, srcStart, copied });
    this.#parts.push(text);
    this.#length += text.length;
  }

  finish(): { text: string; map: SourceMap } {
    return { text: this.#parts.join(''), map: new SourceMap(this.#segments) };
  }
}

export class SourceMap {
  readonly #segments: Segment[];
  constructor(segments: Segment[]) {
    this.#segments = segments;
  }

  /** The source offset of an offset in the built text. */
  toSource(offset: number): number {
    const segs = this.#segments;
    let lo = 0;
    let hi = segs.length - 1;
    if (hi < 0) return 0;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segs[mid]!.outStart <= offset) lo = mid;
      else hi = mid - 1;
    }
    const seg = segs[lo]!;
    return seg.copied ? seg.srcStart + Math.max(0, offset - seg.outStart) : seg.srcStart;
  }
}

/** The common indentation of the lines after the first non-blank one (tabs count as one). */
export function commonIndent(text: string): number {
  let min = Infinity;
  const lines = text.split('\n');
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const indent = line.length - line.trimStart().length;
    if (indent < min) min = indent;
  }
  return min === Infinity ? 0 : min;
}

/** 1-based line and column of offsets in a text, by binary search over line starts. */
export class LineIndex {
  /** Offsets where lines start: plain data, so it survives a trip to and from a worker thread. */
  readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  position(offset: number): { line: number; column: number } {
    return positionIn(this.starts, offset);
  }
}

/** 1-based line and column of an offset, given the offsets where lines start. */
export function positionIn(starts: readonly number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}
