/** `highlight`: Hugo's options, highlighted lines, line numbers, de-indented inner code, errors. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { hugoOptions, hugoRefusedOption, parseHighlightOptions, parseLineList } from '../src/shortcodes/builtins/highlight.ts';
import { render } from './support/pipeline.ts';

const highlighted = (html: string) => selectAll('.line.highlighted', fromHtml(html, { fragment: true })).map((l) => toString(l).trim());

test('hl_lines takes numbers and ranges, in every spelling Hugo accepts', () => {
  assert.deepEqual(parseLineList('6 9-11'), [6, 9, 10, 11]);
  assert.deepEqual(parseHighlightOptions('linenos=table,hl_lines=2 3').highlightLines, [2, 3]);
  assert.deepEqual(parseHighlightOptions('linenos=inline, hl_lines=3 6-8, style=emacs'), { lineNumbers: true, highlightLines: [3, 6, 7, 8], lineStart: 1 });
  assert.deepEqual(parseHighlightOptions('hl_lines=[8,"10-11"]').highlightLines, [8, 10, 11]);
  assert.deepEqual(parseHighlightOptions('linenos=false hl_lines=1').lineNumbers, false);
  assert.deepEqual(parseHighlightOptions('linenostart=10,hl_lines=11').highlightLines, [2]);
  assert.throws(() => parseHighlightOptions('hl_lines=3-1'), /runs backwards/);
  assert.throws(() => parseHighlightOptions('colour=red'), /unknown option `colour`/);
});

test('a highlight block: language, line numbers and highlighted lines', async () => {
  const source = 'Before.\n\n{{< highlight yaml "linenos=table,hl_lines=2 4-5" >}}\na: 1\nb: 2\nc: 3\nd: 4\ne: 5\n{{< /highlight >}}\n\nAfter.\n';
  const result = await render(source);
  assert.deepEqual(result.diagnostics, []);
  const tree = fromHtml(result.html, { fragment: true });
  const pre = select('pre', tree)!;
  assert.equal(pre.properties.dataLanguage, 'yaml');
  assert.ok('dataLineNumbers' in pre.properties, 'line numbers are asked for');
  assert.deepEqual(highlighted(result.html), ['b: 2', 'd: 4', 'e: 5']);
  assert.equal(toString(pre), 'a: 1\nb: 2\nc: 3\nd: 4\ne: 5');
  assert.equal(selectAll('p', tree).length, 2, 'the block does not sit inside a paragraph');
});

test('inside a list item, with the code at column 0 and an indented closing tag (the canary guide)', async () => {
  const source = [
    '1. Check the output:',
    '   {{< highlight yaml "hl_lines=3" >}} ',
    'status:',
    '  state: PLACED',
    '      {{< /highlight >}}',
    '1. Next step.',
    '',
  ].join('\n');
  const result = await render(source);
  assert.deepEqual(result.diagnostics, []);
  const tree = fromHtml(result.html, { fragment: true });
  assert.ok(select('ol > li:first-child pre', tree), 'the code block stays in the first list item');
  assert.equal(selectAll('ol > li', tree).length, 2);
  // The line of spaces after `>}}` is line 1 in Hugo: hl_lines=3 means `state: PLACED`.
  assert.deepEqual(highlighted(result.html), ['state: PLACED']);
  assert.equal(toString(select('pre', tree)!), 'status:\n  state: PLACED');
});

test('version snippets inside highlighted code', async () => {
  const result = await render('{{< highlight shell >}}\nglooctl upgrade --release v{{< readfile file="static/content/version_geoss_latest.md" >}}\n{{< /highlight >}}\n');
  assert.deepEqual(result.diagnostics, []);
  assert.match(toString(fromHtml(result.html)), /--release v1\.17\.33/);
});

test('a bad option is an error at the option string, with a hint', async () => {
  const result = await render('Text\n\n{{< highlight yaml "hl_lines=x" >}}\na\n{{< /highlight >}}\n');
  const [e] = result.diagnostics;
  assert.match(e!.message, /highlight: `hl_lines`: `x` is not a line number/);
  assert.equal(e!.line, 3);
  assert.equal(e!.column, 20);
  assert.match(e!.hint!, /linenos=table/);
});

test('highlight needs a language and a closing tag', async () => {
  const result = await render('{{< highlight >}}\na\n{{< /highlight >}}\n\n{{< highlight go >}}\nnever closed\n');
  const messages = result.diagnostics.map((d) => d.message);
  assert.ok(messages.some((m) => /needs the argument `lang`/.test(m)), messages.join('\n'));
  assert.ok(messages.some((m) => /Unclosed shortcode `highlight`/.test(m)), messages.join('\n'));
});

test('options Hugo refuses ("hl_lines=2, 4": a comma inside a value): the block as meant, and a warning that Hugo drops it', async () => {
  const result = await render('Text\n\n{{< highlight yaml "hl_lines=2, 4" >}}\na: 1\nb: 2\nc: 3\nd: 4\n{{< /highlight >}}\n');
  assert.deepEqual(highlighted(result.html), ['b: 2', 'd: 4']);
  assert.equal(result.diagnostics.length, 1);
  const [w] = result.diagnostics;
  assert.equal(w!.severity, 'warning');
  assert.match(w!.message, /refuses `4`: Hugo 0\.111 drops this whole block/);
  assert.equal(w!.line, 3);
  assert.equal(w!.column, 20);
  assert.match(w!.hint!, /"hl_lines=2 4"/);
  assert.equal(hugoOptions('linenos=table, hl_lines=5, 25,linenostart=3'), 'linenos=table,hl_lines=5 25,linenostart=3');
  assert.equal(hugoRefusedOption(hugoOptions('linenos=table, hl_lines=5, 25,linenostart=3')), undefined);
  // Hugo takes spaces around comma-separated `key=value` parts: no warning.
  assert.deepEqual((await render('{{< highlight yaml "linenos=inline, hl_lines=1 2" >}}\na\nb\n{{< /highlight >}}\n')).diagnostics, []);
});
