/** latest/ pages re-based structurally: attribute values follow the new prefix, text keeps its bytes. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rebaseAttributes } from '../src/view/rebase.ts';

const OWN = '/gloo-edge/v1.17.x/';
const SERVED = '/gloo-edge/latest/';

test('links, canonical URLs and data attributes move to the new prefix', () => {
  const html =
    `<link rel="canonical" href="https://docs.solo.io${OWN}a/"><div data-bundle="${OWN}pagefind/">` +
    `<a href="${OWN}b/#x" title="see ${OWN}b/">b</a><img src='${OWN}i.png'><a href=${OWN}c/>c</a></div>`;
  assert.equal(
    rebaseAttributes(html, OWN, SERVED),
    `<link rel="canonical" href="https://docs.solo.io${SERVED}a/"><div data-bundle="${SERVED}pagefind/">` +
      `<a href="${SERVED}b/#x" title="see ${SERVED}b/">b</a><img src='${SERVED}i.png'><a href=${SERVED}c/>c</a></div>`,
  );
});

test('a code sample, a paragraph, a comment and a script that show a versioned URL keep it', () => {
  const html =
    `<p>Open ${OWN}ops/ in a browser.</p><pre><code>curl https://docs.solo.io${OWN}x/</code></pre>` +
    `<!-- ${OWN} --><script>const u = "${OWN}";</script><a href="${OWN}ops/">ops</a>`;
  assert.equal(
    rebaseAttributes(html, OWN, SERVED),
    `<p>Open ${OWN}ops/ in a browser.</p><pre><code>curl https://docs.solo.io${OWN}x/</code></pre>` +
      `<!-- ${OWN} --><script>const u = "${OWN}";</script><a href="${SERVED}ops/">ops</a>`,
  );
});

test('entities in attribute values are kept as written', () => {
  const html = `<a href="${OWN}a/?x=1&amp;y=2" data-x="&quot;${OWN}&quot;">a &amp; b</a>`;
  assert.equal(rebaseAttributes(html, OWN, SERVED), `<a href="${SERVED}a/?x=1&amp;y=2" data-x="&quot;${SERVED}&quot;">a &amp; b</a>`);
});

test('a page without the prefix is returned as it is', () => {
  const html = '<p>nothing <a href="/other/">here</a></p>';
  assert.equal(rebaseAttributes(html, OWN, SERVED), html);
});
