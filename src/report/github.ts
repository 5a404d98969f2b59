/**
 * The `github` reporter: every diagnostic as a workflow command, so GitHub
 * shows it as an annotation on the pull request's line
 * (`::error file=…,line=…,col=…,title=…::message`), and a Markdown step
 * summary for `$GITHUB_STEP_SUMMARY`. Escaping follows @actions/core's
 * command.ts: `%`, CR and LF in the message; also `:` and `,` in properties.
 */
import type { Report, ReportDiagnostic } from './report.ts';

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** What the annotation's title calls each kind of problem. */
const TITLES: Record<string, string> = {
  config: 'Config',
  changelog: 'Changelog and versions',
  content: 'Content',
  render: 'Page',
  link: 'Link check',
  output: 'Output',
  baseline: 'Link baseline',
};

export function annotationTitle(d: Pick<ReportDiagnostic, 'kind' | 'ref'>): string {
  const title = `versioned-docs: ${TITLES[d.kind] ?? 'problem'}`;
  return d.ref ? `${title} (ref ${d.ref})` : title;
}

/** One diagnostic as a workflow command line. A problem not in a file of the repository is an annotation without a file. */
export function workflowCommand(d: ReportDiagnostic): string {
  const properties: [string, string][] = [];
  if (d.inRepository) {
    properties.push(['file', d.file]);
    if (d.line > 0) {
      properties.push(['line', String(d.line)]);
      if (d.column > 0) properties.push(['col', String(d.column)]);
    }
  }
  properties.push(['title', annotationTitle(d)]);
  const where = d.inRepository ? '' : `${d.file}: `;
  const message = [`${where}${d.message}`, ...(d.excerpt ? [`    ${d.excerpt}`] : []), ...(d.hint ? [`hint: ${d.hint}`] : [])].join('\n');
  const props = properties.map(([k, v]) => `${k}=${escapeProperty(v)}`).join(',');
  return `::${d.severity} ${props}::${escapeData(message)}`;
}

/** GitHub shows at most this many error (and this many warning) annotations of one step; the rest stay in the log. */
export const ANNOTATIONS_PER_STEP = 10;
/** Problems listed in the step summary. */
const SUMMARY_PROBLEMS = 50;

/** Every diagnostic as a workflow command, and a notice when GitHub will not show them all as annotations. */
export function workflowCommands(report: Report): string[] {
  const lines = report.diagnostics.map(workflowCommand);
  const { errors, warnings } = report.counts;
  if (errors > ANNOTATIONS_PER_STEP || warnings > ANNOTATIONS_PER_STEP) {
    lines.push(
      `::notice title=versioned-docs::${escapeData(`${errors} error(s) and ${warnings} warning(s): GitHub shows ${ANNOTATIONS_PER_STEP} of each as annotations; the step summary lists the first ${SUMMARY_PROBLEMS}, the log all of them.`)}`,
    );
  }
  return lines;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** A Markdown table; cells have `|` escaped. */
function table(head: readonly string[], rows: readonly (readonly (string | number)[])[]): string[] {
  const cell = (v: string | number) => String(v).replace(/\|/g, '\\|');
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)];
}

/** The step summary: outcome, versions and pages, problems by kind, links, phases, cache, slowest pages. */
export function stepSummary(report: Report): string {
  const { counts } = report;
  const out: string[] = [];
  const verdict = report.ok ? 'passed' : 'failed';
  out.push(`## versioned-docs ${report.command}: ${verdict}`, '');
  const overview: [string, string | number][] = [];
  if (report.command === 'build') {
    overview.push(['Docs versions', report.versions.length ? `${report.versions.length} (${report.versions.join(', ')})` : '0']);
    overview.push([report.ok ? 'Pages built' : 'Pages rendered (nothing written)', report.pages]);
  }
  overview.push(['Errors', counts.errors], ['Warnings', counts.warnings]);
  if (report.links) overview.push(['Links checked', `${report.links.links} (${report.links.internal} internal, ${report.links.anchors} with #anchors, ${report.links.external} external not fetched, ${report.links.skipped} skipped); ${report.links.broken} broken`]);
  if (report.baseline) {
    const b = report.baseline;
    overview.push(['Link baseline', `${b.file}: ${b.updated ? 'rewritten, ' : ''}${b.accepted} known problem(s) accepted, ${b.unused} entr${b.unused === 1 ? 'y' : 'ies'} fixed or stale`]);
  }
  if (report.compile) {
    const c = report.compile;
    overview.push(['Compile cache', `${c.cached} of ${c.pages} pages from the cache, ${c.compiled} compiled`]);
  }
  overview.push(['Duration', seconds(report.durationMs)]);
  out.push(...table(['', ''], overview));

  const kinds = Object.entries(counts.byKind).sort(([a], [b]) => (a < b ? -1 : 1));
  if (kinds.length) out.push('', '### Problems by kind', '', ...table(['Kind', 'Errors', 'Warnings'], kinds.map(([k, c]) => [k, c.errors, c.warnings])));
  if (report.diagnostics.length) {
    const shown = [...report.diagnostics].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1)).slice(0, SUMMARY_PROBLEMS);
    const where = (d: ReportDiagnostic) => `${d.ref ? `${d.ref}:` : ''}${d.file}${d.line > 0 ? `:${d.line}:${d.column || 1}` : ''}`;
    out.push('', '### Problems', '', ...table(['', 'Where', 'Problem'], shown.map((d) => [d.severity, `\`${where(d)}\``, d.message.replace(/\s+/g, ' ')])));
    if (report.diagnostics.length > shown.length) out.push('', `…and ${report.diagnostics.length - shown.length} more in the log.`);
  }
  const phases = Object.entries(report.timings);
  if (phases.length) out.push('', '### Phases', '', ...table(['Phase', 'Time'], phases.map(([phase, ms]) => [phase, seconds(ms)])));
  if (report.compile?.slowest.length) {
    out.push('', '### Slowest pages to compile', '', ...table(['Page', 'Compile time'], report.compile.slowest.map((p) => [p.file, `${Math.round(p.ms)} ms`])));
  }
  return `${out.join('\n')}\n`;
}
