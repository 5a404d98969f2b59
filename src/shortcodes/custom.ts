/**
 * A docs team's own shortcodes: every `.ts` / `.js` / `.mjs` module in the
 * folder the site config names (`shortcodes: 'shortcodes'`), loaded in name
 * order, each default-exporting a ShortcodeDefinition (the built-ins in
 * builtins/ are written the same way). A module that fails to load or
 * exports something else is a diagnostic naming the file; so is a name
 * given by two modules. A custom shortcode may replace a built-in one.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'astro/zod';
import { error, warning, type Diagnostic } from '../util/diagnostics.ts';
import { walkDir } from '../util/walk.ts';
import type { Output, ShortcodeDefinition } from './types.ts';

const MODULE = /\.(?:ts|mts|js|mjs)$/;

const DEFINITION_HINT = 'Write `export default { name, inner, args, render } satisfies ShortcodeDefinition;` (see docs/shortcodes.md and src/shortcodes/builtins/ for examples).';

const argSpec = { required: z.boolean().optional(), values: z.array(z.string()).readonly().optional(), description: z.string().optional() };
/** What a custom shortcode module default-exports (the shape of ShortcodeDefinition). */
const definitionSchema = z.looseObject({
  name: z.string().regex(/^[A-Za-z][\w-]*$/, 'must be a shortcode name such as `my_note`'),
  inner: z.enum(['none', 'required', 'optional']),
  args: z.strictObject({
    positional: z.array(z.strictObject({ name: z.string().min(1), ...argSpec })).optional(),
    named: z.record(z.string(), z.strictObject(argSpec)).optional(),
  }),
  parent: z.string().optional(),
  render: z.custom<ShortcodeDefinition['render']>((v) => typeof v === 'function', 'must be a function `render(call, context)`'),
});

/** What `render()` may return: an Output, or undefined after reporting a problem. */
const outputSchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('text'), value: z.string() }),
    z.object({ type: z.literal('markdown'), value: z.string() }),
    z.object({ type: z.literal('html'), value: z.string() }),
    z.object({ type: z.literal('hast'), children: z.array(z.looseObject({ type: z.string() })), block: z.boolean(), text: z.string() }),
  ])
  .optional();
const OUTPUT_HINT = "`render()` returns `{ type: 'text' | 'markdown' | 'html', value: string }`, `{ type: 'hast', children, block, text }`, or undefined after `context.report(...)`.";

function describe(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((i) => {
      const where = i.path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('').replace(/^\./, '');
      const what =
        i.code === 'invalid_union' && i.path.length === 0
          ? 'is not an Output'
          : i.message.replace(/^Invalid input: expected/, 'must be').replace(/^Invalid option: expected one of/, 'must be one of');
      return where ? `\`${where}\` ${what}` : what;
    })
    .join('; ');
}

/** The definition with its `render` checked on every call: a wrong return value fails that call, naming the module. */
function checked(definition: ShortcodeDefinition, rel: string): ShortcodeDefinition {
  return {
    ...definition,
    render(call, context): Output | undefined {
      const output: unknown = definition.render(call, context);
      const parsed = outputSchema.safeParse(output);
      if (parsed.success) return output as Output | undefined;
      throw new Error(`its render() (${rel}) returned ${typeof output === 'string' ? 'a string' : 'something else'}: ${describe(parsed.error.issues)}. ${OUTPUT_HINT}`);
    },
  };
}

export interface CustomShortcodes {
  definitions: ShortcodeDefinition[];
  diagnostics: Diagnostic[];
  /** The folder, relative to the current directory, for the unknown-shortcode hint. */
  dir: string;
}

/** Loads the modules of `dir` (relative to `projectDir` or absolute). */
export async function loadCustomShortcodes(dir: string, projectDir: string): Promise<CustomShortcodes> {
  const abs = path.resolve(projectDir, dir);
  const shown = path.relative(process.cwd(), abs) || '.';
  const result: CustomShortcodes = { definitions: [], diagnostics: [], dir: shown };
  const names = walkDir(abs, { shallow: true })
    ?.map((e) => e.name)
    .filter((n) => MODULE.test(n) && !n.endsWith('.d.ts') && !/\.test\.[mc]?[jt]s$/.test(n));
  if (!names) {
    result.diagnostics.push(
      error(shown, 0, 0, 'Custom shortcode folder not found', { hint: 'Create it, or fix `shortcodes` in the site config (relative to the config file).' }),
    );
    return result;
  }
  const seen = new Map<string, string>();
  for (const name of names) {
    const file = path.join(abs, name);
    const rel = path.relative(process.cwd(), file);
    let exported: unknown;
    try {
      exported = ((await import(pathToFileURL(file).href)) as { default?: unknown }).default;
    } catch (e) {
      const at = locate(e as Error, file);
      result.diagnostics.push(
        error(rel, at.line, at.column, `Custom shortcode module cannot be loaded: ${firstLine((e as Error).message)}`, {
          hint: 'It must be a TypeScript or JavaScript module that default-exports a ShortcodeDefinition (see docs/shortcodes.md).',
        }),
      );
      continue;
    }
    if (!exported || typeof exported !== 'object') {
      result.diagnostics.push(error(rel, 0, 0, 'Custom shortcode module: no default export (or not an object)', { hint: DEFINITION_HINT }));
      continue;
    }
    const parsed = definitionSchema.safeParse(exported);
    if (!parsed.success) {
      result.diagnostics.push(error(rel, 0, 0, `Custom shortcode module: ${describe(parsed.error.issues)}`, { hint: DEFINITION_HINT }));
      continue;
    }
    const definition = checked(exported as ShortcodeDefinition, rel);
    const first = seen.get(definition.name);
    if (first) {
      result.diagnostics.push(error(rel, 0, 0, `Shortcode \`${definition.name}\` is already defined by ${first}`, { hint: 'Give one of them another name.' }));
      continue;
    }
    const base = name.replace(MODULE, '');
    if (base !== definition.name) {
      result.diagnostics.push(
        warning(rel, 0, 0, `Module ${name} defines shortcode \`${definition.name}\``, { hint: `Name the file ${definition.name}${path.extname(name)} so writers find it.` }),
      );
    }
    seen.set(definition.name, rel);
    result.definitions.push(definition);
  }
  return result;
}

/** Line and column of a load error in the module itself, when the error says. */
function locate(e: Error, file: string): { line: number; column: number } {
  const url = pathToFileURL(file).href;
  for (const text of [e.stack ?? '', e.message]) {
    for (const candidate of [url, file]) {
      const i = text.indexOf(`${candidate}:`);
      if (i === -1) continue;
      const m = /^:(\d+)(?::(\d+))?/.exec(text.slice(i + candidate.length));
      if (m) return { line: Number(m[1]), column: Number(m[2] ?? 1) };
    }
  }
  return { line: 0, column: 0 };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/^file:\/\/\S+:\s*/, '');
}
