/**
 * The link and anchor checker: unit tests over a hand-made built site, the
 * `npm run check` command, and the seed guide's own broken links caught by a
 * real `npm run build` of a copy of the sample (which then fails and leaves
 * the previous dist/ as it was).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { checkSite, formatSummary, SITE_CHROME } from '../src/linkcheck/links.ts';
import { readHtml } from '../src/linkcheck/html.ts';
import { rebaseAttributes } from '../src/view/rebase.ts';
import type { RenderedPage, SiteData } from '../src/model/site-data.ts';
import { workDir } from '../src/engine/build.ts';
import { format } from '../src/util/diagnostics.ts';
import { buildProject, fakeDist, readText, runScript, snapshot, STACK_TRACE, tempProjects, writeText } from './support/project.ts';

const temp = tempProjects();

const layout = (version: string, article: string, chrome = '') => `<!doctype html><html><head>
<link rel="stylesheet" href="/docs/_astro/site.css"><link rel="canonical" href="https://docs.example.com/docs/${version}/">
</head><body><header><a href="/docs/${version}/">Home</a><select><option>x</option></select>
<nav><a href="/docs/v1.0.x/guide/">Guide</a>${chrome}</nav></header>
<nav class="toc"><a href="#intro">Intro</a></nav>
<article class="article" data-pagefind-body>${article}</article></body></html>`;

function page(route: string, links: [string, number, number][], headings: [string, string][] = []): RenderedPage {
  return {
    route,
    sourceFile: `content/${route || 'index/'}`.replace(/\/$/, '.md'),
    title: route,
    description: '',
    weight: 0,
    html: '',
    headings: headings.map(([id, text]) => ({ depth: 2, id, text })),
    links: links.map(([href, line, column]) => ({ href, line, column })),
  };
}

/** A two-page, one-version site with known good and bad links. */
function handMadeSite(): { dir: string; data: SiteData } {
  const dir = temp({ copy: [] });
  const site = path.join(dir, 'dist');
  const guideArticle = [
    '<h2 id="intro">Intro <a class="heading-anchor" href="#intro">#</a></h2>',
    '<p><a href="glooctl">Step 3</a> <a href="#glooctl">ok</a> <a href="#step-3-upgrade">stale</a></p>',
    '<h2 id="glooctl">Step 3: Upgrade glooctl</h2>',
    '<p><a href="/docs/v1.0.x/#top">home anchor</a> <a href="../guide/#intro">relative ok</a></p>',
    '<p><a href="/docs/v1.0.x/operations/production_deployment/#probes">known external</a>',
    '<a href="https://github.com/org/repo/issues/1">issue</a> <a href="mailto:docs@example.com">mail</a></p>',
  ].join('\n');
  writeText(site, 'docs/v1.0.x/guide/index.html', layout('v1.0.x', guideArticle, '<a href="/docs/v1.0.x/missing/">Broken nav</a>'));
  writeText(site, 'docs/latest/guide/index.html', layout('latest', guideArticle, '<a href="/docs/v1.0.x/missing/">Broken nav</a>'));
  writeText(site, 'docs/v1.0.x/index.html', layout('v1.0.x', '<h2 id="top">Top</h2><h2 id="intro">Intro</h2><a href="javascript:alert(1)">x</a>'));
  writeText(site, 'docs/latest/index.html', '<!doctype html><h1 id="top">Latest</h1>');
  writeText(site, 'docs/_astro/site.css', 'body{}');
  writeText(site, 'index.html', '<!doctype html><meta http-equiv="refresh" content="0;url=/docs/latest/nowhere/">');
  const guide = page('guide/', [
    ['glooctl', 16, 3],
    ['#glooctl', 16, 40],
    ['#step-3-upgrade', 17, 5],
    ['/docs/v1.0.x/#top', 20, 1],
    ['../guide/#intro', 20, 30],
    ['/docs/v1.0.x/operations/production_deployment/#probes', 21, 1],
    ['https://github.com/org/repo/issues/1', 22, 1],
    ['mailto:docs@example.com', 22, 40],
  ], [['intro', 'Intro'], ['glooctl', 'Step 3: Upgrade glooctl']]);
  const home = page('', [['javascript:alert(1)', 3, 7]]);
  const data: SiteData = {
    base: '/docs/',
    product: 'Docs',
    versions: [{ id: 'v1.0.x', minor: '1.0', label: '1.0', status: 'latest', values: {} }],
    latest: 'v1.0.x',
    pages: { 'v1.0.x': [home, guide] },
  };
  return { dir, data };
}

describe('checkSite over a hand-made site', () => {
  const { dir, data } = handMadeSite();
  const site = path.join(dir, 'dist');

  test('reads ids and links with an HTML parser, not patterns', () => {
    const facts = readHtml('<div id=a><a name="b" href=\'x y\'>t</a><!-- <a href="no"> --><template><p id="c"></p></template><script>var s = "<a href=\\"no2\\">";</script></div>');
    assert.deepEqual([...facts.ids].sort(), ['a', 'b', 'c']);
    assert.deepEqual(facts.links.map((l) => l.href), ['x y']);
  });

  test('attribute values are read as the browser reads them: entities decoded, in ids and in links', () => {
    const facts = readHtml('<h2 id="a&amp;b">t</h2><a href="/x/?a=1&amp;b=2#f&#111;o&lt;">t</a><meta http-equiv="Refresh" content="0;url=/y/?q&#61;1">');
    assert.deepEqual([...facts.ids], ['a&b']);
    assert.deepEqual(facts.links.map((l) => l.href), ['/x/?a=1&b=2#foo<', '/y/?q=1']);
  });

  test('every broken link is reported with page, link and source line; good ones pass', async () => {
    const result = await checkSite(site, { data, knownExternal: ['/operations/production_deployment/'] });
    const byMessage = (needle: string) => result.diagnostics.filter((d) => d.message.includes(needle));

    const relative = byMessage('Broken link `glooctl`');
    assert.equal(relative.length, 1, 'one diagnostic for the source link, though it breaks on two pages');
    assert.equal(relative[0]!.file, 'content/guide.md');
    assert.deepEqual([relative[0]!.line, relative[0]!.column], [16, 3]);
    assert.match(relative[0]!.message, /on page \/docs\/latest\/guide\/ .*\/docs\/latest\/guide\/glooctl, which is not a page.*1 more page/);
    assert.match(relative[0]!.hint ?? '', /did you mean `#glooctl`/);

    const stale = byMessage('`#step-3-upgrade`');
    assert.equal(stale.length, 1);
    assert.deepEqual([stale[0]!.file, stale[0]!.line, stale[0]!.column], ['content/guide.md', 17, 5]);
    assert.match(stale[0]!.message, /no element with that id/);

    const chrome = byMessage('/docs/v1.0.x/missing/');
    assert.equal(chrome.length, 1);
    assert.equal(chrome[0]!.file, SITE_CHROME);
    assert.equal(chrome[0]!.line, 0);
    assert.match(chrome[0]!.message, /site chrome/);

    const script = byMessage('javascript:');
    assert.deepEqual([script[0]?.file, script[0]?.line, script[0]?.column], ['content/index.md', 3, 7]);

    const refresh = byMessage('/docs/latest/nowhere/');
    assert.equal(refresh.length, 1, 'meta refresh targets are checked too');

    assert.equal(result.diagnostics.length, 5, result.diagnostics.map((d) => d.message).join('\n'));
    assert.ok(result.diagnostics.every((d) => d.severity === 'error'));
  });

  test('a site built from git refs: the problem names the repository path in `file` and the version in `ref`; text shows `<ref>:<path>:<line>`', async () => {
    const fromGit: SiteData = { ...data, pages: { 'v1.0.x': data.pages['v1.0.x']!.map((p) => ({ ...p, sourceFile: `docs/${p.sourceFile}`, ref: 'v1.0.x' })) } };
    const result = await checkSite(site, { data: fromGit, knownExternal: ['/operations/production_deployment/'] });
    const relative = result.diagnostics.find((d) => d.message.includes('Broken link `glooctl`'))!;
    assert.deepEqual([relative.ref, relative.file, relative.line, relative.column], ['v1.0.x', 'docs/content/guide.md', 16, 3]);
    assert.match(format([relative]), /^  v1\.0\.x:docs\/content\/guide\.md:16:3: error: Broken link `glooctl`/m);
    const chrome = result.diagnostics.find((d) => d.file === SITE_CHROME)!;
    assert.equal(chrome.ref, undefined, 'the site chrome is read from no ref');
    assert.ok(result.problems.some((p) => p.file === 'v1.0.x:docs/content/guide.md'), 'the link baseline keeps versions apart');
  });

  test('counts: pages, links, internal, external (listed), skipped (known external)', async () => {
    const { stats, external, skipped } = await checkSite(site, { data, knownExternal: ['/operations/production_deployment/'] });
    assert.equal(stats.pages, 5);
    assert.deepEqual(external, ['https://docs.example.com/docs/latest/', 'https://docs.example.com/docs/v1.0.x/', 'https://github.com/org/repo/issues/1', 'mailto:docs@example.com']);
    assert.deepEqual(skipped, ['/docs/v1.0.x/operations/production_deployment/']);
    assert.equal(stats.skipped, 2);
    assert.equal(stats.links, stats.internal + stats.external + stats.skipped + 1 /* javascript: */);
    assert.match(formatSummary(stats), /5 pages, \d+ links checked — \d+ internal \(\d+ with #anchors\), 7 external \(listed, not fetched\), 2 skipped \(known external\); \d+ broken\./);
  });

  test('without knownExternal the same path is a broken link', async () => {
    const { diagnostics } = await checkSite(site, { data });
    assert.ok(diagnostics.some((d) => d.message.includes('production_deployment') && d.line === 21));
  });

  test('a build\'s latest/ copies are checked as their originals with the prefix moved: the same problems, counts and pages', async () => {
    const copyDir = temp({ copy: [] });
    const copySite = path.join(copyDir, 'dist');
    const original = layout('v1.0.x', '<h2 id="intro">Intro</h2><a href="/docs/v1.0.x/gone/">gone</a> <a href="/docs/v1.0.x/guide/#nope">bad anchor</a> <a href="#intro">ok</a>');
    writeText(copySite, 'docs/v1.0.x/guide/index.html', original);
    writeText(copySite, 'docs/latest/guide/index.html', rebaseAttributes(original, '/docs/v1.0.x/', '/docs/latest/'));
    // Not a laid-out page (no page of SiteData): read as it is, never taken for a copy.
    writeText(copySite, 'docs/latest/alias/index.html', '<!doctype html><a href="/docs/latest/also-gone/">x</a>');
    writeText(copySite, 'docs/v1.0.x/alias/index.html', '<!doctype html><a href="/docs/v1.0.x/guide/">x</a>');
    const copyData: SiteData = { ...data, pages: { 'v1.0.x': [page('guide/', [['/docs/v1.0.x/gone/', 3, 1], ['/docs/v1.0.x/guide/#nope', 3, 20], ['#intro', 3, 40]], [['intro', 'Intro']])] } };
    const parsed = await checkSite(copySite, { data: copyData });
    const derived = await checkSite(copySite, { data: copyData, copies: { from: '/docs/v1.0.x/', to: '/docs/latest/' } });
    assert.deepEqual(derived.stats, parsed.stats);
    assert.deepEqual(derived.diagnostics, parsed.diagnostics);
    const text = derived.diagnostics.map((d) => d.message).join('\n');
    assert.match(text, /\/docs\/latest\/gone\//, 'the copy\'s own broken link, under latest/');
    assert.match(text, /\/docs\/latest\/also-gone\//, 'the alias beside the copies is read');
  });

  test('npm run check: reads the last build\'s SiteData, prints the summary, fails on broken links', async () => {
    writeText(dir, '.build/site-data.json', JSON.stringify(data));
    writeText(dir, 'docs.config.ts', `export default { base: '/docs/', knownExternal: ['/operations/production_deployment/'] };\n`);
    const run = await runScript('src/cli/check.ts', ['--config', path.join(dir, 'docs.config.ts'), '--external']);
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stderr, /content\/guide\.md:16:3: error: Broken link `glooctl`/);
    assert.match(run.stderr, /site chrome/);
    assert.match(run.stdout, /Link check: 5 pages/);
    assert.match(run.stdout, /External links \(4, not fetched\):\n {2}https:\/\/docs\.example\.com/);
    assert.doesNotMatch(run.stderr, STACK_TRACE);
  });

  test('npm run check without a built site says so', async () => {
    const empty = temp({ copy: [], files: { 'docs.config.ts': 'export default {};\n' } });
    const run = await runScript('src/cli/check.ts', ['--config', path.join(empty, 'docs.config.ts')]);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /No built site to check/);
    assert.doesNotMatch(run.stderr, STACK_TRACE);
  });
});

/** The seed's lines, put back if our content has been fixed since. */
const SEED_BUGS: [fixed: string, seed: string][] = [
  ['[Step 3: Upgrade glooctl](#glooctl)', '[Step 3: Upgrade glooctl](glooctl)'],
  ['[Step 1: Prepare to upgrade](#prepare)', '[Step 1: Prepare to upgrade](#step-1-prepare-to-upgrade)'],
];
const GUIDE = 'content/operations/upgrading/upgrade_steps.md';

test('npm run build of the seed guide fails on `(glooctl)` and a stale heading id, naming file:line:column, and keeps dist/', async () => {
  const dir = temp({ config: 'versions: { newest: 1 }' });
  let text = readText(dir, GUIDE);
  for (const [fixed, seed] of SEED_BUGS) text = text.replace(fixed, seed);
  writeText(dir, GUIDE, text);
  const lineOf = (needle: string) => {
    const index = text.indexOf(needle);
    assert.notEqual(index, -1, `the seed line ${needle} is in the guide`);
    const before = text.slice(0, index).split('\n');
    return `${before.length}:${before[before.length - 1]!.length + 1}`;
  };
  const before = fakeDist(dir);

  const run = await buildProject(dir);
  assert.equal(run.code, 1, `${run.stdout}\n${run.stderr}`);
  assert.ok(
    run.stderr.includes(`${GUIDE}:${lineOf('[Step 3: Upgrade glooctl](glooctl)')}: error: Broken link \`glooctl\``),
    run.stderr,
  );
  assert.match(run.stderr, /upgrade_steps\/glooctl, which is not a page of the site/);
  assert.match(run.stderr, /hint: did you mean `#glooctl`\?/);
  assert.ok(run.stderr.includes(`${GUIDE}:${lineOf('[Step 1: Prepare to upgrade](#step-1-prepare-to-upgrade)')}: error: Broken link \`#step-1-prepare-to-upgrade\``), run.stderr);
  assert.match(run.stderr, /hint: the heading “Step 1: Prepare to upgrade” has the id `prepare` now: link `#prepare`\./);
  assert.match(run.stderr, /Build failed: nothing was written/);
  assert.doesNotMatch(run.stderr, STACK_TRACE);
  assert.deepEqual(snapshot(path.join(dir, 'dist')), before, 'the previous dist/ is byte-identical');
  assert.equal(snapshot(workDir(dir, path.join(dir, 'dist'))).has('stage/index.html'), false, 'the staged site is removed');
});
