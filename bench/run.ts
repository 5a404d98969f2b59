/**
 * `npm run bench [-- --pages 250 --versions 4] [--quick] [--seed 1] [--keep]`
 *
 * For each cell of N pages × V docs versions (default N = 250, 1000 and
 * V = 1, 4) it generates a corpus (bench/corpus.ts) and measures, each in its
 * own process under `/usr/bin/time -f %M` (peak RSS):
 *
 *   ours full      build() — pipeline + Astro + Pagefind — into a temp folder
 *   ours pipeline  prepare() — changelog, versions, compile once, instantiate per version
 *   bare unified   remark-parse + remark-gfm + remark-rehype + rehype-stringify,
 *                  one thread, shortcodes pre-expanded by string replacement,
 *                  every page × every version
 *   Hugo           one `hugo` run per docs version (as Gloo builds), code
 *                  highlighting on, and again with it off
 *
 * Wall time is the whole process as a user waits for it (startup and module
 * loading included); "in-proc" is the work alone, as the child measured it.
 * Prints a table per cell, the issue's targets, and as its LAST line a JSON
 * summary: {"runs":[{"pages":…,"versions":…,"oursFullS":…,…}]}.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ChildReport } from './child.ts';
import { generateCorpus, REPO } from './corpus.ts';
import { findHugo, hugoArgs, hugoVersion, prepareHugo } from './hugo.ts';

const { values: args } = parseArgs({
  options: {
    pages: { type: 'string' },
    versions: { type: 'string' },
    quick: { type: 'boolean', default: false },
    seed: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
    skip: { type: 'string', default: '' },
    'no-warmup': { type: 'boolean', default: false },
    timeout: { type: 'string', default: '300' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (args.help) {
  process.stdout.write(`usage: npm run bench -- [--pages N] [--versions V] [--quick] [--seed S] [--keep] [--skip full,pipeline,warm,bare,hugo] [--no-warmup] [--timeout SECONDS]
  default matrix: pages 250 and 1000 x versions 1 and 4; --quick: pages 50 x versions 2
`);
  process.exit(0);
}

const toInts = (s: string | undefined) => (s ? s.split(',').map((x) => Number.parseInt(x, 10)) : undefined);
const pagesList = toInts(args.pages) ?? (args.quick ? [50] : [250, 1000]);
const versionsList = toInts(args.versions) ?? (args.quick ? [2] : [1, 4]);
for (const n of [...pagesList, ...versionsList]) if (!Number.isInteger(n) || n < 1) throw new Error(`not a positive integer: ${n}`);
const seed = Number.parseInt(args.seed, 10);
const skip = new Set(args.skip.split(',').filter(Boolean));
const timeoutMs = Number(args.timeout) * 1000;

const NODE = process.execPath;
const CHILD = path.join(REPO, 'bench', 'child.ts');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const hugo = skip.has('hugo') ? undefined : findHugo();
const hugoNote = hugo ? hugoVersion(hugo) : skip.has('hugo') ? 'hugo: skipped (--skip hugo)' : 'hugo: not installed, Hugo runs skipped';

const log = (line: string) => process.stderr.write(`${line}\n`);

// ---------------------------------------------------------------------------
// Measuring one process

interface Measured {
  ok: boolean;
  /** Not run: why (a smaller cell already showed it cannot finish in time). */
  skipped?: string;
  wallS: number;
  /** Peak RSS in MB: /usr/bin/time's %M, else what the child reported. */
  peakMB?: number;
  /** CPU seconds (user + system) of the process and its children: /usr/bin/time's %U + %S. */
  cpuS?: number;
  report?: ChildReport;
  error?: string;
}

/** Process groups of running children: killed when the runner is interrupted. */
const running = new Set<number>();
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    for (const pid of running) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    process.exit(130);
  });
}

function measure(command: string, argv: string[], scratch: string): Promise<Measured> {
  const timeFile = path.join(scratch, `time-${process.hrtime.bigint()}.txt`);
  const [cmd, cmdArgs] = TIME ? [TIME, ['-f', '%M %U %S', '-o', timeFile, command, ...argv]] : [command, argv];
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(cmd, cmdArgs, { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    if (child.pid) running.add(child.pid);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout = (stdout + d.toString()).slice(-100_000)));
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-20_000)));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (child.pid) running.delete(child.pid);
      const wallS = (performance.now() - started) / 1000;
      let peakMB: number | undefined;
      let cpuS: number | undefined;
      if (TIME && existsSync(timeFile)) {
        // The last line; GNU time writes "Command exited with non-zero status" before it on failure.
        const [kb, user, sys] = (readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? '').split(' ').map(Number);
        if (Number.isFinite(kb)) peakMB = kb! / 1024;
        if (Number.isFinite(user) && Number.isFinite(sys)) cpuS = user! + sys!;
      }
      const line = stdout.trim().split('\n').reverse().find((l) => l.startsWith('{"bench":'));
      const report = line ? (JSON.parse(line) as { bench: ChildReport }).bench : undefined;
      if (peakMB === undefined && report) peakMB = report.maxRssMB;
      const ok = code === 0 && !timedOut;
      const error = timedOut ? `timed out after ${timeoutMs / 1000} s` : ok ? undefined : `exit ${code}: ${stderr.trim().split('\n').slice(-15).join('\n')}`;
      resolve({ ok, wallS, ...(peakMB !== undefined ? { peakMB } : {}), ...(cpuS !== undefined ? { cpuS } : {}), ...(report ? { report } : {}), ...(error ? { error } : {}) });
    });
  });
}

function runChild(variant: 'full' | 'pipeline' | 'bare', corpusDir: string, scratch: string): Promise<Measured> {
  return measure(NODE, [CHILD, '--variant', variant, '--corpus', corpusDir, '--out', path.join(scratch, `out-${variant}`)], scratch);
}

/** One Hugo run per docs version, one after another (as Gloo builds them). */
async function runHugo(hugoBin: string, projects: ReturnType<typeof prepareHugo>, highlight: boolean, scratch: string): Promise<Measured> {
  let wallS = 0;
  let peakMB = 0;
  let cpuS = 0;
  for (const p of projects) {
    const dest = path.join(scratch, `hugo-out-${highlight ? 'hl' : 'plain'}`, p.version.id);
    const m = await measure(hugoBin, hugoArgs(p, highlight, dest, path.join(scratch, 'hugo-cache')), scratch);
    if (!m.ok) return { ...m, wallS: wallS + m.wallS };
    wallS += m.wallS;
    cpuS += m.cpuS ?? 0;
    peakMB = Math.max(peakMB, m.peakMB ?? 0);
  }
  return { ok: true, wallS, peakMB, ...(TIME ? { cpuS } : {}) };
}

// ---------------------------------------------------------------------------
// The matrix

interface Cell {
  pages: number;
  versions: number;
  full?: Measured;
  pipeline?: Measured;
  /** prepare() again after one page changed, compile cache warm. */
  pipelineWarm?: Measured;
  bare?: Measured;
  hugo?: Measured;
  hugoPlain?: Measured;
  corpus: { files: number; bytes: number; releases: number; entries: number };
}

const root = mkdtempSync(path.join(os.tmpdir(), 'docs-bench-'));
const cells: Cell[] = [];
const load = os.loadavg()[0]!;
log(`bench: ${os.cpus().length} cores, load ${load.toFixed(2)}, node ${process.version}, ${hugoNote}; scratch ${root}`);
if (load > os.cpus().length) log(`bench: warning: load average ${load.toFixed(2)} is above the core count; figures will be noisy`);

try {
  if (!args['no-warmup']) {
    // Warm the file cache (node_modules, Astro, Shiki grammars) so the first cell is not penalised.
    log('bench: warm-up (5 pages, untimed)');
    const dir = path.join(root, 'warmup');
    mkdirSync(dir);
    const corpus = generateCorpus({ pages: 5, versions: 1, seed, dir: path.join(dir, 'corpus') });
    for (const v of ['full', 'pipeline', 'bare'] as const) if (!skip.has(v)) await runChild(v, corpus.dir, dir);
    rmSync(dir, { recursive: true, force: true });
  }
  for (const pages of pagesList) {
    for (const versions of versionsList) {
      const scratch = path.join(root, `${pages}x${versions}`);
      mkdirSync(scratch, { recursive: true });
      const corpus = generateCorpus({ pages, versions, seed, dir: path.join(scratch, 'corpus') });
      const bytes = corpus.files.reduce((n, f) => n + readFileSync(path.join(corpus.dir, f.file)).length, 0);
      const cell: Cell = { pages, versions, corpus: { files: corpus.files.length, bytes, releases: corpus.changelogReleases, entries: corpus.changelogEntries } };
      log(`bench: ${pages} pages x ${versions} versions: ${corpus.files.length} files, ${(bytes / 1e6).toFixed(1)} MB Markdown, ${corpus.changelogReleases} releases / ${corpus.changelogEntries} changelog entries`);
      const step = async (name: string, run: () => Promise<Measured>) => {
        log(`bench:   ${name} ...`);
        const m = await run();
        log(`bench:   ${name}: ${m.ok ? `${m.wallS.toFixed(2)} s, ${m.peakMB?.toFixed(0) ?? '?'} MB` : `FAILED ${m.error}`}`);
        return m;
      };
      // Our builds keep a content-hash compile cache in <project>/node_modules/.cache: the measured builds start cold.
      const clearCache = () => rmSync(path.join(corpus.dir, 'node_modules', '.cache'), { recursive: true, force: true });
      if (!skip.has('full')) {
        // Bounded: skip a full build that a smaller cell shows cannot finish within the timeout even at linear
        // cost; never the issue's target cell (250 x 4), which runs until done or timed out.
        const size = pages * versions;
        const target = pages === 250 && versions === 4;
        const doomed = cells
          .filter((c) => c.full && (c.full.ok || c.full.error?.startsWith('timed out')) && !c.full.skipped && c.pages * c.versions < size)
          .map((c) => ({ c, estimate: c.full!.ok ? (c.full!.wallS * size) / (c.pages * c.versions) : Infinity }))
          .find((x) => x.estimate > timeoutMs / 1000 && (!target || x.estimate === Infinity));
        clearCache();
        if (doomed) {
          const why = doomed.c.full!.ok
            ? `${doomed.c.pages}x${doomed.c.versions} took ${doomed.c.full!.wallS.toFixed(0)} s: ${(size / (doomed.c.pages * doomed.c.versions)).toFixed(0)}x the pages would pass the ${timeoutMs / 1000} s timeout even at linear cost`
            : `${doomed.c.pages}x${doomed.c.versions} timed out (${timeoutMs / 1000} s)`;
          cell.full = { ok: false, wallS: 0, skipped: why, error: `skipped: ${why}` };
          log(`bench:   ours full build: skipped (${why})`);
        } else cell.full = await step('ours full build', () => runChild('full', corpus.dir, scratch));
      }
      if (!skip.has('pipeline')) {
        clearCache();
        cell.pipeline = await step('ours pipeline', () => runChild('pipeline', corpus.dir, scratch));
        if (!skip.has('warm')) {
          // One page edited, the cache from the cold run in place.
          const page = path.join(corpus.dir, corpus.files.find((f) => f.guide)!.file);
          const original = readFileSync(page, 'utf8');
          writeFileSync(page, `${original}\nOne more sentence, edited for the warm rebuild.\n`);
          cell.pipelineWarm = await step('ours pipeline, 1 page changed, cache warm', () => runChild('pipeline', corpus.dir, scratch));
          writeFileSync(page, original);
        }
        clearCache();
      }
      if (!skip.has('bare')) cell.bare = await step('bare unified', () => runChild('bare', corpus.dir, scratch));
      if (hugo) {
        const projects = prepareHugo(corpus, path.join(scratch, 'hugo-src'));
        cell.hugo = await step(`Hugo x${versions} (highlight on)`, () => runHugo(hugo, projects, true, scratch));
        cell.hugoPlain = await step(`Hugo x${versions} (highlight off)`, () => runHugo(hugo, projects, false, scratch));
      }
      cells.push(cell);
      if (!args.keep) rmSync(scratch, { recursive: true, force: true });
    }
  }
} finally {
  if (!args.keep) rmSync(root, { recursive: true, force: true });
  else log(`bench: kept ${root}`);
}

// ---------------------------------------------------------------------------
// Report

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
const secs = (m: Measured | undefined) => (m?.ok ? m.wallS : undefined);
const cpu = (m: Measured | undefined) => (m?.ok ? m.cpuS : undefined);
const cpuNote = (x: number | undefined) => (x === undefined ? '' : `; by CPU time ${x.toFixed(2)}x`);
const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b !== undefined && b > 0 ? a / b : undefined);
const fmt = (x: number | undefined, digits = 2) => (x === undefined ? '—' : x.toFixed(digits));

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

const out: string[] = [];
out.push('');
out.push(`Benchmark on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'cpu'}), load average at start ${load.toFixed(2)}, ${process.version}, ${hugoNote}`);
out.push('wall s = whole process(es) as a user waits; pages/s = N x V guide pages / wall s; peak MB = max RSS of the process (of the largest Hugo run);');
out.push('cpu s = user + system CPU of the process(es) (less sensitive to other load than wall s; > wall s means more than one core);');
out.push('in-proc s = the work alone, modules loaded; ratios use wall s: full / Hugo highlight on, pipeline / bare unified.');
for (const c of cells) {
  const n = c.pages * c.versions;
  const hugoS = secs(c.hugo);
  const bareS = secs(c.bare);
  const row = (name: string, m: Measured | undefined, vs: string) =>
    m === undefined
      ? [name, 'skipped', '', '', '', '', '']
      : m.skipped
        ? [name, 'skipped', '', '', '', '', 'see below']
        : !m.ok
        ? [name, 'FAILED', '', '', '', '', m.error?.split('\n')[0]?.slice(0, 60) ?? '']
        : [name, fmt(m.wallS), fmt(n / m.wallS, 0), fmt(m.peakMB, 0), fmt(m.cpuS), fmt(m.report?.seconds), vs];
  out.push('');
  out.push(`N = ${c.pages} pages x V = ${c.versions} versions (${c.corpus.files} files, ${(c.corpus.bytes / 1e6).toFixed(1)} MB Markdown, changelog ${c.corpus.releases} releases / ${c.corpus.entries} entries)`);
  out.push(
    table([
      ['variant', 'wall s', 'pages/s', 'peak MB', 'cpu s', 'in-proc s', 'ratio'],
      row('ours full build', c.full, `${fmt(ratio(secs(c.full), hugoS))} x Hugo`),
      row('ours pipeline', c.pipeline, `${fmt(ratio(secs(c.pipeline), bareS))} x bare`),
      ...(c.pipelineWarm ? [row('  again, 1 page changed', c.pipelineWarm, `${fmt(ratio(secs(c.pipelineWarm), secs(c.pipeline)))} x cold`)] : []),
      row('bare unified', c.bare, ''),
      row(`Hugo x${c.versions}, highlight on`, c.hugo, ''),
      row(`Hugo x${c.versions}, highlight off`, c.hugoPlain, ''),
    ]),
  );
  for (const [name, m] of [['ours full build', c.full], ['ours pipeline', c.pipeline], ['ours pipeline (warm)', c.pipelineWarm], ['bare unified', c.bare], ['Hugo', c.hugo], ['Hugo (plain)', c.hugoPlain]] as const) {
    if (m?.skipped) out.push(`  ${name} not run: ${m.skipped}`);
    else if (m && !m.ok) out.push(`  ${name} failed: ${m.error}`);
  }
  const stats = c.pipeline?.report?.compile;
  const warmStats = c.pipelineWarm?.report?.compile;
  if (stats) out.push(`  compile: ${stats.pages} pages on ${stats.threads} thread(s), ${stats.cached} from cache${warmStats ? `; warm run: ${warmStats.pages - warmStats.cached} compiled, ${warmStats.cached} from cache` : ''}`);
}

// The issue's targets, where the cells to judge them ran.
const find = (p: number, v: number) => cells.find((c) => c.pages === p && c.versions === v);
const targets: string[] = [];
const verdict = (okay: boolean | undefined) => (okay === undefined ? '—' : okay ? 'met' : 'NOT met');
for (const p of pagesList) {
  const one = find(p, 1);
  const four = find(p, 4);
  const r = ratio(secs(four?.pipeline), secs(one?.pipeline));
  if (r !== undefined) targets.push(`pipeline V=4 / V=1 at N=${p}: ${r.toFixed(2)}x (target <= 1.6): ${verdict(r <= 1.6)}${cpuNote(ratio(cpu(four?.pipeline), cpu(one?.pipeline)))}`);
  const layers = ratio(secs(one?.pipeline), secs(one?.bare));
  if (layers !== undefined) targets.push(`pipeline / bare unified at N=${p}, V=1: ${layers.toFixed(2)}x (target <= 1.15): ${verdict(layers <= 1.15)}${cpuNote(ratio(cpu(one?.pipeline), cpu(one?.bare)))}`);
}
const c250x4 = find(250, 4);
if (c250x4) {
  const r = ratio(secs(c250x4.full), secs(c250x4.hugo));
  if (r !== undefined) targets.push(`full build / Hugo x4 at N=250, V=4: ${r.toFixed(2)}x (target < 1.0): ${verdict(r < 1)}${cpuNote(ratio(cpu(c250x4.full), cpu(c250x4.hugo)))}`);
  if (r === undefined && c250x4.full?.error?.startsWith('timed out') && secs(c250x4.hugo) !== undefined) {
    targets.push(`full build / Hugo x4 at N=250, V=4: > ${(c250x4.full.wallS / secs(c250x4.hugo)!).toFixed(1)}x (timed out after ${c250x4.full.wallS.toFixed(0)} s; target < 1.0): NOT met`);
  }
  if (c250x4.full?.peakMB !== undefined) targets.push(`full build peak at N=250, V=4: ${c250x4.full.peakMB.toFixed(0)} MB (target < 1024): ${verdict(c250x4.full.peakMB < 1024)}`);
}
for (const v of versionsList) {
  for (const variant of ['full', 'pipeline'] as const) {
    const r = ratio(secs(find(1000, v)?.[variant]), secs(find(250, v)?.[variant]));
    if (r !== undefined) targets.push(`${variant} N=1000 / N=250 at V=${v}: ${r.toFixed(2)}x (target <= 4.4): ${verdict(r <= 4.4)}${cpuNote(ratio(cpu(find(1000, v)?.[variant]), cpu(find(250, v)?.[variant])))}`);
  }
}
if (targets.length) {
  out.push('');
  out.push('Targets (issue 6):');
  for (const t of targets) out.push(`  ${t}`);
}

const summary = {
  runs: cells.map((c) => {
    const full = secs(c.full);
    const pipeline = secs(c.pipeline);
    const bareS = secs(c.bare);
    const hugoS = secs(c.hugo);
    const r = (x: number | undefined, d = 2) => (x === undefined ? null : round(x, d));
    return {
      pages: c.pages,
      versions: c.versions,
      oursFullS: r(full),
      oursPipelineS: r(pipeline),
      bareUnifiedS: r(bareS),
      hugoS: r(hugoS),
      peakMB: c.full?.peakMB !== undefined && c.full.ok ? Math.round(c.full.peakMB) : null,
      oursOverHugo: r(ratio(full, hugoS), 3),
      pipelineOverBareUnified: r(ratio(pipeline, bareS), 3),
    };
  }),
};
out.push('');
out.push(JSON.stringify(summary));
process.stdout.write(`${out.join('\n')}\n`);
if (cells.some((c) => [c.full, c.pipeline, c.pipelineWarm, c.bare, c.hugo, c.hugoPlain].some((m) => m && !m.ok && !m.skipped && !m.error?.startsWith('timed out')))) process.exitCode = 1;
