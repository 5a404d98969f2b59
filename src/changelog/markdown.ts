/**
 * Untrusted Markdown (changelog descriptions, summary/closing prose) to safe
 * HTML. Raw HTML in the source is dropped (remark-rehype without
 * `allowDangerousHtml`), and rehype-sanitize's GitHub schema removes
 * `javascript:`/`data:` URLs, event handlers and anything else that could run.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype)
  .use(rehypeSanitize)
  .use(rehypeStringify)
  .freeze();

/** Render untrusted Markdown to sanitised HTML. */
export function renderUntrustedMarkdown(markdown: string): string {
  return String(processor.processSync(markdown)).trim();
}

/** Like `renderUntrustedMarkdown`, but a single paragraph is unwrapped to inline HTML. */
export function renderUntrustedInline(markdown: string): string {
  const html = renderUntrustedMarkdown(markdown);
  const m = /^<p>([\s\S]*)<\/p>$/.exec(html);
  return m && !m[1]!.includes('<p>') ? m[1]! : html;
}

/** The one escaper (src/util/escape.ts), where the changelog code has always found it. */
export { escapeHtml } from '../util/escape.ts';
