/**
 * The benchmark corpus is what it claims to be: deterministic, at the
 * upgrade guide's shortcode density, with pages that differ, a changelog
 * that gives the expected docs versions and values, and pages that render
 * with zero diagnostics in our pipeline, in the bare pipeline (no shortcode
 * left) and in Hugo with our templates. No timing here: `npm run bench` does that.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { generateCorpus, preExpand, REPO } from '../bench/corpus.ts';
import { findHugo, hugoArgs, prepareHugo } from '../bench/hugo.ts';
import { prepare } from '../src/engine/build.ts';
import { loadVersions } from '../src/engine/load-versions.ts';
import { format } from '../src/util/diagnostics.ts';

const scratch = mkdtempSync(path.join(tmpdir(), 'bench-corpus-test-'));
test.after(() => rmSync(scratch, { recursive: true, force: true }));

const corpus = generateCorpus({ pages: 6, versions: 2, seed: 3, dir: path.join(scratch, 'a') });
const guides = corpus.files.filter((f) => f.guide).map((f) => readFileSync(path.join(corpus.dir, f.file), 'utf8'));

function treeHash(dir: string): string {
  const hash = createHash('sha256');
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name !== 'corpus.json' && name !== 'docs.config.ts') hash.update(`${path.relative(dir, full)}\0`).update(readFileSync(full));
    }
  };
  walk(dir);
  return hash.digest('hex');
}

const count = (text: string, re: RegExp) => (text.match(re) ?? []).length;
const SHORTCODES: Record<string, RegExp> = {
  readfile: /\{\{<\s*readfile /g,
  versioned_link_path: /\{\{[<%]\s*versioned_link_path /g,
  notice: /\{\{%\s*notice /g,
  tabs: /\{\{<\s*tabs\s*>\}\}/g,
  tab: /\{\{%\s*tab /g,
  'code fences': /^\s*```/gm,
};

test('the same seed gives the same bytes; another seed gives others', () => {
  const again = generateCorpus({ pages: 6, versions: 2, seed: 3, dir: path.join(scratch, 'b') });
  const other = generateCorpus({ pages: 6, versions: 2, seed: 4, dir: path.join(scratch, 'c') });
  assert.equal(treeHash(again.dir), treeHash(corpus.dir));
  assert.notEqual(treeHash(other.dir), treeHash(corpus.dir));
});

test('N guide pages, every one different', () => {
  assert.equal(guides.length, 6);
  assert.equal(new Set(guides).size, guides.length);
  // Not just the title: the bodies differ too.
  assert.equal(new Set(guides.map((g) => g.replace(/^---[\s\S]*?---/, ''))).size, guides.length);
});

test('each page has the upgrade guide’s shortcode density (within 15%)', () => {
  const guide = readFileSync(path.join(REPO, 'content/operations/upgrading/upgrade_steps.md'), 'utf8');
  for (const [name, re] of Object.entries(SHORTCODES)) {
    const want = count(guide, re);
    for (const page of guides) {
      const got = count(page, re);
      assert.ok(Math.abs(got - want) <= Math.max(1, want * 0.15), `${name}: ${got} in a corpus page, ${want} in the guide`);
    }
  }
  for (const page of guides) {
    assert.match(page, /^#+ .*readfile.*$/m, 'a readfile inside a heading');
    assert.match(page, /```bash\n.*\n\s*Client: \{"version":"\{\{< readfile/, 'a readfile inside fenced code');
    assert.match(page, /^ {3}\{\{% notice tip %\}\}.+\{\{% \/notice %\}\}$/m, 'a one-line notice inside a list item');
    assert.match(page, /^ {3}\{\{< tabs >\}\}$/m, 'tabs under a list item');
  }
});

test('the changelog gives V docs versions with the values the corpus expects', () => {
  const { versions, diagnostics } = loadVersions(corpus.loaded);
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(
    versions.map((v) => ({ id: v.id, values: v.values })),
    corpus.docsVersions.map((v) => ({ id: v.id, values: v.values })),
  );
  assert.equal(versions[0]?.status, 'latest');
});

test('the changelog grows with N', () => {
  const big = generateCorpus({ pages: 400, versions: 2, seed: 3, dir: path.join(scratch, 'big') });
  assert.ok(big.changelogEntries > 3 * corpus.changelogEntries, `${big.changelogEntries} vs ${corpus.changelogEntries}`);
});

test('our pipeline renders every page of every version with zero diagnostics', async () => {
  const result = await prepare(corpus.loaded);
  assert.equal(result.diagnostics.length, 0, format(result.diagnostics));
  for (const version of corpus.docsVersions) {
    const pages = result.data!.pages[version.id]!;
    const guidePages = pages.filter((p) => /^s\d+\/p\d+\/$/.test(p.route));
    assert.equal(guidePages.length, 6);
    for (const p of guidePages) {
      assert.doesNotMatch(p.html, /\{\{/);
      assert.ok(p.html.includes(`${version.base}/reference/changelog/enterprise/`));
      assert.ok(p.html.includes(version.values.geoss_latest!));
    }
  }
});

test('pre-expansion for the bare pipeline leaves no shortcode and renders', () => {
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeStringify, { allowDangerousHtml: true });
  const version = corpus.docsVersions[0]!;
  for (const page of guides) {
    const md = preExpand(page, version);
    assert.doesNotMatch(md, /\{\{[<%]|[>%]\}\}/);
    assert.doesNotMatch(md, /^---/);
    const html = String(processor.processSync(md));
    assert.ok(html.includes(`quay.io/solo-io/`));
    assert.ok(html.includes(`${version.base}/reference/changelog/open_source/`));
  }
});

test('Hugo builds a version with our templates, no shortcode left, the version’s values in', { skip: findHugo() ? false : 'hugo is not installed' }, () => {
  const hugo = findHugo()!;
  const [project] = prepareHugo(corpus, path.join(scratch, 'hugo'));
  const dest = path.join(scratch, 'hugo-out');
  const run = spawnSync(hugo, hugoArgs(project!, 'highlight', dest, path.join(scratch, 'hugo-cache')), { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stderr.trim(), '');
  const version = corpus.docsVersions[0]!;
  const page = corpus.files.find((f) => f.guide)!;
  const html = readFileSync(path.join(dest, page.route, 'index.html'), 'utf8');
  assert.doesNotMatch(html, /\{\{[<%]/);
  assert.ok(html.includes(`glooctl upgrade --release v${version.values.geoss_latest}`) || html.includes(version.values.geoss_latest!));
  assert.ok(html.includes(`href="${version.base}/reference/changelog/open_source/"`));
  assert.match(html, /<aside class="notice notice-warning"/);
  assert.match(html, /<section class="tab-panel" data-tab-name="Enterprise">/);
});
