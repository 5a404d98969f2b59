/**
 * A docs team's own shortcodes: every `.ts` / `.js` / `.mjs` module in the
 * folder the site config names (`shortcodes: 'shortcodes'`), loaded in name
 * order, each default-exporting a ShortcodeDefinition (the built-ins in
 * builtins/ are written the same way). A module that fails to load or
 * exports something else is a diagnostic naming the file; so is a name
 * given by two modules. A custom shortcode may replace a built-in one.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { error, warning, type Diagnostic } from '../util/diagnostics.ts';
import type { ShortcodeDefinition } from './types.ts';

const MODULE = /\.(?:ts|mts|js|mjs)$/;
const INNER = ['none', 'required', 'optional'];

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
  let names: string[];
  try {
    if (!statSync(abs).isDirectory()) throw new Error('not a folder');
    names = readdirSync(abs).filter((n) => MODULE.test(n) && !n.endsWith('.d.ts') && !/\.test\.[mc]?[jt]s$/.test(n)).sort();
  } catch {
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
    const problem = validate(exported);
    if (problem) {
      result.diagnostics.push(
        error(rel, 0, 0, `Custom shortcode module: ${problem}`, {
          hint: 'Write `export default { name, inner, args, render } satisfies ShortcodeDefinition;` (see src/shortcodes/builtins/ for examples).',
        }),
      );
      continue;
    }
    const definition = exported as ShortcodeDefinition;
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

function validate(value: unknown): string | undefined {
  if (!value || typeof value !== 'object') return 'no default export (or not an object)';
  const d = value as Partial<Record<keyof ShortcodeDefinition, unknown>>;
  if (typeof d.name !== 'string' || !/^[A-Za-z][\w-]*$/.test(d.name)) return '`name` must be a shortcode name such as `my_note`';
  if (typeof d.inner !== 'string' || !INNER.includes(d.inner)) return '`inner` must be "none", "required" or "optional"';
  if (!d.args || typeof d.args !== 'object') return '`args` must be an argument schema ({ named: {…} } or { positional: […] })';
  if (typeof d.render !== 'function') return '`render(call, context)` must be a function';
  return undefined;
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
