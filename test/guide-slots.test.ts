/**
 * Where the generated change lists go in a page: after a label the writer
 * left empty, never beside a hand-written list (issue 12). Small pages of our
 * own, then the real v1.17.x and v1.15.x upgrade FAQs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { parse } from 'yaml';
import { loadChangelog } from '../src/changelog/load.ts';
import { guideSections } from '../src/changelog/guide-sections.ts';
import { CHANGE_SLOTS } from '../src/engine/render-site.ts';
import { GUIDE_LABELS } from '../src/changelog/guide-labels.ts';
import { render, V117 } from './support/pipeline.ts';
import { NEEDS_SHARED, SHARED } from './support/shared.ts';

/** Every label's list says which label it is, so a test can see where each one landed. */
const changes = Object.fromEntries(GUIDE_LABELS.map((l) => [l.key, `<ul><li>generated ${l.key}</li></ul>`]));
const version = { ...V117, changes };

async function slotsOf(source: string, root?: string): Promise<{ keys: string[]; html: string }> {
  const page = await render(source, { changeSlots: CHANGE_SLOTS, version, ...(root ? { root } : {}) });
  const tree = fromHtml(page.html, { fragment: true });
  return { keys: selectAll('.guide-changes-slot', tree).map((s) => String(s.properties.dataChanges)), html: page.html };
}

test('a label left empty is filled; a label with a list, a sentence or "N/A" under it is left alone', async () => {
  const { keys, html } = await slotsOf(`### Helm changes {#helm}

**New Helm fields**:

**Deprecated Helm fields**:

* \`global.image.fips\`: deprecated, use \`global.image.variant\`.

**Removed Helm fields**:

N/A

### CRD changes {#crd}

**New and updated CRDs**:

<!-- to do: summarize the changelog -->

### CLI changes {#cli}

**New CLI commands or options**:

As part of this release, no CLI changes were introduced.

**Changed behavior**:
`);
  assert.deepEqual(keys, ['helm.new', 'crd.new', 'cli.changed']);
  assert.doesNotMatch(html, /generated helm\.deprecated/);
  assert.match(html, /global\.image\.fips/);
  assert.doesNotMatch(html, /generated helm\.removed/);
  assert.match(html, /N\/A/);
  assert.doesNotMatch(html, /generated cli\.new/);
});

test('a label counts as written when an unknown bold label follows it only after content', async () => {
  // `**Updated Helm fields**:` is not one of ours: it ends the scope of the label before it, as a label does.
  const { keys } = await slotsOf(`### Helm changes {#helm}

**New Helm fields**:

**Updated Helm fields**:
* \`deployment.runAsUser\`: now respected.
`);
  assert.deepEqual(keys, ['helm.new']);
});

const FAQ_117 = '/work/gloo-v1.17.x/docs/content';
const HAVE_117 = existsSync(path.join(FAQ_117, 'operations/upgrading/faq.md'));

test('the real v1.17.x upgrade FAQ: every visible label has the writers\' list, so nothing is inserted', { skip: HAVE_117 ? false : `needs ${FAQ_117}` }, async () => {
  const source = readFileSync(path.join(FAQ_117, 'operations/upgrading/faq.md'), 'utf8');
  const { keys, html } = await slotsOf(source, FAQ_117);
  assert.deepEqual(keys, []);
  const text = toString(fromHtml(html, { fragment: true }));
  assert.doesNotMatch(text, /generated /);
  assert.doesNotMatch(text, /No Helm fields were deprecated/);
  // the writers' own lists are there, once
  assert.equal(text.split('global.image.fips: This setting is now deprecated').length - 1, 1);
});

test('the real v1.15.x upgrade FAQ (filled by hand): nothing is inserted either', { skip: NEEDS_SHARED }, async () => {
  const root = path.join(SHARED, 'fixtures/gloo-docs-v1.15.x');
  const source = readFileSync(path.join(root, 'operations/upgrading/faq.md'), 'utf8');
  const { keys } = await slotsOf(source, root);
  assert.deepEqual(keys, []);
});

test('where each entry type lands, on the real v1.17.x changelog (no `upgradeGuide` keys): counts match an independent scan', { skip: NEEDS_SHARED }, () => {
  const dir = path.join(SHARED, 'fixtures/gloo-changelog-v1.17.x');
  // independent: parse every file of the 1.17 release folders with the yaml package, count types
  const types: Record<string, number> = {};
  let guideKeys = 0;
  for (const folder of readdirSync(dir).filter((n) => /^v1\.17\.\d+(-[a-z]+\d+)?$/.test(n))) {
    for (const name of readdirSync(path.join(dir, folder)).filter((n) => !n.endsWith('.md') && n !== 'UNRELEASED')) {
      const doc = parse(readFileSync(path.join(dir, folder, name), 'utf8'), { uniqueKeys: false }) as Record<string, { type: string; upgradeGuide?: unknown }[]>;
      for (const e of doc.changelog ?? doc.CHANGELOG ?? []) {
        types[e.type] = (types[e.type] ?? 0) + 1;
        if (e.upgradeGuide) guideKeys++;
      }
    }
  }
  assert.equal(guideKeys, 0, 'the real changelog has no upgradeGuide keys');
  const { releases } = loadChangelog([{ product: 'open_source', dir }], { strict: false, root: dir });
  const sections = guideSections(releases, '1.17');
  const counts = Object.fromEntries(GUIDE_LABELS.map((l) => [l.key, sections[l.key].length]));
  assert.deepEqual(counts, {
    'features.new': (types.NEW_FEATURE ?? 0) + (types.UPGRADE ?? 0),
    'features.deprecated': 0,
    'features.removed': types.BREAKING_CHANGE,
    'helm.new': types.HELM,
    'helm.deprecated': 0,
    'helm.removed': 0,
    'crd.new': 0,
    'crd.deprecated': 0,
    'crd.removed': 0,
    'cli.new': 0,
    'cli.changed': 0,
  });
  // the figures docs/changelog.md gives
  assert.deepEqual([types.NEW_FEATURE, types.HELM, types.BREAKING_CHANGE, types.UPGRADE ?? 0], [38, 21, 6, 0]);
  assert.deepEqual([types.FIX, types.DEPENDENCY_BUMP, types.NON_USER_FACING], [88, 81, 277]);
});
