/**
 * src/engine/compile-worker.ts directly: the worker keeps the environments it is told of, compiles each
 * page in the one named, exactly as the main thread compiles it, and posts it with its job id as soon as
 * it is compiled; the same module started as a worker thread answers its parent the same way.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { Worker } from 'node:worker_threads';
import { compileServer, type WorkerReply, type WorkerRequest } from '../src/engine/compile-worker.ts';
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
const withoutTimes = (replies: WorkerReply[]) => replies.map((m) => ({ id: m.id, ...(({ ms: _ms, ...rest }) => rest)(m.result) }));
const job = (i: number, id = i, env = 0, record = false): WorkerRequest => ({ kind: 'job', env, id, file: files[i]!, raw: raws[i]!, record });

test('each page posted with its job id, compiled as the main thread compiles it (its errors too)', async () => {
  const replies: WorkerReply[] = [];
  const serve = compileServer((m) => replies.push(m));
  void serve({ kind: 'env', env: 0, loaded, drafts: false });
  await Promise.all(files.map((_, i) => serve(job(i, 10 + i))));
  const pages = await expected(false);
  assert.deepEqual(withoutTimes(replies), pages.map((p, i) => ({ id: 10 + i, ...p })));
  assert.match(replies[0]!.result.page.html, /<h2 id="[^"]+">First<\/h2>/);
  assert.match(JSON.stringify(replies[2]), /Unknown shortcode `nosuch`/, "the third page's error comes with it");
  assert.ok(replies.every((m) => m.result.deps === undefined), 'nothing recorded unless asked');
});

test('with record, each page carries what it asked of its environment (the file it read)', async () => {
  const replies: WorkerReply[] = [];
  const serve = compileServer((m) => replies.push(m));
  void serve({ kind: 'env', env: 0, loaded, drafts: false });
  await serve(job(0, 0, 0, true));
  const [page] = await expected(true);
  assert.deepEqual(withoutTimes(replies), [{ id: 0, ...page }]);
  assert.ok(page!.deps!.length > 0);
});

test('a page is posted as soon as it is compiled, before the next page is read', async () => {
  const log: string[] = [];
  const serve = compileServer((m) => log.push(`post ${m.id}`));
  void serve({ kind: 'env', env: 0, loaded, drafts: false });
  await Promise.all(
    files.map((file, i) =>
      serve({
        kind: 'job',
        env: 0,
        id: i,
        file,
        record: false,
        get raw() {
          log.push(`read ${i}`);
          return raws[i]!;
        },
      }),
    ),
  );
  assert.deepEqual(log, ['read 0', 'post 0', 'read 1', 'post 1', 'read 2', 'post 2']);
});

test('a page of an environment the worker was not told of, or was told to drop, is an error, not a guess', async () => {
  const serve = compileServer(() => undefined);
  await assert.rejects(serve(job(1, 0, 7)), /no environment 7/);
  const again = compileServer(() => undefined);
  void again({ kind: 'env', env: 1, loaded, drafts: false });
  await again(job(1, 0, 1));
  await assert.rejects(again({ kind: 'drop', env: 1 }).then(() => again(job(1, 1, 1))), /no environment 1/);
});

test('started as a worker thread, the module compiles what its parent sends and answers it', { timeout: 120_000 }, async () => {
  const worker = new Worker(new URL('../src/engine/compile-worker.ts', import.meta.url));
  const replies: WorkerReply[] = [];
  await new Promise<void>((resolve, reject) => {
    worker.on('message', (m: WorkerReply) => {
      replies.push(m);
      resolve();
    });
    worker.once('error', reject);
    worker.postMessage({ kind: 'env', env: 3, loaded, drafts: false } satisfies WorkerRequest);
    worker.postMessage(job(1, 5, 3));
  });
  await worker.terminate();
  const [, page] = await expected(false);
  assert.deepEqual(withoutTimes(replies), [{ id: 5, ...page }]);
});

test("drafts: the environment knows draft pages only when the build is asked for them", async () => {
  const link = '---\ntitle: Link\n---\nSee [the draft]({{< ref "draft.md" >}}).\n';
  const project = tempProject({ copy: ['changelog', 'static'], files: { 'content/link.md': link, 'content/draft.md': '---\ntitle: Draft page\ndraft: true\n---\nx\n' }, config: 'versions: { newest: 1 }' });
  try {
    const draftLoaded = await loadConfig(path.join(project, 'docs.config.ts'));
    const compiled = async (drafts: boolean) => {
      const replies: WorkerReply[] = [];
      const serve = compileServer((m) => replies.push(m));
      void serve({ kind: 'env', env: 0, loaded: draftLoaded, drafts });
      await serve({ kind: 'job', env: 0, id: 0, file: path.join(project, 'content/link.md'), raw: link, record: false });
      return JSON.stringify(replies[0]);
    };
    const without = await compiled(false);
    assert.match(without, /draft\.md/, 'without drafts: the ref finds no page');
    assert.match(without, /"severity":"error"/);
    assert.doesNotMatch(await compiled(true), /"severity":"error"/, 'with drafts: the ref finds the draft');
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
});
