/**
 * Front matter, as Hugo reads it: YAML between `---` lines, TOML between
 * `+++` lines, or a JSON object at the top — after any blank lines (solo-kit
 * writes one before it). gray-matter parses the delimited kinds (smol-toml
 * for TOML). Gives the page's metadata, where its body starts (so body
 * offsets map to file lines), and a diagnostic at the file's line for
 * malformed front matter.
 */
import matter from 'gray-matter';
import { parse as parseToml, TomlError } from 'smol-toml';
import { error, position, type Diagnostic } from '../util/diagnostics.ts';

export interface FrontMatter {
  data: Record<string, unknown>;
  body: string;
  /** Offset of the body in the file. */
  bodyOffset: number;
}

const LEADING_BLANK_LINES = /^(?:[ \t]*\r?\n)*/;
/** A JSON object's start: a key or its end — never a shortcode (`{{<`) at the top of a page. */
const JSON_OPEN = /^\{\s*["}]/;

export function parseFrontMatter(file: string, raw: string): { frontMatter: FrontMatter; diagnostics: Diagnostic[] } {
  const lead = LEADING_BLANK_LINES.exec(raw)![0];
  const text = raw.slice(lead.length);
  /** The line of the opening delimiter (after the blank lines). */
  const linesBefore = lead.split('\n').length;
  const kind = text.startsWith('---') ? 'YAML' : text.startsWith('+++') ? 'TOML' : JSON_OPEN.test(text) ? 'JSON' : undefined;
  if (!kind) return { frontMatter: { data: {}, body: raw, bodyOffset: 0 }, diagnostics: [] };
  try {
    let data: unknown;
    let body: string;
    if (kind === 'JSON') {
      const end = jsonObjectEnd(text);
      data = JSON.parse(text.slice(0, end));
      body = text.slice(end).replace(/^[ \t]*\r?\n/, '');
    } else {
      // Options given: gray-matter caches by content otherwise. JavaScript front matter would run code: refused.
      const parsed = matter(text, {
        ...(kind === 'TOML' ? { delimiters: '+++', language: 'toml' } : {}),
        engines: { toml: (s: string) => parseToml(s), js: refuseCode, javascript: refuseCode, coffee: refuseCode },
      });
      data = parsed.data;
      body = parsed.content;
    }
    const bodyOffset = raw.endsWith(body) ? raw.length - body.length : 0;
    const record = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
    if (expandsBeyond(record, MAX_FRONT_MATTER_VALUES)) {
      const alias = /^[^#\n]*?\*[\w-]/m.exec(raw);
      const at = alias ? position(raw, alias.index + alias[0].length - 2) : { line: 1, column: 1 };
      const diagnostic = error(file, at.line, at.column, `Front matter expands to more than ${MAX_FRONT_MATTER_VALUES} values: YAML aliases repeat the values they name`, {
        hint: 'Front matter needs no nested aliases: write the values out.',
      });
      return { frontMatter: { data: {}, body, bodyOffset }, diagnostics: [diagnostic] };
    }
    return { frontMatter: { data: record, body, bodyOffset }, diagnostics: [] };
  } catch (e) {
    const { line, column } = errorPosition(e, kind, text, linesBefore);
    const reason = ((e as { reason?: string }).reason ?? (e as Error).message.split('\n')[0]!).replace(/^Invalid TOML document: /, '');
    const hint =
      kind === 'YAML'
        ? 'Front matter is YAML between two `---` lines; check quoting and indentation.'
        : kind === 'TOML'
          ? 'Front matter is TOML between two `+++` lines; check quoting and `key = value` syntax.'
          : 'Front matter is one JSON object at the top of the file; check commas, quotes and braces.';
    return { frontMatter: { data: {}, body: raw, bodyOffset: 0 }, diagnostics: [error(file, line, column, `Malformed front matter: ${reason}`, { hint })] };
  }
}

/** 1-based file position of a front matter error. */
function errorPosition(e: unknown, kind: 'YAML' | 'TOML' | 'JSON', text: string, linesBefore: number): { line: number; column: number } {
  if (kind === 'YAML') {
    const mark = (e as { mark?: { line: number; column: number } }).mark;
    // gray-matter's YAML text starts with the newline that ends the `---` line: its line 0 is the delimiter's.
    return mark ? { line: linesBefore + mark.line, column: mark.column + 1 } : { line: linesBefore, column: 1 };
  }
  if (kind === 'TOML') return e instanceof TomlError ? { line: linesBefore - 1 + e.line, column: e.column } : { line: linesBefore, column: 1 };
  // JSON: V8 names the position (`at position 12`, or `line 2 column 5`).
  const message = (e as Error).message;
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: linesBefore - 1 + Number(lc[1]), column: Number(lc[2]) };
  const pos = /position (\d+)/.exec(message);
  if (!pos) return { line: linesBefore, column: 1 };
  const before = text.slice(0, Number(pos[1])).split('\n');
  return { line: linesBefore - 1 + before.length, column: before[before.length - 1]!.length + 1 };
}

/** End of the JSON object that opens `text` (after its closing brace); the whole text when it never closes (JSON.parse then says where). */
function jsonObjectEnd(text: string): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
  }
  return text.length;
}

/** Values a page's front matter may hold once YAML aliases are expanded (an alias bomb ends here). */
export const MAX_FRONT_MATTER_VALUES = 10_000;

/** Whether walking `value` (aliases expanded, as every later use does) visits more than `budget` values. */
function expandsBeyond(value: unknown, budget: number): boolean {
  let left = budget;
  const walk = (v: unknown): boolean => {
    if (--left < 0) return true;
    if (v && typeof v === 'object' && !(v instanceof Date)) {
      for (const child of Object.values(v)) if (walk(child)) return true;
    }
    return false;
  };
  return walk(value);
}

function refuseCode(): never {
  throw new Error('front matter written in JavaScript is not run; use YAML');
}

/** A front matter field as a string, or a diagnostic when it has another type. */
export function stringField(data: Record<string, unknown>, key: string): string | undefined {
  const v = data[key];
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}
