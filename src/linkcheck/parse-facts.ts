/**
 * The link check's parse of many HTML files at once: on this thread and on worker threads beside it
 * (parse-worker.ts), a few dozen files at a time, each taken by whichever thread is free. On a cold
 * build the check parses every page of the site (3,800 for Gloo's four branches) after Astro and
 * Pagefind are done with the machine's cores: on one thread, one core idled. The facts are the same
 * whichever thread read a file; a file that cannot be read fails here, as on one thread.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { readHtml, type HtmlFacts } from './html.ts';
import { unpackFacts, type PackedFacts } from './facts-pack.ts';

/** Files per request to a thread. */
const CHUNK = 32;
/** Below this many files, starting a thread costs more than it saves. */
export const PARALLEL_FILES = 256;

/** The facts of each file (absolute paths), in order. `threads` counts this one (default: the cores, at most 4, for enough files). */
export async function parseFiles(files: readonly string[], keep: (value: string) => string, threads?: number): Promise<HtmlFacts[]> {
  const out: HtmlFacts[] = new Array(files.length);
  const chunks: number[][] = [];
  for (let i = 0; i < files.length; i += CHUNK) chunks.push(Array.from({ length: Math.min(CHUNK, files.length - i) }, (_, k) => i + k));
  const parseHere = (chunk: readonly number[]) => {
    for (const i of chunk) out[i] = readHtml(readFileSync(files[i]!, 'utf8'), keep);
  };
  const count = Math.min(threads ?? (files.length >= PARALLEL_FILES ? Math.min(availableParallelism(), 4) : 1), chunks.length);
  let next = 0;
  const workers = Array.from({ length: Math.max(0, count - 1) }, () => new Worker(new URL('./parse-worker.ts', import.meta.url)));
  try {
    const done = workers.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          let current: number[] | undefined;
          const feed = () => {
            current = chunks[next++];
            if (current) worker.postMessage(current.map((i) => files[i]!));
            else resolve();
          };
          worker.on('message', (packed: PackedFacts) => {
            current!.forEach((index, k) => (out[index] = unpackFacts(packed.strings, packed.pages[k]![0], packed.pages[k]![1], keep)!));
            feed();
          });
          // A thread that fails (a file it cannot read, no thread at all) leaves its files to this one, which reports the failure as one thread would.
          worker.once('error', () => {
            try {
              if (current) parseHere(current);
              current = undefined;
              resolve();
            } catch (e) {
              reject(e);
            }
          });
          feed();
        }),
    );
    // Awaited after this thread's share; a thread's failure meanwhile is not left unhandled.
    const threadsDone = Promise.all(done);
    threadsDone.catch(() => undefined);
    while (next < chunks.length) {
      parseHere(chunks[next++]!);
      // The threads' answers are handled between this thread's chunks.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await threadsDone;
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return out;
}
