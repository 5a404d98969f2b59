/**
 * A page's article body, wherever it is: in the page (`html`), or in the
 * file a build moved it to (`htmlAt`, src/engine/spill-html.ts), read when
 * it is laid out or indexed and dropped after.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import type { RenderedPage } from './site-data.ts';

/**
 * Read into one buffer kept for the next page: a new buffer per page would be memory outside V8's heap
 * that V8 answers with extra full collections (at 4,000 pages, most of the time the reads cost).
 */
let scratch = Buffer.alloc(0);

export function articleHtml(page: Pick<RenderedPage, 'html' | 'htmlAt'>): string {
  const bytes = articleBytes(page);
  return typeof bytes === 'string' ? bytes : bytes.toString('utf8');
}

/** The article's UTF-8 bytes without decoding them (a view of a buffer the next call reuses: use it at once), or the page's `html`. */
export function articleBytes(page: Pick<RenderedPage, 'html' | 'htmlAt'>): string | Buffer {
  const at = page.htmlAt;
  if (!at) return page.html;
  if (scratch.length < at.bytes) scratch = Buffer.allocUnsafe(Math.max(at.bytes, 2 * scratch.length, 1 << 16));
  const fd = openSync(at.file, 'r');
  try {
    let read = 0;
    while (read < at.bytes) {
      const n = readSync(fd, scratch, read, at.bytes - read, at.start + read);
      if (n === 0) throw new Error(`${at.file}: ends before byte ${at.start + at.bytes} (a page's HTML kept by the build); build again`);
      read += n;
    }
  } finally {
    closeSync(fd);
  }
  return scratch.subarray(0, at.bytes);
}

/** Digests of articles kept on disk, by their place (one object per page, shared by every copy of the page). */
const digests = new WeakMap<NonNullable<RenderedPage['htmlAt']>, string>();

/**
 * The SHA-256 of the article's bytes, read once per build: the layout's fingerprints and the search index's
 * record of what it was fed both need it (src/integration/layout-reuse.ts, search-index.ts).
 */
export function articleDigest(page: Pick<RenderedPage, 'html' | 'htmlAt'>): string {
  const at = page.htmlAt;
  let digest = at && digests.get(at);
  if (!digest) {
    digest = createHash('sha256').update(articleBytes(page)).digest('base64url');
    if (at) digests.set(at, digest);
  }
  return digest;
}
