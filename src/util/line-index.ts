/** Offset ↔ 1-based line and column in a text (vfile-location), for diagnostics. */
import { location } from 'vfile-location';

export interface Point {
  line: number;
  column: number;
}

export interface LineIndex {
  /** 1-based line and column of a 0-based offset; `{ line: 0, column: 0 }` when it is outside the text. */
  toPoint(offset: number): Point;
  /** 0-based offset of a 1-based line and column; -1 when it is outside the text. */
  toOffset(point: Point): number;
}

export function lineIndex(text: string): LineIndex {
  const place = location(text);
  return {
    toPoint(offset) {
      const point = place.toPoint(offset);
      return point ? { line: point.line, column: point.column } : { line: 0, column: 0 };
    },
    toOffset(point) {
      return place.toOffset(point) ?? -1;
    },
  };
}
