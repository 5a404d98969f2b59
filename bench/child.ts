/**
 * One measured variant in its own process (so its peak RSS is its own):
 *
 *   node bench/child.ts --variant full|core|pipeline|bare --corpus <dir> [--out <dir>]
 *
 * - full:     build() from src/engine/build.ts (pipeline + Astro + Pagefind + link check + …) into --out
 * - core:     the same build without the search index and the link check (work Hugo does not do)
 * - pipeline: prepare() (changelog → versions → compile once → instantiate per version)
 * - bare:     remark-parse + remark-gfm + remark-rehype + rehype-stringify, one
 *             thread, one processor, every page × every version with the
 *             shortcodes pre-expanded by string replacement
 *
 * Its last stdout line is `{"bench":{…}}`: in-process seconds (after module
 * loading), pages, diagnostics counts and process.resourceUsage().maxRSS.
 * Error diagnostics make it exit 1 (they are printed to stderr).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadedConfig, preExpand, type CorpusInfo } from './corpus.ts';

export interface ChildReport {
  variant: string;
  /** Wall time of the work inside the process, module loading excluded. */
  seconds: number;
  /** Guide pages × docs versions (index and changelog pages not counted). */
  pages: number;
  errors: number;
  warnings: number;
  /** process.resourceUsage().maxRSS, in MB. */
  maxRssMB: number;
  /** Bytes of HTML produced (bare and pipeline), a sanity figure. */
  htmlBytes?: number;
  /** Pages compiled / taken from the compile cache / compile threads (ours). */
  compile?: { pages: number; cached: number; threads: number };
  /** Milliseconds per phase of a full build (pipeline, astro, check, search, swap). */
  timings?: Record<string, number>;
}

const { values } = parseArgs({
  options: {
    variant: { type: 'string' },
    corpus: { type: 'string' },
    out: { type: 'string' },
  },
});
const variant = values.variant ?? '';
if (!values.corpus || !['full', 'core', 'pipeline', 'bare'].includes(variant)) {
  process.stderr.write('usage: node bench/child.ts --variant full|core|pipeline|bare --corpus <dir> [--out <dir>]\n');
  process.exit(2);
}
const info = JSON.parse(readFileSync(path.join(values.corpus, 'corpus.json'), 'utf8')) as CorpusInfo;
const contentPages = info.pages * info.versions;

async function run(): Promise<ChildReport> {
  if (variant === 'bare') return bare();
  const { build, prepare } = await import('../src/engine/build.ts');
  const { format, hasErrors } = await import('../src/util/diagnostics.ts');
  const loaded = loadedConfig(info);
  const started = performance.now();
  const outDir = values.out ?? path.join(info.dir, 'dist');
  const result =
    variant === 'full'
      ? await build(loaded, { outDir, quiet: true })
      : variant === 'core'
        ? await build(loaded, { outDir, quiet: true, search: false, linkCheck: false })
        : await prepare(loaded, { pipelineOnly: true });
  const seconds = (performance.now() - started) / 1000;
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  if (result.diagnostics.length) process.stderr.write(`${format(result.diagnostics).slice(0, 20_000)}\n`);
  if (hasErrors(result.diagnostics)) process.exitCode = 1;
  const htmlBytes = Object.values(result.data?.pages ?? {}).reduce((n, list) => n + list.reduce((m, p) => m + p.html.length, 0), 0);
  const stats = (result as { compileStats?: { pages: number; cached: number; threads: number } }).compileStats;
  return {
    variant,
    seconds,
    pages: contentPages,
    errors,
    warnings: result.diagnostics.length - errors,
    maxRssMB: 0,
    htmlBytes,
    ...(stats ? { compile: { pages: stats.pages, cached: stats.cached, threads: stats.threads } } : {}),
    ...('timings' in result && result.timings ? { timings: result.timings } : {}),
  };
}

async function bare(): Promise<ChildReport> {
  const { unified } = await import('unified');
  const { default: remarkParse } = await import('remark-parse');
  const { default: remarkGfm } = await import('remark-gfm');
  const { default: remarkRehype } = await import('remark-rehype');
  const { default: rehypeStringify } = await import('rehype-stringify');
  const started = performance.now();
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeStringify, { allowDangerousHtml: true })
    .freeze();
  const sources = info.files.map((f) => readFileSync(path.join(info.dir, f.file), 'utf8'));
  let htmlBytes = 0;
  for (const version of info.docsVersions) {
    for (const raw of sources) htmlBytes += String(processor.processSync(preExpand(raw, version))).length;
  }
  const seconds = (performance.now() - started) / 1000;
  return { variant, seconds, pages: contentPages, errors: 0, warnings: 0, maxRssMB: 0, htmlBytes };
}

const report = await run();
report.maxRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
process.stdout.write(`\n${JSON.stringify({ bench: report })}\n`);
