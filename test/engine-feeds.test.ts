/**
 * The Atom feeds a build writes (src/engine/build.ts): kept in the cache by what they are made from, so a
 * build whose changelog did not change writes the same feed without rendering it, and an edited changelog
 * is in the very next build's feed.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { loadConfig } from '../src/config/load.ts';
import { build } from '../src/engine/build.ts';
import { format } from '../src/util/diagnostics.ts';
import { tempProject } from './support/project.ts';

const dir = tempProject({ config: "outDir: 'dist'" });
after(() => rmSync(dir, { recursive: true, force: true }));

async function feed(): Promise<string> {
  const result = await build(await loadConfig(path.join(dir, 'docs.config.ts')), { quiet: true, search: false, linkCheck: false });
  assert.ok(result.outDir, format(result.diagnostics));
  const feeds = path.join(result.outDir, result.data!.base, 'feeds');
  return readFileSync(path.join(feeds, 'open_source.xml'), 'utf8');
}

test('a second build writes the same feed from the cache; an edited changelog is in the next feed', { timeout: 300_000 }, async () => {
  const first = await feed();
  const cached = readdirSync(path.join(dir, 'node_modules/.cache/versioned-docs/feeds'));
  assert.ok(cached.length > 0, 'the feed is kept');
  // The kept feed is what the second build writes: changed there, it shows (nothing is rendered again).
  const keptFile = path.join(dir, 'node_modules/.cache/versioned-docs/feeds', cached.find((f) => readFileSync(path.join(dir, 'node_modules/.cache/versioned-docs/feeds', f), 'utf8') === first)!);
  writeFileSync(keptFile, first.replace('</feed>', '<!-- kept --></feed>'));
  // A page changes, the changelog does not (with nothing changed at all, the build would keep the output as it is).
  writeFileSync(path.join(dir, 'content/feed-test.md'), '---\ntitle: Feed test\n---\nA page.\n');
  assert.match(await feed(), /<!-- kept -->/);
  const folder = readdirSync(path.join(dir, 'changelog/open_source')).filter((f) => /^v\d+\.\d+\.\d+$/.test(f)).sort().pop()!;
  writeFileSync(path.join(dir, 'changelog/open_source', folder, 'zz-feed-test.yaml'), 'changelog:\n  - type: FIX\n    issueLink: https://github.com/solo-io/gloo/issues/4242\n    resolvesIssue: false\n    description: A fix only this test wrote.\n');
  const after = await feed();
  assert.match(after, /A fix only this test wrote\./);
  assert.doesNotMatch(after, /<!-- kept -->/);
});
