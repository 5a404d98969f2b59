/**
 * A build holds no page's HTML longer than it takes to write it: as soon as
 * a version's pages are rendered, their article bodies go into one file of
 * the build's work folder, and the pages keep where (`htmlAt`). Astro's
 * layout and the search index read each body when they need it
 * (src/model/article-html.ts). At 1,000 pages × 4 versions the bodies are
 * about a third of the build's heap; at 5,000 × 4, 1.6 GB (docs/performance.md).
 */
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { RenderedPage } from '../model/site-data.ts';

/** Pages are written in batches of about this many bytes: few writes, and no second copy of a whole version. */
const BATCH_BYTES = 8 << 20;

/** One build's page HTML on disk: a file per call of pages() (the build calls it once per version, as it is rendered). */
export class HtmlSpill {
  private files = 0;
  private readonly dir: string;
  constructor(dir: string) {
    this.dir = dir;
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
  }

  /** Moves the pages' `html` into the next file and empties it in memory (pages already moved are left). */
  pages(pages: readonly RenderedPage[]): void {
    const todo = pages.filter((page) => !page.htmlAt && page.html !== '');
    if (todo.length) writePages(path.join(this.dir, `${this.files++}.html`), todo);
  }
}

/**
 * Writes the pages' `html` into `file`, one after another, and empties it in memory: each page then says where its
 * body is (`htmlAt`, naming `recordAs`: the name the file will have once renamed, when written under a temporary one).
 */
export function writePages(file: string, pages: readonly RenderedPage[], recordAs = file): void {
  const fd = openSync(file, 'w');
  try {
    let start = 0;
    let batch: Buffer[] = [];
    let batched = 0;
    const flush = () => {
      const bytes = Buffer.concat(batch, batched);
      for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written, bytes.length - written);
      batch = [];
      batched = 0;
    };
    for (const page of pages) {
      const body = Buffer.from(page.html, 'utf8');
      page.htmlAt = { file: recordAs, start, bytes: body.length };
      page.html = '';
      start += body.length;
      batch.push(body);
      batched += body.length;
      if (batched >= BATCH_BYTES) flush();
    }
    if (batched) flush();
  } finally {
    closeSync(fd);
  }
}
