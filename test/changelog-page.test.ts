import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { NO_USER_FACING_CHANGES, renderNote, renderReleaseNotes } from '../src/changelog/notes.ts';
import { ossReleasesPulledIn, renderChangelogPage, scriptJson } from '../src/changelog/page.ts';
import type { CompareData } from '../src/changelog/compare.ts';
import type { ChangelogEntry, Release } from '../src/changelog/types.ts';
import { rel } from './support/releases.ts';

const issue = 'https://github.com/solo-io/gloo/issues/123';
const e = (type: ChangelogEntry['type'], description: string): Partial<ChangelogEntry> => ({ type, description, issueLink: issue });

const HOSTILE = [
  '<script>alert(1)</script>',
  '[click](javascript:alert(1))',
  '<img src=x onerror=alert(2)>',
  '![x](x" onerror="alert(3))',
  '<a href="javascript:alert(4)">a</a>',
  '</script><script>alert(5)</script>',
  '<iframe src="https://evil.example"></iframe>',
].join('\n\n');

/** Fails on script-capable output: parses the HTML as a browser does and checks every element (escaped text such as `&lt;img onerror=…&gt;` is inert). */
function assertInert(html: string): void {
  visit(fromHtml(html, { fragment: true }), 'element', (node) => {
    const tag = `<${node.tagName} ${JSON.stringify(node.properties)}>`;
    assert.ok(!/^(?:iframe|object|embed|style)$/.test(node.tagName), `no active element: ${tag}`);
    if (node.tagName === 'script') assert.equal(node.properties.type, 'application/json', `no active element: ${tag}`);
    for (const [name, value] of Object.entries(node.properties)) {
      assert.doesNotMatch(name, /^on|^srcDoc$/i, `no event handler or srcdoc: ${tag}`);
      if (/^(?:href|src|action|formAction|xLinkHref)$/.test(name)) assert.doesNotMatch(String(value).replace(/\s/g, ''), /^(javascript|data|vbscript):/i, `no script URL: ${tag}`);
    }
  });
}

/** Well-formed: a browser's parser reads the fragment as written (parsed and written again it is the same, empty attribute values aside); an unclosed or stray tag would be fixed up. */
function assertBalanced(html: string): void {
  assert.equal(toHtml(fromHtml(html, { fragment: true })).replaceAll('=""', ''), html.replaceAll('=""', ''));
}

function embeddedData(html: string): CompareData {
  const m = /<script type="application\/json" id="changelog-data">([\s\S]*?)<\/script>/.exec(html);
  assert.ok(m, 'embedded data present');
  return JSON.parse(m[1]!) as CompareData;
}

test('release notes follow Solo’s order: summary, bumps, breaking, upgrade, helm, features, fixes, closing', () => {
  const r = rel(
    '1.17.0',
    [
      e('FIX', 'FIXTEXT'),
      e('NEW_FEATURE', 'FEATURETEXT'),
      e('NON_USER_FACING', 'INTERNALTEXT'),
      e('HELM', 'HELMTEXT'),
      e('UPGRADE', 'UPGRADETEXT'),
      e('BREAKING_CHANGE', 'BREAKINGTEXT'),
      { type: 'DEPENDENCY_BUMP', dependencyOwner: 'envoyproxy', dependencyRepo: 'envoy', dependencyTag: 'v1.26.1' },
    ],
    { summary: 'SUMMARYTEXT', closing: 'CLOSINGTEXT' },
  );
  const html = renderReleaseNotes(r);
  const order = [
    'SUMMARYTEXT',
    'Dependency Bumps',
    'envoyproxy/envoy has been upgraded to v1.26.1.',
    'Breaking Changes',
    'BREAKINGTEXT',
    'Upgrade Notes',
    'UPGRADETEXT',
    'Helm Changes',
    'HELMTEXT',
    'New Features',
    'FEATURETEXT',
    'Fixes',
    'FIXTEXT',
    'CLOSINGTEXT',
  ].map((s) => {
    const i = html.indexOf(s);
    assert.ok(i >= 0, `${s} rendered`);
    return i;
  });
  assert.deepEqual(order, [...order].sort((a, b) => a - b), 'in Solo’s order');
  assert.ok(!html.includes('INTERNALTEXT'), 'NON_USER_FACING dropped');
  assert.ok(!html.includes(NO_USER_FACING_CHANGES));
});

test('each entry renders as description (issue link), the link an http(s) href only', () => {
  assert.equal(
    renderNote({ type: 'FIX', description: 'Fixed **bold** thing', issueLink: issue, file: 'f', line: 1 }),
    'Fixed <strong>bold</strong> thing (<a class="changelog-issue" href="https://github.com/solo-io/gloo/issues/123">solo-io/gloo#123</a>)',
  );
  const other = renderNote({ type: 'FIX', description: 'x', issueLink: 'https://example.com/t?a=1&b="2"', file: 'f', line: 2 });
  assert.match(other, /href="https:\/\/example\.com\/t\?a=1&(?:amp|#x26);b=%222%22"/);
  for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' data:text/html,x', 'solo-io/gloo#1', 'http//oops']) {
    const html = renderNote({ type: 'FIX', description: 'x', issueLink: bad, file: 'f', line: 3 });
    assert.equal(html, 'x', `no link for ${bad}`);
  }
});

test('a release with nothing user-facing says so', () => {
  for (const r of [rel('1.0.1', [e('NON_USER_FACING', 'internal only')]), rel('1.0.2')]) {
    const html = renderReleaseNotes(r);
    assert.ok(html.includes(NO_USER_FACING_CHANGES));
    assert.ok(!html.includes('internal only'));
    assert.ok(!html.includes('<h4'));
  }
  assert.equal(NO_USER_FACING_CHANGES, 'This release contained no user-facing changes.');
  assert.ok(!renderReleaseNotes(rel('1.0.3', [e('FIX', 'real')])).includes(NO_USER_FACING_CHANGES));
});

test('hostile descriptions, prose, dependency fields and names are sanitised or escaped', () => {
  const r = rel(
    '1.17.1',
    [
      e('NEW_FEATURE', HOSTILE),
      { type: 'FIX', description: 'x', issueLink: 'javascript:alert(6)' },
      { type: 'DEPENDENCY_BUMP', dependencyOwner: '<img src=x onerror=alert(7)>', dependencyRepo: 'r"', dependencyTag: '</script>' },
    ],
    { summary: HOSTILE, closing: HOSTILE },
  );
  assertInert(renderReleaseNotes(r));
  const { html } = renderChangelogPage([r, rel('1.17.0', [e('FIX', HOSTILE)])], 'open_source', { productName: '<b onclick=alert(8)>Gloo</b>' });
  assertInert(html);
  assertBalanced(html);
  assert.ok(toString(fromHtml(html, { fragment: true })).includes('<img src=x onerror=alert(7)>/r" has been upgraded to </script>.'), 'the dependency fields shown as text');
});

test('the embedded JSON cannot break out of its script element, and parses back', () => {
  assert.equal(scriptJson({ a: '</script><!-- & \u2028' }), '{"a":"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028"}');
  assert.deepEqual(JSON.parse(scriptJson({ a: '</script><!-- & \u2028' })), { a: '</script><!-- & \u2028' });
  const releases = [
    rel('1.17.0', [e('FIX', 'first `</script><script>alert(1)</script>` fix')]),
    rel('1.17.1', [e('NEW_FEATURE', '</script><script>alert(9)</script>')]),
  ];
  const { html } = renderChangelogPage(releases, 'open_source', { productName: 'Gloo Edge' });
  const start = html.indexOf('<script type="application/json" id="changelog-data">');
  const inner = html.slice(start).slice(0, html.slice(start).indexOf('</script>'));
  assert.doesNotMatch(inner.slice(inner.indexOf('>') + 1), /</, 'no raw < inside the JSON');
  assert.equal((html.match(/<\/script>/g) ?? []).length, 1, 'one script element, closed once');
  const data = embeddedData(html);
  assert.deepEqual(data.releases.map((r) => r.version), ['1.17.0', '1.17.1']);
  const note = data.releases[0]!.notes.FIX![0]!;
  assert.match(note, /^first <code>[^<]*script[^<]*<\/code> fix/, 'the code span survives as escaped text');
  for (const r of data.releases) for (const notes of Object.values(r.notes)) for (const n of notes) assertInert(n);
});

const lineup: Release[] = [
  rel('1.15.2', [e('FIX', 'f1152')]),
  rel('1.17.0-beta10', [e('NEW_FEATURE', 'b10')]),
  rel('1.16.0', [e('NEW_FEATURE', 'n1160')]),
  rel('1.17.0', [e('NEW_FEATURE', 'n1170')]),
  rel('1.17.0-beta2', [e('NEW_FEATURE', 'b2')]),
  rel('1.17.1', [e('FIX', 'f1171')]),
  rel('1.18.0-beta1', [e('NEW_FEATURE', 'next')]),
  rel('1.17.2', [e('FIX', 'f1172')], { unreleased: true }),
];

test('grouped by minor line, newest first, stable ids, prerelease and unreleased marked', () => {
  const { html, headings } = renderChangelogPage(lineup, 'open_source', { productName: 'Gloo Edge' });
  assertBalanced(html);
  assert.deepEqual(
    headings.filter((h) => h.depth === 2).map((h) => h.id),
    ['v1.18', 'v1.17', 'v1.16', 'v1.15'],
  );
  assert.deepEqual(
    headings.filter((h) => h.depth === 3).map((h) => h.id),
    ['v1.18.0-beta1', 'v1.17.2', 'v1.17.1', 'v1.17.0', 'v1.17.0-beta10', 'v1.17.0-beta2', 'v1.16.0', 'v1.15.2'],
  );
  // Headings appear in the HTML in the same order, with their ids.
  const positions = headings.map((h) => html.indexOf(`<h${h.depth} id="${h.id}">`));
  assert.ok(positions.every((p) => p >= 0));
  assert.deepEqual(positions, [...positions].sort((a, b) => a - b));
  // Each has the article's anchor link (as content pages do), the category headings none.
  for (const h of headings) assert.ok(html.includes(`<a class="heading-anchor" href="#${h.id}"`), `anchor of ${h.id}`);
  assert.equal(html.match(/class="heading-anchor"/g)?.length, headings.length);
  const h3 = (id: string) => /<h3[^>]*>.*?<\/h3>/.exec(html.slice(html.indexOf(`<h3 id="${id}">`)))![0];
  assert.match(h3('v1.17.0-beta2'), /Prerelease/);
  assert.doesNotMatch(h3('v1.17.0-beta2'), /Unreleased/);
  assert.match(h3('v1.17.2'), /Unreleased/);
  assert.doesNotMatch(h3('v1.17.1'), /Prerelease|Unreleased/);
  // Readable without JavaScript: every release's notes are in the page.
  for (const t of ['f1152', 'b10', 'n1160', 'n1170', 'b2', 'f1171', 'next', 'f1172']) assert.ok(html.includes(t), t);
});

test('the three views resolve, ids are unique, the compare data holds stable released versions only', () => {
  const { html } = renderChangelogPage(lineup, 'open_source', { productName: 'Gloo Edge' });
  for (const id of ['minorrelease', 'chronological', 'compareversions']) {
    assert.ok(html.includes(`id="${id}"`), id);
    assert.ok(html.includes(`href="#${id}"`), `link to ${id}`);
  }
  const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
  assert.equal(new Set(ids).size, ids.length, 'no duplicate ids');
  assert.match(html, /<label for="changelog-compare-from">[^<]+<\/label> <select id="changelog-compare-from">/);
  assert.match(html, /<label for="changelog-compare-to">[^<]+<\/label> <select id="changelog-compare-to">/);
  assert.match(html, /id="changelog-compare-status"[^>]*aria-live="polite"/);
  assert.deepEqual(embeddedData(html).releases.map((r) => r.version), ['1.15.2', '1.16.0', '1.17.0', '1.17.1']);
});

test('chronological view: by date when every release has one, else by version', () => {
  const dated = [
    rel('1.16.1', [], { date: '2024-06-01' }),
    rel('1.17.0', [], { date: '2024-05-01' }),
    rel('1.16.0', [], { date: '2024-01-15' }),
  ];
  const chrono = (rs: Release[]) => {
    const { html } = renderChangelogPage(rs, 'open_source', { productName: 'Gloo Edge' });
    const section = html.slice(html.indexOf('id="chronological"'), html.indexOf('id="compareversions"'));
    return [...section.matchAll(/<li><a href="#(v[^"]+)"/g)].map((m) => m[1]);
  };
  assert.deepEqual(chrono(dated), ['v1.16.1', 'v1.17.0', 'v1.16.0']);
  assert.deepEqual(chrono([...dated, rel('1.15.0')]), ['v1.17.0', 'v1.16.1', 'v1.16.0', 'v1.15.0']);
});

test('enterprise page: each release shows its open source version and the open source notes it pulls in', () => {
  const oss = [
    rel('1.16.9', [e('FIX', 'oss-1.16.9')]),
    rel('1.17.30', [e('FIX', 'oss-1.17.30')]),
    rel('1.17.31', [e('FIX', 'oss-1.17.31')]),
    rel('1.17.32', [e('NEW_FEATURE', 'oss-1.17.32')]),
    rel('1.17.33', [e('FIX', 'oss-1.17.33')]),
    rel('1.17.34', [e('FIX', 'oss-1.17.34')]),
  ];
  const ee = (v: string, ossVersion: string, text: string) =>
    rel(v, [e('FIX', text), { type: 'DEPENDENCY_BUMP', dependencyOwner: 'solo-io', dependencyRepo: 'gloo', dependencyTag: `v${ossVersion}` }], {
      product: 'enterprise',
      ossVersion,
    });
  const enterprise = [ee('1.17.13', '1.17.30', 'ee-13'), ee('1.17.14', '1.17.33', 'ee-14')];

  assert.deepEqual(ossReleasesPulledIn(enterprise[1]!, enterprise, oss).map((r) => r.version), ['1.17.31', '1.17.32', '1.17.33']);
  assert.deepEqual(ossReleasesPulledIn(enterprise[0]!, enterprise, oss).map((r) => r.version), ['1.17.30'], 'first on the line: up to its own');

  const { html } = renderChangelogPage(enterprise, 'enterprise', {
    productName: 'Gloo Edge',
    ossReleases: oss,
    basePath: '/gloo-edge/v1.17.x/',
  });
  assertBalanced(html);
  const section = html.slice(html.indexOf('<h3 id="v1.17.14">'), html.indexOf('<h3 id="v1.17.13">'));
  assert.match(section, /Ships open source <a href="\/gloo-edge\/v1\.17\.x\/reference\/changelog\/open_source\/#v1\.17\.33">v1\.17\.33<\/a>/);
  assert.match(section, /<details class="changelog-oss"><summary>Open source notes included \(v1\.17\.31 to v1\.17\.33\)<\/summary>/);
  for (const t of ['oss-1.17.31', 'oss-1.17.32', 'oss-1.17.33']) assert.ok(section.includes(t), t);
  for (const t of ['oss-1.17.30', 'oss-1.17.34', 'oss-1.16.9']) assert.ok(!section.includes(t), `${t} not pulled in`);
  assert.ok(section.includes('solo-io/gloo has been upgraded to v1.17.33.'));
  assert.match(html, /<input type="checkbox" id="changelog-show-oss">/);

  const relative = renderChangelogPage(enterprise, 'enterprise', { productName: 'Gloo Edge' }).html;
  assert.match(relative, /Ships open source <a href="\.\.\/open_source\/#v1\.17\.33">/);
  assert.ok(!relative.includes('<details class="changelog-oss"'), 'no OSS notes without ossReleases');
  assert.ok(!renderChangelogPage(oss, 'open_source', { productName: 'Gloo Edge' }).html.includes('changelog-show-oss'));
});
