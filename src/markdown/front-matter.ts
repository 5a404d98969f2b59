/**
 * Front matter with gray-matter: the page's metadata, where its body starts
 * (so body offsets map to file lines), and a diagnostic for malformed YAML.
 */
import matter from 'gray-matter';
import { error, position, type Diagnostic } from '../util/diagnostics.ts';

export interface FrontMatter {
  data: Record<string, unknown>;
  body: string;
  /** Offset of the body in the file. */
  bodyOffset: number;
}

export function parseFrontMatter(file: string, raw: string): { frontMatter: FrontMatter; diagnostics: Diagnostic[] } {
  try {
    // Options given: gray-matter caches by content otherwise. JavaScript front matter would run code: refused.
    const parsed = matter(raw, { engines: { js: refuseCode, javascript: refuseCode, coffee: refuseCode } });
    const body = parsed.content;
    const bodyOffset = raw.endsWith(body) ? raw.length - body.length : 0;
    const data = parsed.data && typeof parsed.data === 'object' ? (parsed.data as Record<string, unknown>) : {};
    if (expandsBeyond(data, MAX_FRONT_MATTER_VALUES)) {
      const alias = /^[^#\n]*?\*[\w-]/m.exec(raw);
      const at = alias ? position(raw, alias.index + alias[0].length - 2) : { line: 1, column: 1 };
      const diagnostic = error(file, at.line, at.column, `Front matter expands to more than ${MAX_FRONT_MATTER_VALUES} values: YAML aliases repeat the values they name`, {
        hint: 'Front matter needs no nested aliases: write the values out.',
      });
      return { frontMatter: { data: {}, body, bodyOffset }, diagnostics: [diagnostic] };
    }
    return { frontMatter: { data, body, bodyOffset }, diagnostics: [] };
  } catch (e) {
    const mark = (e as { mark?: { line: number; column: number } }).mark;
    const reason = (e as { reason?: string }).reason ?? (e as Error).message.split('\n')[0];
    // The YAML handed to the parser starts right after the opening `---` (the newline included): its line 0 is that line.
    const opening = raw.slice(0, Math.max(0, raw.indexOf('---'))).split('\n').length - 1;
    const diagnostic = error(file, mark ? opening + mark.line + 1 : 1, mark ? mark.column + 1 : 1, `Malformed front matter: ${reason}`, {
      hint: 'Front matter is YAML between two `---` lines; check quoting and indentation.',
    });
    return { frontMatter: { data: {}, body: raw, bodyOffset: 0 }, diagnostics: [diagnostic] };
  }
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
