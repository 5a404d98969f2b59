/** The one offset ↔ line/column index. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lineIndex } from '../src/util/line-index.ts';

test('offsets to 1-based lines and columns and back, across \\n and \\r\\n', () => {
  const index = lineIndex('ab\ncd\r\nef');
  assert.deepEqual(index.toPoint(0), { line: 1, column: 1 });
  assert.deepEqual(index.toPoint(3), { line: 2, column: 1 });
  assert.deepEqual(index.toPoint(7), { line: 3, column: 1 });
  assert.equal(index.toOffset({ line: 3, column: 2 }), 8);
});

test('outside the text: line 0, offset -1', () => {
  const index = lineIndex('ab');
  assert.deepEqual(index.toPoint(99), { line: 0, column: 0 });
  assert.equal(index.toOffset({ line: 5, column: 1 }), -1);
});
