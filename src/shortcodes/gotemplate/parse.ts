/**
 * Go `text/template` syntax to a tree: the subset Hugo shortcode templates
 * use. Text and `{{ actions }}` (with `{{-`/`-}}` trimming and `{{/* … *\/}}`
 * comments); pipelines with `|`, variable declarations and assignments
 * (`$x := …`, `$i, $e := …`, `$x = …`), parenthesised pipelines with field
 * chains; `if`/`else if`/`with`/`else with`/`range` (with `else`),
 * `break`/`continue`, `define`/`template`/`block`. Every node keeps its line
 * and column in the template file, for messages.
 */

import { position } from '../../util/diagnostics.ts';

export interface Pos {
  line: number;
  column: number;
}

export class TemplateError extends Error {
  readonly pos: Pos;
  constructor(message: string, pos: Pos) {
    super(message);
    this.pos = pos;
  }
}

export type Operand =
  | { kind: 'field'; pos: Pos; names: string[] } // .A.B (empty names: dot)
  | { kind: 'var'; pos: Pos; name: string; names: string[] } // $x.A.B ($ is name '')
  | { kind: 'ident'; pos: Pos; name: string } // a function name: printf, strings.TrimPrefix
  | { kind: 'string'; pos: Pos; value: string }
  | { kind: 'number'; pos: Pos; value: number }
  | { kind: 'bool'; pos: Pos; value: boolean }
  | { kind: 'nil'; pos: Pos }
  | { kind: 'pipe'; pos: Pos; pipe: Pipeline; names: string[] }; // (pipeline).A.B

export interface Command {
  pos: Pos;
  args: Operand[];
}

export interface Pipeline {
  pos: Pos;
  /** Declared (`:=`) or assigned (`=`) variables, without `$`. */
  vars: string[];
  assign: boolean;
  commands: Command[];
}

export type Node =
  | { kind: 'text'; text: string }
  | { kind: 'action'; pos: Pos; pipe: Pipeline }
  | { kind: 'if' | 'with'; pos: Pos; pipe: Pipeline; list: Node[]; elseList?: Node[] }
  | { kind: 'range'; pos: Pos; pipe: Pipeline; list: Node[]; elseList?: Node[] }
  | { kind: 'template'; pos: Pos; name: string; pipe?: Pipeline }
  | { kind: 'break' | 'continue'; pos: Pos };

export interface ParsedTemplate {
  root: Node[];
  /** `define`d and `block` templates by name. */
  defines: Map<string, Node[]>;
}

type Tok =
  | { t: 'field'; names: string[]; pos: Pos }
  | { t: 'var'; name: string; names: string[]; pos: Pos }
  | { t: 'ident'; name: string; pos: Pos }
  | { t: 'string'; value: string; pos: Pos }
  | { t: 'number'; value: number; pos: Pos }
  | { t: '(' | ')' | '|' | ':=' | '=' | ','; pos: Pos }
  | { t: 'chain'; names: string[]; pos: Pos }; // .A.B right after `)`

interface Action {
  toks: Tok[];
  pos: Pos;
}

type Item = { kind: 'text'; text: string } | { kind: 'action'; action: Action };

/** Splits the source into text and actions, applying trim markers and dropping comments. */
function scan(source: string): Item[] {
  const items: Item[] = [];
  // Templates are small: a linear scan per position is cheap.
  const posAt = (offset: number): Pos => position(source, offset);
  let at = 0;
  let trimNext = false;
  while (at <= source.length) {
    const open = source.indexOf('{{', at);
    let text = source.slice(at, open === -1 ? undefined : open);
    if (trimNext) text = text.replace(/^\s+/, '');
    if (open === -1) {
      if (text) items.push({ kind: 'text', text });
      break;
    }
    const trimLeft = /^\{\{- /.test(source.slice(open, open + 4)) || source.slice(open, open + 4) === '{{-\n' || source.slice(open, open + 4) === '{{-\t';
    if (trimLeft) text = text.replace(/\s+$/, '');
    if (text) items.push({ kind: 'text', text });
    let inner = open + (trimLeft ? 3 : 2);
    const pos = posAt(open);
    // A comment: {{/* … */}} (with optional trim markers).
    const rest = source.slice(inner).replace(/^\s*/, '');
    if (rest.startsWith('/*')) {
      const end = source.indexOf('*/', inner);
      if (end === -1) throw new TemplateError('unclosed comment', pos);
      const close = /^\s*(-?)\s*\}\}/.exec(source.slice(end + 2));
      if (!close) throw new TemplateError('comment ends without }}', pos);
      trimNext = close[1] === '-';
      at = end + 2 + close[0].length;
      continue;
    }
    const { toks, end, trimRight } = lexAction(source, inner, posAt, pos);
    items.push({ kind: 'action', action: { toks, pos } });
    trimNext = trimRight;
    at = end;
    inner = end;
  }
  return items;
}

function lexAction(source: string, start: number, posAt: (o: number) => Pos, actionPos: Pos): { toks: Tok[]; end: number; trimRight: boolean } {
  const toks: Tok[] = [];
  let i = start;
  const ident = /[A-Za-z_][\w]*/y;
  const fieldChain = (from: number): { names: string[]; end: number } => {
    const names: string[] = [];
    let j = from;
    while (source[j] === '.' && /[A-Za-z_]/.test(source[j + 1] ?? '')) {
      ident.lastIndex = j + 1;
      const m = ident.exec(source)!;
      names.push(m[0]);
      j = j + 1 + m[0].length;
    }
    return { names, end: j };
  };
  for (;;) {
    if (i >= source.length) throw new TemplateError('unclosed action: no }}', actionPos);
    const c = source[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      if (source.startsWith('-}}', i + 1)) return { toks, end: i + 4, trimRight: true };
      i++;
      continue;
    }
    if (source.startsWith('}}', i)) return { toks, end: i + 2, trimRight: false };
    const pos = posAt(i);
    if (c === '(' || c === ')' || c === '|' || c === ',') {
      toks.push({ t: c, pos });
      i++;
      if (c === ')' && source[i] === '.' && /[A-Za-z_]/.test(source[i + 1] ?? '')) {
        const chain = fieldChain(i);
        toks.push({ t: 'chain', names: chain.names, pos: posAt(i) });
        i = chain.end;
      }
      continue;
    }
    if (source.startsWith(':=', i)) {
      toks.push({ t: ':=', pos });
      i += 2;
      continue;
    }
    if (c === '=') {
      toks.push({ t: '=', pos });
      i++;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let value = '';
      while (j < source.length && source[j] !== '"') {
        if (source[j] === '\n') break;
        if (source[j] === '\\') {
          const e = source[j + 1]!;
          const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'", a: '\x07', b: '\b', f: '\f', v: '\v' };
          if (map[e] !== undefined) {
            value += map[e];
            j += 2;
            continue;
          }
          if (e === 'x' || e === 'u') {
            const len = e === 'x' ? 2 : 4;
            value += String.fromCharCode(parseInt(source.slice(j + 2, j + 2 + len), 16));
            j += 2 + len;
            continue;
          }
          throw new TemplateError(`unknown escape sequence \\${e}`, posAt(j));
        }
        value += source[j];
        j++;
      }
      if (source[j] !== '"') throw new TemplateError('unterminated quoted string', pos);
      toks.push({ t: 'string', value, pos });
      i = j + 1;
      continue;
    }
    if (c === '`') {
      const j = source.indexOf('`', i + 1);
      if (j === -1) throw new TemplateError('unterminated raw string', pos);
      toks.push({ t: 'string', value: source.slice(i + 1, j), pos });
      i = j + 1;
      continue;
    }
    if (c === "'") {
      const j = source.indexOf("'", i + 1);
      if (j === -1) throw new TemplateError('unterminated character constant', pos);
      toks.push({ t: 'number', value: source.codePointAt(i + 1)!, pos });
      i = j + 1;
      continue;
    }
    const num = /[-+]?(?:0x[0-9a-fA-F]+|\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)/y;
    num.lastIndex = i;
    if (/[-+\d]/.test(c) && num.test(source)) {
      num.lastIndex = i;
      const m = num.exec(source)!;
      toks.push({ t: 'number', value: Number(m[0]), pos });
      i += m[0].length;
      continue;
    }
    if (c === '.') {
      const chain = fieldChain(i);
      if (chain.names.length === 0) {
        toks.push({ t: 'field', names: [], pos });
        i++;
      } else {
        toks.push({ t: 'field', names: chain.names, pos });
        i = chain.end;
      }
      continue;
    }
    if (c === '$') {
      ident.lastIndex = i + 1;
      const m = /[A-Za-z_]/.test(source[i + 1] ?? '') ? ident.exec(source)![0] : '';
      const chain = fieldChain(i + 1 + m.length);
      toks.push({ t: 'var', name: m, names: chain.names, pos });
      i = chain.end;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      // An identifier, possibly a namespaced function: strings.TrimPrefix.
      const m = /[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*/y;
      m.lastIndex = i;
      const name = m.exec(source)![0];
      toks.push({ t: 'ident', name, pos });
      i += name.length;
      continue;
    }
    throw new TemplateError(`unexpected \`${c}\` in action`, pos);
  }
}

const KEYWORDS = new Set(['if', 'else', 'end', 'range', 'with', 'define', 'template', 'block', 'break', 'continue']);

/** Parses a template file's text. Throws TemplateError with the position of the first problem. */
export function parseTemplate(source: string): ParsedTemplate {
  const items = scan(source);
  const defines = new Map<string, Node[]>();
  let i = 0;

  /** Parses nodes until `end` / `else` (returned so the caller knows which). */
  const parseList = (inBlock: string | undefined, blockPos?: Pos): { list: Node[]; stop: 'end' | 'else' | 'eof'; elseToks?: Tok[]; stopPos?: Pos } => {
    const list: Node[] = [];
    while (i < items.length) {
      const item = items[i++]!;
      if (item.kind === 'text') {
        list.push({ kind: 'text', text: item.text });
        continue;
      }
      const { toks, pos } = item.action;
      const head = toks[0];
      const word = head?.t === 'ident' && KEYWORDS.has(head.name) ? head.name : undefined;
      if (!word) {
        list.push({ kind: 'action', pos, pipe: parsePipeline(toks, 0, pos, true) });
        continue;
      }
      switch (word) {
        case 'end':
          if (!inBlock) throw new TemplateError('unexpected {{end}}', pos);
          return { list, stop: 'end', stopPos: pos };
        case 'else':
          if (inBlock !== 'if' && inBlock !== 'with' && inBlock !== 'range') throw new TemplateError('unexpected {{else}}', pos);
          return { list, stop: 'else', elseToks: toks.slice(1), stopPos: pos };
        case 'if':
        case 'with':
        case 'range':
          list.push(parseControl(word, toks.slice(1), pos));
          break;
        case 'break':
        case 'continue':
          list.push({ kind: word, pos });
          break;
        case 'define':
        case 'block': {
          const name = toks[1];
          if (name?.t !== 'string') throw new TemplateError(`{{${word}}} needs a quoted template name`, pos);
          const body = parseList(word, pos);
          if (body.stop !== 'end') throw new TemplateError(`{{${word} "${name.value}"}} has no {{end}}`, pos);
          defines.set(name.value, body.list);
          if (word === 'block') list.push({ kind: 'template', pos, name: name.value, ...(toks.length > 2 ? { pipe: parsePipeline(toks, 2, pos, false) } : {}) });
          break;
        }
        case 'template': {
          const name = toks[1];
          if (name?.t !== 'string') throw new TemplateError('{{template}} needs a quoted template name', pos);
          list.push({ kind: 'template', pos, name: name.value, ...(toks.length > 2 ? { pipe: parsePipeline(toks, 2, pos, false) } : {}) });
          break;
        }
      }
    }
    if (inBlock) throw new TemplateError(`{{${inBlock}}} has no {{end}}`, blockPos!);
    return { list, stop: 'eof' };
  };

  const parseControl = (word: 'if' | 'with' | 'range', toks: Tok[], pos: Pos): Node => {
    if (toks.length === 0) throw new TemplateError(`{{${word}}} needs a value`, pos);
    const pipe = parsePipeline(toks, 0, pos, true);
    const body = parseList(word, pos);
    const node = { kind: word, pos, pipe, list: body.list } as Extract<Node, { kind: 'if' | 'with' | 'range' }>;
    if (body.stop === 'else') {
      const elseToks = body.elseToks!;
      const chained = elseToks[0];
      if (chained?.t === 'ident' && (chained.name === 'if' || chained.name === 'with') && word !== 'range') {
        // `else if` / `else with`: the rest of the chain shares this block's {{end}}.
        node.elseList = [parseControl(chained.name, elseToks.slice(1), body.stopPos!)];
      } else {
        if (elseToks.length) throw new TemplateError('unexpected words after {{else}}', body.stopPos!);
        const rest = parseList(word, pos);
        if (rest.stop !== 'end') throw new TemplateError(`{{else}} of {{${word}}} has no {{end}}`, body.stopPos!);
        node.elseList = rest.list;
      }
    }
    return node;
  };

  const root = parseList(undefined).list;
  return { root, defines };
}

function parsePipeline(toks: Tok[], from: number, pos: Pos, allowDecl: boolean): Pipeline {
  let i = from;
  const vars: string[] = [];
  let assign = false;
  // `$x :=`, `$i, $e :=`, `$x =`
  if (allowDecl && toks[i]?.t === 'var') {
    let j = i;
    const names: string[] = [];
    while (toks[j]?.t === 'var' && (toks[j] as { names: string[] }).names.length === 0) {
      names.push((toks[j] as { name: string }).name);
      if (toks[j + 1]?.t === ',') j += 2;
      else {
        j++;
        break;
      }
    }
    const op = toks[j]?.t;
    if (op === ':=' || op === '=') {
      vars.push(...names);
      assign = op === '=';
      i = j + 1;
    }
  }
  const commands: Command[] = [];
  let args: Operand[] = [];
  let cmdPos = toks[i]?.pos ?? pos;
  const end = (): void => {
    if (args.length === 0) throw new TemplateError('missing value in pipeline', cmdPos);
    commands.push({ pos: cmdPos, args });
    args = [];
  };
  while (i < toks.length) {
    const tok = toks[i]!;
    if (tok.t === '|') {
      end();
      i++;
      cmdPos = toks[i]?.pos ?? tok.pos;
      continue;
    }
    if (tok.t === '(') {
      let depth = 1;
      let j = i + 1;
      while (j < toks.length && depth > 0) {
        if (toks[j]!.t === '(') depth++;
        else if (toks[j]!.t === ')') depth--;
        j++;
      }
      if (depth !== 0) throw new TemplateError('unclosed left paren', tok.pos);
      const inner = parsePipeline(toks.slice(i + 1, j - 1), 0, tok.pos, false);
      const chain = toks[j]?.t === 'chain' ? (toks[j] as { names: string[] }).names : [];
      args.push({ kind: 'pipe', pos: tok.pos, pipe: inner, names: chain });
      i = chain.length ? j + 1 : j;
      continue;
    }
    switch (tok.t) {
      case 'field':
        args.push({ kind: 'field', pos: tok.pos, names: tok.names });
        break;
      case 'var':
        args.push({ kind: 'var', pos: tok.pos, name: tok.name, names: tok.names });
        break;
      case 'string':
        args.push({ kind: 'string', pos: tok.pos, value: tok.value });
        break;
      case 'number':
        args.push({ kind: 'number', pos: tok.pos, value: tok.value });
        break;
      case 'ident':
        if (tok.name === 'true' || tok.name === 'false') args.push({ kind: 'bool', pos: tok.pos, value: tok.name === 'true' });
        else if (tok.name === 'nil') args.push({ kind: 'nil', pos: tok.pos });
        else args.push({ kind: 'ident', pos: tok.pos, name: tok.name });
        break;
      default:
        throw new TemplateError(`unexpected \`${tok.t}\` in pipeline`, tok.pos);
    }
    i++;
  }
  end();
  return { pos, vars, assign, commands };
}
