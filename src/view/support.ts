/**
 * The supported-versions table (data/support.yaml), added to the support
 * page of every docs version: every minor line, the page's own line marked.
 */
import { readFileSync } from 'node:fs';
import { z } from 'astro/zod';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { isMap, isSeq, parseDocument, type Document } from 'yaml';
import { buildModel, type SiteModel } from '../model/site-model.ts';
import type { SiteData, SupportLine } from '../model/site-data.ts';
import { error, type Diagnostic } from '../util/diagnostics.ts';
import { lineIndex } from '../util/line-index.ts';
import { articleHtml } from '../model/article-html.ts';
import { didYouMean } from '../util/suggest.ts';

export type { SupportLine } from '../model/site-data.ts';

export const SUPPORT_ROUTE = 'reference/support/';
/** The file, in the config's data folder. */
export const SUPPORT_FILE = 'support.yaml';

const text = z.string().min(1, 'must not be empty');
const supportSchema = z.strictObject({
  lines: z.array(
    z.strictObject({ minor: text, kubernetes: text, helm: text, envoy: text }),
  ),
});
const LINE_KEYS = ['minor', 'kubernetes', 'helm', 'envoy'];
const HINT = 'Each entry of `lines:` has the strings `minor`, `kubernetes`, `helm` and `envoy`, e.g. `- minor: "1.17"` (quoted: 1.10 is not a string).';

/**
 * The supported-versions table of `file` (shown as `shown` in messages), checked against its schema:
 * every problem is a diagnostic at its line and column.
 */
export function loadSupport(file: string, shown = file): { lines?: SupportLine[]; diagnostics: Diagnostic[] } {
  const source = readFileSync(file, 'utf8');
  const index = lineIndex(source);
  const doc: Document = parseDocument(source, { prettyErrors: false });
  if (doc.errors.length) {
    return {
      diagnostics: doc.errors.map((e) => {
        const at = index.toPoint(e.pos[0]);
        return error(shown, at.line, at.column, `YAML syntax: ${e.message.split('\n')[0]}`, { hint: 'Fix the YAML syntax of the supported-versions table.' });
      }),
    };
  }
  const parsed = supportSchema.safeParse(doc.toJS());
  if (parsed.success) return { lines: parsed.data.lines, diagnostics: [] };
  const diagnostics = parsed.error.issues.flatMap((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...issue.path, k]) : [issue.path];
    return keys.map((path) => {
      const node = doc.getIn(path as (string | number)[], true) as { range?: [number, number] } | undefined;
      const parentPath = path.slice(0, -1) as (string | number)[];
      const parent = parentPath.length ? (doc.getIn(parentPath, true) as unknown) : doc.contents;
      // An unknown key at the key, a wrong value at the value, a missing one at the map that lacks it.
      const key = isMap(parent) ? parent.items.find((p) => String((p.key as { value?: unknown })?.value) === String(path.at(-1)))?.key : undefined;
      const keyRange = issue.code === 'unrecognized_keys' ? (key as { range?: [number, number] } | undefined)?.range : undefined;
      const range = keyRange ?? node?.range ?? (isSeq(parent) || isMap(parent) ? parent.range : undefined);
      const at = range ? index.toPoint(range[0]) : { line: 0, column: 0 };
      const name = path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('').replace(/^\./, '');
      if (issue.code === 'unrecognized_keys') {
        const close = didYouMean(String(path.at(-1)), path.length > 1 ? LINE_KEYS : ['lines']);
        return error(shown, at.line, at.column, `Unknown key \`${name}\``, { hint: close ? `Did you mean \`${close}\`? ${HINT}` : HINT });
      }
      return error(shown, at.line, at.column, `\`${name || 'the file'}\`: ${issue.message.replace(/^Invalid input: /, '')}`, { hint: HINT });
    });
  });
  return { diagnostics };
}


/** The table as HTML: built as a tree (hastscript), serialised once. */
export function supportTable(lines: readonly SupportLine[], product: string, currentMinor: string): string {
  const rows = lines.map((l) => {
    const current = l.minor === currentMinor;
    const head = current ? h('th', { scope: 'row' }, [h('strong', l.minor), ' (this version)']) : h('th', { scope: 'row' }, l.minor);
    return h('tr', current ? { ariaCurrent: 'true' } : {}, [head, h('td', l.kubernetes), h('td', l.helm), h('td', l.envoy)]);
  });
  const table = h('table', { className: ['support-table'] }, [
    h('caption', `Supported versions per ${product} minor line`),
    h('thead', h('tr', [h('th', { scope: 'col' }, product), h('th', { scope: 'col' }, 'Kubernetes'), h('th', { scope: 'col' }, 'Helm'), h('th', { scope: 'col' }, 'Envoy')])),
    h('tbody', rows),
  ]);
  return toHtml(table, { characterReferences: { useNamedReferences: true } });
}

/** Append the table to each version's support page (when it has one). */
export function addSupportTables(model: SiteModel, lines: readonly SupportLine[]): void {
  for (const { version, pages } of model.versions) {
    const page = pages.get(SUPPORT_ROUTE);
    if (!page || page.synthetic) continue;
    // The model's own copy of the page: the table is added once per model, never to the data it was made from.
    const { htmlAt: _, ...rest } = page;
    pages.set(SUPPORT_ROUTE, { ...rest, html: articleHtml(page) + supportTable(lines, model.product, version.minor) });
  }
}

/** The site's model with its support tables: what the pages show and the search index reads. */
export function modelWithSupport(data: SiteData): SiteModel {
  const model = buildModel(data);
  if (data.support) addSupportTables(model, data.support);
  return model;
}
