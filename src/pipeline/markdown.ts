/**
 * Markdown to HAST with the unified collective: remark-parse + remark-gfm +
 * remark-rehype, raw HTML parsed by hast-util-raw only when a page has some.
 * The processor is created once per thread.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import { raw } from 'hast-util-raw';
import { VFile } from 'vfile';
import type { Root } from 'hast';
import type { Root as MdastRoot } from 'mdast';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true }).freeze();

export function markdownToHast(markdown: string): Root {
  const mdast = processor.parse(markdown) as MdastRoot;
  const hast = processor.runSync(mdast) as Root;
  // With the file, hast-util-raw keeps positions (the link checker and messages need them).
  return hasRaw(hast) ? (raw(hast, { file: new VFile(markdown) }) as Root) : hast;
}

function hasRaw(node: { type: string; children?: unknown[] }): boolean {
  if (node.type === 'raw') return true;
  return Array.isArray(node.children) && node.children.some((c) => hasRaw(c as { type: string }));
}
