/**
 * Runs a parsed Go template against a value, as Hugo's html/template runs a
 * shortcode: fields of maps (missing keys are nil, as in Go) and of the
 * context objects (`GoStruct`: a missing field is an error), methods with
 * arguments (`.Get "x"`), variables with Go's scoping, `if`/`with`/`range`
 * (over arrays, maps in key order, and integers), `define`/`template`, and
 * the functions in funcs.ts. Output is HTML-escaped unless the value is safe
 * (`safeHTML`, `markdownify`, `.Inner`), which is html/template's behaviour in
 * text context (attribute and script contexts are not told apart).
 */
import { FUNCS, type Func } from './funcs.ts';
import { TemplateError, type Command, type Node, type Operand, type ParsedTemplate, type Pipeline, type Pos } from './parse.ts';
import { isSafe, SafeHTML, printValue, truth, escapeHtml } from './values.ts';

/** A Hugo object with named fields (Page, Site, the shortcode): reading a field it lacks is an error naming it. */
export class GoStruct {
  readonly typeName: string;
  readonly #fields: Record<string, unknown>;
  constructor(typeName: string, fields: Record<string, unknown>) {
    this.typeName = typeName;
    this.#fields = fields;
  }
  has(name: string): boolean {
    return Object.hasOwn(this.#fields, name);
  }
  get(name: string): unknown {
    const value = this.#fields[name];
    return typeof value === 'function' && (value as { lazy?: boolean }).lazy ? (value as () => unknown)() : value;
  }
}

/** A field computed when read (e.g. `.Site.Data`), not a method. */
export function lazy<T>(get: () => T): () => T {
  return Object.assign(() => get(), { lazy: true });
}

const BREAK = Symbol('break');
const CONTINUE = Symbol('continue');
const MAX_DEPTH = 100;

class Scope {
  readonly vars = new Map<string, unknown>();
  readonly parent: Scope | undefined;
  constructor(parent: Scope | undefined) {
    this.parent = parent;
  }
  lookup(name: string, pos: Pos): unknown {
    for (let s: Scope | undefined = this; s; s = s.parent) if (s.vars.has(name)) return s.vars.get(name);
    throw new TemplateError(`undefined variable "$${name}"`, pos);
  }
  assign(name: string, value: unknown, pos: Pos): void {
    for (let s: Scope | undefined = this; s; s = s.parent) {
      if (s.vars.has(name)) {
        s.vars.set(name, value);
        return;
      }
    }
    throw new TemplateError(`undefined variable "$${name}"`, pos);
  }
}

/** Executes the template with `data` as dot (and `$`); extra functions (Hugo's that need the page) override or add to FUNCS. */
export function execute(template: ParsedTemplate, data: unknown, extra: Record<string, Func> = {}): string {
  const funcs: Record<string, Func> = { ...FUNCS, ...extra };
  let out = '';
  let depth = 0;

  const run = (nodes: readonly Node[], dot: unknown, scope: Scope): typeof BREAK | typeof CONTINUE | undefined => {
    for (const node of nodes) {
      switch (node.kind) {
        case 'text':
          out += node.text;
          break;
        case 'action': {
          const value = evalPipeline(node.pipe, dot, scope);
          if (node.pipe.vars.length === 0) out += isSafe(value) ? printValue(value) : escapeHtml(printValue(value));
          break;
        }
        case 'if':
        case 'with': {
          const inner = new Scope(scope);
          const value = evalPipeline(node.pipe, dot, inner);
          if (truth(value)) {
            const r = run(node.list, node.kind === 'with' ? value : dot, inner);
            if (r) return r;
          } else if (node.elseList) {
            const r = run(node.elseList, dot, new Scope(scope));
            if (r) return r;
          }
          break;
        }
        case 'range': {
          const inner = new Scope(scope);
          const pipe = node.pipe;
          const value = evalPipeline({ ...pipe, vars: [] }, dot, inner);
          const entries = rangeEntries(value, node.pos);
          if (entries.length === 0) {
            if (node.elseList) {
              const r = run(node.elseList, dot, new Scope(scope));
              if (r) return r;
            }
            break;
          }
          for (const [key, element] of entries) {
            const each = new Scope(scope);
            if (pipe.vars.length === 1) each.vars.set(pipe.vars[0]!, element);
            if (pipe.vars.length >= 2) {
              each.vars.set(pipe.vars[0]!, key);
              each.vars.set(pipe.vars[1]!, element);
            }
            const r = run(node.list, element, each);
            if (r === BREAK) break;
          }
          break;
        }
        case 'break':
          return BREAK;
        case 'continue':
          return CONTINUE;
        case 'template': {
          const body = template.defines.get(node.name);
          if (!body) throw new TemplateError(`no such template "${node.name}"`, node.pos);
          if (++depth > MAX_DEPTH) throw new TemplateError(`template "${node.name}" calls itself more than ${MAX_DEPTH} deep`, node.pos);
          const arg = node.pipe ? evalPipeline(node.pipe, dot, scope) : undefined;
          const top = new Scope(undefined);
          top.vars.set('', arg);
          run(body, arg, top);
          depth--;
          break;
        }
      }
    }
    return undefined;
  };

  const evalPipeline = (pipe: Pipeline, dot: unknown, scope: Scope): unknown => {
    let value: unknown;
    let piped = false;
    for (const command of pipe.commands) {
      value = evalCommand(command, dot, scope, piped ? { value } : undefined);
      piped = true;
    }
    if (pipe.vars.length) {
      if (pipe.assign) scope.assign(pipe.vars[0]!, value, pipe.pos);
      else scope.vars.set(pipe.vars[0]!, value);
    }
    return value;
  };

  const evalCommand = (command: Command, dot: unknown, scope: Scope, piped: { value: unknown } | undefined): unknown => {
    const [first, ...rest] = command.args;
    if (first!.kind === 'ident') {
      const fn = funcs[first!.name];
      if (!fn) throw new TemplateError(`function "${first!.name}" is not supported`, first!.pos);
      if (first!.name === 'and' || first!.name === 'or') {
        // Go evaluates these lazily, left to right.
        const operands: (() => unknown)[] = rest.map((o) => () => evalOperand(o, dot, scope));
        if (piped) operands.push(() => piped.value);
        if (operands.length === 0) throw new TemplateError(`wrong number of args for ${first!.name}: want at least 1 got 0`, first!.pos);
        let result: unknown;
        for (const operand of operands) {
          result = operand();
          if (first!.name === 'and' ? !truth(result) : truth(result)) return result;
        }
        return result;
      }
      const args = rest.map((o) => evalOperand(o, dot, scope));
      if (piped) args.push(piped.value);
      try {
        return fn(...args);
      } catch (e) {
        if (e instanceof TemplateError) throw e;
        throw new TemplateError(`${first!.name}: ${(e as Error).message}`, first!.pos);
      }
    }
    const args = rest.map((o) => evalOperand(o, dot, scope));
    if (piped) args.push(piped.value);
    if (args.length && (first!.kind === 'field' || first!.kind === 'var' || first!.kind === 'pipe') && first!.names.length) {
      // A method call with arguments: `.Get "file"`, `$.Page.Param "x"`, `.Parent.Scratch.Get "tabs"`.
      const names = first!.names;
      const receiver = evalOperand({ ...first!, names: names.slice(0, -1) } as Operand, dot, scope);
      return member(receiver, names[names.length - 1]!, args, first!.pos);
    }
    if (args.length) throw new TemplateError(`can't give arguments to a non-function value`, first!.pos);
    return evalOperand(first!, dot, scope);
  };

  const evalOperand = (op: Operand, dot: unknown, scope: Scope): unknown => {
    switch (op.kind) {
      case 'string':
      case 'number':
      case 'bool':
        return op.value;
      case 'nil':
        return null;
      case 'field':
        return chain(dot, op.names, op.pos);
      case 'var':
        return chain(scope.lookup(op.name, op.pos), op.names, op.pos);
      case 'pipe':
        return chain(evalPipeline(op.pipe, dot, new Scope(scope)), op.names, op.pos);
      case 'ident': {
        const fn = funcs[op.name];
        if (!fn) throw new TemplateError(`function "${op.name}" is not supported`, op.pos);
        return fn();
      }
    }
  };

  const chain = (value: unknown, names: readonly string[], pos: Pos): unknown => {
    let v = value;
    for (const name of names) v = member(v, name, [], pos);
    return v;
  };

  const top = new Scope(undefined);
  top.vars.set('', data);
  run(template.root, data, top);
  return out;
}

/** `.name` of a value, called with `args` when it is a method. */
function member(receiver: unknown, name: string, args: unknown[], pos: Pos): unknown {
  let value: unknown;
  if (receiver instanceof GoStruct) {
    if (!receiver.has(name)) throw new TemplateError(`can't evaluate field ${name} in type ${receiver.typeName} (not supported)`, pos);
    value = receiver.get(name);
  } else if (receiver === undefined || receiver === null) {
    // Go: a missing map key is nil, and a field of nil is nil again (html/template prints nothing).
    if (args.length) throw new TemplateError(`nil has no method ${name}`, pos);
    return undefined;
  } else if (receiver instanceof Map) {
    value = receiver.get(name);
  } else if (typeof receiver === 'object' && !Array.isArray(receiver) && !(receiver instanceof SafeHTML)) {
    const map = receiver as Record<string, unknown>;
    // Hugo's Params and data maps are matched without regard to case.
    const key = Object.hasOwn(map, name) ? name : Object.keys(map).find((k) => k.toLowerCase() === name.toLowerCase());
    value = key === undefined ? undefined : map[key];
  } else {
    throw new TemplateError(`can't evaluate field ${name} in a ${Array.isArray(receiver) ? 'list' : typeof receiver}`, pos);
  }
  if (typeof value === 'function') {
    try {
      return (value as (...a: unknown[]) => unknown)(...args);
    } catch (e) {
      if (e instanceof TemplateError) throw e;
      throw new TemplateError(`${name}: ${(e as Error).message}`, pos);
    }
  }
  if (args.length) throw new TemplateError(`${name} is not a method but has arguments`, pos);
  return value;
}

function rangeEntries(value: unknown, pos: Pos): [unknown, unknown][] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.map((v, i) => [i, v]);
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value > 1_000_000) throw new TemplateError(`range can't iterate over ${value}`, pos);
    return Array.from({ length: Math.max(0, value) }, (_, i) => [i, i]);
  }
  if (value instanceof Map) return [...value.entries()].sort(([a], [b]) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0));
  if (typeof value === 'object' && !(value instanceof GoStruct) && !(value instanceof SafeHTML)) {
    return Object.keys(value)
      .sort()
      .map((k) => [k, (value as Record<string, unknown>)[k]]);
  }
  throw new TemplateError(`range can't iterate over ${printValue(value)}`, pos);
}
