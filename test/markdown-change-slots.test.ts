/** src/markdown/change-slots.ts directly: the guide's empty change labels get a slot for the generated list; written ones do not. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { insertChangeSlots, type ChangeSlot } from '../src/markdown/change-slots.ts';

const SLOTS: ChangeSlot[] = [
  { section: 'helm', label: 'New Helm fields', key: 'helm.new' },
  { section: 'helm', label: 'Deprecated Helm fields', key: 'helm.deprecated' },
  { section: 'cli', label: 'New CLI commands', key: 'cli.new' },
];

function slotted(html: string): string {
  const tree = fromHtml(html, { fragment: true });
  insertChangeSlots(tree, SLOTS, (key) => `[${key}]`);
  return toHtml(tree);
}

const slot = (key: string) => `<div class="guide-changes-slot" data-changes="${key}">[${key}]</div>`;

test('an empty label under its section heading gets a slot right after it (with or without the colon)', () => {
  const html = slotted('<h2 id="helm">Helm</h2><p><strong>New Helm fields</strong>:</p><p><strong>Deprecated Helm fields</strong></p><h2 id="cli">CLI</h2><p><strong>New CLI commands</strong>:</p>');
  assert.equal(
    html,
    `<h2 id="helm">Helm</h2><p><strong>New Helm fields</strong>:</p>${slot('helm.new')}<p><strong>Deprecated Helm fields</strong></p>${slot('helm.deprecated')}<h2 id="cli">CLI</h2><p><strong>New CLI commands</strong>:</p>${slot('cli.new')}`,
  );
});

test('blank text and comments still count as empty', () => {
  assert.ok(slotted('<h2 id="helm">H</h2><p><strong>New Helm fields</strong>:</p>\n<!-- TODO -->\n').includes(slot('helm.new')));
});

test("a label the writer filled in (a list, N/A, a sentence) keeps the writer's words and gets no slot", () => {
  for (const under of ['<ul><li>x</li></ul>', '<p>N/A</p>', '<p>See below.</p>']) {
    const html = slotted(`<h2 id="helm">H</h2><p><strong>New Helm fields</strong>:</p>${under}<h2 id="cli">C</h2>`);
    assert.ok(!html.includes('guide-changes-slot'), html);
  }
});

test('a label under another section, a label with more words, or no heading at all: no slot', () => {
  assert.ok(!slotted('<h2 id="cli">C</h2><p><strong>New Helm fields</strong>:</p>').includes('slot'));
  assert.ok(!slotted('<h2 id="helm">H</h2><p><strong>New Helm fields</strong>: none this time</p>').includes('slot'));
  assert.ok(!slotted('<p><strong>New Helm fields</strong>:</p>').includes('slot'));
  assert.ok(!slotted('<h2 id="helm">H</h2><p>Some <strong>New Helm fields</strong>:</p>').includes('slot'));
});
