/**
 * The `json` reporter's document as a GitLab code quality report (the
 * Code Climate subset GitLab reads): one issue per diagnostic in a file of
 * the repository, with a fingerprint that survives an edit above the line
 * (file, kind, message and excerpt; not the line).
 */
import { createHash } from 'node:crypto';
import type { Report } from './report.ts';

export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker';
  location: { path: string; lines: { begin: number } };
}

export function toCodeQuality(report: Report): CodeQualityIssue[] {
  const seen = new Map<string, number>();
  return report.diagnostics
    .filter((d) => d.inRepository)
    .map((d) => {
      const base = [d.ref ?? '', d.file, d.kind, d.message, d.excerpt ?? ''].join('\0');
      // Two identical problems in one file get distinct fingerprints (GitLab keeps one issue per fingerprint).
      const nth = seen.get(base) ?? 0;
      seen.set(base, nth + 1);
      return {
        description: [d.ref ? `[${d.ref}] ` : '', d.message, d.hint ? ` (hint: ${d.hint})` : ''].join(''),
        check_name: `versioned-docs/${d.kind}`,
        fingerprint: createHash('md5').update(`${base}\0${nth}`).digest('hex'),
        severity: d.severity === 'error' ? 'major' : 'minor',
        location: { path: d.file, lines: { begin: Math.max(d.line, 1) } },
      };
    });
}
