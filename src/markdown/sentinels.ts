/**
 * Sentinels: private-use characters that carry shortcode outputs and
 * per-version values through the Markdown parser untouched (in text, code,
 * link destinations and headings alike).
 *
 * - A shortcode token is `\uE000<n>\uE001`: output n of the page's table,
 *   resolved in the HAST right after parsing, by where it landed.
 * - A deferred value is ONE character in U+E100–U+F8FF: entry i of the page's
 *   deferred table, filled in per docs version. One character cannot be split
 *   by a syntax highlighter, so it survives Shiki's spans.
 */

export const TOKEN_OPEN = '\uE000';
export const TOKEN_CLOSE = '\uE001';
export const TOKEN_PATTERN = /\uE000(\d+)\uE001/g;

const DEFERRED_BASE = 0xe100;
const DEFERRED_LAST = 0xf8ff;
export const DEFERRED_PATTERN = /[\uE100-\uF8FF]/g;
export const MAX_DEFERRED = DEFERRED_LAST - DEFERRED_BASE + 1;

export function token(n: number): string {
  return `${TOKEN_OPEN}${n}${TOKEN_CLOSE}`;
}

export function deferredChar(index: number): string {
  if (index >= MAX_DEFERRED) throw new RangeError('too many deferred values in one page');
  return String.fromCharCode(DEFERRED_BASE + index);
}

export function deferredIndex(char: string): number {
  return char.charCodeAt(0) - DEFERRED_BASE;
}

/** Any sentinel at all (cheap test before walking a string). */
export function hasSentinel(text: string): boolean {
  return /[\uE000-\uF8FF]/.test(text);
}

/** Markdown percent-encodes link destinations: turn encoded private-use characters back. */
export function decodeSentinels(url: string): string {
  if (!url.includes('%EE') && !url.includes('%ee')) return url;
  return url.replace(/%EE%(?:8[0-9A-F]|9[0-9A-F]|A[0-3])%[89AB][0-9A-F]/gi, (m) => decodeURIComponent(m));
}
