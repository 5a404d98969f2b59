/**
 * A parse thread of the link check (parse-facts.ts): given a list of HTML files, it reads and parses
 * each (html.ts readHtml) and sends their facts back packed (facts-pack.ts), in the order asked.
 */
import { readFileSync } from 'node:fs';
import { isMainThread, parentPort } from 'node:worker_threads';
import { readHtml } from './html.ts';
import { packFacts } from './facts-pack.ts';

if (!isMainThread && parentPort) {
  const port = parentPort;
  port.on('message', (files: string[]) => {
    const packed = packFacts(files.map((file) => readHtml(readFileSync(file, 'utf8'))));
    port.postMessage(packed, packed.pages.flatMap(([ids, links]) => [ids.buffer as ArrayBuffer, links.buffer as ArrayBuffer]));
  });
}
