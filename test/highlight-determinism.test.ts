/** Code colours depend on the code alone, not on how busy the machine is (worker threads, CI). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toHtml } from 'hast-util-to-html';
import { highlightToHast, loadHighlighter } from '../src/markdown/highlight.ts';

const highlighter = await loadHighlighter();
// The block whose colours changed between builds (Gloo's upgrade guide, the bench corpus).
const code = '~ > glooctl version\nClient: {"version":"1.17.3"}\nServer: {"type":"Gateway","enterprise":true}';

/** The `<code>` of a highlighted block; line numbers only mark the `<pre>`, so they give a second memo entry. */
const codeOf = (lineNumbers: boolean) => toHtml(highlightToHast(highlighter, code, 'bash', { lineNumbers }).children);

/** Runs `work` on a machine so slow that every look at the clock finds a second has passed. */
function onASlowMachine<T>(work: () => T): T {
  const realNow = Date.now;
  let now = realNow();
  Date.now = () => (now += 1000);
  try {
    return work();
  } finally {
    Date.now = realNow;
  }
}

test('a slow machine gives a code block the same colours as a fast one', () => {
  const slow = onASlowMachine(() => codeOf(true));
  const fast = codeOf(false);
  assert.match(fast, /> glooctl version</, 'the command after the prompt is one plain token');
  assert.equal(slow, fast);
});

test('a remembered block is handed out as a copy: what one page does to its copy, the next page does not see', () => {
  const first = highlightToHast(highlighter, code, 'bash');
  const before = toHtml(first);
  first.properties.tabIndex = 0;
  const line = first.children.find((c) => c.type === 'element')!;
  assert.equal(line.type, 'element');
  line.children.push({ type: 'text', value: 'changed' });
  const second = highlightToHast(highlighter, code, 'bash');
  assert.equal(toHtml(second), before);
  assert.notEqual(toHtml(first), before);
});
