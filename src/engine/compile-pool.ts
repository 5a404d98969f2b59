/**
 * Compile worker threads for a whole build. A build from git refs compiles
 * one tree after another; starting new workers for each tree cost every
 * tree the workers' start (modules, V8's warm-up, Shiki's grammars) and
 * forgot the code each had highlighted. The pool starts its workers on
 * first use and keeps them until closed.
 *
 * Each page goes to the worker its path names (a hash of it): the same page
 * of the next version, whose code blocks are mostly the same, meets the
 * highlighter that already has them. A worker that runs out of its own
 * pages takes the last pages of the busiest one, so no thread idles while
 * another has work. Two pages are in flight per worker, so none waits for
 * the round trip.
 *
 * A worker that runs out of its heap (a page too big for it) leaves its
 * pages in flight undefined: compilePages compiles them on the main thread.
 * Its queued pages go to the other workers; a new worker takes its place at
 * the next run.
 */
import { Worker } from 'node:worker_threads';
import type { LoadedConfig } from '../config/load.ts';
import type { CompileJobResult } from './compile-pages.ts';
import type { WorkerReply, WorkerRequest } from './compile-worker.ts';

/** Pages sent to a worker ahead of its answers. */
const IN_FLIGHT = 2;

interface Job {
  id: number;
  env: number;
  file: string;
  raw: string;
  record: boolean;
  done: (result: CompileJobResult | undefined) => void;
}

interface Slot {
  worker: Worker | undefined;
  queue: Job[];
  inFlight: Map<number, Job>;
  /** The environments this worker has been told of. */
  envs: Set<number>;
}

interface Run {
  loaded: LoadedConfig;
  drafts: boolean;
  fail: (error: Error) => void;
}

export class CompilePool {
  readonly threads: number;
  /** Workers started so far, and pages compiled by each slot (for the tests). */
  readonly stats = { started: 0, compiled: [] as number[] };
  readonly #heapMb: number;
  readonly #youngMb: number | undefined;
  readonly #slots: Slot[];
  readonly #runs = new Map<number, Run>();
  #nextEnv = 0;
  #nextJob = 0;
  #closed = false;

  /** `heapMb`, `youngMb`: each worker's old and young generations (V8's default young one when not given). */
  constructor(threads: number, heapMb: number, youngMb?: number) {
    this.threads = threads;
    this.#heapMb = heapMb;
    this.#youngMb = youngMb;
    this.#slots = Array.from({ length: threads }, () => ({ worker: undefined, queue: [], inFlight: new Map(), envs: new Set() }));
    this.stats.compiled = this.#slots.map(() => 0);
  }

  /** Compiles pages of one tree; a result is undefined where its worker ran out of heap. Results keep the jobs' order. */
  run(loaded: LoadedConfig, drafts: boolean, record: boolean, jobs: readonly { file: string; raw: string }[]): Promise<(CompileJobResult | undefined)[]> {
    if (this.#closed) return Promise.reject(new Error('compile pool: closed'));
    const env = this.#nextEnv++;
    return new Promise((resolve, reject) => {
      const results: (CompileJobResult | undefined)[] = new Array(jobs.length);
      let left = jobs.length;
      const finish = () => {
        this.#runs.delete(env);
        for (const slot of this.#slots) {
          if (slot.envs.delete(env)) slot.worker?.postMessage({ kind: 'drop', env } satisfies WorkerRequest);
        }
        resolve(results);
      };
      this.#runs.set(env, { loaded, drafts, fail: reject });
      if (left === 0) return finish();
      for (const slot of this.#slots) if (!slot.worker) this.#spawn(slot);
      jobs.forEach((job, index) => {
        const slot = this.#slots[affinity(job.file, this.#slots.length)]!;
        slot.queue.push({
          id: this.#nextJob++,
          env,
          file: job.file,
          raw: job.raw,
          record,
          done: (result) => {
            results[index] = result;
            if (--left === 0) finish();
          },
        });
      });
      for (const slot of this.#slots) this.#feed(slot);
    });
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all(this.#slots.map((slot) => slot.worker?.terminate()));
  }

  #spawn(slot: Slot): void {
    const worker = new Worker(new URL('./compile-worker.ts', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: this.#heapMb, ...(this.#youngMb ? { maxYoungGenerationSizeMb: this.#youngMb } : {}) } });
    slot.worker = worker;
    slot.envs = new Set();
    this.stats.started++;
    worker.on('message', (reply: WorkerReply) => {
      const job = slot.inFlight.get(reply.id);
      if (!job) return;
      slot.inFlight.delete(reply.id);
      this.stats.compiled[this.#slots.indexOf(slot)]!++;
      job.done(reply.result);
      this.#feed(slot);
    });
    worker.once('error', (error: Error & { code?: string }) => {
      slot.worker = undefined;
      const lost = [...slot.inFlight.values()];
      slot.inFlight.clear();
      if (error.code !== 'ERR_WORKER_OUT_OF_MEMORY') {
        for (const run of this.#runs.values()) run.fail(error);
        return;
      }
      // Its queue goes to the workers left; the pages it held are the main thread's.
      const orphans = slot.queue.splice(0);
      const alive = this.#slots.filter((s) => s.worker);
      orphans.forEach((job, i) => (alive.length ? alive[i % alive.length]!.queue.push(job) : job.done(undefined)));
      for (const job of lost) job.done(undefined);
      for (const s of alive) this.#feed(s);
    });
    worker.once('exit', (code) => {
      if (slot.worker === worker && code !== 0 && !this.#closed) {
        slot.worker = undefined;
        for (const run of this.#runs.values()) run.fail(new Error(`compile worker stopped with exit code ${code}`));
      }
    });
  }

  /** Keeps IN_FLIGHT pages at the worker: its own first, else the last of the longest queue. */
  #feed(slot: Slot): void {
    const worker = slot.worker;
    if (!worker) return;
    while (slot.inFlight.size < IN_FLIGHT) {
      const job = slot.queue.shift() ?? this.#steal();
      if (!job) return;
      if (!slot.envs.has(job.env)) {
        const run = this.#runs.get(job.env)!;
        worker.postMessage({ kind: 'env', env: job.env, loaded: run.loaded, drafts: run.drafts } satisfies WorkerRequest);
        slot.envs.add(job.env);
      }
      slot.inFlight.set(job.id, job);
      worker.postMessage({ kind: 'job', env: job.env, id: job.id, file: job.file, raw: job.raw, record: job.record } satisfies WorkerRequest);
    }
  }

  #steal(): Job | undefined {
    let longest: Slot | undefined;
    for (const slot of this.#slots) if (slot.queue.length && (!longest || slot.queue.length > longest.queue.length)) longest = slot;
    return longest?.queue.pop();
  }
}

/** The worker a page belongs to: the same for the same path in every tree. */
export function affinity(file: string, threads: number): number {
  let h = 2166136261;
  for (let i = 0; i < file.length; i++) h = Math.imul(h ^ file.charCodeAt(i), 16777619);
  return (h >>> 0) % threads;
}
