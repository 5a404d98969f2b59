/** `children` and `ref`/`relref` on a small tree of our own: sections, bundles, order, descriptions, depth. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { childPages } from '../src/shortcodes/builtins/children.ts';
import { render } from './support/pipeline.ts';
import { allDiagnostics, renderTree } from './support/tree.ts';

const fm = (fields: Record<string, unknown>, body = '') =>
  `---\n${Object.entries(fields).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join('\n')}\n---\n\n${body}\n`;

const TREE = {
  'content/_index.md': fm({ title: 'Home' }, '{{% children %}}'),
  'content/ops/_index.md': fm({ title: 'Operations', weight: 10 }, 'Intro.\n\n{{% children description="true" %}}'),
  'content/ops/upgrade/_index.md': fm({ title: 'Upgrading', weight: 20, description: 'Upgrade it.' }, '{{% children depth="2" style="h3" %}}'),
  'content/ops/upgrade/faq.md': fm({ title: 'Prepare to upgrade', linkTitle: 'Prepare', weight: 10, description: 'Before you start.' }),
  'content/ops/upgrade/canary.md': fm({ title: 'Canary upgrade', weight: 30, description: 'Two deployments.' }),
  'content/ops/upgrade/quick/index.md': fm({ title: 'Quick upgrade', weight: 20, description: 'A bundle page.' }),
  'content/ops/upgrade/quick/deep.md': fm({ title: 'Not a page: a bundle resource' }),
  'content/ops/monitoring.md': fm({ title: 'Monitoring', description: 'Unweighted: listed last.' }),
  'content/ops/backup.md': fm({ title: 'Backup', weight: 5, description: 'Weight 5 comes first.' }),
  'content/ops/alpha.md': fm({ title: 'Alpha', description: 'Unweighted, but A before M.' }),
  'content/ops/upgrade/canary/rollback.md': fm({ title: 'Rollback', weight: 1 }),
  'content/ref/links.md': fm(
    { title: 'Links' },
    [
      '[abs]({{< ref "/ops/upgrade/faq.md" >}})',
      '[rel]({{< relref "../ops/backup.md#restore" >}})',
      '[noext]({{< relref "/ops/upgrade/canary" >}})',
      '[section]({{< ref "/ops/upgrade" >}})',
      '[bundle]({{< ref "/ops/upgrade/quick" >}})',
      '[name]({{< ref "monitoring.md" >}})',
      '[self]({{< ref "#top" >}})',
    ].join('\n\n'),
  ),
};

const rendered = await renderTree(TREE);
const page = (route: string) => rendered.pages.get(route)!;
const hrefs = (route: string, selector = 'a') => selectAll(selector, page(route).tree).map((a) => a.properties.href);

test('the tree renders without errors; a leaf bundle folder holds one page', () => {
  assert.deepEqual(allDiagnostics(rendered), []);
  assert.ok(!rendered.pages.has('ops/upgrade/quick/deep/'), 'a .md file inside a bundle is a resource, not a page');
  assert.ok(rendered.pages.has('ops/upgrade/quick/'));
});

test('children: weight order, unweighted pages last by title; links carry the version base', () => {
  assert.deepEqual(hrefs('ops/', 'ul.children > li > p > a'), [
    '/gloo-edge/v1.17.x/ops/backup/',
    '/gloo-edge/v1.17.x/ops/upgrade/',
    '/gloo-edge/v1.17.x/ops/alpha/',
    '/gloo-edge/v1.17.x/ops/monitoring/',
  ]);
});

test('children shows each entry as the Solo theme does: `Title: description`, whatever description= says', () => {
  const entries = selectAll('ul.children > li > p', page('ops/').tree).map((p) => toString(p));
  assert.deepEqual(entries, ['Backup: Weight 5 comes first.', 'Upgrading: Upgrade it.', 'Alpha: Unweighted, but A before M.', 'Monitoring: Unweighted: listed last.']);
  // The home page's call has no description="true": the theme shows descriptions anyway (Operations has none).
  assert.deepEqual(selectAll('ul.children > li > p', page('').tree).map((p) => toString(p)), ['Operations']);
  assert.deepEqual(hrefs(''), ['/gloo-edge/v1.17.x/ops/']);
});

test('children depth="2" style="h3": titles (not linkTitle, as the theme), bundles as children, grandchildren listed', () => {
  const titles = selectAll('h3.children-title', page('ops/upgrade/').tree).map((h) => toString(h));
  assert.deepEqual(titles, ['Prepare to upgrade: Before you start.', 'Quick upgrade: A bundle page.', 'Canary upgrade: Two deployments.', 'Rollback']);
});

test('children with {{% %}}: a description\'s Markdown is rendered, as Hugo renders the theme\'s output; with {{< >}} it stays text', async () => {
  const tree = (call: string) => ({
    'content/_index.md': fm({ title: 'Home' }),
    'content/cli/_index.md': fm({ title: 'CLI' }, call),
    'content/cli/config.md': fm({ title: 'Config', description: 'Settings for `glooctl`, *kept*.' }),
  });
  const markdown = await renderTree(tree('{{% children %}}'));
  assert.deepEqual(allDiagnostics(markdown), []);
  const rendered = select('.children-description', markdown.pages.get('cli/')!.tree)!;
  assert.equal(toString(select('code', rendered)!), 'glooctl');
  assert.equal(toString(select('em', rendered)!), 'kept');
  assert.equal(toString(rendered), 'Settings for glooctl, kept.');
  const plain = await renderTree(tree('{{< children >}}'));
  assert.equal(toString(select('.children-description', plain.pages.get('cli/')!.tree)!), 'Settings for `glooctl`, *kept*.');
});

test('childPages sorts by weight (0 last), then title', () => {
  const pages = [
    { route: 'a/z/', path: 'a/z.md', title: 'Z', description: '', weight: 0 },
    { route: 'a/b/', path: 'a/b.md', title: 'B', description: '', weight: 2 },
    { route: 'a/c/', path: 'a/c.md', title: 'C', description: '', weight: 1 },
    { route: 'a/a/', path: 'a/a.md', title: 'A', description: '', weight: 0 },
    { route: 'a/b/x/', path: 'a/b/x.md', title: 'X', description: '', weight: 1 },
  ];
  assert.deepEqual(childPages(pages, 'a/').map((p) => p.title), ['C', 'B', 'A', 'Z']);
  assert.deepEqual(childPages(pages, 'a/', 'title').map((p) => p.title), ['A', 'B', 'C', 'Z']);
});

test('ref and relref: absolute, relative, without extension, sections, bundles, by unique name, anchors', () => {
  assert.deepEqual(hrefs('ref/links/'), [
    '/gloo-edge/v1.17.x/ops/upgrade/faq/',
    '/gloo-edge/v1.17.x/ops/backup/#restore',
    '/gloo-edge/v1.17.x/ops/upgrade/canary/',
    '/gloo-edge/v1.17.x/ops/upgrade/',
    '/gloo-edge/v1.17.x/ops/upgrade/quick/',
    '/gloo-edge/v1.17.x/ops/monitoring/',
    '/gloo-edge/v1.17.x/ref/links/#top',
  ]);
});

test('ref to a page that does not exist is an error at the path, with a suggestion', async () => {
  const broken = await renderTree({ ...TREE, 'content/ref/broken.md': fm({ title: 'B' }, 'See [x]({{< ref "/ops/upgrade/faqs.md" >}}).\n\n[y]({{< relref "nothing-like-it" >}})') });
  const errors = broken.pages.get('ref/broken/')!.diagnostics;
  assert.equal(errors.length, 2);
  assert.match(errors[0]!.message, /ref: No page `\/ops\/upgrade\/faqs\.md` in the content tree/);
  assert.equal(errors[0]!.file, 'content/ref/broken.md');
  assert.equal(errors[0]!.line, 5);
  assert.equal(errors[0]!.column, 17);
  assert.match(errors[0]!.hint!, /ops\/upgrade\/faq\.md/);
  assert.match(errors[1]!.message, /relref: No page `nothing-like-it`/);
});

test('ref by a name two pages share is ambiguous', async () => {
  const twice = await renderTree({ ...TREE, 'content/other/faq.md': fm({ title: 'Other FAQ' }), 'content/ref/amb.md': fm({ title: 'A' }, '[x]({{< ref "faq" >}})') });
  const [e] = twice.pages.get('ref/amb/')!.diagnostics;
  assert.match(e!.message, /`faq` is ambiguous: 2 pages/);
  assert.match(e!.hint!, /"\/ops\/upgrade\/faq\.md", "\/other\/faq\.md"|"\/other\/faq\.md", "\/ops\/upgrade\/faq\.md"/);
});

test('children and ref outside a content tree say what they need', async () => {
  const result = await render('{{% children %}}\n\n[x]({{< ref "/a.md" >}})\n');
  assert.match(result.diagnostics[0]!.message, /children lists the pages of a section: it needs the content tree/);
  assert.match(result.diagnostics[1]!.message, /ref: `\/a\.md` needs the content tree/);
  assert.equal(select('ul', (await import('hast-util-from-html')).fromHtml(result.html, { fragment: true })), undefined);
});
