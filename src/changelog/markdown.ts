/**
 * Untrusted Markdown (changelog descriptions, summary/closing prose) to safe
 * HTML. Raw HTML in the source is dropped (remark-rehype without
 * `allowDangerousHtml`), and rehype-sanitize's GitHub schema removes
 * `javascript:`/`data:` URLs, event handlers and anything else that could run.
 * The result is a hast fragment, for pages built as trees, or its HTML.
 */
import type { ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfmLateEmails from '../util/remark-gfm.ts';
import remarkRehype from 'remark-rehype';
import rehypeSanitize from 'rehype-sanitize';

const processor = unified().use(remarkParse).use(remarkGfmLateEmails).use(remarkRehype).use(rehypeSanitize).freeze();

const isBlank = (node: ElementContent) => node.type === 'text' && node.value.trim() === '';

/**
 * Nodes already made, by their Markdown: a git build renders each branch's changelog, and most notes are the
 * same text in every branch (a copy is returned: the page it goes into owns it).
 */
const memo = new Map<string, ElementContent[]>();
const MEMO_LIMIT = 20_000;

/** Untrusted Markdown as sanitised hast nodes (blank text at either end left out). */
export function untrustedMarkdownNodes(markdown: string): ElementContent[] {
  let nodes = memo.get(markdown);
  if (!nodes) {
    nodes = parseUntrusted(markdown);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(markdown, nodes);
  }
  return structuredClone(nodes);
}

function parseUntrusted(markdown: string): ElementContent[] {
  const tree = processor.runSync(processor.parse(markdown)) as Root;
  const nodes = tree.children as ElementContent[];
  let start = 0;
  let end = nodes.length;
  while (start < end && isBlank(nodes[start]!)) start++;
  while (end > start && isBlank(nodes[end - 1]!)) end--;
  return nodes.slice(start, end);
}

/** Like `untrustedMarkdownNodes`, but a single paragraph is unwrapped to its inline content. */
export function untrustedInlineNodes(markdown: string): ElementContent[] {
  const nodes = untrustedMarkdownNodes(markdown);
  const only = nodes[0];
  return nodes.length === 1 && only?.type === 'element' && only.tagName === 'p' ? only.children : nodes;
}

/** Render untrusted Markdown to sanitised HTML. */
export function renderUntrustedMarkdown(markdown: string): string {
  return toHtml(untrustedMarkdownNodes(markdown));
}

/** Like `renderUntrustedMarkdown`, but a single paragraph is unwrapped to inline HTML. */
export function renderUntrustedInline(markdown: string): string {
  return toHtml(untrustedInlineNodes(markdown));
}
