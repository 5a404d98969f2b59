/**
 * Issue 15, defect 9: the guide's "select v1.13.x" must match the version menu,
 * and a version the site does not carry is never presented as selectable.
 * Checked on the sample site as the build renders it (every docs version), and
 * on small pages for the literal, archived and cross-page cases.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { prepare } from '../src/engine/build.ts';
import { loadConfig } from '../src/config/load.ts';
import { PROJECT_ROOT } from '../src/integration/astro-build.ts';
import { renderSite } from '../src/engine/render-site.ts';
import type { SiteConfig } from '../src/config/define.ts';
import { compilePage } from '../src/markdown/compile.ts';
import { createEnv } from '../src/markdown/render.ts';
import { docsRoot } from './support/pipeline.ts';
import type { DocsVersion } from '../src/model/site-data.ts';
import type { Release } from '../src/changelog/types.ts';
import { siteConfigSchema as configSchema } from '../src/config/schema.ts';

const GUIDE = 'operations/upgrading/upgrade_steps/';
const prepared = await prepare(await loadConfig(undefined, PROJECT_ROOT));
const data = prepared.data!;
const menuIds = data.versions.map((v) => v.id);

function guideOf(id: string) {
  const page = data.pages[id]!.find((p) => p.route === GUIDE)!;
  return fromHtml(page.html, { fragment: true });
}
/** The sentence telling readers which docs set to open, as a reader reads it. */
function docsSetStep(id: string): string {
  return toString(selectAll('li', guideOf(id)).find((li) => toString(li).startsWith('Go to the documentation set'))!);
}

test('every version the guide tells readers to select is one the menu offers, written as the menu writes it', () => {
  for (const id of menuIds) {
    for (const [, version] of docsSetStep(id).matchAll(/\bselect\s+(\S+?)\.?$/gm)) {
      assert.ok(menuIds.includes(version!), `${id}: the guide says “select ${version}”; the menu offers ${menuIds.join(', ')}`);
    }
  }
});

test('the 1.14 guide names v1.13.x without “select” and links its releases in the changelog; the build warns at the line', () => {
  const text = docsSetStep('v1.14.x');
  assert.doesNotMatch(text, /select/);
  assert.match(text, /go to the v1\.13\.x docs \(not in this site’s version menu; see its releases in the changelog\)/);
  const link = selectAll('a.version-ref', guideOf('v1.14.x'))[0]!;
  assert.equal(link.properties.href, '/gloo-edge/v1.14.x/reference/changelog/open_source/#v1.13');
  const warnings = prepared.diagnostics.filter((d) => d.message.includes('select v1.13.x'));
  assert.equal(warnings.length, 1);
  assert.deepEqual([warnings[0]!.severity, warnings[0]!.file, warnings[0]!.line], ['warning', 'content/operations/upgrading/upgrade_steps.md', 28]);
});

test('in a version whose previous line the site carries, the words are the menu label, linked to that version’s guide', () => {
  const link = selectAll('a.version-ref', guideOf('v1.17.x'))[0]!;
  assert.equal(toString(link), 'v1.16.x');
  assert.equal(link.properties.href, `/gloo-edge/v1.16.x/${GUIDE}`);
  assert.match(docsSetStep('v1.17.x'), /use the drop-down menu in the header of this page to select v1\.16\.x\./);
});

// Small sites: one page, a menu of v1.15.x and v1.16.x, a changelog without 1.12.
const release = (version: string): Release => ({ product: 'open_source', version, tag: `v${version}`, minor: version.split('.').slice(0, 2).join('.'), prerelease: false, unreleased: false, entries: [] }) as unknown as Release;
const versions: DocsVersion[] = ['1.16', '1.15'].map((minor, i) => ({ id: `v${minor}.x`, minor, label: minor, status: i === 0 ? 'latest' : 'supported', values: { prev_minor: `1.${Number(minor.slice(2)) - 1}` } }));
const env = await createEnv({ root: docsRoot(), snippetKeys: ['prev_minor'] });
function site(markdown: string, config: Partial<SiteConfig> = {}, file = 'content/page.md') {
  const full = configSchema.parse({ base: '/docs/', product: 'P', changelog: { open_source: ['cl'], enterprise: [] }, ...config }) as SiteConfig;
  const raw = `---\ntitle: Page\n---\n${markdown}\n`;
  const compiled = compilePage(file, raw, env);
  return renderSite({ config: full, compiled: [compiled], pages: [{ file, path: 'page.md', route: 'page/', raw } as never], releases: [release('1.14.2'), release('1.15.0'), release('1.16.0')], versions });
}

test('literal version words: the menu label, linked; an unknown line is named, not selectable, with a warning at its line', () => {
  const { data: d, diagnostics } = site('Intro.\n\n```sql\nselect v1.11 from t;\n```\n\nSelect 2.5 seconds. Choose **v1.15** in the menu. Or select v1.12.x.');
  const html = d.pages['v1.16.x']![0]!.html;
  assert.equal(toString(selectAll('pre', fromHtml(html, { fragment: true }))[0]!), 'select v1.11 from t;', 'code is left alone');
  assert.match(html, /Select 2\.5 seconds\./, 'a number that is not written as a version is left alone');
  assert.match(html, /Choose <strong><a class="version-ref" href="\/docs\/v1\.15\.x\/page\/">v1\.15\.x<\/a><\/strong> in the menu/);
  assert.match(html, /Or go to the v1\.12\.x docs \(not in this site’s version menu\)\./);
  const w = diagnostics.filter((x) => x.severity === 'warning');
  assert.equal(w.length, 2, 'one warning per docs version that renders the page');
  assert.deepEqual([w[0]!.file, w[0]!.line, w[0]!.column], ['content/page.md', 10, 54]);
  assert.match(w[0]!.hint ?? '', /archivedDocs/);
});

test('a snippet value: the previous line is the menu label in 1.16 and not selectable in 1.15', () => {
  const { data: d, diagnostics } = site('Use the drop-down menu to select **v{{< readfile file="static/content/version_prev_minor.md" >}}.x**.');
  assert.match(d.pages['v1.16.x']![0]!.html, /Use the drop-down menu to select <strong><a class="version-ref" href="\/docs\/v1\.15\.x\/page\/">v1\.15\.x<\/a><\/strong>\./);
  assert.match(d.pages['v1.15.x']![0]!.html, /Go to the <strong>v1\.14\.x<\/strong> docs \(not in this site’s version menu; see <a class="version-ref" href="\/docs\/v1\.15\.x\/reference\/changelog\/open_source\/#v1\.14">its releases in the changelog<\/a>\)\./);
  assert.deepEqual(diagnostics.filter((x) => x.severity === 'warning').map((x) => [x.line, x.column]), [[4, 27]]);
});

test('with `archivedDocs` in the config, a version the site does not carry links to its archived docs, and no warning', () => {
  const { data: d, diagnostics } = site('Use the version menu to select v1.14.x.', { archivedDocs: 'https://old.example.com/{version}/' } as Partial<SiteConfig>);
  assert.deepEqual(diagnostics.filter((x) => x.severity === 'warning'), [], 'readers are sent to the archive: nothing to fix');
  assert.match(d.pages['v1.15.x']![0]!.html, /Go to the <a class="version-ref" href="https:\/\/old\.example\.com\/v1\.14\.x\/">v1\.14\.x docs<\/a> \(archived, not in this site’s version menu\)\./);
});

test('`archivedDocs` without `{version}` is a config error', () => {
  assert.equal(configSchema.safeParse({ base: '/', product: 'P', archivedDocs: 'https://old.example.com/' }).success, false);
});
