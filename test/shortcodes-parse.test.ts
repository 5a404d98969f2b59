import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lex, type Tag } from '../src/shortcodes/parse.ts';

const tags = (s: string) => lex(s).tokens.filter((t): t is Tag => t.kind === 'open' || t.kind === 'close');

test('named arguments: quoted, raw and bare values', () => {
  const [tag] = tags('x {{< readfile file="a b.md" markdown=true raw=`"q"` esc="say \\"hi\\"" >}} y');
  assert.equal(tag?.name, 'readfile');
  assert.equal(tag?.form, '<');
  assert.deepEqual(
    tag?.args.map((a) => [a.name, a.value]),
    [['file', 'a b.md'], ['markdown', 'true'], ['raw', '"q"'], ['esc', 'say "hi"']],
  );
});

test('positional arguments and the % form', () => {
  const [tag] = tags('{{% notice warning my-id %}}');
  assert.equal(tag?.form, '%');
  assert.deepEqual(tag?.args.map((a) => [a.name, a.value]), [[undefined, 'warning'], [undefined, 'my-id']]);
});

test('closing and self-closing tags', () => {
  const list = tags('{{< tabs >}}{{< tab name="a" />}}{{< /tabs >}}');
  assert.deepEqual(list.map((t) => [t.kind, t.name, t.selfClosing]), [['open', 'tabs', false], ['open', 'tab', true], ['close', 'tabs', false]]);
});

test('an escaped shortcode is printed literally, never executed', () => {
  const { tokens } = lex('Write {{</* readfile file="x" */>}} to include a file.');
  const escaped = tokens.find((t) => t.kind === 'escaped');
  assert.equal(escaped?.kind === 'escaped' && escaped.text, '{{< readfile file="x" >}}');
  assert.equal(tags('Write {{</* readfile file="x" */>}}').length, 0);
});

test('mixing named and positional arguments is an error', () => {
  const { errors } = lex('{{< notice tip id="x" >}}');
  assert.match(errors[0]!.message, /mixes named and positional/);
});

test('an unterminated tag is an error at its offset, and lexing goes on', () => {
  const { tokens, errors } = lex('a {{< notice tip\nmore {{< readfile file="x" >}}');
  assert.equal(errors.length, 1);
  assert.equal(errors[0]!.offset, 2);
  assert.equal(tags('a {{< notice tip\nmore {{< readfile file="x" >}}')[0]?.name, 'readfile');
  assert.ok(tokens.some((t) => t.kind === 'text'));
});

test('an unterminated quote is an error', () => {
  assert.match(lex('{{< readfile file="x >}}').errors[0]!.message, /Unterminated quoted argument/);
});

test('text between tags is kept with exact offsets', () => {
  const source = 'one {{< x >}} two';
  const texts = lex(source).tokens.filter((t) => t.kind === 'text').map((t) => source.slice(t.start, t.end));
  assert.deepEqual(texts, ['one ', ' two']);
});
