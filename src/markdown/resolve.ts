/**
 * Resolves shortcode tokens in a HAST tree by where they landed: inside
 * code and attributes a shortcode counts as its text; in flowing text as its
 * output (inline nodes, or block nodes that split the paragraph around them,
 * as a tab set written under a list item stays in that item).
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { TOKEN_OPEN, TOKEN_PATTERN, decodeSentinels } from './sentinels.ts';

/** Nodes whose content is code or text: a shortcode there is its text. */
const LITERAL = new Set(['code', 'pre', 'kbd', 'samp', 'script', 'style', 'textarea', 'title']);

export interface TokenResolver {
  /** The output's text, for code and attributes. */
  text(n: number): string;
  /** The output's nodes for flowing text; `block` when they cannot sit inside a paragraph. */
  flow(n: number): { nodes: ElementContent[]; block: boolean };
}

type Parent = Root | Element;

export function resolveTokens(tree: Parent, resolver: TokenResolver): void {
  const blocks = new WeakSet<object>();
  visit(tree, false);

  function visit(parent: Parent, literal: boolean): void {
    const out: (RootContent | ElementContent)[] = [];
    let changed = false;
    for (const child of parent.children) {
      if (child.type === 'element') {
        resolveProperties(child);
        visit(child, literal || LITERAL.has(child.tagName));
        if (child.tagName === 'p' && child.children.some((c) => blocks.has(c))) {
          out.push(...splitParagraph(child));
          changed = true;
          continue;
        }
        out.push(child);
      } else if (child.type === 'text' && child.value.includes(TOKEN_OPEN)) {
        changed = true;
        if (literal) {
          out.push({ ...child, value: replaceText(child.value) });
          continue;
        }
        let last = 0;
        for (const m of child.value.matchAll(TOKEN_PATTERN)) {
          if (m.index > last) out.push({ type: 'text', value: child.value.slice(last, m.index) });
          const { nodes, block } = resolver.flow(Number(m[1]));
          for (const node of nodes) {
            if (block) blocks.add(node);
            out.push(node);
          }
          last = m.index + m[0].length;
        }
        if (last < child.value.length) out.push({ type: 'text', value: child.value.slice(last) });
      } else {
        out.push(child);
      }
    }
    if (changed) parent.children = out as typeof parent.children;
  }

  function replaceText(value: string): string {
    return value.replace(TOKEN_PATTERN, (_, n: string) => resolver.text(Number(n)));
  }

  function resolveProperties(element: Element): void {
    for (const [key, value] of Object.entries(element.properties)) {
      if (typeof value === 'string') {
        const decoded = decodeSentinels(value);
        if (decoded.includes(TOKEN_OPEN)) element.properties[key] = replaceText(decoded);
        else if (decoded !== value) element.properties[key] = decoded;
      } else if (Array.isArray(value)) {
        element.properties[key] = value.map((v) => (typeof v === 'string' ? replaceText(decodeSentinels(v)) : v));
      }
    }
  }

  /** `<p>a BLOCK b</p>` → `<p>a</p> BLOCK <p>b</p>`, dropping paragraphs left empty. */
  function splitParagraph(p: Element): ElementContent[] {
    const out: ElementContent[] = [];
    let run: ElementContent[] = [];
    const flush = () => {
      while (run.length && isBlankText(run[0]!)) run.shift();
      while (run.length && isBlankText(run[run.length - 1]!)) run.pop();
      if (run.length) out.push({ ...p, children: run });
      run = [];
    };
    for (const child of p.children) {
      if (blocks.has(child)) {
        flush();
        out.push(child);
      } else {
        run.push(child);
      }
    }
    flush();
    return out;
  }
}

function isBlankText(node: ElementContent): boolean {
  return node.type === 'text' && node.value.trim() === '';
}
