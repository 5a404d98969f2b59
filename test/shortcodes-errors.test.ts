import { test } from 'node:test';
import assert from 'node:assert/strict';
import { symlinkSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { docsRoot, render } from './support/pipeline.ts';

const errorsOf = async (source: string, files?: Record<string, string>, root?: string) =>
  (await render(source, root ? { root } : { files: files ?? {} })).diagnostics.filter((d) => d.severity === 'error');

test('an unknown shortcode names itself, its line and column, and the known ones', async () => {
  const [e] = await errorsOf('# T\n\nSee {{< nosuch a="b" >}} here.\n');
  assert.match(e!.message, /Unknown shortcode `nosuch`/);
  assert.equal(e!.line, 3);
  assert.equal(e!.column, 5);
  assert.match(e!.hint!, /readfile/);
  assert.match(e!.excerpt!, /nosuch/);
});

test('an unclosed paired shortcode is reported at its opening tag', async () => {
  const [e] = await errorsOf('text\n{{% notice tip %}}\nnever closed\n');
  assert.match(e!.message, /Unclosed shortcode `notice`/);
  assert.equal(e!.line, 2);
  assert.match(e!.hint!, /\{\{% \/notice %\}\}/);
});

test('a mismatched closing tag is reported, and the unclosed inner one too', async () => {
  const errors = await errorsOf('{{< tabs >}}\n{{% tab name="a" %}}\nx\n{{< /tabs >}}\n{{% /notice %}}\n');
  const messages = errors.map((e) => `${e.line}: ${e.message}`);
  assert.ok(messages.some((m) => /^2: Unclosed shortcode `tab`/.test(m)), messages.join('\n'));
  assert.ok(messages.some((m) => /^5: Closing tag `\/notice` has no opening/.test(m)), messages.join('\n'));
});

test('a missing required argument and a bad value', async () => {
  const errors = await errorsOf('{{< readfile >}}\n\n{{% expand "T" "yes" %}}x{{% /expand %}}\n');
  assert.match(errors[0]!.message, /needs the argument `file`/);
  assert.match(errors[1]!.message, /`yes` is not a valid value for `open`/);
  assert.match(errors[1]!.hint!, /`true`/);
  assert.equal(errors[1]!.line, 3);
});

test('a notice type the theme has no style for is a warning at the word, and the callout still renders', async () => {
  const result = await render('{{% notice warn %}}Careful.{{% /notice %}}\n');
  assert.deepEqual(result.diagnostics.filter((d) => d.severity === 'error'), []);
  const [w] = result.diagnostics;
  assert.equal(w!.severity, 'warning');
  assert.match(w!.message, /`warn` is not a notice type/);
  assert.match(w!.hint!, /`warning`\?/);
  assert.equal(w!.column, 12);
  assert.match(result.html, /<aside class="notice notice-warn"[^>]*>.*Careful\./s);
});

test('an argument no template reads is a warning with the list of known ones, and the page still renders', async () => {
  const result = await render('{{% alert context="danger" %}}Stop.{{% /alert %}}\n\n{{< readfile file="x.md" fil="y" >}}\n', { files: { 'x.md': 'X-TEXT' } });
  assert.deepEqual(result.diagnostics.map((d) => [d.severity, d.line, d.column]), [['warning', 1, 11], ['warning', 3, 26]]);
  assert.match(result.diagnostics[0]!.message, /`alert` has no argument `context`; it is ignored/);
  assert.match(result.diagnostics[0]!.hint!, /`theme`/);
  assert.match(result.diagnostics[1]!.hint!, /`file`/);
  // As Hugo with the Solo theme: the alert keeps its default look, the file is read.
  assert.match(result.html, /class="alert alert-info".*Stop\./s);
  assert.match(result.html, /X-TEXT/);
  // A misspelt required argument still fails: the required one is missing.
  const [e] = await errorsOf('{{< readfile fil="x.md" >}}');
  assert.match(e!.message, /needs the argument `file`/);
});

test('a tab outside tabs is an error', async () => {
  const [e] = await errorsOf('{{% tab name="x" %}}content{{% /tab %}}');
  assert.match(e!.message, /`tab` must be inside `tabs`/);
});

test('readfile of a missing file is an error, not empty text', async () => {
  const [e] = await errorsOf('Version {{< readfile file="static/content/nope.md" >}}.');
  assert.match(e!.message, /does not exist/);
  assert.equal(e!.column, 22);
});

test('readfile never reads outside the root: a leading / is the root\'s, .. escapes and symbolic links out are refused', async () => {
  const outside = mkdtempSync(path.join(tmpdir(), 'outside-'));
  writeFileSync(path.join(outside, 'secret.md'), 'secret');
  const root = docsRoot({ 'ok.md': 'fine' });
  symlinkSync(path.join(outside, 'secret.md'), path.join(root, 'link.md'));
  const errors = await errorsOf(
    [`{{< readfile file="${path.join(outside, 'secret.md')}" >}}`, '{{< readfile file="../x/secret.md" >}}', '{{< readfile file="link.md" >}}', '{{< readfile file="ok.md" >}}'].join('\n\n'),
    undefined,
    root,
  );
  assert.equal(errors.length, 3);
  // `/tmp/…/secret.md` is looked for inside the root, as Hugo's readFile does: not found there.
  assert.match(errors[0]!.message, /does not exist/);
  assert.match(errors[1]!.message, /leaves the docs root/);
  assert.match(errors[2]!.message, /symbolic link leading outside/);
  const result = await render('{{< readfile file="link.md" >}}', { root });
  assert.doesNotMatch(result.html, /secret/);
});

test('one run reports every error of a page, in order', async () => {
  const errors = await errorsOf('{{< a >}}\n{{< b >}}\n{{< readfile file="missing.md" >}}\n{{% notice %}}x{{% /notice %}}\n');
  assert.deepEqual(errors.map((e) => e.line), [1, 2, 3, 4]);
});

test('malformed front matter is an error with its line', async () => {
  const [e] = await errorsOf('---\ntitle: "unclosed\nweight: 3\n---\nbody\n');
  assert.match(e!.message, /Malformed front matter/);
  assert.ok(e!.line >= 2, `line ${e!.line}`);
});

test('JavaScript front matter is refused, not run', async () => {
  const [e] = await errorsOf('---js\n{ title: (globalThis.ran = true, "x") }\n---\nbody\n');
  assert.match(e!.message, /JavaScript/);
  assert.equal((globalThis as { ran?: boolean }).ran, undefined);
});

test('two headings with the same explicit id', async () => {
  const [e] = await errorsOf('## One {#same}\n\n## Two {#same}\n');
  assert.match(e!.message, /Two headings have the id `same` \(the first is on line 1\)/);
  assert.equal(e!.line, 3);
});

test('versioned_link_path without a leading /: a warning, and the link the writer meant (the theme glued it to the version)', async () => {
  const result = await render('[x]({{< versioned_link_path fromRoot="operations/" >}})');
  const [w] = result.diagnostics;
  assert.equal(result.diagnostics.length, 1);
  assert.equal(w!.severity, 'warning');
  assert.match(w!.message, /does not start with `\/`; linked as `\/operations\/`/);
  assert.match(result.html, /href="\/gloo-edge\/v1\.17\.x\/operations\/"/);
});

test('nesting deeper than the limit is one clear error, not a stack overflow', async () => {
  const errors = await errorsOf('{{% notice tip %}}\n'.repeat(2000) + 'x\n' + '{{% /notice %}}\n'.repeat(2000));
  assert.equal(errors.length, 1);
  assert.match(errors[0]!.message, /nested more than 64 deep/);
  assert.equal(errors[0]!.line, 65);
});
