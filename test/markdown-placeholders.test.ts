/**
 * Placeholders cannot collide with content: every private-use character a
 * page contains (icon fonts, Nerd Font prompts in shell snippets) comes out
 * as it went in, with and without shortcodes, in text, code and headings.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { DEFERRED_PATTERN, TOKEN_CLOSE, TOKEN_OPEN, VERSION_BASE, hasSentinel } from '../src/markdown/sentinels.ts';
import { render } from './support/pipeline.ts';

/** Every character of U+E000–U+F8FF, 64 to a line. */
const BMP_PRIVATE: string[] = [];
for (let start = 0xe000; start <= 0xf8ff; start += 64) {
  let line = '';
  for (let c = start; c < Math.min(start + 64, 0xf900); c++) line += String.fromCharCode(c);
  BMP_PRIVATE.push(line);
}
/** Characters of the supplementary private-use planes, the placeholders' own among them. */
const ASTRAL = [0xf0000, 0xf0001, 0xf0002, 0xf0100, 0xffffd, 0x100000, 0x10fff0, 0x10fff1, 0x10fff2, 0x10fffd].map((c) => String.fromCodePoint(c)).join('');

const texts = (html: string, selector: string) => selectAll(selector, fromHtml(html, { fragment: true })).map((n) => toString(n));

test('the placeholders are registered in one module and are not BMP private-use characters', () => {
  for (const p of [TOKEN_OPEN, TOKEN_CLOSE, VERSION_BASE]) assert.ok(p.codePointAt(0)! > 0xffff, JSON.stringify(p));
  assert.equal(hasSentinel(BMP_PRIVATE.join('')), false);
  assert.ok(!DEFERRED_PATTERN.test('\uE100'));
});

test('a page without shortcodes keeps every U+E000–U+F8FF character, in text, code and headings', async () => {
  const source = `# Icons \uE0A0 \uF8FF\n\n${BMP_PRIVATE.map((l) => `${l}\n`).join('\n')}\n\`\`\`sh\n${BMP_PRIVATE.join('\n')}\n\`\`\`\n`;
  const { html, diagnostics } = await render(source);
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(texts(html, 'p'), BMP_PRIVATE);
  assert.equal(texts(html, 'pre')[0], BMP_PRIVATE.join('\n'));
  assert.equal(texts(html, 'h1')[0], 'Icons \uE0A0 \uF8FF');
});

test('a page with shortcodes keeps them too: U+E000 0 U+E001, U+E100 and U+E101 stay themselves beside the values', async () => {
  const collide = '\uE0000\uE001 \uE100 \uE101';
  const source =
    `# Release {{< readfile file="static/content/version_geoss_latest.md" markdown="true" >}} \uE100\n\n` +
    `${collide} {{< readfile file="static/content/version_geoss_latest.md" markdown="true" >}}\n\n` +
    `${BMP_PRIVATE.map((l) => `${l}\n`).join('\n')}\n` +
    `\`\`\`sh\n\uE0B0 helm install --version {{< readfile file="static/content/version_geoss_latest.md" markdown="true" >}} ${collide}\n${BMP_PRIVATE.join('\n')}\n\`\`\`\n\n` +
    `{{% notice note %}}\n${collide} in a notice\n{{% /notice %}}\n`;
  const { html, diagnostics } = await render(source, { files: { 'static/content/version_geoss_latest.md': '1.17.9' } });
  assert.deepEqual(diagnostics, []);
  const paragraphs = texts(html, 'p');
  assert.equal(paragraphs[0], `${collide} 1.17.33`);
  assert.deepEqual(paragraphs.slice(1, 1 + BMP_PRIVATE.length), BMP_PRIVATE);
  assert.equal(texts(html, 'pre')[0], `\uE0B0 helm install --version 1.17.33 ${collide}\n${BMP_PRIVATE.join('\n')}`);
  assert.equal(texts(html, 'h1')[0], 'Release 1.17.33 \uE100');
  assert.match(texts(html, '.notice')[0]!, new RegExp(`${collide} in a notice`));
});

test('even the placeholders\' own planes: such a character in a page or a read file stands for itself', async () => {
  const source = `# T\n\n${ASTRAL} {{< readfile file="icons.txt" >}}\n\n\`\`\`\n${ASTRAL}\n\`\`\`\n\n[${ASTRAL}](https://example.com/)\n`;
  const { html, diagnostics } = await render(source, { files: { 'icons.txt': `from a file ${ASTRAL}` } });
  assert.deepEqual(diagnostics, []);
  assert.equal(texts(html, 'p')[0], `${ASTRAL} from a file ${ASTRAL}`);
  assert.equal(texts(html, 'pre')[0], ASTRAL);
  assert.equal(texts(html, 'a')[0], ASTRAL);
});
