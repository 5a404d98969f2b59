/** The upgrade guide's change sections, filled from the sample changelog for each docs version. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import type { Element } from 'hast';
import { prepare } from '../src/engine/build.ts';
import { loadConfig } from '../src/config/load.ts';
import { GUIDE_LABELS } from '../src/changelog/guide-sections.ts';
import { REPO } from './support/pipeline.ts';

const loaded = await loadConfig(undefined, REPO);
const { data, diagnostics } = await prepare(loaded);
const guide = (id: string) => {
  const page = data!.pages[id]!.find((p) => p.route === 'operations/upgrading/upgrade_steps/')!;
  return fromHtml(page.html, { fragment: true });
};
/** What follows each bold label, up to the next label or heading. */
const sections = (id: string) => {
  const tree = guide(id);
  const slots = selectAll('.guide-changes-slot', tree);
  return new Map(slots.map((slot: Element) => [String(slot.properties.dataChanges), slot]));
};

test('the sample builds without errors', () => {
  assert.deepEqual(diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line} ${d.message}`).filter((m) => !/Broken link/.test(m)), []);
});

test('every one of the eleven labels is filled in the 1.17 guide', () => {
  const slots = sections('v1.17.x');
  assert.equal(slots.size, 11);
  for (const label of GUIDE_LABELS) {
    const slot = slots.get(label.key);
    assert.ok(slot, `no slot after **${label.label}**`);
    assert.ok(selectAll('li', slot).length > 0, `**${label.label}** has no entries in 1.17`);
  }
});

test('entries of later patches are tagged, enterprise-only ones marked, breaking ones stand out', () => {
  const text = [...sections('v1.17.x').values()].map((s) => toString(s)).join('\n');
  assert.match(text, /added in 1\.17\.\d+/);
  assert.match(text, /Enterprise/);
  assert.ok(selectAll('.guide-badge-breaking, [class*="breaking"]', guide('v1.17.x')).length > 0);
});

test('another docs version lists its own minor line, and empty labels say so', () => {
  const v116 = [...sections('v1.16.x').values()].map((s) => toString(s)).join('\n');
  const v117 = [...sections('v1.17.x').values()].map((s) => toString(s)).join('\n');
  assert.notEqual(v116, v117);
  assert.doesNotMatch(v116, /added in 1\.17/);
  const empty = [...sections('v1.14.x').values()].filter((s) => selectAll('li', s).length === 0);
  for (const slot of empty) assert.match(toString(slot), /^No .* in 1\.14\.$/);
});

test('links in the guide carry each version\'s base', () => {
  for (const id of Object.keys(data!.pages)) {
    const page = data!.pages[id]!.find((p) => p.route === 'operations/upgrading/upgrade_steps/')!;
    const hrefs = page.links.map((l) => l.href).filter((h) => h.startsWith('/'));
    assert.ok(hrefs.length > 5);
    assert.ok(hrefs.every((h) => h.startsWith(`/gloo-edge/${id}/`)), `${id}: ${hrefs.find((h) => !h.startsWith(`/gloo-edge/${id}/`))}`);
  }
});
