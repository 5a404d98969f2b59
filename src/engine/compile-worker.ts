/**
 * A compile worker of the pool (compile-pool.ts): it keeps the compile
 * environments it is told of (a tree's content index, custom shortcodes,
 * data files; Shiki once per thread), compiles each page it is sent in the
 * environment named, and sends it back at once. Requests are handled in the
 * order they arrive. The worker lives for a whole build, across every
 * version's tree, so modules load, V8 warms up and highlighted code is
 * remembered once per thread, not once per version.
 */
import { isMainThread, parentPort } from 'node:worker_threads';
import type { LoadedConfig } from '../config/load.ts';
import type { CompileEnv } from '../markdown/compile.ts';
import { compileJob, type CompileJobResult } from './compile-pages.ts';
import { loadSiteContent } from './site-content.ts';

/** What the pool asks of a worker. */
export type WorkerRequest =
  /** Build the environment of a tree (loaded as the main thread loads it), under `env`. */
  | { kind: 'env'; env: number; loaded: LoadedConfig; drafts: boolean }
  /** Compile one page in environment `env`; the answer carries `id`. */
  | { kind: 'job'; env: number; id: number; file: string; raw: string; record: boolean }
  /** The tree's pages are done: forget its environment. */
  | { kind: 'drop'; env: number };

/** A compiled page, with the id of its job. */
export interface WorkerReply {
  id: number;
  result: CompileJobResult;
}

/** Handles requests in order, posting each compiled page as soon as it is compiled. */
export function compileServer(post: (reply: WorkerReply) => void): (request: WorkerRequest) => Promise<void> {
  const envs = new Map<number, Promise<CompileEnv>>();
  let chain = Promise.resolve();
  return (request) =>
    (chain = chain.then(async () => {
      if (request.kind === 'env') envs.set(request.env, loadSiteContent(request.loaded, request.drafts ? { drafts: true } : {}).then((c) => c.env));
      else if (request.kind === 'drop') envs.delete(request.env);
      else {
        const env = envs.get(request.env);
        if (!env) throw new Error(`compile worker: no environment ${request.env}`);
        post({ id: request.id, result: compileJob(request.file, request.raw, await env, request.record) });
      }
    }));
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  const serve = compileServer((reply) => port.postMessage(reply));
  // A failure is the worker's error event in the pool: it is not swallowed here.
  port.on('message', (request: WorkerRequest) => void serve(request));
}
