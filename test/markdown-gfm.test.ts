/**
 * src/util/remark-gfm.ts: remark-gfm with email literals found after parsing. What a reader sees must
 * be what remark-gfm gives: the same HTML for every kind of literal autolink, where it is and is not one;
 * only an email after `mailto:` or `xmpp:` differs, and there it is what the GFM spec says.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import remarkGfmLateEmails from '../src/util/remark-gfm.ts';
import { markdownToHast } from '../src/markdown/markdown.ts';
import { renderUntrustedInline } from '../src/changelog/markdown.ts';
import { toHtml } from 'hast-util-to-html';
import { deferredChar, token } from '../src/markdown/sentinels.ts';

const html = (gfm: typeof remarkGfm | typeof remarkGfmLateEmails) => {
  const processor = unified().use(remarkParse).use(gfm).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeStringify).freeze();
  return (markdown: string) => String(processor.processSync(markdown));
};
const ours = html(remarkGfmLateEmails);
const theirs = html(remarkGfm);

// The GFM spec's autolink literal examples (www, http, email), and literals next to the other inline constructs.
const CASES = [
  'foo@bar.baz',
  "hello@mail+xyz.example isn't valid, but hello+xyz@mail.example is.",
  'a.b-c_d@a.b',
  'a.b-c_d@a.b.',
  'a.b-c_d@a.b-',
  'a.b-c_d@a.b_',
  'www.commonmark.org',
  'Visit www.commonmark.org/help for more information.',
  'Visit www.commonmark.org.\n\nVisit www.commonmark.org/a.b.',
  'www.google.com/search?q=Markup+(business)\n\n(www.google.com/search?q=Markup+(business))',
  'www.commonmark.org/he<lp',
  'http://commonmark.org\n\n(Visit https://encrypted.google.com/search?q=Markup+(business))',
  '```\ncode\n```\nIn a browser, navigate to http://localhost:1313 and check.',
  '*foo@bar.baz* and **a@b.co** and ~~x@y.zz~~ and _me@you.org_',
  'foo_bar_@example.com, a*b*@example.com, a~b~@example.com',
  '[write to a@b.com](https://example.com) and <c@d.com> and `e@f.com`',
  '# Contact ops@solo.io\n\n| who | mail |\n|---|---|\n| ops | ops@solo.io |',
  '> quoted: q@r.st\n\n- item i@j.kl\n- [ ] task t@u.vw',
  'user@host (no dot), user@localhost.localdomain, 1.2.3@4.5, x@-y.com, x@y-.com',
  'foo@bar.baz@qux.com and @handle and trailing@',
  'email@example.com.\nemail@example.com,\n"email@example.com"',
  // The compile's placeholders (src/markdown/sentinels.ts) right against a literal: a shortcode's output token, a deferred value.
  `support@solo.io${token(1)} and ${token(2)}me@example.com, a@b.co${deferredChar(0)} www.solo.io${deferredChar(1)}`,
];

test('email, www and http literals: the same HTML as remark-gfm, emails made links', () => {
  for (const markdown of CASES) assert.equal(ours(markdown), theirs(markdown), markdown);
  assert.match(ours('Write to ops@solo.io.'), /<a href="mailto:ops@solo\.io">ops@solo\.io<\/a>\./);
  assert.match(ours('See www.solo.io.'), /<a href="http:\/\/www\.solo\.io">www\.solo\.io<\/a>\./);
});

test('`mailto:` and `xmpp:` literals: the whole literal is the link, as the GFM spec shows (remark-gfm links the email only)', () => {
  // The GFM spec's example, and what it gives (https://github.github.com/gfm/#autolinks-extension-).
  const markdown = ['mailto:foo@bar.baz', 'mailto:a.b-c_d@a.b', 'mailto:a.b-c_d@a.b.', 'mailto:a.b-c_d@a.b/', 'mailto:a.b-c_d@a.b-', 'mailto:a.b-c_d@a.b_', 'xmpp:foo@bar.baz', 'xmpp:foo@bar.baz.'].join('\n');
  const spec = [
    '<a href="mailto:foo@bar.baz">mailto:foo@bar.baz</a>',
    '<a href="mailto:a.b-c_d@a.b">mailto:a.b-c_d@a.b</a>',
    '<a href="mailto:a.b-c_d@a.b">mailto:a.b-c_d@a.b</a>.',
    '<a href="mailto:a.b-c_d@a.b">mailto:a.b-c_d@a.b</a>/',
    'mailto:a.b-c_d@a.b-',
    'mailto:a.b-c_d@a.b_',
    '<a href="xmpp:foo@bar.baz">xmpp:foo@bar.baz</a>',
    '<a href="xmpp:foo@bar.baz">xmpp:foo@bar.baz</a>.',
  ].join('\n');
  assert.equal(ours(markdown), `<p>${spec}</p>`);
  assert.equal(theirs('mailto:foo@bar.baz'), '<p>mailto:<a href="mailto:foo@bar.baz">foo@bar.baz</a></p>');
});

test('the pipelines use it: a page and a changelog note link an email', () => {
  assert.match(toHtml(markdownToHast('Ask support@solo.io or https://solo.io.')), /<a href="mailto:support@solo\.io">support@solo\.io<\/a> or <a href="https:\/\/solo\.io">/);
  assert.equal(renderUntrustedInline('Reported by dev@example.com.'), 'Reported by <a href="mailto:dev@example.com">dev@example.com</a>.');
  // Only the emails-after-parsing plugin links a `mailto:` literal whole.
  assert.equal(toHtml(markdownToHast('mailto:a@b.co')), '<p><a href="mailto:a@b.co">mailto:a@b.co</a></p>');
  assert.equal(renderUntrustedInline('mailto:a@b.co'), '<a href="mailto:a@b.co">mailto:a@b.co</a>');
});

test('remark-gfm itself is left as it was: a processor of its own still tokenizes emails', () => {
  // Each use of remark-gfm gets its own extension object: dropping the tokenizer from ours must not reach another processor.
  ours('a@b.co');
  const parsed = unified().use(remarkParse).use(remarkGfm).parse('x a@b.co') as { children: { children: { type: string }[] }[] };
  assert.ok(parsed.children[0]!.children.some((n) => n.type === 'link'), 'remark-gfm tokenizes the literal while parsing');
});
