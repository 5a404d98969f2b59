/**
 * Shortcode tags to a tree: paired shortcodes get their inner content as
 * children. Which shortcodes pair is known from their definitions; an
 * unknown one pairs when a closing tag for it follows, so the rest of the
 * page still parses and every problem is reported in one run.
 */
import { addError, lex, tagText, type Escaped, type LexError, type Tag, type Text } from './parse.ts';
import type { ShortcodeDefinition } from './types.ts';

export interface CallNode {
  kind: 'call';
  tag: Tag;
  close?: Tag;
  children: ShortcodeNode[];
  /** Offsets of the inner content (between the tags). */
  innerStart: number;
  innerEnd: number;
  /** Undefined for an unknown shortcode. */
  definition?: ShortcodeDefinition;
  /** Zero-based position among the shortcode calls of its parent (or of the page): Hugo's `.Ordinal`. */
  ordinal: number;
}

export type ShortcodeNode = Text | Escaped | CallNode;

/** Deeper nesting is refused: rendering it would recurse that deep. */
export const MAX_DEPTH = 64;

export interface ParseResult {
  nodes: ShortcodeNode[];
  errors: LexError[];
}

export function parseShortcodes(
  source: string,
  lookup: (name: string) => ShortcodeDefinition | undefined,
  unknownHint: string,
): ParseResult {
  const { tokens, errors } = lex(source);
  const root: ShortcodeNode[] = [];
  const stack: CallNode[] = [];
  const children = () => (stack.length ? stack[stack.length - 1]!.children : root);
  // Stack depths of the open shortcodes, per name: a closing tag finds its opener in O(1), not by scanning the stack.
  const openDepths = new Map<string, number[]>();
  const push = (node: CallNode) => {
    const depths = openDepths.get(node.tag.name);
    if (depths) depths.push(stack.length);
    else openDepths.set(node.tag.name, [stack.length]);
    stack.push(node);
  };
  const pop = (): CallNode => {
    const node = stack.pop()!;
    openDepths.get(node.tag.name)!.pop();
    return node;
  };

  // Closing tags still ahead, per name: decides whether an optional or unknown shortcode pairs.
  const closesAhead = new Map<string, number>();
  for (const t of tokens) {
    if (t.kind === 'close') closesAhead.set(t.name, (closesAhead.get(t.name) ?? 0) + 1);
  }

  const unclosed = (node: CallNode, at: number) => {
    addError(errors, {
      offset: node.tag.start,
      length: node.tag.end - node.tag.start,
      message: `Unclosed shortcode \`${node.tag.name}\`: no \`${tagText(node.tag.form, `/${node.tag.name}`)}\` follows`,
      hint: `Close it with ${tagText(node.tag.form, `/${node.tag.name}`)}${at < source.length ? ' before its parent closes' : ''}.`,
    });
  };

  const callCounts = new WeakMap<ShortcodeNode[], number>();
  let tooDeep = 0;
  const tooDeepByName = new Map<string, number>();
  for (const token of tokens) {
    if (token.kind !== 'open' && token.kind !== 'close') {
      children().push(token as Text | Escaped);
      continue;
    }
    if (token.kind === 'close') {
      closesAhead.set(token.name, closesAhead.get(token.name)! - 1);
      const depths = openDepths.get(token.name);
      const depth = depths?.length ? depths[depths.length - 1]! : -1;
      if (depth === -1) {
        // The closer of a shortcode refused for nesting too deep: already reported.
        const refused = tooDeepByName.get(token.name) ?? 0;
        if (refused > 0) {
          tooDeepByName.set(token.name, refused - 1);
          continue;
        }
        addError(errors, {
          offset: token.start,
          length: token.end - token.start,
          message: `Closing tag \`/${token.name}\` has no opening \`${token.name}\``,
          hint: stack.length
            ? `The innermost open shortcode is \`${stack[stack.length - 1]!.tag.name}\`; close that one here, or remove this tag.`
            : 'Remove this tag, or add the opening tag before it.',
        });
        continue;
      }
      while (stack.length - 1 > depth) {
        const inner = pop();
        unclosed(inner, token.start);
        inner.innerEnd = token.start;
      }
      const node = pop();
      node.close = token;
      node.innerEnd = token.start;
      continue;
    }
    const definition = lookup(token.name);
    const siblings = children();
    const ordinal = callCounts.get(siblings) ?? 0;
    callCounts.set(siblings, ordinal + 1);
    const node: CallNode = {
      ordinal,
      kind: 'call',
      tag: token,
      children: [],
      innerStart: token.end,
      innerEnd: token.end,
      definition,
    };
    if (!definition) {
      addError(errors, {
        offset: token.start,
        length: token.end - token.start,
        message: `Unknown shortcode \`${token.name}\``,
        hint: unknownHint,
      });
    }
    children().push(node);
    const pairs =
      !token.selfClosing &&
      (definition?.inner === 'required' ||
        ((definition === undefined || definition.inner === 'optional') && (closesAhead.get(token.name) ?? 0) > 0));
    if (pairs && stack.length >= MAX_DEPTH) {
      tooDeepByName.set(token.name, (tooDeepByName.get(token.name) ?? 0) + 1);
      if (tooDeep++ === 0) addError(errors, {
        offset: token.start,
        length: token.end - token.start,
        message: `Shortcodes nested more than ${MAX_DEPTH} deep`,
        hint: 'Close the enclosing shortcodes before opening more; real pages nest a few levels at most.',
      });
    } else if (pairs) {
      push(node);
    }
  }
  while (stack.length) {
    const node = pop();
    unclosed(node, source.length);
    node.innerEnd = source.length;
  }
  return { nodes: root, errors };
}
