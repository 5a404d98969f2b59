/**
 * A page's article body, wherever it is: in the page (`html`), or in the
 * file a build moved it to (`htmlAt`, src/engine/spill-html.ts), read when
 * it is laid out or indexed and dropped after.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import type { RenderedPage } from './site-data.ts';

export function articleHtml(page: Pick<RenderedPage, 'html' | 'htmlAt'>): string {
  const at = page.htmlAt;
  if (!at) return page.html;
  const buffer = Buffer.allocUnsafe(at.bytes);
  const fd = openSync(at.file, 'r');
  try {
    let read = 0;
    while (read < at.bytes) {
      const n = readSync(fd, buffer, read, at.bytes - read, at.start + read);
      if (n === 0) throw new Error(`${at.file}: ends before byte ${at.start + at.bytes} (a page's HTML kept by the build); build again`);
      read += n;
    }
  } finally {
    closeSync(fd);
  }
  return buffer.toString('utf8');
}
