/**
 * Front matter with gray-matter: the page's metadata, where its body starts
 * (so body offsets map to file lines), and a diagnostic for malformed YAML.
 */
import matter from 'gray-matter';
import { error, type Diagnostic } from '../util/diagnostics.ts';

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
    return { frontMatter: { data, body, bodyOffset }, diagnostics: [] };
  } catch (e) {
    const mark = (e as { mark?: { line: number; column: number } }).mark;
    const reason = (e as { reason?: string }).reason ?? (e as Error).message.split('\n')[0];
    const diagnostic = error(file, mark ? mark.line + 2 : 1, mark ? mark.column + 1 : 1, `Malformed front matter: ${reason}`, {
      hint: 'Front matter is YAML between two `---` lines; check quoting and indentation.',
    });
    return { frontMatter: { data: {}, body: raw, bodyOffset: 0 }, diagnostics: [diagnostic] };
  }
}

function refuseCode(): never {
  throw new Error('front matter written in JavaScript is not run; use YAML');
}

/** A front matter field as a string, or a diagnostic when it has another type. */
export function stringField(data: Record<string, unknown>, key: string): string | undefined {
  const v = data[key];
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}
