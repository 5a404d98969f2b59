/**
 * A compile worker: builds the same environment as the main thread (content
 * index, custom shortcodes, data files, Shiki) once, compiles its share of
 * the pages and sends each back as soon as it is compiled (holding a share's
 * results until the end had made each worker's heap grow with the site).
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { LoadedConfig } from '../config/load.ts';
import { compileJob, type CompileJobResult } from './compile-pages.ts';
import { loadSiteContent } from './site-content.ts';

/** What the main thread gives a worker (compile-pages.ts). */
export interface WorkerShare {
  loaded: LoadedConfig;
  drafts: boolean;
  record: boolean;
  jobs: { file: string; raw: string }[];
}

/** What a worker sends back: each page with its index in the share, then `done`. */
export type WorkerMessage = { index: number; result: CompileJobResult } | { done: true };

/** Compiles a share, posting each page as soon as it is compiled, then `done`. */
export async function compileShare({ loaded, drafts, record, jobs }: WorkerShare, post: (message: WorkerMessage) => void): Promise<void> {
  const { env } = await loadSiteContent(loaded, drafts ? { drafts } : {});
  jobs.forEach((job, index) => post({ index, result: compileJob(job.file, job.raw, env, record) }));
  post({ done: true });
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  await compileShare(workerData as WorkerShare, (message) => port.postMessage(message));
}
