/** Go template values in JavaScript: truth, printing (`%v`) and html/template's safe strings. */

/** A string html/template does not escape (`template.HTML`: `safeHTML`, `markdownify`, `.Inner`). */
export class SafeHTML {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

export function isSafe(value: unknown): value is SafeHTML {
  return value instanceof SafeHTML;
}

/** Go's truth: false, 0, nil and empty strings, lists and maps are false. */
export function truth(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === 0 || value === '') return false;
  if (value instanceof SafeHTML) return value.value !== '';
  if (Array.isArray(value)) return value.length > 0;
  if (value instanceof Map) return value.size > 0;
  if (typeof value === 'object' && value.constructor === Object) return Object.keys(value).length > 0;
  return true;
}

/** A value as a string: `%v` (nil prints nothing, as html/template prints it). */
export function printValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (value instanceof SafeHTML) return value.value;
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(printValue).join(' ')}]`;
  if (value instanceof Map) return `map[${[...value].map(([k, v]) => `${printValue(k)}:${printValue(v)}`).join(' ')}]`;
  if (typeof value === 'object' && value.constructor === Object) {
    return `map[${Object.keys(value)
      .sort()
      .map((k) => `${k}:${printValue((value as Record<string, unknown>)[k])}`)
      .join(' ')}]`;
  }
  if (typeof value === 'function') return '';
  return String(value);
}

export function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(n).replace(/e\+?(-?)(\d)$/, 'e$1' + '0$2');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'+\0]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;', '+': '&#43;', '\0': '\uFFFD' })[c]!);
}
