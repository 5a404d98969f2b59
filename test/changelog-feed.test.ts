import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderAtomFeed, syntheticDate } from '../src/changelog/feed.ts';
import { renderReleaseNotes } from '../src/changelog/notes.ts';
import type { Release } from '../src/changelog/types.ts';
import { rel } from './support/releases.ts';


interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string, where: number): string {
  return text.replace(/&([^;&\s]*);?/g, (whole, name: string) => {
    assert.ok(whole.endsWith(';'), `unterminated entity at ${where}: ${whole}`);
    if (name in ENTITIES) return ENTITIES[name]!;
    const m = /^#(x[0-9a-fA-F]+|[0-9]+)$/.exec(name);
    assert.ok(m, `unknown entity &${name}; at ${where}`);
    return String.fromCodePoint(name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
  });
}

/** A strict little XML parser: throws (via assert) on anything not well-formed. */
function parseXml(xml: string): XmlElement {
  // eslint-disable-next-line no-control-regex
  assert.doesNotMatch(xml, /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/, 'no characters XML forbids');
  let i = 0;
  const decl = /^<\?xml version="1\.0" encoding="utf-8"\?>\s*/.exec(xml);
  assert.ok(decl, 'XML declaration');
  i = decl[0].length;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  while (i < xml.length) {
    if (xml[i] === '<') {
      const close = /^<\/([A-Za-z_][\w:.-]*)\s*>/.exec(xml.slice(i));
      if (close) {
        const open = stack.pop();
        assert.equal(open?.name, close[1], `mismatched </${close[1]}> at ${i}`);
        i += close[0].length;
        continue;
      }
      const start = /^<([A-Za-z_][\w:.-]*)((?:\s+[A-Za-z_][\w:.-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/.exec(xml.slice(i));
      assert.ok(start, `malformed tag at ${i}: ${xml.slice(i, i + 40)}`);
      const attrs: Record<string, string> = {};
      for (const a of start[2]!.matchAll(/([A-Za-z_][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        assert.ok(!(a[1]! in attrs), `duplicate attribute ${a[1]}`);
        attrs[a[1]!] = decode(a[2] ?? a[3] ?? '', i);
      }
      const el: XmlElement = { name: start[1]!, attrs, children: [], text: '' };
      if (stack.length) stack.at(-1)!.children.push(el);
      else {
        assert.equal(root, undefined, 'a single root element');
        root = el;
      }
      if (!start[3]) stack.push(el);
      i += start[0].length;
    } else {
      const next = xml.indexOf('<', i);
      const end = next < 0 ? xml.length : next;
      const raw = xml.slice(i, end);
      assert.ok(!raw.includes(']]>'), 'no ]]> in text');
      const text = decode(raw, i);
      if (stack.length) stack.at(-1)!.text += text;
      else assert.equal(text.trim(), '', `text outside the root at ${i}`);
      i = end;
    }
  }
  assert.deepEqual(stack.map((e) => e.name), [], 'every element closed');
  assert.ok(root);
  return root;
}

const child = (el: XmlElement, name: string) => el.children.find((c) => c.name === name);
const ATOM_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

const hostile = '<script>alert(1)</script> & ]]> "quotes" \u0001 [x](javascript:alert(2)) `a<b`';
const releases: Release[] = [
  rel('1.17.0', [{ type: 'NEW_FEATURE', description: 'Feature **one** & more', issueLink: 'https://github.com/solo-io/gloo/issues/1' }]),
  rel('1.17.1', [{ type: 'FIX', description: hostile, issueLink: 'https://github.com/solo-io/gloo/issues/2?a=1&b=2' }]),
  rel('1.18.0-beta2', [{ type: 'NEW_FEATURE', description: 'beta', issueLink: 'https://github.com/solo-io/gloo/issues/3' }]),
  rel('1.17.2', [{ type: 'FIX', description: 'not yet', issueLink: 'https://github.com/solo-io/gloo/issues/4' }], { unreleased: true }),
  rel('1.16.9', [{ type: 'NON_USER_FACING', description: 'ci' }]),
];
const options = { siteUrl: 'https://docs.example.com/gloo-edge/', pageUrl: 'latest/reference/changelog/open_source/', productName: 'Gloo <Edge> & "co"' };

test('the Atom feed is well-formed Atom 1.0, one entry per released release, newest first', () => {
  const xml = renderAtomFeed(releases, 'open_source', { ...options, feedUrl: 'latest/reference/changelog/open_source/feed.xml' });
  const feed = parseXml(xml);
  assert.equal(feed.name, 'feed');
  assert.equal(feed.attrs.xmlns, 'http://www.w3.org/2005/Atom');
  const page = 'https://docs.example.com/gloo-edge/latest/reference/changelog/open_source/';
  assert.equal(child(feed, 'id')?.text, page);
  assert.equal(child(feed, 'title')?.text, 'Gloo <Edge> & "co" open source changelog');
  assert.equal(child(child(feed, 'author')!, 'name')?.text, 'Gloo <Edge> & "co"');
  const links = feed.children.filter((c) => c.name === 'link');
  assert.deepEqual(links.map((l) => [l.attrs.rel, l.attrs.href]), [
    ['alternate', page],
    ['self', `${page}feed.xml`],
  ]);
  assert.match(child(feed, 'updated')!.text, ATOM_DATE);

  const entries = feed.children.filter((c) => c.name === 'entry');
  assert.deepEqual(entries.map((e) => child(e, 'id')?.text), [`${page}#v1.18.0-beta2`, `${page}#v1.17.1`, `${page}#v1.17.0`, `${page}#v1.16.9`]);
  for (const e of entries) {
    for (const required of ['id', 'title', 'updated', 'content']) assert.ok(child(e, required), `entry has ${required}`);
    assert.match(child(e, 'updated')!.text, ATOM_DATE);
    assert.equal(child(e, 'content')!.attrs.type, 'html');
  }
  assert.equal(child(entries[0]!, 'title')!.text, 'Gloo <Edge> & "co" v1.18.0-beta2 (prerelease)');
  // The content, once unescaped, is exactly the release notes HTML, sanitised.
  const fixContent = child(entries[1]!, 'content')!.text;
  assert.equal(fixContent, renderReleaseNotes(releases[1]!, { headingLevel: 3 }).replace('\u0001', ''));
  assert.doesNotMatch(fixContent, /<script|javascript:/i);
  assert.match(fixContent, /href="https:\/\/github\.com\/solo-io\/gloo\/issues\/2\?a=1&(?:amp|#x26);b=2"/);
  assert.match(child(entries[3]!, 'content')!.text, /This release contained no user-facing changes\./);
  assert.ok(!xml.includes('not yet'), 'unreleased releases are not in the feed');
});

test('the feed is deterministic and dates come from the data', () => {
  const a = renderAtomFeed(releases, 'open_source', options);
  const b = renderAtomFeed([...releases].reverse(), 'open_source', options);
  assert.equal(a, b, 'same data, same bytes, regardless of input order');

  const dated = [rel('1.17.0', [], { date: '2024-05-01' }), rel('1.17.1', [], { date: '2024-06-02T10:30:00Z' })];
  const feed = parseXml(renderAtomFeed(dated, 'open_source', options));
  assert.equal(child(feed, 'updated')!.text, '2024-06-02T10:30:00Z');
  assert.deepEqual(
    feed.children.filter((c) => c.name === 'entry').map((e) => child(e, 'updated')!.text),
    ['2024-06-02T10:30:00Z', '2024-05-01T00:00:00Z'],
  );
});

test('synthetic dates: derived from the version only, ordered like the versions', () => {
  assert.equal(syntheticDate('1.17.33').toISOString(), '1971-12-08T06:33:00.000Z');
  const order = ['1.16.27', '1.17.0-beta1', '1.17.0-beta11', '1.17.0-rc1', '1.17.0', '1.17.1', '2.0.0'];
  const times = order.map((v) => syntheticDate(v).getTime());
  assert.deepEqual(times, [...times].sort((x, y) => x - y));
  assert.equal(new Set(times).size, times.length, 'distinct');
  const feed = parseXml(renderAtomFeed([rel('1.17.33'), rel('1.17.32')], 'open_source', options));
  assert.equal(child(feed, 'updated')!.text, '1971-12-08T06:33:00Z');
});

test('an empty feed is still valid', () => {
  const feed = parseXml(renderAtomFeed([], 'enterprise', options));
  assert.equal(child(feed, 'title')!.text, 'Gloo <Edge> & "co" Enterprise changelog');
  assert.equal(child(feed, 'updated')!.text, '1970-01-01T00:00:00Z');
  assert.equal(feed.children.filter((c) => c.name === 'entry').length, 0);
});

test('enterprise entries name the open source version they ship', () => {
  const ee = rel('1.17.14', [{ type: 'FIX', description: 'ee fix', issueLink: 'https://github.com/solo-io/solo-projects/issues/9' }], {
    product: 'enterprise',
    ossVersion: '1.17.33',
  });
  const feed = parseXml(renderAtomFeed([ee], 'enterprise', options));
  const content = child(feed.children.find((c) => c.name === 'entry')!, 'content')!.text;
  assert.match(content, /^<p>Ships open source v1\.17\.33\.<\/p>/);
});
