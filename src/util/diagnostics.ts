/**
 * Diagnostics: the one shape every user-caused problem takes, from the
 * shortcode parser to the link checker. A diagnostic names a file, a 1-based
 * line and column, what is wrong, the offending text and a hint. Code never
 * throws a stack trace at a user: it collects diagnostics and the entry
 * points print them grouped by file.
 */

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  severity: Severity;
  /** Path relative to the project root (or absolute outside it). */
  file: string;
  /** 1-based; 0 when the problem concerns the whole file. */
  line: number;
  /** 1-based; 0 when unknown. */
  column: number;
  message: string;
  /** The text at fault, shortened for display. */
  excerpt?: string;
  /** What to do about it. */
  hint?: string;
}

/** Thrown only to abort a build after diagnostics were collected. */
export class DiagnosticsError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    super(`${diagnostics.length} problem(s) found`);
    this.diagnostics = diagnostics;
  }
}

type Extra = { excerpt?: string; hint?: string };

function make(severity: Severity) {
  return (file: string, line: number, column: number, message: string, extra: Extra = {}): Diagnostic => ({
    severity,
    file,
    line,
    column,
    message,
    ...extra,
  });
}

/** An error at file:line:column. */
export const error = make('error');
/** A warning at file:line:column. */
export const warning = make('warning');

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Shorten text for display on one line. */
export function excerpt(text: string, max = 80): string {
  const one = text.replace(/\r?\n/g, '\\n');
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/** A 1-based line and column for an offset into `source`. */
export function position(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = source.indexOf('\n'); i !== -1 && i < offset; i = source.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function compare(a: Diagnostic, b: Diagnostic): number {
  return (
    a.file.localeCompare(b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    a.message.localeCompare(b.message)
  );
}

/** Remove exact repeats (the same problem seen from several docs versions). */
export function dedupe(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const key = `${d.severity}\0${d.file}\0${d.line}\0${d.column}\0${d.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(d);
    }
  }
  return out;
}

/**
 * Format diagnostics grouped by file, sorted by position, errors and
 * warnings counted at the end. Deterministic: same input, same text.
 */
export function format(diagnostics: readonly Diagnostic[]): string {
  const sorted = dedupe(diagnostics).sort(compare);
  const lines: string[] = [];
  let currentFile: string | undefined;
  for (const d of sorted) {
    if (d.file !== currentFile) {
      if (currentFile !== undefined) lines.push('');
      lines.push(d.file);
      currentFile = d.file;
    }
    const where = d.line > 0 ? `${d.file}:${d.line}:${d.column || 1}` : d.file;
    lines.push(`  ${where}: ${d.severity}: ${d.message}`);
    if (d.excerpt) lines.push(`      ${d.excerpt}`);
    if (d.hint) lines.push(`      hint: ${d.hint}`);
  }
  const errors = sorted.filter((d) => d.severity === 'error').length;
  const warnings = sorted.length - errors;
  if (sorted.length) lines.push('', `${errors} error(s), ${warnings} warning(s)`);
  return lines.join('\n');
}
