/**
 * The upgrade guide's change sections: labels as written in the guide,
 * placement (upgradeGuide key and defaults per type), added-in tags,
 * enterprise markers, empty labels, and sanitising of hostile entry text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HAVE_SHARED } from './support/shared.ts';
import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { loadChangelog } from '../src/changelog/load.ts';
import type { ChangelogEntry, EntryType, Product, Release } from '../src/changelog/types.ts';
import { rel } from './support/releases.ts';
import {
  DEFAULT_PLACEMENT,
  GUIDE_LABELS,
  guideSections,
  placementOf,
  renderGuideList,
} from '../src/changelog/guide-sections.ts';

const root = path.resolve(import.meta.dirname, '..');

function loadSample(): Release[] {
  const { releases, diagnostics } = loadChangelog(
    [
      { product: 'open_source', dir: 'changelog/open_source' },
      { product: 'enterprise', dir: 'changelog/enterprise' },
    ],
    { strict: true, root },
  );
  assert.deepEqual(diagnostics, []);
  return releases;
}

function entry(type: EntryType, description: string, extra: Partial<ChangelogEntry> = {}): ChangelogEntry {
  return { type, description, issueLink: 'https://github.com/solo-io/gloo/issues/1', file: 'x.yaml', line: 1, ...extra };
}

const release = (product: Product, version: string, entries: ChangelogEntry[], unreleased = false): Release =>
  rel(version, entries, { product, unreleased });

test('the eleven labels are the bold paragraphs of the guide, in order', () => {
  const guide = fs.readFileSync(path.join(root, 'content/operations/upgrading/upgrade_steps.md'), 'utf8');
  const start = guide.indexOf('### Feature changes');
  const end = guide.indexOf('## Step 3');
  const bold = [...guide.slice(start, end).matchAll(/^\*\*(.+?)\*\*:\s*$/gm)].map((m) => m[1]);
  assert.equal(bold.length, 11);
  assert.deepEqual(GUIDE_LABELS.map((l) => l.label), bold);
  // and in REFERENCE.md section 4 (which writes "New Helm fields" the same way)
  if (!HAVE_SHARED) return;
  const ref = fs.readFileSync(path.resolve(root, '../shared/REFERENCE.md'), 'utf8');
  for (const l of GUIDE_LABELS) assert.ok(ref.includes(`**${l.label}**`), l.label);
});

test('default placement per type; FIX, NON_USER_FACING, DEPENDENCY_BUMP stay out; the key wins', () => {
  assert.equal(placementOf(entry('NEW_FEATURE', 'x')), 'features.new');
  assert.equal(placementOf(entry('HELM', 'x')), 'helm.new');
  assert.equal(placementOf(entry('BREAKING_CHANGE', 'x')), 'features.removed');
  assert.equal(placementOf(entry('UPGRADE', 'x')), 'features.new');
  for (const t of ['FIX', 'NON_USER_FACING', 'DEPENDENCY_BUMP'] as const) {
    assert.equal(placementOf(entry(t, 'x')), undefined, t);
    assert.equal(DEFAULT_PLACEMENT[t], undefined, t);
  }
  assert.equal(placementOf(entry('FIX', 'x', { upgradeGuide: { section: 'cli', change: 'changed' } })), 'cli.changed');
  assert.equal(placementOf(entry('HELM', 'x', { upgradeGuide: { section: 'helm', change: 'removed' } })), 'helm.removed');
});

test('1.17 on the sample: every one of the eleven labels has entries', () => {
  const sections = guideSections(loadSample(), '1.17');
  for (const l of GUIDE_LABELS) {
    assert.ok(sections[l.key].length > 0, l.key);
    for (const item of sections[l.key]) {
      assert.equal(placementOf(item.entry), l.key);
      assert.equal(semver.minor(item.version), 17);
    }
    const html = renderGuideList(sections[l.key], l, '1.17');
    assert.match(html, /^<ul class="guide-changes"/);
    assert.equal(html.match(/<li /g)?.length, sections[l.key].length);
  }
});

test('1.17 on the sample: the guide holds exactly the placeable entries of the released 1.17 releases', () => {
  const releases = loadSample();
  const sections = guideSections(releases, '1.17');
  const listed = GUIDE_LABELS.flatMap((l) => sections[l.key]).map((i) => i.entry);
  const expected = releases
    .filter((r) => r.minor === '1.17' && !r.unreleased)
    .flatMap((r) => r.entries)
    .filter((e) => !['FIX', 'NON_USER_FACING', 'DEPENDENCY_BUMP'].includes(e.type) || e.upgradeGuide);
  assert.equal(listed.length, expected.length);
  for (const e of expected) assert.ok(listed.includes(e), e.description);
});

test('added-in tags: prereleases and .0 untagged, later patches tagged with their version', () => {
  const releases = loadSample();
  const sections = guideSections(releases, '1.17');
  const items = GUIDE_LABELS.flatMap((l) => sections[l.key]);
  for (const item of items) {
    const patch = semver.patch(item.version);
    if (patch === 0) assert.equal(item.addedIn, undefined, item.version);
    else assert.equal(item.addedIn, item.version);
  }
  assert.ok(items.some((i) => i.addedIn && i.product === 'open_source'));
  const helm = sections['helm.new'];
  const patched = helm.find((i) => i.addedIn)!;
  const html = renderGuideList(helm, 'helm.new', '1.17');
  assert.ok(html.includes(`added in ${patched.addedIn}</span>`));
  const ee = items.find((i) => i.addedIn && i.product === 'enterprise');
  if (ee) assert.ok(renderGuideList([ee], 'features.new', '1.17').includes(`added in Enterprise ${ee.addedIn}`));
});

test('a change list gets the article\'s touches: short inline code kept on one line', () => {
  const item = guideSections([release('open_source', '3.0.0', [{ type: 'NEW_FEATURE', description: 'Set `spec.x` or `gatewayProxies.NAME.topologySpreadConstraints`.', issueLink: 'https://github.com/solo-io/gloo/issues/1', file: 'f.yaml', line: 1 }])], '3.0')['features.new'];
  const html = renderGuideList(item, 'features.new', '3.0');
  assert.ok(html.includes('<code class="nowrap">spec.x</code>'), html);
  assert.ok(html.includes('<code>gatewayProxies.NAME.topologySpreadConstraints</code>'), html);
});

test('enterprise entries carry the Enterprise marker, open source ones do not', () => {
  const sections = guideSections(loadSample(), '1.17');
  const items = GUIDE_LABELS.flatMap((l) => sections[l.key]);
  assert.ok(items.some((i) => i.product === 'enterprise'));
  for (const i of items) {
    assert.equal(i.enterpriseOnly, i.product === 'enterprise');
    const html = renderGuideList([i], 'features.new', '1.17');
    assert.equal(html.includes('>Enterprise</span>'), i.product === 'enterprise');
  }
});

test('breaking changes stand out', () => {
  const html = renderGuideList(guideSections(loadSample(), '1.17')['features.removed'], 'features.removed', '1.17');
  assert.match(html, /<li class="guide-change guide-change-breaking"><strong class="guide-badge guide-badge-breaking">Breaking<\/strong>/);
});

test('an empty label says so in one line', () => {
  assert.equal(renderGuideList([], 'helm.removed', '1.17'), '<p class="guide-empty" data-guide="helm.removed">No Helm fields were removed in 1.17.</p>');
  for (const l of GUIDE_LABELS) {
    const html = renderGuideList([], l, '1.18');
    assert.ok(!html.includes('\n'), l.key);
    assert.match(html, /^<p class="guide-empty"[^>]*>No .* in 1\.18\.<\/p>$/);
  }
  // the sample's 1.18 line has no removed Helm fields
  const sections = guideSections(loadSample(), '1.18');
  assert.equal(sections['helm.removed'].length, 0);
});

test('prereleases count as .0; repeats are listed once; unreleased releases stay out; ee repeating oss is unmarked', () => {
  const a = entry('NEW_FEATURE', 'Feature A');
  const releases = [
    release('open_source', '2.1.0-beta1', [a]),
    release('open_source', '2.1.0', [{ ...a, file: 'other.yaml' }]),
    release('open_source', '2.1.2', [entry('HELM', 'Helm B')]),
    release('open_source', '2.1.3', [entry('HELM', 'Helm C')], true),
    release('enterprise', '2.1.1', [{ ...a }, entry('NEW_FEATURE', 'EE only')]),
    release('open_source', '2.0.5', [entry('HELM', 'Other line')]),
  ];
  const s = guideSections(releases, '2.1');
  assert.deepEqual(s['features.new'].map((i) => [i.entry.description, i.version, i.addedIn, i.enterpriseOnly]), [
    ['Feature A', '2.1.0-beta1', undefined, false],
    ['EE only', '2.1.1', '2.1.1', true],
  ]);
  assert.deepEqual(s['helm.new'].map((i) => [i.entry.description, i.addedIn]), [['Helm B', '2.1.2']]);
});

test('hostile entry text is sanitised', () => {
  const hostile = [
    entry('NEW_FEATURE', 'Click <script>alert(1)</script> here'),
    entry('NEW_FEATURE', 'A [link](javascript:alert(2)) and [ok](https://example.com)'),
    entry('NEW_FEATURE', 'Image <img src=x onerror=alert(3)> inline'),
    entry('NEW_FEATURE', '<a href="javascript:alert(4)" onclick="alert(5)">raw</a>'),
    entry('NEW_FEATURE', 'bad link', { issueLink: 'javascript:alert(6)' }),
    entry('NEW_FEATURE', 'quote', { issueLink: 'https://x.io/"><script>alert(7)</script>' }),
  ];
  const html = renderGuideList(guideSections([release('open_source', '3.0.0', hostile)], '3.0')['features.new'], 'features.new', '3.0');
  assert.equal(html.match(/<li /g)?.length, 6);
  assert.doesNotMatch(html, /<script/i);
  assert.doesNotMatch(html, /javascript:/i);
  assert.doesNotMatch(html, /onerror|onclick/i);
  assert.doesNotMatch(html, /<img/i);
  assert.match(html, /<a href="https:\/\/example\.com">ok<\/a>/);
  assert.match(html, /\(<a class="guide-issue" href="https:\/\/github\.com\/solo-io\/gloo\/issues\/1">solo-io\/gloo#1<\/a>\)/);
});
