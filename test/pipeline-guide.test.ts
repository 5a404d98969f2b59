/** The whole upgrade guide through the pipeline, checked as a reader would see it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { selectAll, select } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import type { Element } from 'hast';
import { REPO, V117, render } from './support/pipeline.ts';

const GUIDE = path.join(REPO, 'content/operations/upgrading/upgrade_steps.md');
const source = readFileSync(GUIDE, 'utf8');
const result = await render(source, { root: REPO });
const tree = fromHtml(result.html, { fragment: true });

test('the guide renders without errors and leaves no shortcode behind', () => {
  assert.deepEqual(result.diagnostics, []);
  assert.doesNotMatch(result.html, /\{\{/);
  assert.doesNotMatch(result.html, /[\u{F0000}-\u{10FFFF}]/u, 'no placeholder characters left');
});

test('front matter is read', () => {
  assert.equal(result.frontMatter.title, 'Upgrade Steps');
  assert.equal(result.frontMatter.weight, 10);
});

test('heading ids from {#id} exist and the marker is gone from the text', () => {
  const ids = selectAll('h2, h3', tree).map((h) => h.properties.id);
  for (const id of ['prepare', 'review-changes', 'features', 'helm', 'crd', 'cli', 'glooctl', 'crds', 'upgrade']) {
    assert.ok(ids.includes(id), `missing id ${id}`);
  }
  assert.doesNotMatch(toString(tree), /\{#/);
});

test('headings without {#id} get GitHub-style slugs', () => {
  const ids = result.headings.map((h) => h.id);
  assert.ok(ids.includes('upgrade-current-version'));
  assert.ok(ids.includes('glooctl-upgrade'));
});

test('the Step 2 heading carries the version from the snippet', () => {
  const h = result.headings.find((x) => x.id === 'review-changes');
  assert.equal(h?.text, `Step 2: Review version ${V117.values.geoss_latest_minor} changes`);
  assert.equal(toString(select('#review-changes', tree)!), 'Step 2: Review version 1.17 changes');
});

test('code blocks carry the snippet versions', () => {
  const code = selectAll('pre', tree).map((p) => toString(p));
  assert.ok(code.some((c) => c.includes(`glooctl upgrade --release v${V117.values.geoss_latest}`)));
  assert.ok(code.some((c) => c.includes(`helm pull glooe/gloo-ee --version ${V117.values.gee_latest} --untar`)));
  assert.ok(code.some((c) => c.includes(`"Tag":"${V117.values['geoss_n-1']}","Name":"discovery"`)));
  assert.ok(code.some((c) => c.includes(`quay.io/solo-io/gloo:${V117.values.geoss_latest}`)));
});

test('links from versioned_link_path carry the version base and keep anchors', () => {
  const hrefs = result.links.map((l) => l.href);
  assert.ok(hrefs.includes('/gloo-edge/v1.17.x/operations/upgrading/canary/'));
  assert.ok(hrefs.includes('/gloo-edge/v1.17.x/reference/support/#supported-versions'));
  assert.ok(hrefs.includes('/gloo-edge/v1.17.x/reference/changelog/open_source/#compareversions'));
});

test('links point back at their source line', () => {
  const lines = source.split('\n');
  const canary = result.links.find((l) => l.href.endsWith('/operations/upgrading/canary/'))!;
  assert.match(lines[canary.line - 1]!, /Canary Upgrade/);
  const glooctl = result.links.find((l) => l.href === '#glooctl')!;
  assert.match(lines[glooctl.line - 1]!, /\[Step 3: Upgrade glooctl\]\(#glooctl\)/);
});

test('both tab sets of step 4 and the one of step 5 sit inside their list items, numbering intact', () => {
  const tabSets = selectAll('div.tabs', tree);
  assert.equal(tabSets.length, 3);
  const liText = (set: Element) => {
    const li = selectAll('li', tree).filter((l) => selectAll('div.tabs', l).includes(set)).at(-1);
    return li ? toString(li).trim().slice(0, 60) : '(not in a list item)';
  };
  assert.match(liText(tabSets[0]!), /^Apply the new and updated CRDs\./);
  assert.match(liText(tabSets[1]!), /^Get the Helm values file/);
  assert.match(liText(tabSets[2]!), /^Upgrade the Helm release\./);
  // The list that holds "Apply the new…" also holds "Verify that the deployed CRDs…": one list, not two.
  const applyList = selectAll('ol', tree).find((ol) => toString(ol).includes('Apply the new and updated CRDs.') && toString(ol).trimStart().startsWith('Delete'))!;
  assert.ok(applyList, 'the CRD steps form one ordered list');
  assert.match(toString(applyList), /Verify that the deployed CRDs/);
  // Step 5's numbered steps 1-5 stay one list.
  const step5 = selectAll('ol', tree).find((ol) => toString(ol).trimStart().startsWith('Upgrade the Helm release'))!;
  assert.equal(selectAll(':scope > li', step5).length, 5);
});

test('each tab holds its own content', () => {
  const panels = selectAll('section.tab-panel', tree);
  assert.deepEqual(panels.map((p) => p.properties.dataTabName), ['Open Source', 'Enterprise', 'Open Source', 'Enterprise', 'Open Source', 'Enterprise']);
  assert.match(toString(panels[1]!), /kubectl apply -f gloo-ee\/charts\/gloo-fed\/crds/);
  assert.match(toString(panels[5]!), /request a Gloo Edge Enterprise trial/);
  assert.ok(select('a[href="https://www.solo.io/gloo-trial"]', panels[5]!), 'Markdown inside a tab is rendered');
});

test('the one-line tip notice contains a real link', () => {
  const tip = selectAll('aside.notice-tip', tree).find((a) => toString(a).includes('comparison tool'))!;
  const link = select('a', tip);
  assert.equal(link?.properties.href, '/gloo-edge/v1.17.x/reference/changelog/open_source/#compareversions');
  assert.equal(toString(link!), 'comparison tool');
  assert.equal(toString(select('.notice-label', tip)!), 'Tip');
});

test('notices carry their type and a visible label', () => {
  const kinds = selectAll('aside.notice', tree).map((a) => [a.properties.className, a.properties.role]);
  assert.ok(kinds.some(([c]) => (c as string[]).includes('notice-warning')));
  assert.ok(kinds.some(([c]) => (c as string[]).includes('notice-note')));
  assert.ok(kinds.every(([, role]) => role === 'note'));
});

test('code is highlighted at build time', () => {
  assert.ok(selectAll('pre.shiki', tree).length >= 15);
  assert.equal(selectAll('pre:not(.shiki)', tree).length, 0);
});

test('another docs version gets its own numbers from the same page', async () => {
  const other = await render(source, { root: REPO, version: { id: 'v1.16.x', base: '/gloo-edge/v1.16.x', values: { ...V117.values, geoss_latest_minor: '1.16', geoss_latest: '1.16.27' } } });
  assert.equal(other.headings.find((h) => h.id === 'review-changes')?.text, 'Step 2: Review version 1.16 changes');
  assert.match(toString(fromHtml(other.html, { fragment: true })), /glooctl upgrade --release v1\.16\.27/);
  assert.ok(other.links.some((l) => l.href === '/gloo-edge/v1.16.x/operations/upgrading/canary/'));
});
