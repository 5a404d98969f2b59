/**
 * The link check parses many files on several threads at once (src/linkcheck/parse-facts.ts): what it
 * reports is what one thread reports, problem for problem and in the same order, with and without its cache;
 * and a file that cannot be read fails the parse as it does on one thread.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { checkSite, type CheckResult } from '../src/linkcheck/links.ts';
import { parseFiles, PARALLEL_FILES } from '../src/linkcheck/parse-facts.ts';
import { interner, readHtml } from '../src/linkcheck/html.ts';
import { writeText } from './support/project.ts';

const tmp = mkdtempSync(path.join(tmpdir(), 'check-links-threads-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

const PAGES = PARALLEL_FILES + 100;
const site = path.join(tmp, 'dist');
// Each page links the next page's headings (every seventh anchor missing), a missing page now and then, and an external site.
for (let i = 0; i < PAGES; i++) {
  const next = (i + 1) % PAGES;
  const article =
    `<h2 id="s${i}">Section ${i}</h2><a name="n${i}"></a>` +
    `<p><a href="/docs/p${next}/#s${i % 7 === 0 ? 'gone' : next}">next</a> <a href="../p${next}/#n${next}">named</a>` +
    (i % 11 === 0 ? ` <a href="/docs/missing-${i}/">missing</a>` : '') +
    ` <img src="/docs/p${i}/pic-${i % 5 === 0 ? 'lost' : 'here'}.png"> <a href="https://example.com/${i % 3}">out</a></p>`;
  writeText(site, `docs/p${i}/index.html`, `<!doctype html><html><body><nav><a href="/docs/p0/">Home</a></nav><article class="article">${article}</article></body></html>`);
  writeText(site, `docs/p${i}/pic-here.png`, 'png');
}

/** What a user sees of a check: everything but how the files were read. */
const seen = ({ cache: _, ...result }: CheckResult) => result;

test('several threads report what one thread reports, with and without the cache', { timeout: 120_000 }, async () => {
  const one = await checkSite(site, { parseThreads: 1 });
  assert.ok(one.stats.broken > 50, 'the site has problems on many pages');
  assert.equal(one.stats.pages, PAGES);
  for (const threads of [2, 3]) assert.deepEqual(seen(await checkSite(site, { parseThreads: threads })), seen(one), `${threads} threads`);
  const cache = path.join(tmp, 'facts.bin');
  const cold = await checkSite(site, { parseThreads: 2, cache });
  assert.deepEqual(seen(cold), seen(one), 'with the cache, cold');
  assert.deepEqual(cold.cache, { parsed: PAGES, reused: 0 });
  const warm = await checkSite(site, { parseThreads: 2, cache });
  assert.deepEqual(seen(warm), seen(one), 'with the cache, warm');
  assert.deepEqual(warm.cache, { parsed: 0, reused: PAGES });
});

test('each file gets its own facts, whichever thread read it', { timeout: 60_000 }, async () => {
  const files = Array.from({ length: PAGES }, (_, i) => path.join(site, `docs/p${i}/index.html`));
  const keep = interner();
  const threaded = await parseFiles(files, keep, 3);
  files.forEach((file, i) => assert.deepEqual(threaded[i], readHtml(readFileSyncUtf8(file)), file));
});

test('a file that cannot be read fails the parse, as on one thread, wherever it is in the list', { timeout: 60_000 }, async () => {
  const files = Array.from({ length: PAGES }, (_, i) => path.join(site, `docs/p${i}/index.html`));
  for (const at of [0, 40, PAGES - 1]) {
    const list = files.toSpliced(at, 0, path.join(site, 'docs/nowhere/index.html'));
    for (const threads of [1, 2, 3]) await assert.rejects(parseFiles(list, interner(), threads), /ENOENT.*nowhere/, `at ${at}, ${threads} threads`);
  }
});

function readFileSyncUtf8(file: string): string {
  return readFileSync(file, 'utf8');
}
