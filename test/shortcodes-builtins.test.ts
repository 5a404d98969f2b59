/**
 * The built-in shortcodes one by one (src/shortcodes/builtins/): what a
 * reader sees for typical arguments, and for a bad argument the diagnostic a
 * writer gets, at the argument's line:column. Each module is imported here, so
 * a renamed shortcode fails this file, not a distant end-to-end test.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { alert } from '../src/shortcodes/builtins/alert.ts';
import { codeLines } from '../src/shortcodes/builtins/code-text.ts';
import { expand } from '../src/shortcodes/builtins/expand.ts';
import { findPage } from '../src/shortcodes/builtins/find-page.ts';
import { builtins } from '../src/shortcodes/builtins/index.ts';
import { mermaid } from '../src/shortcodes/builtins/mermaid.ts';
import { notice } from '../src/shortcodes/builtins/notice.ts';
import { PROTOBUF_DATA, protobuf } from '../src/shortcodes/builtins/protobuf.ts';
import { readfile } from '../src/shortcodes/builtins/readfile.ts';
import { ref, relref } from '../src/shortcodes/builtins/ref.ts';
import { renderChangelog } from '../src/shortcodes/builtins/render_changelog.ts';
import { tab, tabs } from '../src/shortcodes/builtins/tabs.ts';
import { versionedLinkPath } from '../src/shortcodes/builtins/versioned_link_path.ts';
import { SiteIndex } from '../src/markdown/site-index.ts';
import type { PageInfo } from '../src/shortcodes/types.ts';
import { docsRoot, render } from './support/pipeline.ts';

type Rendered = Awaited<ReturnType<typeof render>>;
const where = (r: Rendered) => r.diagnostics.map((d) => `${d.severity} ${d.line}:${d.column} ${d.message}`);

test('every built-in is registered once, by the name the tree uses', () => {
  const names = builtins.map((b) => b.name);
  assert.equal(new Set(names).size, names.length);
  for (const b of [alert, expand, mermaid, notice, protobuf, readfile, ref, relref, renderChangelog, tab, tabs, versionedLinkPath]) assert.ok(names.includes(b.name), b.name);
});

test('alert: a callout with the theme as its class and label, inner Markdown rendered; a bad theme is one error at the argument', async () => {
  const ok = await render(`{{% ${alert.name} theme="warning" title="Heads up" %}}Careful **now**{{% /alert %}}`);
  assert.equal(ok.html, '<aside class="alert alert-warning" role="note" aria-label="Heads up"><p class="alert-title">Heads up</p><p>Careful <strong>now</strong></p></aside>');
  assert.deepEqual(ok.diagnostics, []);
  const bad = await render('Text\n\n{{% alert theme="purple" %}}x{{% /alert %}}\n');
  assert.deepEqual(where(bad), ['error 3:11 Shortcode `alert`: `purple` is not a valid value for `theme`'], 'once, though `theme` is both positional and named');
  assert.match(bad.diagnostics[0]!.hint!, /`warning`/);
});

test('notice: a labelled callout; an unknown type is a warning at the type, with the nearest one', async () => {
  const ok = await render(`{{% ${notice.name} tip %}}Use *this*{{% /notice %}}`);
  assert.equal(ok.html, '<aside class="notice notice-tip" role="note" aria-label="Tip"><p class="notice-label">Tip</p><p>Use <em>this</em></p></aside>');
  const bad = await render('a\n\n{{% notice warnig %}}x{{% /notice %}}');
  assert.deepEqual(where(bad), ['warning 3:12 notice: `warnig` is not a notice type; the callout has no colour of its own']);
  assert.match(bad.diagnostics[0]!.hint!, /\(`warning`\?\)/);
  const missing = await render('{{% notice %}}x{{% /notice %}}');
  assert.match(where(missing)[0]!, /^error 1:1 Shortcode `notice` needs the argument `type`/);
});

test('expand: a native <details>, open with "true"; another value is an error at it', async () => {
  const ok = await render(`{{% ${expand.name} "More" "true" %}}Hidden *text*{{% /expand %}}`);
  assert.equal(ok.html, '<details class="expand" open><summary class="expand-title">More</summary><div class="expand-body"><p>Hidden <em>text</em></p></div></details>');
  const closed = await render('{{% expand %}}x{{% /expand %}}');
  assert.match(closed.html, /^<details class="expand"><summary class="expand-title">Expand me...<\/summary>/);
  const bad = await render('\n{{% expand "T" "yes" %}}x{{% /expand %}}');
  assert.deepEqual(where(bad), ['error 2:16 Shortcode `expand`: `yes` is not a valid value for `open`']);
});

test('tabs and tab: panels under their labels; a name used twice in a set is an error at the second name', async () => {
  const r = await render(`{{< ${tabs.name} >}}\n{{% ${tab.name} name="A" %}}\nOne\n{{% /tab %}}\n{{% tab name="B" codelang="yaml" %}}\nk: v\n{{% /tab %}}\n{{< /tabs >}}`);
  assert.match(r.html, /^<div class="tabs" data-tabs><section class="tab-panel" data-tab-name="A" id="tab-1"><p class="tab-label">A<\/p><p>One<\/p><\/section><section class="tab-panel" data-tab-name="B" id="tab-2"><p class="tab-label">B<\/p><pre class="shiki/);
  assert.deepEqual(r.diagnostics, []);
  const twice = await render('{{< tabs >}}\n{{% tab name="A" %}}\nOne\n{{% /tab %}}\n{{% tab name="A" %}}\nTwo\n{{% /tab %}}\n{{< /tabs >}}');
  assert.deepEqual(where(twice), ['error 5:9 Two tabs of this set are named `A`: the second panel could never be shown']);
  const outside = await render('{{% tab name="A" %}}x{{% /tab %}}');
  assert.match(where(outside)[0]!, /^error 1:1 .*`tab`.*`tabs`/);
});

test('mermaid: the source kept as text for the renderer, indentation removed; an empty diagram is an error', async () => {
  const r = await render(`- item\n\n  {{< ${mermaid.name} align="center" >}}\n  graph LR; A-->B\n  {{< /mermaid >}}`);
  // Every <pre> is reachable by keyboard (the article pass, util/article-tree.ts).
  assert.match(r.html, /<pre class="mermaid" data-needs="mermaid" data-align="center" tabindex="0">graph LR; A-->B<\/pre>/);
  assert.deepEqual(where(await render('\n{{< mermaid >}}\n\n{{< /mermaid >}}')), ['error 2:1 mermaid: the diagram is empty']);
  assert.deepEqual(where(await render('{{< mermaid align="middle" >}}\nA\n{{< /mermaid >}}')), ['error 1:13 Shortcode `mermaid`: `middle` is not a valid value for `align`']);
});

test('codeLines: blank lines around dropped, a blank first line counted, common indentation removed', () => {
  assert.deepEqual(codeLines('\n  a\n    b\n\n'), { code: 'a\n  b', skipped: 0 });
  assert.deepEqual(codeLines('   \n\tx\r\n\ty\n'), { code: 'x\ny', skipped: 1 });
  assert.deepEqual(codeLines(''), { code: '', skipped: 0 });
});

test('versioned_link_path: the path under the version being read; a path without `/` is a warning at the argument', async () => {
  assert.equal((await render(`{{% ${versionedLinkPath.name} fromRoot="/operations/canary/#x" %}}`)).html, '<p>/gloo-edge/v1.17.x/operations/canary/#x</p>');
  const bad = await render('See {{% versioned_link_path fromRoot="operations/" %}}');
  assert.equal(bad.html, '<p>See /gloo-edge/v1.17.x/operations/</p>', 'the link the writer meant');
  assert.deepEqual(where(bad), ['warning 1:29 versioned_link_path: fromRoot `operations/` does not start with `/`; linked as `/operations/`']);
});

test('render_changelog: a link to the generated changelog page; an unknown product is an error at it', async () => {
  const r = await render(`{{< ${renderChangelog.name} product="enterprise" >}}`);
  assert.equal(r.html, '<p>See the <a href="/gloo-edge/v1.17.x/reference/changelog/enterprise/">Enterprise changelog</a>: release notes by minor line, chronologically, or compared between two versions.</p>');
  assert.match((await render('{{< render_changelog enterprise="false" >}}')).html, /href="\/gloo-edge\/v1\.17\.x\/reference\/changelog\/open_source\/"/);
  assert.deepEqual(where(await render('{{< render_changelog product="foo" >}}')), ['error 1:22 Shortcode `render_changelog`: `foo` is not a valid value for `product`']);
});

test('readfile: a file of the docs root, as Markdown on request; a missing file is an error at `file`', async () => {
  const files = { 'snip.md': 'Hello *there*' };
  assert.equal((await render(`{{< ${readfile.name} file="snip.md" markdown="true" >}}`, { files })).html, '<p>Hello <em>there</em></p>');
  assert.equal((await render('{{< readfile file="snip.md" >}}', { files })).html, '<p>Hello *there*</p>');
  const bad = await render('\n\n{{< readfile file="nope.md" >}}', { files });
  assert.deepEqual(where(bad), ['error 3:14 readfile: file `nope.md` does not exist']);
  assert.match(bad.diagnostics[0]!.hint!, /nope\.md/);
});

test('protobuf: a link to the API page ProtoMap names (lower-cased, as the theme does), display as Markdown; an unknown name is a warning at it, the text without a link', async () => {
  const root = docsRoot({
    [`data/${PROTOBUF_DATA}.yaml`]: 'apis:\n  gloo.solo.io.Upstream:\n    relativepath: reference/api/Upstream.proto.sk/#Upstream\n    package: gloo.solo.io\n',
  });
  const ok = await render(`{{% ${protobuf.name} name="gloo.solo.io.Upstream" display="\`Upstream\`" %}}`, { root, dataDir: `${root}/data` });
  assert.equal(ok.html, '<p><a href="/gloo-edge/v1.17.x/reference/api/upstream.proto.sk/#upstream"><code class="nowrap">Upstream</code></a></p>');
  const bad = await render('x\n{{% protobuf name="other.Upstream" %}}', { root, dataDir: `${root}/data` });
  assert.equal(bad.html, '<p>x\nother.Upstream</p>');
  assert.match(where(bad)[0]!, /^warning 2:14 protobuf: no API reference page for `other\.Upstream`/);
  assert.match(bad.diagnostics[0]!.hint!, /`gloo\.solo\.io\.Upstream`/);
  assert.match(where(await render('{{% protobuf name="x" %}}'))[0]!, /^error 1:1 protobuf: No data folder/);
});

const pages: PageInfo[] = [
  { route: '', path: '_index.md', title: 'Home', description: '', weight: 0 },
  { route: 'operations/', path: 'operations/_index.md', title: 'Ops', description: '', weight: 0 },
  { route: 'operations/upgrading/faq/', path: 'operations/upgrading/faq.md', title: 'FAQ', description: '', weight: 0 },
  { route: 'guide/faq/', path: 'guide/faq.md', title: 'FAQ', description: '', weight: 0 },
  { route: 'page/', path: 'page.md', title: 'Page', description: '', weight: 0 },
];

test('ref and relref: the page\'s URL under the version, anchor kept; an unknown page is an error at the path with a did-you-mean', async () => {
  const site = new SiteIndex('/nowhere/content', pages.map((info) => ({ file: info.path === 'page.md' ? 'page.md' : `x/${info.path}`, info })));
  const ok = await render(`[a]({{< ${ref.name} "/operations/upgrading/faq.md#prepare" >}}) [b]({{< ${relref.name} "operations" >}})`, { site });
  assert.equal(ok.html, '<p><a href="/gloo-edge/v1.17.x/operations/upgrading/faq/#prepare">a</a> <a href="/gloo-edge/v1.17.x/operations/">b</a></p>');
  const bad = await render('\n{{< ref "/operations/upgrading/fqa.md" >}}', { site });
  assert.deepEqual(where(bad), ['error 2:9 ref: No page `/operations/upgrading/fqa.md` in the content tree']);
  assert.match(bad.diagnostics[0]!.hint!, /Did you mean "\/operations\/upgrading\/faq\.md"/);
  assert.match(where(await render('{{< ref "faq" >}}', { site }))[0]!, /ref: `faq` is ambiguous: 2 pages/);
});

test('findPage: Hugo\'s lookup order (root, page folder, section, unique name)', () => {
  const site = { pages, path: 'operations/_index.md', route: 'operations/', params: {} };
  const found = (r: string) => {
    const f = findPage(site, r);
    return f.ok ? f.page.route : f.message;
  };
  assert.equal(found('/page.md'), 'page/');
  assert.equal(found('upgrading/faq'), 'operations/upgrading/faq/', 'from the page\'s folder');
  assert.equal(found('/operations'), 'operations/', 'a section by its folder');
  assert.equal(found('page'), 'page/');
  assert.equal(found('faq'), '`faq` is ambiguous: 2 pages are called that');
  assert.equal(found('/missing'), 'No page `/missing` in the content tree');
});
