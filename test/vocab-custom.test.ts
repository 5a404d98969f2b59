/** Custom shortcodes: modules in the folder the config names, loaded in order, errors naming the file. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { loadCustomShortcodes } from '../src/shortcodes/custom.ts';
import { render } from './support/pipeline.ts';
import { project } from './support/tree.ts';

const GOOD = `export default {
  name: 'version_badge',
  inner: 'optional',
  args: { positional: [{ name: 'key', required: true }] },
  render(call, context) {
    const label = context.innerText().trim() || 'Version';
    return { type: 'html', value: '<span class="badge">' + label + ' ' + context.deferred('v:' + call.values.key) + '</span>' };
  },
};
`;

test('a custom shortcode gets arguments, inner content and per-version values, checked against its schema', async () => {
  const dir = project({ 'shortcodes/version_badge.ts': GOOD });
  const custom = await loadCustomShortcodes('shortcodes', dir);
  assert.deepEqual(custom.diagnostics, []);
  const result = await render('Now {{< version_badge geoss_latest >}}OSS{{< /version_badge >}} and {{< version_badge gee_latest >}}.\n\n{{< version_badge >}}\n', { custom: custom.definitions, customDir: custom.dir });
  assert.equal(selectAll('span.badge', fromHtml(result.html, { fragment: true })).map((s) => toString(s)).join(' | '), 'OSS 1.17.33 | Version 1.17.14');
  assert.equal(result.diagnostics.length, 1);
  assert.match(result.diagnostics[0]!.message, /`version_badge` needs the argument `key`/);
});

test('broken modules are diagnostics naming the file; the good ones still load, in name order', async () => {
  const dir = project({
    'shortcodes/a_syntax.ts': 'export default {{{\n',
    'shortcodes/b_throws.ts': "throw new Error('boom at load');\n",
    'shortcodes/c_no_default.ts': 'export const x = 1;\n',
    'shortcodes/d_bad_shape.ts': "export default { name: 'd_bad_shape', inner: 'sometimes', args: {}, render() {} };\n",
    'shortcodes/version_badge.ts': GOOD,
    'shortcodes/z_again.ts': GOOD,
    'shortcodes/README.md': 'not a module',
  });
  const custom = await loadCustomShortcodes('shortcodes', dir);
  assert.deepEqual(custom.definitions.map((d) => d.name), ['version_badge']);
  const byFile = new Map(custom.diagnostics.map((d) => [path.basename(d.file), d]));
  assert.match(byFile.get('a_syntax.ts')!.message, /cannot be loaded/);
  assert.match(byFile.get('b_throws.ts')!.message, /cannot be loaded: boom at load/);
  assert.equal(byFile.get('b_throws.ts')!.line, 1);
  assert.match(byFile.get('c_no_default.ts')!.message, /no default export/);
  assert.match(byFile.get('d_bad_shape.ts')!.message, /`inner` must be/);
  assert.match(byFile.get('z_again.ts')!.message, /`version_badge` is already defined by .*version_badge\.ts/);
  for (const d of custom.diagnostics) {
    assert.ok(!/\n\s+at /.test(`${d.message}\n${d.hint ?? ''}`), 'no stack trace');
    assert.ok(d.file.includes('shortcodes'), d.file);
  }
});

test('a missing folder is one diagnostic', async () => {
  const custom = await loadCustomShortcodes('nope', project({}));
  assert.equal(custom.diagnostics.length, 1);
  assert.match(custom.diagnostics[0]!.message, /Custom shortcode folder not found/);
});

test('an unknown shortcode is an error naming the folder where it could be defined', async () => {
  const dir = project({ 'shortcodes/version_badge.ts': GOOD });
  const custom = await loadCustomShortcodes(path.join(dir, 'shortcodes'), dir);
  const result = await render('{{% version_bdge %}}\n', { custom: custom.definitions, customDir: custom.dir });
  const [e] = result.diagnostics;
  assert.match(e!.message, /Unknown shortcode `version_bdge`/);
  assert.match(e!.hint!, /define it as a module in .*shortcodes\//);
  assert.match(e!.hint!, /version_badge/);
});

test('a custom module of the wrong shape is a diagnostic saying which field is wrong', async () => {
  const dir = project({
    'shortcodes/a.ts': "export default { name: 'a', inner: 'none', args: { named: { x: { required: 'yes' } } }, render() {} };\n",
    'shortcodes/b.ts': "export default { name: 'b', inner: 'none', args: {}, render: 'text' };\n",
  });
  const custom = await loadCustomShortcodes('shortcodes', dir);
  const byFile = new Map(custom.diagnostics.map((d) => [path.basename(d.file), d]));
  assert.match(byFile.get('a.ts')!.message, /`args\.named\.x\.required` must be boolean/);
  assert.match(byFile.get('b.ts')!.message, /`render` must be a function/);
  assert.deepEqual(custom.definitions, []);
});

test('a custom render() returning the wrong type is an error at the call (file:line:column), naming the module, never "internal error"', async () => {
  const dir = project({
    'shortcodes/bad_string.ts': "export default { name: 'bad_string', inner: 'none', args: {}, render() { return '<b>x</b>'; } };\n",
    'shortcodes/bad_field.ts': "export default { name: 'bad_field', inner: 'none', args: {}, render() { return { type: 'html', html: '<b>x</b>' }; } };\n",
    'shortcodes/bad_type.ts': "export default { name: 'bad_type', inner: 'none', args: {}, render() { return { type: 'htm', value: 'x' }; } };\n",
  });
  const custom = await loadCustomShortcodes('shortcodes', dir);
  assert.deepEqual(custom.diagnostics, []);
  const result = await render('# T\n\nA {{< bad_string >}}.\n\nB {{< bad_field >}}.\n\nC {{< bad_type >}}.\n', { custom: custom.definitions, customDir: custom.dir });
  const [s, f, t] = result.diagnostics;
  assert.equal(result.diagnostics.length, 3);
  assert.deepEqual([s!.line, s!.column, f!.line, f!.column, t!.line, t!.column], [3, 3, 5, 3, 7, 3]);
  assert.match(s!.message, /`bad_string` failed: its render\(\) \(.*bad_string\.ts\) returned a string/);
  assert.match(f!.message, /`value` must be string/);
  assert.match(t!.message, /is not an Output|`type`/);
  for (const d of result.diagnostics) assert.doesNotMatch(d.message, /internal error/i);
  assert.match(s!.message, /returns `\{ type: 'text'/);
});
