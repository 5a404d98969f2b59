/**
 * The supported-versions table (data/support.yaml), added to the support
 * page of every docs version: every minor line, the page's own line marked.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { SiteModel } from '../model/site-model.ts';

export const SUPPORT_ROUTE = 'reference/support/';

export interface SupportLine {
  minor: string;
  kubernetes: string;
  helm: string;
  envoy: string;
}

export function loadSupport(file: string): SupportLine[] {
  const doc = parse(readFileSync(file, 'utf8')) as { lines?: unknown };
  if (!Array.isArray(doc?.lines)) throw new Error(`${file}: expected a \`lines:\` list`);
  return doc.lines.map((raw: unknown, i: number) => {
    const line = raw as Record<string, unknown>;
    for (const key of ['minor', 'kubernetes', 'helm', 'envoy']) {
      if (typeof line[key] !== 'string' || line[key] === '') throw new Error(`${file}: lines[${i}].${key} must be a non-empty string`);
    }
    return line as unknown as SupportLine;
  });
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function supportTable(lines: readonly SupportLine[], product: string, currentMinor: string): string {
  const rows = lines
    .map((l) => {
      const current = l.minor === currentMinor;
      const head = current ? `<th scope="row"><strong>${esc(l.minor)}</strong> (this version)</th>` : `<th scope="row">${esc(l.minor)}</th>`;
      return `<tr${current ? ' aria-current="true"' : ''}>${head}<td>${esc(l.kubernetes)}</td><td>${esc(l.helm)}</td><td>${esc(l.envoy)}</td></tr>`;
    })
    .join('');
  return (
    `<table class="support-table"><caption>Supported versions per ${esc(product)} minor line</caption>` +
    `<thead><tr><th scope="col">${esc(product)}</th><th scope="col">Kubernetes</th><th scope="col">Helm</th><th scope="col">Envoy</th></tr></thead>` +
    `<tbody>${rows}</tbody></table>`
  );
}

/** Append the table to each version's support page (when it has one). */
export function addSupportTables(model: SiteModel, lines: readonly SupportLine[]): void {
  for (const { version, pages } of model.versions) {
    const page = pages.get(SUPPORT_ROUTE);
    if (!page || page.synthetic) continue;
    page.html += supportTable(lines, model.product, version.minor);
  }
}
