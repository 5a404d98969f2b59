/**
 * The walk over a page's hast tree that the compile's passes share (headings,
 * links, code blocks, the article's touches, comments, offsets).
 *
 * Why not `unist-util-visit`: it makes a closure for every node it visits and
 * names it (`Object.defineProperty`, a string built per node), and copies the
 * ancestors' array at every parent. The Gloo pipeline with a cold compile
 * cache (four branches, 1,227 pages compiled; three runs each, alternated):
 * 20.1 / 19.2 / 18.5 s wall, 37.1 / 35.2 / 34.0 s CPU with the library,
 * 18.6 / 18.6 / 17.7 s and 34.0 / 34.2 / 32.7 s with this walk. Tools
 * outside the compile (src/compare/) keep the library.
 *
 * Semantics kept from `unist-util-visit`: the root itself is not visited;
 * the visitor may replace `parent.children[index]`, and the walk then goes on
 * into the node it was given (none, when it returns SKIP); children added
 * after `index` are visited.
 */
import type { Element, Root, RootContent } from 'hast';

/** Returned by a visitor: do not go into this node's children. */
export const SKIP = Symbol('skip');

export type HastParent = Root | Element;

/** Each descendant of `tree` in document order. `ancestors` ends with `parent`; it is valid during the call only. */
export function eachNode(tree: HastParent, visit: (node: RootContent, index: number, parent: HastParent, ancestors: readonly HastParent[]) => typeof SKIP | void): void {
  const ancestors: HastParent[] = [];
  const walk = (parent: HastParent): void => {
    ancestors.push(parent);
    const children: RootContent[] = parent.children;
    for (let index = 0; index < children.length; index++) {
      const node = children[index]!;
      if (visit(node, index, parent, ancestors) !== SKIP && node.type === 'element') walk(node);
    }
    ancestors.pop();
  };
  walk(tree);
}

/** Each descendant element of `tree` in document order (see eachNode). */
export function eachElement(tree: HastParent, visit: (node: Element, index: number, parent: HastParent, ancestors: readonly HastParent[]) => typeof SKIP | void): void {
  eachNode(tree, (node, index, parent, ancestors) => (node.type === 'element' ? visit(node, index, parent, ancestors) : undefined));
}
