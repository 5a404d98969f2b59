/**
 * Pagefind: one index per docs version (what the build does) against one index over every version with
 * a `version` filter (what a single search over the site would need).
 *
 *   node bench/pagefind.ts [--pages 250] [--versions 4] [--seed 1]
 *
 * Generates the corpus, runs our pipeline once for the site data, writes each version's search documents
 * (src/integration/search-index.ts: what Pagefind reads of each page), then indexes them both ways, each in
 * its own process (Pagefind's process is read from /proc before it closes). Prints wall, CPU (node and
 * Pagefind), Pagefind's peak memory and the bundles' size per way.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    pages: { type: 'string', default: '250' },
    versions: { type: 'string', default: '4' },
    seed: { type: 'string', default: '1' },
    // Internal: index an already written folder one way.
    way: { type: 'string' },
    docs: { type: 'string' },
    out: { type: 'string' },
  },
});

function bytesUnder(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) if (e.isFile()) n += statSync(path.join(e.parentPath, e.name)).size;
  return n;
}

if (args.way) {
  // Child: index `--docs` (one folder per version) into `--out`.
  const pagefind = await import('pagefind');
  const started = performance.now();
  const ids = readdirSync(args.docs!).sort();
  const index = async (dir: string, out: string) => {
    const { index } = await pagefind.createIndex({ forceLanguage: 'en', includeCharacters: '-_.' });
    await index!.addDirectory({ path: dir, glob: '**/index.html' });
    await index!.writeFiles({ outputPath: out });
    await index!.deleteIndex();
  };
  if (args.way === 'per-version') for (const id of ids) await index(path.join(args.docs!, id), path.join(args.out!, id));
  else await index(args.docs!, args.out!);
  // Pagefind's process, before it is closed: its CPU time (clock ticks of 1/100 s) and peak memory from /proc.
  const children = readdirSync('/proc/self/task').flatMap((t) => readFileSync(`/proc/self/task/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean));
  let cpuS = 0;
  let peakMB = 0;
  for (const pid of children) {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    cpuS += (Number(fields[11]) + Number(fields[12])) / 100;
    peakMB = Math.max(peakMB, Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024);
  }
  await pagefind.close();
  process.stdout.write(`${JSON.stringify({ s: (performance.now() - started) / 1000, cpuS, peakMB })}\n`);
  process.exit(0);
}

const { generateCorpus } = await import('./corpus.ts');
const { prepare } = await import('../src/engine/build.ts');
const { buildModel } = await import('../src/model/site-model.ts');
const { searchDocument } = await import('../src/integration/search-index.ts');
const root = mkdtempSync(path.join(os.tmpdir(), 'bench-pagefind-'));
try {
  const corpus = generateCorpus({ pages: Number(args.pages), versions: Number(args.versions), seed: Number(args.seed), dir: path.join(root, 'corpus') });
  const prepared = await prepare(corpus.loaded, { pipelineOnly: true, cache: false });
  const model = buildModel(prepared.data!);
  const write = (dir: string, filtered: boolean) => {
    for (const v of model.versions) {
      for (const route of v.pages.keys()) {
        let doc = searchDocument(v, route);
        // One index over all versions: each page says its version, and a search filters on it.
        if (filtered) doc = doc.replace('<article class="article" data-pagefind-body>', `<article class="article" data-pagefind-body><span data-pagefind-filter="version" hidden>${v.version.id}</span>`);
        mkdirSync(path.join(dir, v.version.id, route), { recursive: true });
        writeFileSync(path.join(dir, v.version.id, route, 'index.html'), doc);
      }
    }
  };
  write(path.join(root, 'docs-plain'), false);
  write(path.join(root, 'docs-filtered'), true);
  const pages = model.versions.reduce((n, v) => n + v.pages.size, 0);
  process.stdout.write(`Pagefind over ${pages} pages (${args.pages} pages x ${args.versions} versions), ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(2)}\n`);
  for (const [way, docs] of [['per-version', 'docs-plain'], ['one-filtered', 'docs-filtered']] as const) {
    const out = path.join(root, `out-${way}`);
    const timeFile = path.join(root, `time-${way}`);
    const run = spawnSync('/usr/bin/time', ['-f', '%e %U %S', '-o', timeFile, process.execPath, import.meta.filename, '--way', way, '--docs', path.join(root, docs), '--out', out], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`${way}: ${run.stderr}`);
    const [wall, user, sys] = readFileSync(timeFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number) as number[];
    const child = JSON.parse(run.stdout.trim().split('\n').pop()!) as { s: number; cpuS: number; peakMB: number };
    process.stdout.write(
      `  ${way.padEnd(13)} wall ${wall!.toFixed(2)} s (indexing ${child.s.toFixed(2)} s), cpu ${(user! + sys! + child.cpuS).toFixed(2)} s (Pagefind's process ${child.cpuS.toFixed(2)} s), ` +
        `Pagefind's peak ${child.peakMB.toFixed(0)} MB, bundle ${(bytesUnder(out) / 1e6).toFixed(1)} MB\n`,
    );
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
