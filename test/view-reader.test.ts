// The pure parts of the reader's site: page context (breadcrumbs, previous/next, edit link), the 404
// page's data, short inline code kept on one line, and dates from git.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { folderDate, gitDates } from '../src/engine/git-dates.ts';
import { buildModel } from '../src/model/site-model.ts';
import type { RenderedPage, SiteData } from '../src/model/site-data.ts';
import { pageContext } from '../src/view/context.ts';
import { notFoundData } from '../src/view/not-found.ts';

const page = (route: string, weight: number, extra: Partial<RenderedPage> = {}): RenderedPage => ({
  route, sourceFile: `content/${route}index.md`, title: `T ${route}`, description: '', weight, html: '', headings: [], links: [], ...extra,
});
const version = (id: string, status: 'latest' | 'supported') => ({ id, minor: id.slice(1, 5), label: id.slice(1, 5), status, values: {} });
const data: SiteData = {
  base: '/d/',
  product: 'P',
  latest: 'v1.2.x',
  versions: [version('v1.2.x', 'latest'), version('v1.1.x', 'supported')],
  pages: {
    'v1.2.x': [page('', 0), page('a/', 1), page('a/x/', 1, { lastUpdated: '2024-05-01' }), page('a/y/', 2), page('b/', 2)],
    'v1.1.x': [page('', 0), page('a/', 1), page('a/x/', 1)],
  },
  branding: { editUrl: 'https://example.com/edit/main/' },
};

test('context: breadcrumbs, previous/next in sidebar order, edit link, last updated', () => {
  const ctx = pageContext(buildModel(data), 'latest', 'a/x/');
  assert.deepEqual(ctx.breadcrumbs, [{ title: 'T ', href: '/d/latest/' }, { title: 'T a/', href: '/d/latest/a/' }]);
  assert.equal(ctx.prev?.href, '/d/latest/a/');
  assert.equal(ctx.next?.href, '/d/latest/a/y/');
  assert.equal(ctx.editHref, 'https://example.com/edit/main/content/a/x/index.md');
  assert.equal(ctx.lastUpdated, '2024-05-01');
  assert.equal(pageContext(buildModel(data), 'latest', 'b/').next, undefined);
  assert.equal(pageContext(buildModel({ ...data, branding: {} }), 'latest', 'a/x/').editHref, undefined);
});

test('sidebar: only the sections on the way to the page list their pages; previous/next still go through the closed ones', () => {
  const ctx = pageContext(buildModel(data), 'latest', 'b/');
  const a = ctx.nav.children.find((n) => n.route === 'a/')!;
  assert.equal(a.group, true);
  assert.equal(a.active, false);
  assert.deepEqual(a.children, [], 'a closed section lists none of its pages');
  assert.equal(ctx.prev?.href, '/d/latest/a/y/');
  const inside = pageContext(buildModel(data), 'latest', 'a/y/');
  assert.deepEqual(inside.nav.children.find((n) => n.route === 'a/')!.children.map((n) => n.href), ['/d/latest/a/x/', '/d/latest/a/y/']);
});

test('404 data: every route with the versions that have it', () => {
  const nf = notFoundData(buildModel(data));
  assert.deepEqual(nf.versions.map((v) => v.prefix), ['latest', 'v1.1.x']);
  assert.equal(nf.routes['a/x/'], '0 1');
  assert.equal(nf.routes['a/y/'], '0');
});

test('git dates: the newest commit per file, a folder its newest file; none outside git', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'git-dates-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  assert.equal(gitDates(dir, ['c']).size, 0);
  const git = (args: string[], date: string) =>
    execFileSync('git', args, { cwd: dir, env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
  git(['init', '-q'], '2020-01-01T00:00:00Z');
  mkdirSync(join(dir, 'c', 'v1.0.0'), { recursive: true });
  writeFileSync(join(dir, 'c', 'v1.0.0', 'a.yaml'), 'a');
  writeFileSync(join(dir, 'c', 'v1.0.0', 'b.yaml'), 'b');
  git(['add', '.'], '2020-01-01T00:00:00Z');
  git(['commit', '-qm', 'one'], '2020-01-01T00:00:00Z');
  writeFileSync(join(dir, 'c', 'v1.0.0', 'b.yaml'), 'b2');
  git(['commit', '-qam', 'two'], '2021-06-30T12:00:00Z');
  const dates = gitDates(dir, ['c']);
  assert.equal(dates.get('c/v1.0.0/a.yaml'), '2020-01-01');
  assert.equal(dates.get('c/v1.0.0/b.yaml'), '2021-06-30');
  assert.equal(folderDate(dates, 'c/v1.0.0'), '2021-06-30');
  assert.equal(folderDate(dates, 'c/v1.0'), undefined);
});
