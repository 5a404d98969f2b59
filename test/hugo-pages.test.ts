/**
 * Pages as Hugo 0.111 and the Solo theme make them: front matter kinds and
 * their error positions, heading ids (Goldmark's `github` ids from the
 * source line), and the sidebar (nearest section, menuTitle, hidden,
 * Hugo's ByWeight order).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFrontMatter } from '../src/markdown/front-matter.ts';
import { buildModel } from '../src/model/site-model.ts';
import type { RenderedPage } from '../src/model/site-data.ts';
import { navTree, type NavNode } from '../src/view/nav.ts';
import { render } from './support/pipeline.ts';

test('front matter: after blank lines, TOML (+++), JSON; the body starts after it', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['\n\n---\ntitle: "upstream.proto"\nweight: 5\n---\n\nBody', { title: 'upstream.proto', weight: 5 }, '\nBody'],
    ['+++\ntitle = "T"\nweight = 3\n+++\nBody', { title: 'T', weight: 3 }, 'Body'],
    ['{\n  "title": "J {x}",\n  "weight": 2\n}\nBody', { title: 'J {x}', weight: 2 }, 'Body'],
    ['No front matter', {}, 'No front matter'],
  ];
  for (const [raw, data, body] of cases) {
    const { frontMatter, diagnostics } = parseFrontMatter('p.md', raw);
    assert.deepEqual(diagnostics, [], raw);
    assert.deepEqual({ ...frontMatter.data }, data, raw);
    assert.equal(frontMatter.body, body, raw);
    assert.equal(raw.slice(frontMatter.bodyOffset), body, raw);
  }
});

test('front matter errors: at the line of the file that holds the mistake, whatever the kind and the blank lines before', () => {
  const at = (raw: string) => {
    const d = parseFrontMatter('p.md', raw).diagnostics[0];
    assert.ok(d, raw);
    assert.match(d.message, /Malformed front matter/);
    return [d.line, d.hint?.split(' ')[3]];
  };
  assert.deepEqual(at('---\na: 1\n  b: 2\n---\n'), [3, 'YAML']);
  assert.deepEqual(at('\n\n---\na: 1\n  b: 2\n---\n'), [5, 'YAML']);
  assert.deepEqual(at('+++\na = 1\nb = \n+++\n'), [3, 'TOML']);
  assert.deepEqual(at('\n+++\na = 1\nb = ]\n+++\n'), [4, 'TOML']);
  assert.equal(at('{\n "title": "j",\n "weight": \n}\nbody')[1], 'one');
});

test('heading ids are Hugo\'s: from the source line (link URLs, code spans), spaces and dashes kept one for one, repeats -1, -2; explicit ids kept', async () => {
  const source = [
    '##### Source File: [github.com/solo-io/gloo/projects/gloo/api/v1/upstream.proto](https://github.com/solo-io/gloo/blob/main/projects/gloo/api/v1/upstream.proto)',
    '## Use `glooctl` -- now!',
    '## Repeat',
    '## Repeat',
    '## Repeat ##',
    '## Step 2: Review version 1.17 changes',
    '## snake_case and *emphasis*',
    '## Own id {#mine}',
    '## Mine',
    '## Mine',
  ].join('\n\n');
  const { headings } = await render(source);
  assert.deepEqual(
    headings.map((h) => h.id),
    [
      // Hugo 0.111 on the v1.17.x docs gives exactly this id (upstream.proto.sk).
      'source-file-githubcomsolo-ioglooprojectsglooapiv1upstreamprotohttpsgithubcomsolo-ioglooblobmainprojectsglooapiv1upstreamproto',
      'use-glooctl----now',
      'repeat',
      'repeat-1',
      'repeat-2',
      'step-2-review-version-117-changes',
      'snake_case-and-emphasis',
      'mine',
      'mine-1',
      'mine-2',
    ],
  );
});

test('heading ids from a shortcode\'s output or holding a per-version value come from the rendered text', async () => {
  const { headings } = await render('## Upgrade to {{< readfile file="static/content/v.md" >}}\n\n{{% readfile file="static/content/h.md" markdown="true" %}}', {
    files: { 'static/content/v.md': '1.17', 'static/content/h.md': '## From [a snippet](https://x.io)' },
  });
  assert.deepEqual(headings.map((h) => h.id), ['upgrade-to-117', 'from-a-snippet']);
});

const page = (route: string, fields: Partial<RenderedPage> & { title: string }): RenderedPage => ({
  route,
  sourceFile: `content/${route}${fields.section ? '_index' : 'page'}.md`,
  description: '',
  weight: 0,
  html: '',
  headings: [],
  links: [],
  section: false,
  ...fields,
});

function titles(node: NavNode): unknown {
  return node.children.map((c) => (c.children.length ? { [c.title]: titles(c) } : c.title));
}

test('sidebar as the Solo theme builds it: pages under their nearest section, folders without _index.md no entry, menuTitle for sections, linkTitle for pages, hidden left out, top level pages listed too, Hugo\'s ByWeight (0 last)', () => {
  const pages = [
    page('', { title: 'Home', section: true }),
    page('reference/', { title: 'Reference', section: true, menuTitle: 'Ref', weight: 2 }),
    page('reference/api/github.com/acme/upstream.proto.sk/', { title: 'upstream.proto', weight: 5 }),
    page('reference/api/github.com/acme/gateway.proto.sk/', { title: 'gateway.proto', weight: 5 }),
    page('reference/cli/', { title: 'CLI', weight: 0 }),
    page('reference/zeta/', { title: 'Zeta', weight: 1, linkTitle: 'Z', menuTitle: 'not for pages' }),
    page('reference/dated/', { title: 'Dated', weight: 5, date: '2024-01-01' }),
    page('guides/', { title: 'Guides', section: true, weight: 1 }),
    page('guides/secret/', { title: 'Secret', hidden: true }),
    page('static/', { title: '', section: true, hidden: true }),
    page('top-level-page/', { title: 'Top page', weight: 1 }),
  ];
  const model = buildModel({ base: '/d/', product: 'P', latest: 'v1', versions: [{ id: 'v1', minor: '1', label: '1', status: 'latest', values: {} }], pages: { v1: pages } });
  const version = model.byId.get('v1')!;
  assert.ok(!version.pages.has('reference/api/'), 'a folder without _index.md is no page');
  const nav = navTree(version.pages, (r) => `/d/v1/${r}`, 'reference/cli/');
  // A page at the top is listed (the theme lists sections only there): no page out of reach.
  assert.deepEqual(titles(nav), ['Guides', 'Top page', { Ref: ['Z', 'Dated', 'gateway.proto', 'upstream.proto', 'CLI'] }]);
});

test('a page that starts with a shortcode has no JSON front matter', () => {
  const raw = '{{< notice note >}}Hi{{< /notice >}}\n';
  const { frontMatter, diagnostics } = parseFrontMatter('p.md', raw);
  assert.deepEqual(diagnostics, []);
  assert.equal(frontMatter.body, raw);
});
