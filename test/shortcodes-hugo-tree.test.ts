/**
 * Shortcodes on a Hugo docs tree as it stands: readfile paths as Hugo's
 * readFile finds them, the Solo theme's arguments, generated inputs that a
 * clone lacks, and the site's own Go-template shortcodes — on small trees of
 * our own and on the real Gloo Edge tree.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { loadConfig } from '../src/config/load.ts';
import { prepare } from '../src/engine/build.ts';
import { loadTemplateShortcodes } from '../src/shortcodes/templates.ts';
import { glooDocs } from './support/gloo-branch.ts';
import { render } from './support/pipeline.ts';
import { NEEDS_SHARED } from './support/shared.ts';
import { project, renderTree } from './support/tree.ts';

const page = (body: string) => `---\ntitle: Page\n---\n${body}\n`;

test('readfile: a leading / reads from the content folder, a relative path from the docs root then the content folder', async () => {
  const { pages } = await renderTree({
    'content/a.md': page('{{< readfile file="/static/content/setup_notes" markdown="true" >}}\n\n{{< readfile file="static/content/setup_notes" >}}\n\n{{< readfile file="notes/root.md" markdown="true" >}}'),
    'content/static/content/setup_notes': 'Setup *notes* here.',
    'notes/root.md': 'From the **root**.',
  });
  const a = pages.get('a/')!;
  assert.deepEqual(a.diagnostics, []);
  assert.equal(selectAll('em', a.tree).map(toString).join(), 'notes');
  assert.match(toString(a.tree), /Setup \*notes\* here\.|Setup notes here\./);
  assert.equal(toString(select('strong', a.tree)!), 'root');
});

test('readfile: a leading / cannot climb out of the root either', async () => {
  const { pages } = await renderTree({ 'content/a.md': page('{{< readfile file="/../../etc/passwd" >}}') });
  const [e] = pages.get('a/')!.diagnostics;
  assert.equal(e!.severity, 'error');
  assert.match(e!.message, /leaves the docs root/);
  assert.equal(e!.line, 4);
});

test('readfile type="SECURITY_SCAN": read, unless the site parameter noSecurityScan is set (any case)', async () => {
  const files = { 'content/a.md': page('{{< readfile file="/scan.md" markdown="true" type="SECURITY_SCAN" >}}'), 'content/scan.md': 'CVE table' };
  const read = await renderTree(files);
  assert.deepEqual(read.pages.get('a/')!.diagnostics, []);
  assert.match(read.pages.get('a/')!.html, /CVE table/);
  const skipped = await renderTree(files, { siteParams: { noSecurityScan: true } });
  assert.doesNotMatch(skipped.pages.get('a/')!.html, /CVE table/);
  assert.match(skipped.pages.get('a/')!.html, /skip reading security scan for file <em>\/scan\.md<\/em>/);
});

test('render_changelog with the theme\'s enterprise and changelogJsonPath: the matching generated changelog, no warning', async () => {
  const result = await render('{{< render_changelog enterprise="true" changelogJsonPath="glooe-changelog.docgen" >}}\n\n{{% render_changelog enterprise="false" changelogJsonPath="gloo-changelog.docgen" %}}\n');
  assert.deepEqual(result.diagnostics, []);
  const hrefs = selectAll('a', fromHtml(result.html, { fragment: true })).map((a) => a.properties.href);
  assert.deepEqual(hrefs, ['/gloo-edge/v1.17.x/reference/changelog/enterprise/', '/gloo-edge/v1.17.x/reference/changelog/open_source/']);
});

test('tab without name and alert written positionally, as the Solo theme reads them', async () => {
  const result = await render('{{< tabs >}}\n{{< tab codelang="yaml" >}}\na: 1\n{{< /tab >}}\n{{< /tabs >}}\n\n{{% alert danger %}}Stop{{% /alert %}}\n');
  assert.deepEqual(result.diagnostics, []);
  const tree = fromHtml(result.html, { fragment: true });
  assert.equal(select('.tab-panel', tree)!.properties.dataTabName, '');
  assert.ok(select('aside.alert.alert-danger', tree));
});

test('a missing generated *.docgen input: one warning per file for the whole build, naming it; the pages build and show nothing there', async () => {
  const dir = project({
    'docs.config.ts': "export default { changelog: { open_source: [], enterprise: [] }, versions: { include: ['v1.17.x'] }, snippets: 'content/static/content', outDir: 'site' };\n",
    'content/_index.md': page('Home'),
    'content/a.md': page('Before {{< readfile file="static/content/gloo-changelog.docgen" markdown="true" >}} after.\n\n{{< readfile file="/static/content/gloo-changelog.docgen" >}}'),
    'content/b.md': page('{{< readfile file="static/content/gloo-changelog.docgen" markdown="true" >}}\n\n{{< readfile file="static/content/glooe-values.docgen" >}}'),
    'content/static/content/README.md': 'snippets',
  });
  const result = await prepare(await loadConfig(path.join(dir, 'docs.config.ts')));
  const problems = result.diagnostics.map((d) => `${d.severity} ${d.file}:${d.line} ${d.message}`);
  assert.deepEqual(problems, [
    'warning content/a.md:4 readfile: generated file `static/content/gloo-changelog.docgen` is missing; the pages that read it show nothing in its place',
    'warning content/b.md:6 readfile: generated file `static/content/glooe-values.docgen` is missing; the pages that read it show nothing in its place',
  ]);
  assert.match(result.diagnostics[0]!.hint!, /content\/static\/content\/gloo-changelog\.docgen/);
  const a = result.data!.pages['v1.17.x']!.find((p) => p.route === 'a/')!;
  assert.match(a.html, /Before\s+after\./);
});

/** A project with the site's own templates in layouts/shortcodes/. */
async function withTemplates(templates: Record<string, string>, source: string, extra: Record<string, string> = {}) {
  const files: Record<string, string> = { 'data/Solo.yaml': 'LatestVersion: 1.17.x\nOldVersions: [v1.13.x]\n', ...extra };
  for (const [name, text] of Object.entries(templates)) files[`layouts/shortcodes/${name}`] = text;
  const dir = project(files);
  const custom = loadTemplateShortcodes(path.join(dir, 'layouts'));
  return render(source, { root: dir, custom, dataDir: path.join(dir, 'data'), siteParams: { Product: 'Gloo' } });
}

test('a site template gets .Get by position and name, .Inner, .Page, .Site.Data (Solo.DocsVersion is the version base), .Site.Params, .Ordinal, .Parent', async () => {
  const result = await withTemplates(
    {
      'badge.html': '<span class="badge" data-n="{{ .Ordinal }}">{{ .Get 0 }}|{{ .Site.Params.product }}|{{ .Site.Data.Solo.DocsVersion }}|{{ .Site.Data.Solo.LatestVersion }}|{{ .Page.Title }}|{{ .Page.Params.custom }}</span>',
      'box.html': '<div class="box">{{ .Inner }}</div>',
      'leaf': '<i>{{ .Get "label" | default "none" }} in {{ with .Parent }}{{ .Name }}{{ end }}</i>',
    },
    '---\ntitle: My page\ncustom: 42\n---\n{{< badge first >}} and {{< badge second >}}\n\n{{< box >}}x {{< leaf label="L" >}} y{{< /box >}}\n',
  );
  assert.deepEqual(result.diagnostics, []);
  const tree = fromHtml(result.html, { fragment: true });
  const badges = selectAll('span.badge', tree);
  assert.deepEqual(badges.map(toString), ['first|Gloo|/gloo-edge/v1.17.x|1.17.x|My page|42', 'second|Gloo|/gloo-edge/v1.17.x|1.17.x|My page|42']);
  assert.deepEqual(badges.map((b) => b.properties.dataN), ['0', '1']);
  assert.equal(toString(select('div.box', tree)!), 'x L in box y');
});

test('a {{% %}} call of a template renders its output as Markdown; values are HTML-escaped unless safe', async () => {
  const result = await withTemplates({ 'note.html': 'Read **{{ .Get "what" }}** at [the guide]({{ .Site.Data.Solo.DocsVersion }}/guide/).' }, '{{% note what="<b>this</b>" %}}\n');
  assert.deepEqual(result.diagnostics, []);
  const tree = fromHtml(result.html, { fragment: true });
  assert.equal(toString(select('strong', tree)!), '<b>this</b>');
  assert.equal(select('a', tree)!.properties.href, '/gloo-edge/v1.17.x/guide/');
});

test('a site template wins over the built-in of the same name; `name.html` wins over `name`', async () => {
  const result = await withTemplates({ 'notice.html': '<p class="site-notice">{{ .Get 0 }}: {{ .Inner }}</p>', 'x': 'plain', 'x.html': 'html' }, '{{% notice tip %}}Mine{{% /notice %}}\n\n{{< x >}}\n');
  assert.deepEqual(result.diagnostics, []);
  assert.match(result.html, /<p class="site-notice">tip: Mine<\/p>/);
  assert.doesNotMatch(result.html, /<aside/);
  assert.match(result.html, /html/);
  assert.doesNotMatch(result.html, /plain/);
});

test('a function we lack, a template that does not parse, a failing call: errors at the template\'s file:line, reported at the call', async () => {
  const result = await withTemplates(
    { 'a.html': 'ok\n{{ range where .Site.Pages "Section" "x" }}{{ end }}', 'b.html': '{{ if .Get 0 }}never closed', 'c.html': '\n\n  {{ .Page.Nope }}' },
    '{{< a >}}\n\n{{< b 1 >}}\n\n{{< c >}}\n',
  );
  const problems = result.diagnostics.map((d) => `${d.severity} ${d.line}:${d.column} ${d.message}`);
  assert.equal(problems.length, 3, problems.join('\n'));
  assert.match(problems[0]!, /^error 1:1 .*layouts\/shortcodes\/a\.html:2:10: shortcode template `a`: function "where" is not supported$/);
  assert.match(problems[1]!, /^error 3:1 .*layouts\/shortcodes\/b\.html:1:1: shortcode template `b`: \{\{if\}\} has no \{\{end\}\}$/);
  assert.match(problems[2]!, /^error 5:1 .*layouts\/shortcodes\/c\.html:3:6: shortcode template `c`: can't evaluate field Nope in type Page/);
});

test('an argument the template never reads is a warning; a template reading .Params takes any', async () => {
  const result = await withTemplates({ 'one.html': '{{ .Get "a" }}', 'any.html': '{{ range $k, $v := .Params }}{{ $k }}={{ $v }};{{ end }}' }, '{{< one a="1" b="2" >}}\n\n{{< any z="9" y="8" >}}\n');
  assert.deepEqual(result.diagnostics.map((d) => `${d.severity} ${d.line}:${d.column}`), ['warning 1:15']);
  assert.match(result.diagnostics[0]!.message, /`one` has no argument `b`/);
  assert.match(result.html, /y=8;z=9;/);
});

test('Gloo\'s own extauth_version_info_note (no extension) runs as Hugo ran it', { skip: NEEDS_SHARED }, async () => {
  const docs = glooDocs('v1.17.x');
  const custom = loadTemplateShortcodes(path.join(docs, 'layouts'));
  assert.deepEqual(custom.map((d) => d.name), ['extauth_version_info_note']);
  // As the real pages call it (guides/security/auth/extauth/oauth/_index.md:26).
  const line = readFileSync(path.join(docs, 'content/guides/security/auth/extauth/oauth/_index.md'), 'utf8').split('\n')[25]!;
  assert.equal(line, '{{% extauth_version_info_note %}}');
  const result = await render(`# OAuth\n\n${line}\n`, { root: docs, contentDir: path.join(docs, 'content'), custom, dataDir: path.join(docs, 'data') });
  assert.deepEqual(result.diagnostics, []);
  // Hugo's output on this page (the reference rendering), character for character.
  assert.ok(
    result.html.includes(
      'The auth configuration format shown on this page was introduced with <strong>Gloo Enterprise</strong>, release <a href="/gloo-edge/v1.17.x/reference/changelog/enterprise"><strong>0.20.1</strong></a>.',
    ),
  );
  assert.ok(result.html.includes('<a href="/gloo-edge/v1.17.x/guides/security/auth/extauth/configuration_format_history/">this page</a>'));
});

test('on the real v1.17.x tree: /static/content/setup_notes is read from content/, and the security scan page warns once per missing .docgen', { skip: NEEDS_SHARED }, async () => {
  const docs = glooDocs('v1.17.x');
  const options = { root: docs, contentDir: path.join(docs, 'content'), dataDir: path.join(docs, 'data') };
  const direct = 'content/guides/traffic_management/request_processing/direct_response_action/_index.md';
  const source = readFileSync(path.join(docs, direct), 'utf8');
  assert.match(source, /\{\{< readfile file="\/static\/content\/setup_notes" markdown="true">\}\}/);
  const notes = readFileSync(path.join(docs, 'content/static/content/setup_notes'), 'utf8');
  const result = await render(source, options);
  assert.deepEqual(result.diagnostics.filter((d) => /readfile/.test(d.message)), []);
  // The snippet's first words are on the page.
  const first = notes.replace(/[#*`[\]]/g, '').trim().split(/\s+/).slice(0, 4).join(' ');
  assert.ok(toString(fromHtml(result.html, { fragment: true })).replace(/\s+/g, ' ').includes(first), first);

  const scans = await render(readFileSync(path.join(docs, 'content/reference/security-updates/enterprise/_index.md'), 'utf8'), options);
  assert.deepEqual(
    scans.diagnostics.map((d) => `${d.severity} ${d.line} ${/`([^`]+)`/.exec(d.message)?.[1]}`),
    [0, 1, 2, 3].map((n) => `warning ${9 + n} static/content/glooe-security-scan-${n}.docgen`),
  );
});
