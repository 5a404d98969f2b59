/**
 * A build holds no page's HTML longer than it takes to write it: once the
 * pipeline has rendered every version, each version's article bodies go into
 * one file of the build's work folder, and the pages keep where (`htmlAt`).
 * Astro's layout and the search index read each body when they need it
 * (src/model/article-html.ts). At 1,000 pages × 4 versions this is about a
 * third of the build's heap (docs/performance.md).
 */
import { mkdir, open, rm } from 'node:fs/promises';
import path from 'node:path';
import type { RenderedPage, SiteData } from '../model/site-data.ts';

/** Moves every page's `html` into `<dir>/<n>.html` (one file per version) and empties it in memory. */
export async function spillPageHtml(data: SiteData, dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const ids = Object.keys(data.pages);
  for (const [n, id] of ids.entries()) {
    const pages = data.pages[id]!.filter((page) => !page.htmlAt && page.html !== '');
    if (!pages.length) continue;
    await writeVersion(path.join(dir, `${n}.html`), pages);
  }
}

/** Pages are written in batches of about this many bytes: few writes, and no second copy of a whole version. */
export const BATCH_BYTES = 8 << 20;

async function writeVersion(file: string, pages: readonly RenderedPage[]): Promise<void> {
  const handle = await open(file, 'w');
  try {
    let start = 0;
    let batch: Buffer[] = [];
    let batched = 0;
    for (const page of pages) {
      const body = Buffer.from(page.html, 'utf8');
      page.htmlAt = { file, start, bytes: body.length };
      page.html = '';
      start += body.length;
      batch.push(body);
      batched += body.length;
      if (batched >= BATCH_BYTES) {
        await handle.writeFile(Buffer.concat(batch, batched));
        batch = [];
        batched = 0;
      }
    }
    if (batched) await handle.writeFile(Buffer.concat(batch, batched));
  } finally {
    await handle.close();
  }
}
