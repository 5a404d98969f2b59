/**
 * src/engine/compile-worker.ts directly: a worker's share of pages is compiled in the site's own
 * environment and each page is posted with its index as soon as it is compiled (not held to the end),
 * then `done`; the same module started as a worker thread says the same to its parent.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { Worker } from 'node:worker_threads';
import { compileShare, type WorkerMessage, type WorkerShare } from '../src/engine/compile-worker.ts';
import { compileJob } from '../src/engine/compile-pages.ts';
import { loadSiteContent } from '../src/engine/site-content.ts';
import { loadConfig } from '../src/config/load.ts';
import { tempProject } from './support/project.ts';

const PAGES: Record<string, string> = {
  'a.md': '---\ntitle: A\n---\n## First\n\nVersion {{< readfile file="static/content/version_geoss_latest.md" markdown="true" >}}.\n',
  'b.md': '---\ntitle: B\n---\nSecond page.\n',
  'c.md': '---\ntitle: C\n---\nBroken {{< nosuch >}} here.\n',
};
const dir = tempProject({
  copy: ['changelog', 'static'],
  files: Object.fromEntries(Object.entries(PAGES).map(([name, raw]) => [`content/${name}`, raw])),
  config: 'versions: { newest: 1 }',
});
after(() => rmSync(dir, { recursive: true, force: true }));
const loaded = await loadConfig(path.join(dir, 'docs.config.ts'));
const files = Object.keys(PAGES).map((name) => path.join(dir, 'content', name));
const raws = Object.values(PAGES);

/** What the main thread gives for the same pages: the expected pages, timings left out. */
async function expected(record: boolean) {
  const { env } = await loadSiteContent(loaded);
  return files.map((file, i) => {
    const { ms: _ms, ...rest } = compileJob(file, raws[i]!, env, record);
    return rest;
  });
}
const withoutTimes = (messages: WorkerMessage[]) => messages.map((m) => ('index' in m ? { index: m.index, ...(({ ms: _ms, ...rest }) => rest)(m.result) } : m));

test('each page posted with its index, compiled as the main thread compiles it (its errors too), then done', async () => {
  const messages: WorkerMessage[] = [];
  await compileShare({ loaded, drafts: false, record: false, jobs: files.map((file, i) => ({ file, raw: raws[i]! })) }, (m) => messages.push(m));
  const pages = await expected(false);
  assert.deepEqual(withoutTimes(messages), [...pages.map((p, index) => ({ index, ...p })), { done: true }]);
  const first = messages[0] as { result: { page: { html: string } } };
  assert.match(first.result.page.html, /<h2 id="[^"]+">First<\/h2>/);
  assert.match(JSON.stringify(messages[2]), /Unknown shortcode `nosuch`/, "the third page's error comes with it");
  assert.ok(messages.every((m) => 'done' in m || m.result.deps === undefined), 'nothing recorded unless asked');
});

test('with record, each page carries what it asked of its environment (the file it read)', async () => {
  const messages: WorkerMessage[] = [];
  await compileShare({ loaded, drafts: false, record: true, jobs: [{ file: files[0]!, raw: raws[0]! }] }, (m) => messages.push(m));
  const [page] = await expected(true);
  assert.deepEqual(withoutTimes(messages), [{ index: 0, ...page }, { done: true }]);
  assert.ok(page!.deps!.length > 0);
});

test('a page is posted as soon as it is compiled, before the next page is read', async () => {
  const log: string[] = [];
  const jobs = files.map((file, i) => ({
    file,
    get raw() {
      log.push(`read ${i}`);
      return raws[i]!;
    },
  }));
  await compileShare({ loaded, drafts: false, record: false, jobs }, (m) => log.push('index' in m ? `post ${m.index}` : 'done'));
  assert.deepEqual(log, ['read 0', 'post 0', 'read 1', 'post 1', 'read 2', 'post 2', 'done']);
});

test('started as a worker thread, the module compiles the share it is given and tells its parent', { timeout: 120_000 }, async () => {
  const share: WorkerShare = { loaded, drafts: false, record: false, jobs: [{ file: files[1]!, raw: raws[1]! }] };
  const worker = new Worker(new URL('../src/engine/compile-worker.ts', import.meta.url), { workerData: share });
  const messages: WorkerMessage[] = [];
  await new Promise<void>((resolve, reject) => {
    worker.on('message', (m: WorkerMessage) => {
      messages.push(m);
      if ('done' in m) resolve();
    });
    worker.once('error', reject);
  });
  await worker.terminate();
  const [, page] = await expected(false);
  assert.deepEqual(withoutTimes(messages), [{ index: 0, ...page }, { done: true }]);
});

test("drafts: the share's environment knows draft pages only when the build is asked for them", async () => {
  const link = '---\ntitle: Link\n---\nSee [the draft]({{< ref "draft.md" >}}).\n';
  const project = tempProject({ copy: ['changelog', 'static'], files: { 'content/link.md': link, 'content/draft.md': '---\ntitle: Draft page\ndraft: true\n---\nx\n' }, config: 'versions: { newest: 1 }' });
  try {
    const draftLoaded = await loadConfig(path.join(project, 'docs.config.ts'));
    const compiled = async (drafts: boolean) => {
      const messages: WorkerMessage[] = [];
      await compileShare({ loaded: draftLoaded, drafts, record: false, jobs: [{ file: path.join(project, 'content/link.md'), raw: link }] }, (m) => messages.push(m));
      return JSON.stringify(messages[0]);
    };
    const without = await compiled(false);
    assert.match(without, /draft\.md/, 'without drafts: the ref finds no page');
    assert.match(without, /"severity":"error"/);
    assert.doesNotMatch(await compiled(true), /"severity":"error"/, 'with drafts: the ref finds the draft');
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
});
