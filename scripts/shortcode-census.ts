/**
 * Shortcode problems on a whole Hugo docs folder, counted by kind: every page
 * of `<docs>/content` compiled with the folder's own layouts/ and data/ (no
 * site build, no version values: snippet reads are left out of the count).
 *
 *   node_modules/.bin/node scripts/shortcode-census.ts <docs folder> [version id]
 */
import path from 'node:path';
import { loadContent } from '../src/engine/content.ts';
import { indexContent } from '../src/engine/page-index.ts';
import { createEnv, renderSource } from '../src/markdown/render.ts';
import { loadTemplateShortcodes } from '../src/shortcodes/templates.ts';
import { onceEach, type Diagnostic } from '../src/util/diagnostics.ts';

const docs = path.resolve(process.argv[2] ?? '.');
const id = process.argv[3] ?? 'v0.0.x';
const contentDir = path.join(docs, 'content');
const indexed = indexContent(loadContent(docs, 'content', { exclude: ['content/static/content'] }), contentDir, {});
const env = await createEnv({ root: docs, contentDir, site: indexed.index, custom: loadTemplateShortcodes(path.join(docs, 'layouts')), dataDir: path.join(docs, 'data') });
const diagnostics: Diagnostic[] = [];
for (const page of indexed.pages) diagnostics.push(...renderSource(env, page.file, page.raw, { id, base: `/docs/${id}`, values: {} }).diagnostics);
const counts = new Map<string, number>();
for (const d of onceEach(diagnostics)) {
  if (/No value for version snippet/.test(d.message)) continue;
  const kind = `${d.severity} ${d.message.replace(/`[^`]*`/g, '`…`').replace(/ in \S+ProtoMap\.yaml/, ' in ProtoMap.yaml')}`;
  counts.set(kind, (counts.get(kind) ?? 0) + 1);
}
console.log(`${docs}: ${indexed.pages.length} pages`);
for (const [kind, n] of [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) console.log(`${String(n).padStart(6)}  ${kind}`);
