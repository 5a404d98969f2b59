/**
 * A Hugo site's own shortcode templates (`layouts/shortcodes/<name>.html`, or
 * `<name>` without extension, as Gloo's `extauth_version_info_note`), run by
 * our Go template interpreter (gotemplate/) with Hugo's shortcode context:
 * `.Get` (position or name), `.Params`, `.IsNamedParams`, `.Inner`, `.Name`,
 * `.Ordinal`, `.Parent`, `.Scratch`, `.Page` (`.Title`, `.LinkTitle`,
 * `.Params`, `.RelPermalink`, `.Description`, `.Weight`, `.File`), `.Site`
 * (`.Data`, `.Params`). `.Site.Data.Solo.DocsVersion` is the docs version's
 * base (`/gloo-edge/v1.17.x`), which Gloo's Makefile writes to data/Solo.yaml
 * for each version it builds.
 *
 * A template that does not parse, or names a function we lack, is an error
 * at the template's file:line:column, reported at every call. The
 * arguments a template reads with a literal `.Get` are its schema: others
 * are warnings, as for built-ins; a template reading `.Params` or a computed
 * `.Get` takes any argument.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { GoStruct, execute, lazy } from './gotemplate/exec.ts';
import { FUNCS, type Func } from './gotemplate/funcs.ts';
import { TemplateError, parseTemplate, type Node, type Operand, type ParsedTemplate, type Pipeline } from './gotemplate/parse.ts';
import { SafeHTML, printValue } from './gotemplate/values.ts';
import type { ArgSchema, ShortcodeCall, ShortcodeContext, ShortcodeDefinition } from './types.ts';
import { walkDir } from '../util/walk.ts';

/** Functions that need the page, defined per call below. */
const PAGE_FUNCS = ['markdownify', 'relURL', 'absURL', 'readFile', 'warnf'];

/** The templates of `<layouts>/shortcodes/` (absent folder: none); file names relative to the current directory. */
/** `shownFrom`: the folder messages name the template files relative to (the project's, as its pages are named). */
export function loadTemplateShortcodes(layoutsDir: string, shownFrom = process.cwd()): ShortcodeDefinition[] {
  const dir = path.join(layoutsDir, 'shortcodes');
  const definitions: ShortcodeDefinition[] = [];
  const chosen = new Map<string, string>();
  for (const { name: file } of walkDir(dir, { shallow: true }) ?? []) {
    const m = /^([A-Za-z][\w-]*)(\.html)?$/.exec(file);
    if (!m || !statSync(path.join(dir, file)).isFile()) continue;
    // `name.html` wins over `name`, as Hugo's lookup order has it.
    if (!chosen.has(m[1]!) || m[2]) chosen.set(m[1]!, file);
  }
  for (const [name, file] of chosen) {
    const full = path.join(dir, file);
    const shown = path.relative(shownFrom, full) || full;
    definitions.push(templateShortcode(name, shown, readFileSync(full, 'utf8')));
  }
  return definitions;
}

/** One template as a shortcode definition. */
export function templateShortcode(name: string, file: string, source: string): ShortcodeDefinition {
  let parsed: ParsedTemplate | undefined;
  let problem: TemplateError | undefined;
  try {
    parsed = parseTemplate(source);
    checkFunctions(parsed);
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    problem = e;
  }
  const uses = parsed ? usage(parsed) : { inner: false, named: new Set<string>(), positional: -1, dynamic: true };
  const args: ArgSchema = uses.dynamic
    ? { rest: true }
    : {
        positional: Array.from({ length: uses.positional + 1 }, (_, i) => ({ name: String(i) })),
        named: Object.fromEntries([...uses.named].map((n) => [n, {}])),
      };
  return {
    name,
    inner: uses.inner ? 'optional' : 'none',
    args,
    render(call, context) {
      const at = (e: TemplateError) => `${file}:${e.pos.line}:${e.pos.column}`;
      if (problem || !parsed) {
        context.report({
          message: `${at(problem!)}: shortcode template \`${name}\`: ${problem!.message}`,
          hint: `Fix the template (Go text/template as Hugo runs it; see docs/shortcodes.md for the functions supported).`,
        });
        return undefined;
      }
      try {
        const html = execute(parsed, shortcodeValue(call, context), pageFuncs(call, context));
        return call.form === '%' ? { type: 'markdown', value: html } : { type: 'html', value: html };
      } catch (e) {
        if (!(e instanceof TemplateError)) throw e;
        context.report({ message: `${at(e)}: shortcode template \`${name}\`: ${e.message}`, hint: 'The template failed for this call: check its arguments, or the template.' });
        return undefined;
      }
    },
  };
}

/** The shortcode's `.` : Hugo's ShortcodeWithPage. */
function shortcodeValue(call: ShortcodeCall, context: ShortcodeContext): GoStruct {
  const page = pageValue(context);
  const site = siteValue(context);
  return new GoStruct('Shortcode', {
    ...argFields(call),
    Inner: lazy(() => new SafeHTML(context.innerText())),
    Ordinal: call.ordinal,
    // The parent's arguments; its .Scratch and .Inner are not shared with the children here.
    Parent: call.parent ? new GoStruct('Shortcode', { ...argFields(call.parent), Page: page, Site: site }) : undefined,
    Scratch: scratch(),
    Page: page,
    Site: site,
  });
}

function argFields(call: ShortcodeCall): Record<string, unknown> {
  const named = call.args.some((a) => a.name !== undefined);
  return {
    Name: call.name,
    IsNamedParams: named,
    Params: named ? Object.fromEntries(call.args.map((a) => [a.name!, a.value])) : call.args.map((a) => a.value),
    Get: (key: unknown) => {
      if (typeof key === 'number') return named ? undefined : call.args[key]?.value;
      return named ? call.args.find((a) => a.name === printValue(key))?.value : undefined;
    },
  };
}

function pageValue(context: ShortcodeContext): GoStruct {
  const info = context.site.pages.find((p) => p.route === context.site.route);
  const fm = context.frontMatter;
  const title = typeof fm.title === 'string' ? fm.title : (info?.title ?? '');
  const sourcePath = context.site.path ?? context.file;
  const dir = path.posix.dirname(sourcePath);
  const base = path.posix.basename(sourcePath).replace(/\.[^.]*$/, '');
  return new GoStruct('Page', {
    Title: title,
    LinkTitle: typeof fm.linkTitle === 'string' ? fm.linkTitle : (info?.linkTitle ?? title),
    Description: typeof fm.description === 'string' ? fm.description : (info?.description ?? ''),
    Weight: typeof fm.weight === 'number' ? fm.weight : (info?.weight ?? 0),
    Params: fm,
    Param: (key: unknown) => fm[printValue(key)] ?? context.site.params[printValue(key).toLowerCase()],
    // Hugo's RelPermalink is from the site root; Gloo's templates prefix .Site.Data.Solo.DocsVersion themselves.
    RelPermalink: `/${context.site.route ?? ''}`,
    File: new GoStruct('File', { Path: sourcePath, Dir: dir === '.' ? '' : `${dir}/`, BaseFileName: base, LogicalName: path.posix.basename(sourcePath), Ext: path.posix.extname(sourcePath).slice(1) }),
  });
}

function siteValue(context: ShortcodeContext): GoStruct {
  return new GoStruct('Site', {
    Params: context.site.params,
    Data: lazy(() => new SiteData(context)),
  });
}

/** `.Site.Data`: data files by name, read when first named; `Solo` carries the docs version's base. */
class SiteData extends Map<string, unknown> {
  readonly #context: ShortcodeContext;
  constructor(context: ShortcodeContext) {
    super();
    this.#context = context;
  }
  override get(name: string): unknown {
    const file = this.#context.data(name);
    const value = file.ok ? file.value : undefined;
    if (name !== 'Solo') return value;
    const solo = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
    return { ...solo, DocsVersion: this.#context.deferred('base') };
  }
}

function scratch(): GoStruct {
  const values = new Map<string, unknown>();
  return new GoStruct('Scratch', {
    Set: (k: unknown, v: unknown) => {
      values.set(printValue(k), v);
      return '';
    },
    Get: (k: unknown) => values.get(printValue(k)),
    Delete: (k: unknown) => {
      values.delete(printValue(k));
      return '';
    },
    Add: (k: unknown, v: unknown) => {
      const key = printValue(k);
      const old = values.get(key);
      if (Array.isArray(old)) values.set(key, [...old, ...(Array.isArray(v) ? v : [v])]);
      else if (typeof old === 'number' && typeof v === 'number') values.set(key, old + v);
      else values.set(key, old === undefined ? v : printValue(old) + printValue(v));
      return '';
    },
  });
}

function pageFuncs(call: ShortcodeCall, context: ShortcodeContext): Record<string, Func> {
  return {
    markdownify: (s) => new SafeHTML(context.markdownToHtml(printValue(s))),
    relURL: (s) => `/${printValue(s).replace(/^\/+/, '')}`,
    absURL: (s) => `/${printValue(s).replace(/^\/+/, '')}`,
    readFile: (s) => context.readFile(printValue(s), call.offset) ?? '',
    warnf: (f, ...a) => {
      context.report({ severity: 'warning', message: FUNCS.printf!(f, ...a) as string });
      return '';
    },
  };
}

/** Every function a template names must exist (Go checks this when it parses). */
function checkFunctions(parsed: ParsedTemplate): void {
  const known = (name: string) => Object.hasOwn(FUNCS, name) || PAGE_FUNCS.includes(name);
  walk(parsed, (op) => {
    if (op.kind === 'ident' && !known(op.name)) {
      throw new TemplateError(`function "${op.name}" is not supported`, op.pos);
    }
  });
}

/** What the template reads: `.Inner`, literal `.Get` arguments, or arguments by computed name. */
function usage(parsed: ParsedTemplate): { inner: boolean; named: Set<string>; positional: number; dynamic: boolean } {
  const result = { inner: false, named: new Set<string>(), positional: -1, dynamic: false };
  walk(
    parsed,
    (op) => {
      if ((op.kind === 'field' || op.kind === 'var' || op.kind === 'pipe') && op.names.includes('Inner')) result.inner = true;
      if ((op.kind === 'field' || op.kind === 'var' || op.kind === 'pipe') && op.names.includes('Params') && op.names.indexOf('Params') === 0) result.dynamic = true;
    },
    (args) => {
      const [first, key] = args;
      if (!first || !(first.kind === 'field' || first.kind === 'var') || first.names[first.names.length - 1] !== 'Get') return;
      if (first.names.includes('Parent') || first.names.includes('Scratch')) return;
      if (key?.kind === 'string') result.named.add(key.value);
      else if (key?.kind === 'number') result.positional = Math.max(result.positional, key.value);
      else result.dynamic = true;
    },
  );
  return result;
}

function walk(parsed: ParsedTemplate, onOperand: (op: Operand) => void, onCommand: (args: Operand[]) => void = () => {}): void {
  const pipe = (p: Pipeline): void => {
    for (const c of p.commands) {
      onCommand(c.args);
      for (const op of c.args) {
        onOperand(op);
        if (op.kind === 'pipe') pipe(op.pipe);
      }
    }
  };
  const nodes = (list: readonly Node[]): void => {
    for (const n of list) {
      if (n.kind === 'action') pipe(n.pipe);
      else if (n.kind === 'if' || n.kind === 'with' || n.kind === 'range') {
        pipe(n.pipe);
        nodes(n.list);
        if (n.elseList) nodes(n.elseList);
      } else if (n.kind === 'template' && n.pipe) pipe(n.pipe);
    }
  };
  nodes(parsed.root);
  for (const body of parsed.defines.values()) nodes(body);
}
