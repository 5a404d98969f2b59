/** Hugo's content model: sections, bundles and their files, relative links, drafts, aliases. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { select, selectAll } from 'hast-util-select';
import { writeExtras } from '../src/engine/extras.ts';
import { aliasRoute } from '../src/engine/page-index.ts';
import { allDiagnostics, renderTree } from './support/tree.ts';
import { renderedPage, siteData } from './support/pages.ts';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const fm = (fields: string, body = '') => `---\n${fields}\n---\n\n${body}\n`;

const TREE = {
  'content/_index.md': fm('title: Home'),
  'content/guide/_index.md': fm('title: Guide\nweight: 1', '![Overview](overview.svg)'),
  'content/guide/overview.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
  'content/guide/setup/index.md': fm(
    'title: Setup\naliases:\n  - /old/setup/\n  - ../legacy-setup',
    '![Diagram](diagram.png)\n\n<img src="img/screen%20shot.png" alt="Screen">\n\n[Config file](files/values.yaml) and [the FAQ](../faq.md#top) and [external](https://example.com/x.png).',
  ),
  'content/guide/setup/diagram.png': PNG,
  'content/guide/setup/img/screen shot.png': PNG,
  'content/guide/setup/files/values.yaml': 'a: 1\n',
  'content/guide/faq.md': fm('title: FAQ\naliases: /faq-old.html', '![Shared](../shared/arch.png) and [setup](setup/index.md)'),
  'content/shared/arch.png': PNG,
  'content/guide/wip.md': fm('title: Work in progress\ndraft: true', '{{% notice tip %}}Not ready{{% /notice %}}'),
  'static/content/version_geoss_latest.md': '1.17.33',
};

const rendered = await renderTree(TREE);
const page = (route: string) => rendered.pages.get(route)!;
const attr = (route: string, selector: string, name: string) => selectAll(selector, page(route).tree).map((e) => e.properties[name]);

test('sections, bundles and pages get Hugo\'s routes; the snippet folder is not content', () => {
  assert.deepEqual(allDiagnostics(rendered), []);
  assert.deepEqual([...rendered.pages.keys()].sort(), ['', 'guide/', 'guide/faq/', 'guide/setup/']);
});

test('a page bundle\'s files are its resources; a section\'s own files too', () => {
  const setup = rendered.content.pages.find((p) => p.route === 'guide/setup/')!;
  assert.deepEqual(setup.resources, ['guide/setup/diagram.png', 'guide/setup/files/values.yaml', 'guide/setup/img/screen shot.png']);
  const guide = rendered.content.pages.find((p) => p.route === 'guide/')!;
  assert.deepEqual(guide.resources, ['guide/overview.svg']);
});

test('relative image and file links are rewritten to where the files are published, with the version base', () => {
  assert.deepEqual(attr('guide/setup/', 'img', 'src'), ['/gloo-edge/v1.17.x/guide/setup/diagram.png', '/gloo-edge/v1.17.x/guide/setup/img/screen shot.png']);
  assert.deepEqual(attr('guide/setup/', 'a', 'href'), [
    '/gloo-edge/v1.17.x/guide/setup/files/values.yaml',
    '/gloo-edge/v1.17.x/guide/faq/#top',
    'https://example.com/x.png',
  ]);
  assert.deepEqual(attr('guide/', 'img', 'src'), ['/gloo-edge/v1.17.x/guide/overview.svg']);
});

test('a plain page\'s relative links start from its folder; links to .md files become page routes', () => {
  assert.deepEqual(attr('guide/faq/', 'img', 'src'), ['/gloo-edge/v1.17.x/shared/arch.png']);
  assert.deepEqual(attr('guide/faq/', 'a', 'href'), ['/gloo-edge/v1.17.x/guide/setup/']);
  assert.ok([...rendered.pages.values()].some((p) => p.files.includes('shared/arch.png')), 'a linked file outside any bundle is published too');
});

test('drafts are left out of production builds and kept when asked for', async () => {
  assert.ok(!rendered.pages.has('guide/wip/'));
  assert.ok(!rendered.content.index.pages.some((p) => p.route === 'guide/wip/'), 'children and ref do not see drafts');
  const withDrafts = await renderTree(TREE, { drafts: true });
  assert.ok(withDrafts.pages.has('guide/wip/'));
});

test('aliases: absolute and relative (from the page\'s section), folders and .html files', () => {
  assert.deepEqual(rendered.content.aliases.map((a) => [a.from, a.to]), [
    ['faq-old.html', 'guide/faq/'],
    ['old/setup/', 'guide/setup/'],
    ['legacy-setup/', 'guide/setup/'],
  ]);
  assert.equal(aliasRoute('https://example.com/x', 'a/'), undefined);
  assert.equal(aliasRoute('../../../up', 'a/b/'), undefined);
});

test('an alias that clashes with a page, or a value that is not a path, is an error at the aliases line', async () => {
  const clash = await renderTree({ ...TREE, 'content/other.md': fm('title: Other\naliases: [/guide/faq/, 42]') });
  const messages = clash.content.diagnostics.map((d) => `${d.file}:${d.line}: ${d.message}`);
  assert.deepEqual(messages, ['content/other.md:3: Alias `42` is not a path', 'content/other.md:3: Alias `/guide/faq/` clashes with the page at that route']);
});

test('a relative image that names no file is an error at the image', async () => {
  const broken = await renderTree({ ...TREE, 'content/guide/broken.md': fm('title: Broken', 'Text\n\n![Gone](missing.png)') });
  const [e] = broken.pages.get('guide/broken/')!.diagnostics;
  assert.match(e!.message, /`missing\.png` is not a file of the content tree/);
  assert.equal(e!.line, 7);
  assert.equal(e!.file, 'content/guide/broken.md');
});

test('writeExtras copies the files into every version (and latest/) and writes alias redirects', async () => {
  const out = mkdtempSync(path.join(tmpdir(), 'extras-'));
  const data = siteData('P', { 'v1.17.x': ['guide/setup/', 'guide/faq/'], 'v1.16.x': ['guide/faq/'] }, (route) => renderedPage(route, { title: '' }));
  const files = [...new Set([...rendered.content.pages.flatMap((p) => p.resources), ...[...rendered.pages.values()].flatMap((p) => p.files)])].sort();
  const diagnostics = await writeExtras(out, data, { files, contentDir: path.join(rendered.dir, 'content'), aliases: rendered.content.aliases });
  assert.deepEqual(diagnostics, []);
  for (const prefix of ['v1.17.x', 'latest', 'v1.16.x']) {
    assert.deepEqual(readFileSync(path.join(out, 'docs', prefix, 'guide/setup/diagram.png')), Buffer.from(PNG));
    assert.ok(existsSync(path.join(out, 'docs', prefix, 'shared/arch.png')));
  }
  const redirect = readFileSync(path.join(out, 'docs/v1.17.x/old/setup/index.html'), 'utf8');
  assert.match(redirect, /<meta http-equiv="refresh" content="0; url=\/docs\/v1\.17\.x\/guide\/setup\/">/);
  assert.match(redirect, /<link rel="canonical" href="\/docs\/v1\.17\.x\/guide\/setup\/">/);
  assert.match(readFileSync(path.join(out, 'docs/latest/faq-old.html'), 'utf8'), /url=\/docs\/latest\/guide\/faq\//);
  assert.ok(existsSync(path.join(out, 'docs/v1.16.x/faq-old.html')));
  assert.ok(!existsSync(path.join(out, 'docs/v1.16.x/old/setup/index.html')), 'no redirect to a page the version does not have');
  assert.ok(select('img', page('guide/setup/').tree));
});
