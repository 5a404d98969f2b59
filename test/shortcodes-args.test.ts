/** Binding a shortcode call's arguments to its definition (src/shortcodes/args.ts), on tags as the lexer reads them. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bindArgs } from '../src/shortcodes/args.ts';
import { lex, type Tag } from '../src/shortcodes/parse.ts';
import type { ShortcodeDefinition } from '../src/shortcodes/types.ts';

const tagOf = (source: string): Tag => lex(source).tokens.find((t): t is Tag => t.kind === 'open')!;
const def: ShortcodeDefinition = {
  name: 'box',
  inner: 'none',
  args: {
    positional: [{ name: 'look', values: ['plain', 'bold'] }, { name: 'title', required: true }],
    named: { look: { values: ['plain', 'bold'] }, title: { required: true }, id: {} },
  },
  render: () => undefined,
};
const bind = (source: string) => {
  const { values, problems } = bindArgs(tagOf(source), def);
  return { values, problems: problems.map((p) => `${p.severity ?? 'error'}@${p.offset ?? '-'}: ${p.message}`) };
};

test('positional and named calls bind to the same names', () => {
  assert.deepEqual(bind('{{< box bold "T" >}}'), { values: { look: 'bold', title: 'T' }, problems: [] });
  assert.deepEqual(bind('{{< box title="T" look="plain" id="x" >}}'), { values: { title: 'T', look: 'plain', id: 'x' }, problems: [] });
});

test('a value outside the list is one error at the argument, whether written by position or by name', () => {
  assert.deepEqual(bind('{{< box loud "T" >}}').problems, ['error@8: Shortcode `box`: `loud` is not a valid value for `look`']);
  assert.deepEqual(bind('{{< box look="loud" title="T" >}}').problems, ['error@8: Shortcode `box`: `loud` is not a valid value for `look`']);
});

test('a missing required argument is an error once; an unknown name and one positional too many are warnings at them', () => {
  assert.deepEqual(bind('{{< box look="bold" >}}').problems, ['error@-: Shortcode `box` needs the argument `title`']);
  assert.deepEqual(bind('{{< box title="T" colour="red" >}}').problems, ['warning@18: Shortcode `box` has no argument `colour`; it is ignored, as Hugo ignores it']);
  assert.deepEqual(bind('{{< box bold "T" extra >}}').problems, ['warning@17: Shortcode `box` takes at most 2 positional argument(s); `extra` is one too many and is ignored']);
});
