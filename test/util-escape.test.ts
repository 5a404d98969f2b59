/** src/util/escape.ts directly: text put into HTML by hand shows as typed and cannot open a tag or leave an attribute. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeHtml } from '../src/util/escape.ts';

test('the five special characters are escaped, ampersands first (no double escaping of the others)', () => {
  assert.equal(escapeHtml(`<a href="x" title='y'>Tom & Jerry</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;');
  assert.equal(escapeHtml('&lt;'), '&amp;lt;');
});

test('everything else, non-ASCII and private-use characters included, is kept byte for byte', () => {
  const text = 'v1.17.x — café \u{E000}\u{F8FF} 🚀 /gloo-edge/';
  assert.equal(escapeHtml(text), text);
});
