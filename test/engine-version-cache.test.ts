/**
 * src/engine/version-cache.ts directly: a version kept whole reads back the same (its pages' HTML in the
 * entry's file, or read into the pages), its key changes with what it is made from, and a half-written entry
 * is no entry.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { readVersion, versionEntry, writeVersion, type BuiltVersion } from '../src/engine/version-cache.ts';
import { CacheUse } from '../src/engine/cache-prune.ts';
import { articleHtml } from '../src/model/article-html.ts';
import type { LoadedConfig } from '../src/config/load.ts';
import type { RenderedPage } from '../src/model/site-data.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'version-cache-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const loaded = { projectDir: dir, config: { base: '/docs/', product: 'Demo' } } as unknown as LoadedConfig;

const page = (route: string, html: string): RenderedPage => ({ route, title: route, html, headings: [], links: [], sourceFile: `content/${route}.md` }) as unknown as RenderedPage;
const built = (): Omit<BuiltVersion, 'cached'> => ({
  version: { id: 'v1.2.x', minor: '1.2', label: '1.2', status: 'latest', values: { geoss_latest: '1.2.3' } },
  base: '/docs/',
  pages: [page('a', '<p>é and \u{E000}</p>'), page('b', ''), page('c', '<h2 id="x">X</h2>')],
  extras: { files: ['img/a.png'], contentDir: '/snap/docs/content', aliases: [] },
  releases: [],
  diagnostics: [{ severity: 'warning', file: 'content/a.md', line: 1, column: 1, message: 'kept too' }] as BuiltVersion['diagnostics'],
  sources: 3,
  uses: ['compile-shared/abc.bin'],
});

test('the key changes with every part a version is made from, and with the config', () => {
  const at = (parts: unknown[], l = loaded) => versionEntry(l, dir, parts);
  assert.equal(at(['snap-1', 'v1.2.x']), at(['snap-1', 'v1.2.x']));
  assert.notEqual(at(['snap-1', 'v1.2.x']), at(['snap-2', 'v1.2.x']));
  assert.notEqual(at(['snap-1', 'v1.2.x']), at(['snap-1', 'v1.2.x', true]));
  const other = { ...loaded, config: { ...loaded.config, product: 'Other' } } as LoadedConfig;
  assert.notEqual(at(['snap-1']), at(['snap-1'], other));
});

test('written, a version reads back the same: its HTML in the entry file for a build, in the pages otherwise', async () => {
  const entry = versionEntry(loaded, dir, ['written']);
  const original = built();
  const kept = await writeVersion(entry, original);
  assert.equal(original.pages[0]!.html, '<p>é and \u{E000}</p>', "the caller's pages keep their HTML");
  assert.deepEqual(kept.map(articleHtml), original.pages.map((p) => p.html));
  assert.ok(kept[0]!.htmlAt && kept[0]!.htmlAt.file === `${entry}.html`);

  const use = new CacheUse(dir);
  const spilled = await readVersion(entry, true, use);
  assert.ok(spilled?.cached);
  assert.deepEqual(spilled.pages.map(articleHtml), original.pages.map((p) => p.html));
  assert.deepEqual(spilled.diagnostics, original.diagnostics);
  assert.deepEqual(spilled.uses, ['compile-shared/abc.bin']);
  assert.deepEqual([...use.entries].sort(), [`${path.relative(dir, entry)}.bin`, `${path.relative(dir, entry)}.html`]);

  const inPages = await readVersion(entry, false);
  assert.deepEqual({ ...inPages, cached: false }, { ...original, cached: false });
});

test('an entry without its .bin, or without its HTML file, is no entry', async () => {
  assert.equal(await readVersion(versionEntry(loaded, dir, ['never written']), true), undefined);
  const entry = versionEntry(loaded, dir, ['html lost']);
  await writeVersion(entry, built());
  rmSync(`${entry}.html`);
  assert.equal(await readVersion(entry, true), undefined);
  const damaged = versionEntry(loaded, dir, ['bin damaged']);
  await writeVersion(damaged, built());
  writeFileSync(`${damaged}.bin`, 'x');
  assert.equal(await readVersion(damaged, false), undefined);
});
