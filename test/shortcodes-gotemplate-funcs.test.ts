/**
 * src/shortcodes/gotemplate/funcs.ts directly: the Go and Hugo functions a shortcode template may call,
 * checked against the results Go's text/template and Hugo's documentation give.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FUNCS, anchorize, sprintf, urlize } from '../src/shortcodes/gotemplate/funcs.ts';
import { SafeHTML } from '../src/shortcodes/gotemplate/values.ts';

const f = (name: string, ...args: unknown[]) => FUNCS[name]!(...args);

test("printf: Go's verbs with width, precision and flags; a missing operand is marked as Go marks it", () => {
  assert.equal(sprintf('%05d|%-4s|%4s|', 42, 'ab', 'cd'), '00042|ab  |  cd|');
  assert.equal(sprintf('%.2f %q %t %x %x', 3.14159, 'hi', 0, 255, 'A'), '3.14 "hi" false ff 41');
  assert.equal(sprintf('%.3s %v %d%%', 'abcdef', 'v', 7.9), 'abc v 7%');
  assert.equal(sprintf('%s and %s', 'one'), 'one and %!s(MISSING)');
  assert.equal(sprintf('%d', 'x'), '%!d(string=x)');
  assert.equal(f('printf', '%s-%d', 'v', 3), 'v-3');
});

test("print spaces operands only when neither is a string (Go's Sprint); println always does", () => {
  assert.equal(f('print', 1, 2), '1 2');
  assert.equal(f('print', 'a', 'b'), 'ab');
  assert.equal(f('print', 'a', 1, 2), 'a1 2');
  assert.equal(f('println', 'a', 'b'), 'a b\n');
});

test('comparison: eq with several operands, types that cannot be compared are errors', () => {
  assert.equal(f('eq', 2, 1, 2), true);
  assert.equal(f('eq', 'a', 'b'), false);
  assert.equal(f('eq', new SafeHTML('x'), 'x'), true);
  assert.equal(f('eq', undefined, null), true);
  assert.throws(() => f('eq', 'a', 1), /incompatible types for comparison/);
  assert.throws(() => f('eq', 1), /missing argument/);
  assert.equal(f('ne', 1, 2), true);
  assert.deepEqual([f('lt', 1, 2), f('le', 2, 2), f('gt', 'b', 'a'), f('ge', 1, 2)], [true, true, true, false]);
  assert.throws(() => f('lt', 1, 'a'), /lt: incompatible types/);
  assert.throws(() => f('not', 1, 2), /wrong number of args for not: want 1 got 2/);
  assert.equal(f('and', 1, 0, 2), 0);
  assert.equal(f('or', 0, '', 'x'), 'x');
});

test('len and index over strings, lists and maps; out of range is an error', () => {
  assert.deepEqual([f('len', 'abc'), f('len', [1, 2]), f('len', { a: 1 }), f('len', new Map([[1, 2]])), f('len', undefined)], [3, 2, 1, 1, 0]);
  assert.equal(f('index', [10, 20], 1), 20);
  assert.equal(f('index', { a: { b: 'x' } }, 'a', 'b'), 'x');
  assert.equal(f('index', new Map([['k', 'v']]), 'k'), 'v');
  assert.equal(f('index', { a: null }, 'a', 'b'), undefined);
  assert.throws(() => f('index', [1], 3), /index out of range: 3/);
});

test('strings as Hugo documents them', () => {
  assert.equal(urlize('Hello World!'), 'hello-world');
  assert.equal(anchorize('Hello, World! (v1.17)'), 'hello-world-v117');
  assert.equal(f('title', 'upgrade the gloo-edge proxy'), 'Upgrade The Gloo-Edge Proxy');
  assert.equal(f('replace', 'aaa', 'a', 'b'), 'bbb');
  assert.equal(f('replace', 'aaa', 'a', 'b', 2), 'bba');
  assert.equal(f('replaceRE', '^v(\\d+)\\.(\\d+)', '$2.$1', 'v1.17.x'), '17.1.x');
  assert.equal(f('replaceRE', '(?s)a.b', 'X', 'a\nb'), 'X');
  assert.deepEqual(f('findRE', '[0-9]+', 'a1b22c333', 2), ['1', '22']);
  assert.equal(f('substr', 'abcdef', -3), 'def');
  assert.equal(f('substr', 'abcdef', 1, 2), 'bc');
  assert.equal(f('strings.TrimPrefix', 'v', 'v1.2'), '1.2');
  assert.equal(f('strings.TrimSuffix', '.x', '1.17.x'), '1.17');
  assert.equal(f('strings.TrimLeft', 'v', 'vv1'), '1');
  assert.equal(f('trim', '--a--', '-'), 'a');
  assert.equal(f('chomp', 'line\r\n'), 'line');
  assert.equal(f('plainify', '<p>a &amp; <b>b</b></p>'), 'a & b');
  assert.equal(f('htmlEscape', `<a href="x">'&'</a>`), '&lt;a href=&#34;x&#34;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  assert.equal(f('html', '<b>'), '&lt;b&gt;');
  assert.equal(f('urlquery', 'a b&c'), 'a%20b%26c');
  assert.ok(f('safeHTML', '<b>') instanceof SafeHTML);
});

test('collections as Hugo documents them', () => {
  assert.equal(f('default', 'x', ''), 'x');
  assert.equal(f('default', 'x', 'y'), 'y');
  assert.equal(f('cond', false, 'a', 'b'), 'b');
  assert.deepEqual([f('in', [1, 2], 2), f('in', 'abc', 'b'), f('in', undefined, 1)], [true, true, false]);
  assert.deepEqual(f('dict', 'a', 1, 'b', 2), { a: 1, b: 2 });
  assert.throws(() => f('dict', 'a'), /key and value pairs/);
  assert.deepEqual(f('append', 3, [1, 2]), [1, 2, 3]);
  assert.deepEqual(f('append', [3, 4], [1, 2]), [1, 2, 3, 4]);
  assert.deepEqual([f('first', 2, [1, 2, 3]), f('last', 2, [1, 2, 3]), f('after', 1, [1, 2, 3])], [[1, 2], [2, 3], [2, 3]]);
  assert.equal(f('delimit', [1, 2, 3], ', ', ' and '), '1, 2 and 3');
  assert.deepEqual(f('uniq', [1, 1, 2]), [1, 2]);
  assert.equal(f('isset', { Key: 1 }, 'key'), true);
  assert.equal(f('isset', [1], 1), false);
  assert.deepEqual([f('seq', 2), f('seq', 0, 2), f('seq', -2, 2), f('seq', -2, 2, 2)], [[1, 2], [0, 1, 2], [-2, -1, 0, 1, 2], [-2, 0, 2]]);
});

test('math, casts and paths', () => {
  assert.deepEqual([f('add', 1, 2), f('add', 'a', 'b'), f('sub', 5, '2'), f('mul', 2, 3), f('mod', 7, 3)], [3, 'ab', 3, 6, 1]);
  assert.equal(f('div', 7, 2), 3, 'integer division of integers, as Go');
  assert.equal(f('div', 7.5, 2.5), 3);
  assert.equal(f('div', 7, 2.5), 2.8);
  assert.throws(() => f('div', 1, 0), /divide the value by 0/);
  assert.throws(() => f('add', 1, 'x'), /add: `x` is not a number/);
  assert.deepEqual([f('int', '08'), f('int', 3.9), f('float', '2.5')], [8, 3, 2.5]);
  assert.deepEqual([f('math.Max', 1, 2), f('math.Min', 1, 2)], [2, 1]);
  assert.equal((f('jsonify', { a: [1] }) as SafeHTML).value, '{"a":[1]}');
  assert.throws(() => f('errorf', 'bad %s', 'x'), /^Error: bad x$/);
  assert.deepEqual([f('path.Base', 'a/b/c.md'), f('path.Ext', 'a/b.c/d.md'), f('path.Ext', 'a.b/c'), f('path.Join', 'a', 'b/', '/c')], ['c.md', '.md', '', 'a/b/c']);
});
