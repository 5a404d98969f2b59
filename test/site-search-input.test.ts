/**
 * A version's search bundle is taken from the previous output only when its documents would be the same: the
 * record hashes what each document is made of (src/integration/search-index.ts documentInput), not the
 * documents. Every part of a document counts: its article, its title, and a generated section page's list of
 * its children.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { after, test } from 'node:test';
import { buildModel } from '../src/model/site-model.ts';
import { startSearchIndex, type BundleRecord } from '../src/integration/search-index.ts';
import type { RenderedPage, SiteData } from '../src/model/site-data.ts';

const temp = mkdtempSync(path.join(tmpdir(), 'search-input-'));
after(() => rmSync(temp, { recursive: true, force: true }));

const page = (route: string, title: string, html: string, description = ''): RenderedPage => ({ route, sourceFile: `${route || 'home'}.md`, title, description, weight: 0, section: route.endsWith('/') && route.split('/').length === 2, html, headings: [], links: [] });
/** A site of two versions; v2 has no home page of its own, so its generated home's search document lists its children. */
function site(edit: (v2: RenderedPage[], v1: RenderedPage[]) => void = () => {}): SiteData {
  const v2 = [page('install/', 'Install', '<p>Run the installer.</p>', 'How to install'), page('upgrade/', 'Upgrade', '<p>Upgrade it.</p>')];
  const v1 = [page('', 'Home', '<p>Welcome.</p>'), page('install/', 'Install', '<p>Run the old installer.</p>', 'How to install')];
  edit(v2, v1);
  return {
    base: '/docs/',
    product: 'Demo',
    latest: 'v2',
    versions: [
      { id: 'v2', minor: '2', label: '2', status: 'latest', values: {} },
      { id: 'v1', minor: '1', label: '1', status: 'supported', values: {} },
    ],
    pages: { v2, v1 },
  };
}

let n = 0;
/** Indexes the site (given the previous build's bundles) into a new folder: which versions Pagefind indexed, and the records. */
async function index(data: SiteData, previous?: { root: string; bundles: BundleRecord[] }) {
  const out = path.join(temp, `out-${n++}`);
  // The site the bundles go into.
  for (const prefix of ['latest', 'v2', 'v1']) mkdirSync(path.join(out, 'docs', prefix), { recursive: true });
  const written = await startSearchIndex(buildModel(data), path.join(temp, `scratch-${n}`), previous).write(out);
  return { indexed: written.indexed, previous: { root: out, bundles: written.bundles } };
}

test('the same documents: every bundle taken; a change to an article, a title or a listed child: that version indexed again', { timeout: 120_000 }, async () => {
  const first = await index(site());
  assert.deepEqual(first.indexed, ['v2', 'v1']);
  assert.deepEqual((await index(site(), first.previous)).indexed, [], 'nothing changed');
  const changes: [string, (v2: RenderedPage[], v1: RenderedPage[]) => void, string[]][] = [
    ['an article', (v2) => (v2[0]!.html = '<p>Run the new installer.</p>'), ['v2']],
    ['a title', (_, v1) => (v1[1]!.title = 'Installing'), ['v1']],
    ['a child listed by its generated section', (v2) => (v2[0]!.description = 'Install it'), ['v2']],
    ['a description nothing shows', (_, v1) => (v1[1]!.description = 'Install it'), []],
  ];
  for (const [what, edit, indexed] of changes) {
    assert.deepEqual((await index(site(edit), first.previous)).indexed, indexed, what);
  }
});

test('another Pagefind binary (named by PAGEFIND_EXTENDED_BINARY_PATH, which Pagefind prefers): every version indexed again', { timeout: 120_000 }, async () => {
  const first = await index(site());
  const binary = createRequire(import.meta.url).resolve(`@pagefind/${process.platform}-${process.arch}/bin/pagefind_extended`);
  process.env.PAGEFIND_EXTENDED_BINARY_PATH = binary;
  try {
    assert.deepEqual((await index(site(), first.previous)).indexed, ['v2', 'v1']);
  } finally {
    delete process.env.PAGEFIND_EXTENDED_BINARY_PATH;
  }
  assert.deepEqual((await index(site(), first.previous)).indexed, [], 'the same binary as the first build again');
});
