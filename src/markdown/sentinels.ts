/**
 * Every placeholder the pipeline writes into text, registered here and
 * nowhere else. They carry shortcode outputs, per-version values and the
 * changelog pages' version base through the Markdown parser and Shiki
 * untouched (in text, code, link destinations and headings alike).
 *
 * They live in the supplementary private-use planes (U+F0000 and up), not in
 * the BMP's U+E000–U+F8FF that icon fonts and Nerd Font prompts use, and a
 * page can still not collide with them: a character of these planes already in
 * a page's text is escaped on the way in (`escapeLiterals`) as a deferred
 * value standing for itself, so every character of a page comes out as it went in.
 *
 * - A shortcode token is `TOKEN_OPEN <n> TOKEN_CLOSE`: output n of the page's
 *   table, resolved in the HAST right after parsing, by where it landed.
 * - A deferred value is ONE code point in U+F0000–U+FFFFD: entry i of the
 *   page's deferred table, filled in per docs version. One code point cannot
 *   be split by a syntax highlighter, so it survives Shiki's spans.
 * - VERSION_BASE stands for a docs version's base in the changelog pages'
 *   links, which are rendered once for all versions.
 */

export const TOKEN_OPEN = '\u{10FFF0}';
export const TOKEN_CLOSE = '\u{10FFF1}';
export const TOKEN_PATTERN = /\u{10FFF0}(\d+)\u{10FFF1}/gu;
/** The version base in `href`s of pages rendered once for every version (render-site.ts fills it in per version). */
export const VERSION_BASE = '\u{10FFF2}/';

const DEFERRED_BASE = 0xf0000;
const DEFERRED_LAST = 0xffffd;
export const DEFERRED_PATTERN = /[\u{F0000}-\u{FFFFD}]/gu;
export const MAX_DEFERRED = DEFERRED_LAST - DEFERRED_BASE + 1;

/** Code points that would be read as placeholders: the planes they are taken from. */
const RESERVED = /[\u{F0000}-\u{10FFFF}]/u;
const RESERVED_ALL = /[\u{F0000}-\u{10FFFF}]/gu;

/** The deferred key of inline code's class (`nowrap` or none), decided per version from its text (the rest of the key). */
export const NOWRAP_PREFIX = 'nowrap:';

/** The deferred key of a literal character of the reserved planes: it is filled in as itself. */
export const LITERAL_PREFIX = 'lit:';

export function token(n: number): string {
  return `${TOKEN_OPEN}${n}${TOKEN_CLOSE}`;
}

export function deferredChar(index: number): string {
  if (index >= MAX_DEFERRED) throw new RangeError('too many deferred values in one page');
  return String.fromCodePoint(DEFERRED_BASE + index);
}

export function deferredIndex(char: string): number {
  return char.codePointAt(0)! - DEFERRED_BASE;
}

/** Any placeholder at all (cheap test before walking a string). */
export function hasSentinel(text: string): boolean {
  return RESERVED.test(text);
}

/**
 * Text from a page (or a file, a data file) with every character of the reserved planes replaced by
 * `defer(LITERAL_PREFIX + char)`: the same length in UTF-16 units, so offsets into the text still hold.
 */
export function escapeLiterals(text: string, defer: (key: string) => string): string {
  return RESERVED.test(text) ? text.replace(RESERVED_ALL, (c) => defer(`${LITERAL_PREFIX}${c}`)) : text;
}

/** Markdown percent-encodes link destinations: turn encoded placeholders (4-byte UTF-8 of planes 15 and 16) back. */
export function decodeSentinels(url: string): string {
  if (!/%F[34]/i.test(url)) return url;
  return url.replace(/%F3%B[0-9A-F](?:%[89AB][0-9A-F]){2}|%F4%8[0-9A-F](?:%[89AB][0-9A-F]){2}/gi, (m) => decodeURIComponent(m));
}
