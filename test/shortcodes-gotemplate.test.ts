/** The Go text/template interpreter that runs a Hugo site's own shortcode templates. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GoStruct, execute } from '../src/shortcodes/gotemplate/exec.ts';
import { TemplateError, parseTemplate } from '../src/shortcodes/gotemplate/parse.ts';
import { SafeHTML } from '../src/shortcodes/gotemplate/values.ts';

const run = (source: string, data: unknown = {}) => execute(parseTemplate(source), data);

test('text, fields, trim markers and comments', () => {
  assert.equal(run('Hello {{ .name }}!', { name: 'World' }), 'Hello World!');
  assert.equal(run('a  {{- .x -}}  b', { x: 1 }), 'a1b');
  assert.equal(run('a {{/* note */}}b {{- /* trimmed */ -}} c'), 'a bc');
  assert.equal(run('{{ .a.b.c }}', { a: { b: { c: 'deep' } } }), 'deep');
  // A missing map key is nil: nothing printed, no error (as in Go).
  assert.equal(run('[{{ .missing.field }}]', {}), '[]');
});

test('if / else if / else, with, range with $i $e, else, break and continue', () => {
  const t = '{{ if eq .n 1 }}one{{ else if eq .n 2 }}two{{ else }}many{{ end }}';
  assert.deepEqual([1, 2, 3].map((n) => run(t, { n })), ['one', 'two', 'many']);
  assert.equal(run('{{ with .x }}<{{ . }}>{{ else }}none{{ end }}', { x: 'v' }), '<v>');
  assert.equal(run('{{ with .x }}{{ . }}{{ else }}none{{ end }}', { x: '' }), 'none');
  assert.equal(run('{{ range $i, $e := .l }}{{ $i }}={{ $e }};{{ end }}', { l: ['a', 'b'] }), '0=a;1=b;');
  assert.equal(run('{{ range .l }}{{ . }}{{ else }}empty{{ end }}', { l: [] }), 'empty');
  assert.equal(run('{{ range $k, $v := .m }}{{ $k }}:{{ $v }} {{ end }}', { m: { b: 2, a: 1 } }), 'a:1 b:2 ');
  assert.equal(run('{{ range .l }}{{ if eq . 2 }}{{ continue }}{{ end }}{{ if eq . 4 }}{{ break }}{{ end }}{{ . }}{{ end }}', { l: [1, 2, 3, 4, 5] }), '13');
});

test('variables: declaration, assignment in an inner scope, $ as the top dot', () => {
  assert.equal(run('{{ $x := 1 }}{{ if true }}{{ $x = 2 }}{{ end }}{{ $x }}'), '2');
  assert.equal(run('{{ range .l }}{{ $.top }}{{ . }}{{ end }}', { l: [1, 2], top: 'T' }), 'T1T2');
  assert.throws(() => run('{{ $nope }}'), (e: TemplateError) => e instanceof TemplateError && /undefined variable "\$nope"/.test(e.message) && e.pos.line === 1);
});

test('pipelines, parentheses and the Go and Hugo functions', () => {
  assert.equal(run('{{ "a b" | upper | printf "%s!" }}'), 'A B!');
  assert.equal(run('{{ printf "%d-%s-%v-%q" 3 "x" true "y" }}'), '3-x-true-&#34;y&#34;');
  assert.equal(run('{{ len (slice 1 2 3) }} {{ index .m "k" }} {{ index .l 1 }}', { m: { k: 'v' }, l: ['a', 'b'] }), '3 v b');
  assert.equal(run('{{ and 1 0 }} {{ or 0 "" "x" }} {{ not 0 }} {{ lt 1 2 }} {{ ge "b" "a" }} {{ ne 1 2 }}'), '0 x true true true true');
  assert.equal(run('{{ .x | default "fallback" }}', {}), 'fallback');
  assert.equal(run('{{ in .l "b" }} {{ in "abc" "bc" }}', { l: ['a', 'b'] }), 'true true');
  assert.equal(run('{{ strings.TrimPrefix "/gloo-edge/" "/gloo-edge/v1.17.x" }}'), 'v1.17.x');
  assert.equal(run('{{ range append .a .b }}{{ . }},{{ end }}', { a: ['1.13'], b: ['1.14', '1.15'] }), '1.14,1.15,1.13,');
  assert.equal(run('{{ urlize "Hello World Page" }} {{ anchorize "Hello, World!" }}'), 'hello-world-page hello-world');
  assert.equal(run('{{ add 1 2 }} {{ sub 5 1 }} {{ div 7 2 }} {{ int "08" }}'), '3 4 3 8');
  assert.equal(run('{{ (dict "a" (dict "b" "c")).a.b }}'), 'c');
});

test('output is HTML-escaped unless safe, as html/template does in text', () => {
  assert.equal(run('{{ .x }}', { x: '<b>&</b>' }), '&lt;b&gt;&amp;&lt;/b&gt;');
  assert.equal(run('{{ .x | safeHTML }}', { x: '<b>&</b>' }), '<b>&</b>');
  assert.equal(run('{{ .x }}', { x: new SafeHTML('<i>x</i>') }), '<i>x</i>');
});

test('define, template and block', () => {
  assert.equal(run('{{ define "item" }}[{{ .name }}]{{ end }}{{ range .l }}{{ template "item" . }}{{ end }}', { l: [{ name: 'a' }, { name: 'b' }] }), '[a][b]');
  assert.equal(run('{{ block "b" .x }}<{{ . }}>{{ end }}', { x: 'y' }), '<y>');
});

test('methods with arguments on context objects; a field the object lacks is an error naming it', () => {
  const sc = new GoStruct('Shortcode', { Get: (k: unknown) => (k === 0 ? 'first' : k === 'name' ? 'named' : undefined), Page: new GoStruct('Page', { Title: 'T' }) });
  assert.equal(run('{{ .Get 0 }} {{ .Get "name" }} {{ .Page.Title }} {{ $.Get 0 | upper }}', sc), 'first named T FIRST');
  assert.throws(() => run('{{ .Page.Nope }}', sc), (e: TemplateError) => /can't evaluate field Nope in type Page/.test(e.message) && e.pos.column === 4);
});

test('syntax errors and unknown functions carry the line and column in the template', () => {
  const at = (source: string, re: RegExp, line: number, column: number) =>
    assert.throws(() => run(source), (e: TemplateError) => e instanceof TemplateError && re.test(e.message) && e.pos.line === line && e.pos.column === column);
  at('a\n{{ if .x }}never closed', /\{\{if\}\} has no \{\{end\}\}/, 2, 1);
  at('line one\n  {{ where .x "a" 1 }}', /function "where" is not supported/, 2, 6);
  at('{{ end }}', /unexpected \{\{end\}\}/, 1, 1);
  at('{{ "unterminated }}', /unterminated quoted string/, 1, 4);
  at('{{ printf "%d" (len 3) }}', /len of type number/, 1, 17);
});
