/**
 * A compile worker: builds the same environment as the main thread (content
 * index, custom shortcodes, data files, Shiki) once, compiles its share of
 * the pages and sends each back as soon as it is compiled (holding a share's
 * results until the end had made each worker's heap grow with the site).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { LoadedConfig } from '../config/load.ts';
import { compileJob } from './compile-pages.ts';
import { loadSiteContent } from './site-content.ts';

const { loaded, drafts, record, jobs } = workerData as { loaded: LoadedConfig; drafts: boolean; record: boolean; jobs: { file: string; raw: string }[] };
const { env } = await loadSiteContent(loaded, drafts ? { drafts } : {});
jobs.forEach((job, index) => parentPort!.postMessage({ index, result: compileJob(job.file, job.raw, env, record) }));
parentPort!.postMessage({ done: true });
