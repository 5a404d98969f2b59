/**
 * Markdown to HAST with the unified collective: remark-parse + remark-gfm (src/util/remark-gfm.ts) +
 * remark-rehype, raw HTML parsed by hast-util-raw only when a page has some.
 * The processor is created once per thread.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfmLateEmails from '../util/remark-gfm.ts';
import remarkRehype from 'remark-rehype';
import { raw } from 'hast-util-raw';
import { VFile } from 'vfile';
import type { Root } from 'hast';
import { eachNode } from '../util/hast-walk.ts';
import type { Root as MdastRoot } from 'mdast';

const processor = unified().use(remarkParse).use(remarkGfmLateEmails).use(remarkRehype, { allowDangerousHtml: true }).freeze();

export function markdownToHast(markdown: string): Root {
  const mdast = processor.parse(markdown) as MdastRoot;
  const hast = processor.runSync(mdast) as Root;
  // HTML comments alone (the guide's `<!-- … -->` notes) need no HTML parser: they become comment nodes.
  // Other raw HTML goes through hast-util-raw; with the file it keeps positions (messages and the link checker need them).
  return commentsOnly(hast) ? hast : (raw(hast, { file: new VFile(markdown) }) as Root);
}

const COMMENT = /^<!--(?!>|->)([\s\S]*?)-->$/;

/** True when the tree's raw nodes are all single HTML comments; turns those into comment nodes. */
function commentsOnly(tree: Root): boolean {
  let ok = true;
  eachNode(tree, (child, i, parent) => {
    if (child.type !== 'raw') return;
    const m = COMMENT.exec(child.value.trim());
    if (m && !m[1]!.includes('-->')) parent.children[i] = { type: 'comment', value: m[1]!, ...(child.position ? { position: child.position } : {}) };
    else ok = false;
  });
  return ok;
}
