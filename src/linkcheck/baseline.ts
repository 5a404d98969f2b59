/**
 * The link baseline: a reviewable text file of link problems a docs tree
 * already has, so the link gate can be adopted on a real tree and still fail
 * on every new problem. One problem a line, `source file<TAB>kind<TAB>target`,
 * sorted; the target's docs version is generalised (`{version}`) and no line
 * numbers are kept, so the file changes only when a problem appears or goes.
 * The same line may appear more than once (that many such links in the file).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { error, warning, type Diagnostic } from '../util/diagnostics.ts';
import { SITE_CHROME, type LinkProblem } from './links.ts';

const HEADER = [
  '# versioned-docs link baseline: link problems this docs tree already has. The build accepts them and fails on any other.',
  '# One problem a line: source file, kind (page, image, anchor, url, script), target; tab-separated, sorted.',
  '# Rewrite it with: npm run build -- --link-baseline <this file> --update-link-baseline',
];

export interface BaselineEntry {
  key: string;
  /** 1-based line in the baseline file. */
  line: number;
  file: string;
}

export interface Baseline {
  /** The file as shown in messages. */
  shown: string;
  entries: BaselineEntry[];
}

export function problemKey(p: Pick<LinkProblem, 'file' | 'kind' | 'target'>): string {
  return [p.file, p.kind, p.target].join('\t');
}

/** Read a baseline file's text; a malformed line is an error at its line. */
export function parseBaseline(text: string, shown: string): { baseline: Baseline; diagnostics: Diagnostic[] } {
  const entries: BaselineEntry[] = [];
  const diagnostics: Diagnostic[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '' || raw.startsWith('#')) return;
    const fields = raw.split('\t');
    if (fields.length !== 3 || fields.some((f) => f === '')) {
      diagnostics.push(
        error(shown, i + 1, 1, 'Not a link baseline entry', {
          excerpt: raw,
          hint: 'Each line is `source file<TAB>kind<TAB>target`; regenerate the file with --update-link-baseline.',
          kind: 'baseline',
        }),
      );
      return;
    }
    entries.push({ key: fields.join('\t'), line: i + 1, file: fields[0]! });
  });
  return { baseline: { shown, entries }, diagnostics };
}

export interface BaselineOutcome {
  /** The link problems the baseline does not list: they fail the build. */
  remaining: Diagnostic[];
  /** How many problems the baseline accepted. */
  accepted: number;
  /** Warnings at the baseline's lines: entries whose problem is fixed, or whose source file is gone (stale). */
  unused: Diagnostic[];
}

/**
 * Match today's problems against the baseline (as a multiset: two entries accept two such links).
 * `projectDir` tells a fixed entry (its source file still exists) from a stale one.
 */
export function applyBaseline(problems: readonly LinkProblem[], baseline: Baseline, projectDir: string): BaselineOutcome {
  const open = new Map<string, BaselineEntry[]>();
  for (const entry of baseline.entries) open.set(entry.key, [...(open.get(entry.key) ?? []), entry]);
  const remaining: Diagnostic[] = [];
  let accepted = 0;
  for (const problem of problems) {
    const left = open.get(problemKey(problem));
    if (left?.length) {
      left.shift();
      accepted++;
    } else remaining.push(problem.diagnostic);
  }
  const unused = [...open.values()].flat().sort((a, b) => a.line - b.line).map((entry) => {
    const gone = entry.file !== SITE_CHROME && !existsSync(path.resolve(projectDir, entry.file));
    return warning(baseline.shown, entry.line, 1, gone ? `Stale link baseline entry: ${entry.file} no longer exists` : 'Fixed: the link baseline lists a problem the build no longer finds', {
      excerpt: entry.key.replaceAll('\t', '  '),
      hint: 'Remove the line, or rewrite the file with --update-link-baseline.',
      kind: 'baseline',
    });
  });
  return { remaining, accepted, unused };
}

/** The baseline file's text for today's problems: header, then one sorted line per problem. */
export function formatBaseline(problems: readonly LinkProblem[]): string {
  const lines = problems.map(problemKey).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `${[...HEADER, ...lines].join('\n')}\n`;
}
