/**
 * src/linkcheck/facts-cache.ts directly: a file's facts are kept by the hash of its bytes, read back equal
 * in the next check without parsing, saved with only the entries that check used, and a damaged or foreign
 * cache file is an empty cache.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { FactsCache, factsKey } from '../src/linkcheck/facts-cache.ts';
import { readHtml, type HtmlFacts } from '../src/linkcheck/html.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'facts-cache-'));
after(() => rmSync(dir, { recursive: true, force: true }));
/** A file's facts as the check takes them (src/linkcheck/links.ts readFacts): kept ones by its bytes, else `read` and kept. */
function factsOf(cache: FactsCache, bytes: Buffer, read: () => HtmlFacts): HtmlFacts {
  const key = factsKey(bytes);
  const known = cache.lookup(key);
  if (known) return known;
  const facts = read();
  cache.add(key, facts);
  return facts;
}
const page = (n: number) => Buffer.from(`<html><body><h2 id="s${n}">S</h2><article class="article"><a href="/p/${n}/#s">é ${n}</a></article><img src="x${n}.png"></body></html>`);

test('facts are kept by the bytes: the next cache reads them back equal without parsing, and saves only what it used', async () => {
  const file = path.join(dir, 'a/facts.bin');
  const first = await FactsCache.open(file);
  const parses: number[] = [];
  const facts = [1, 2, 3].map((n) => factsOf(first, page(n), () => (parses.push(n), readHtml(page(n).toString('utf8')))));
  assert.deepEqual(parses, [1, 2, 3]);
  assert.equal(factsOf(first, page(2), () => assert.fail('parsed twice')).ids.has('s2'), true, 'the same bytes twice: once parsed');
  await first.save();

  const second = await FactsCache.open(file);
  assert.deepEqual(factsOf(second, page(1), () => assert.fail('parsed again')), facts[0]);
  assert.deepEqual(factsOf(second, page(3), () => assert.fail('parsed again')), facts[2]);
  assert.equal(second.reused, 2);
  await second.save();
  const third = await FactsCache.open(file);
  let parsed = false;
  factsOf(third, page(2), () => ((parsed = true), readHtml(page(2).toString('utf8'))));
  assert.ok(parsed, 'an entry the last check did not use is gone');
  assert.notEqual(factsKey(page(1)), factsKey(page(2)));
});

test('a save with nothing new leaves the file as it is; a damaged or foreign file is an empty cache', async () => {
  const file = path.join(dir, 'b/facts.bin');
  const cache = await FactsCache.open(file);
  factsOf(cache, page(1), () => readHtml(page(1).toString('utf8')));
  await cache.save();
  const written = statSync(file).mtimeMs;
  const again = await FactsCache.open(file);
  factsOf(again, page(1), () => assert.fail('parsed again'));
  await again.save();
  assert.equal(statSync(file).mtimeMs, written, 'not rewritten');
  writeFileSync(file, readFileSync(file).subarray(0, 10));
  let parsed = 0;
  factsOf(await FactsCache.open(file), page(1), () => (parsed++, readHtml(page(1).toString('utf8'))));
  writeFileSync(file, 'not a cache');
  factsOf(await FactsCache.open(file), page(1), () => (parsed++, readHtml(page(1).toString('utf8'))));
  assert.equal(parsed, 2);
});
