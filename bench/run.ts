/**
 * `npm run bench [-- --pages 250 --versions 4] [--quick] [--seed 1] [--keep]`
 *
 * For each cell of N pages × V docs versions (default N = 250, 1000 and
 * V = 1, 4) it generates a corpus (bench/corpus.ts) and measures, each in its
 * own process under `/usr/bin/time -f %M` (peak RSS):
 *
 *   ours full      build() — pipeline + Astro + Pagefind + link check — into a temp folder,
 *                  cold; then again after one page changed (caches warm: what an edit costs)
 *   ours core      the same build without the search index and the link check
 *                  (the work Hugo does not do), cold
 *   ours pipeline  prepare() — changelog, versions, compile once, instantiate per version
 *   bare unified   remark-parse + remark-gfm + remark-rehype + rehype-stringify,
 *                  one thread, shortcodes pre-expanded by string replacement,
 *                  every page × every version
 *   Hugo           one `hugo` run per docs version (as Gloo builds), with the same
 *                  content as ours (change lists written in): the page body alone,
 *                  code highlighting on and off; and with the Solo theme Gloo builds
 *                  with (every page's sidebar, the search JSON), when its fixture is there
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
import { findHugo, hasSoloTheme, hugoArgs, hugoVersion, prepareHugo } from './hugo.ts';
import { workDir } from '../src/engine/build.ts';
import { packageNodeFlags } from '../bin/node-flags.js';

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
  process.stdout.write(`usage: npm run bench -- [--pages N] [--versions V] [--quick] [--seed S] [--keep] [--skip full,core,pipeline,warm,bare,hugo,solo] [--no-warmup] [--timeout SECONDS]
  default matrix: pages 250 and 1000 x versions 1 and 4; --quick: pages 50 x versions 2
  the large cell, on request: --pages 1000,5000 --versions 4 --skip bare --timeout 1800
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

type Variant = 'full' | 'core' | 'pipeline' | 'bare';

const outOf = (variant: Variant, scratch: string) => path.join(scratch, `out-${variant}`);

function runChild(variant: Variant, corpusDir: string, scratch: string): Promise<Measured> {
  // Our builds run with the flags `npm run build` gives Node.
  const flags = variant === 'full' || variant === 'core' ? packageNodeFlags('build') : [];
  return measure(NODE, [...flags, CHILD, '--variant', variant, '--corpus', corpusDir, '--out', outOf(variant, scratch)], scratch);
}

/** One Hugo run per docs version, one after another (as Gloo builds them). */
async function runHugo(hugoBin: string, projects: ReturnType<typeof prepareHugo>, mode: 'highlight' | 'plain' | 'solo', scratch: string): Promise<Measured> {
  let wallS = 0;
  let peakMB = 0;
  let cpuS = 0;
  for (const p of projects) {
    const dest = path.join(scratch, `hugo-out-${mode}`, p.version.id);
    const m = await measure(hugoBin, hugoArgs(p, mode, dest, path.join(scratch, 'hugo-cache')), scratch);
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
  /** The full build again after one page changed, caches warm. */
  fullWarm?: Measured;
  /** The full build without search index and link check. */
  core?: Measured;
  pipeline?: Measured;
  /** prepare() again after one page changed, compile cache warm. */
  pipelineWarm?: Measured;
  bare?: Measured;
  hugo?: Measured;
  hugoPlain?: Measured;
  /** Hugo with the Solo theme, as Gloo builds. */
  hugoSolo?: Measured;
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
    rmSync(workDir(corpus.dir, outOf('full', dir)), { recursive: true, force: true });
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
      // Our builds keep a content-hash compile cache in <project>/node_modules/.cache and Astro's in the build's work
      // folder: the measured builds start cold.
      const clearCache = () => {
        rmSync(path.join(corpus.dir, 'node_modules', '.cache'), { recursive: true, force: true });
        for (const v of ['full', 'core'] as const) rmSync(workDir(corpus.dir, outOf(v, scratch)), { recursive: true, force: true });
      };
      // One page edited (the guide-like page that carries the change lists), the caches of the cold run in place.
      const editedPage = path.join(corpus.dir, corpus.files.find((f) => f.guide)!.file);
      const original = readFileSync(editedPage, 'utf8');
      const withOneEdit = async (run: () => Promise<Measured>) => {
        writeFileSync(editedPage, `${original}\nOne more sentence, edited for the warm rebuild.\n`);
        try {
          return await run();
        } finally {
          writeFileSync(editedPage, original);
        }
      };
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
        } else {
          cell.full = await step('ours full build', () => runChild('full', corpus.dir, scratch));
          if (cell.full.ok && !skip.has('warm')) cell.fullWarm = await withOneEdit(() => step('ours full build, 1 page changed, caches warm', () => runChild('full', corpus.dir, scratch)));
          if (!skip.has('core')) {
            clearCache();
            cell.core = await step('ours core build (no search index, no link check)', () => runChild('core', corpus.dir, scratch));
          }
        }
      }
      if (!skip.has('pipeline')) {
        clearCache();
        cell.pipeline = await step('ours pipeline', () => runChild('pipeline', corpus.dir, scratch));
        if (!skip.has('warm')) cell.pipelineWarm = await withOneEdit(() => step('ours pipeline, 1 page changed, cache warm', () => runChild('pipeline', corpus.dir, scratch)));
      }
      clearCache();
      if (!skip.has('bare')) cell.bare = await step('bare unified', () => runChild('bare', corpus.dir, scratch));
      if (hugo) {
        const projects = prepareHugo(corpus, path.join(scratch, 'hugo-src'));
        cell.hugo = await step(`Hugo x${versions} (highlight on)`, () => runHugo(hugo, projects, 'highlight', scratch));
        cell.hugoPlain = await step(`Hugo x${versions} (highlight off)`, () => runHugo(hugo, projects, 'plain', scratch));
        if (hasSoloTheme() && !skip.has('solo')) cell.hugoSolo = await step(`Hugo x${versions} (Solo theme)`, () => runHugo(hugo, projects, 'solo', scratch));
      }
      cells.push(cell);
      if (!args.keep) {
        clearCache();
        rmSync(scratch, { recursive: true, force: true });
      }
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
  const solo = secs(c.hugoSolo);
  out.push(
    table([
      ['variant', 'wall s', 'pages/s', 'peak MB', 'cpu s', 'in-proc s', 'ratio'],
      row('ours full build', c.full, `${fmt(ratio(secs(c.full), hugoS))} x Hugo${solo ? `, ${fmt(ratio(secs(c.full), solo))} x Hugo+Solo` : ''}`),
      ...(c.fullWarm ? [row('  again, 1 page changed', c.fullWarm, `${fmt(ratio(secs(c.fullWarm), secs(c.full)))} x cold`)] : []),
      ...(c.core ? [row('ours core (no search, no check)', c.core, `${fmt(ratio(secs(c.core), hugoS))} x Hugo${solo ? `, ${fmt(ratio(secs(c.core), solo))} x Hugo+Solo` : ''}`)] : []),
      row('ours pipeline', c.pipeline, `${fmt(ratio(secs(c.pipeline), bareS))} x bare`),
      ...(c.pipelineWarm ? [row('  again, 1 page changed', c.pipelineWarm, `${fmt(ratio(secs(c.pipelineWarm), secs(c.pipeline)))} x cold`)] : []),
      row('bare unified', c.bare, ''),
      row(`Hugo x${c.versions}, highlight on`, c.hugo, ''),
      row(`Hugo x${c.versions}, highlight off`, c.hugoPlain, ''),
      ...(c.hugoSolo ? [row(`Hugo x${c.versions}, Solo theme`, c.hugoSolo, '')] : []),
    ]),
  );
  const phases = (m: Measured | undefined) => (m?.report?.timings ? Object.entries(m.report.timings).map(([k, v]) => `${k} ${(v / 1000).toFixed(2)}`).join(', ') : undefined);
  for (const [name, m] of [['full', c.full], ['full, 1 page changed', c.fullWarm], ['core', c.core]] as const) {
    const p = phases(m);
    if (p) out.push(`  phases (s), ${name}: ${p}`);
  }
  for (const [name, m] of [['ours full build', c.full], ['ours full build (warm)', c.fullWarm], ['ours core build', c.core], ['ours pipeline', c.pipeline], ['ours pipeline (warm)', c.pipelineWarm], ['bare unified', c.bare], ['Hugo', c.hugo], ['Hugo (plain)', c.hugoPlain], ['Hugo (Solo theme)', c.hugoSolo]] as const) {
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
// Issue 16: the whole build against Hugo x V, memory, a one-page rebuild, the large cell.
for (const p of [250, 1000]) {
  const c = find(p, 4);
  if (!c) continue;
  const against = (m: Measured | undefined, name: string, what: string) => {
    for (const [hugoName, h] of [['Hugo x4', c.hugo], ['Hugo x4 with the Solo theme', c.hugoSolo]] as const) {
      const r = ratio(secs(m), secs(h));
      if (r !== undefined) targets.push(`${name} / ${hugoName} at N=${p}, V=4${what}: ${r.toFixed(2)}x (target < 1.0): ${verdict(r < 1)}${cpuNote(ratio(cpu(m), cpu(h)))}`);
    }
  };
  against(c.full, 'full build', '');
  against(c.core, 'core build', ' (no search index, no link check)');
  if (c.full?.error?.startsWith('timed out')) targets.push(`full build at N=${p}, V=4: timed out after ${c.full.wallS.toFixed(0)} s: NOT met`);
  if (p === 1000 && c.full?.ok && c.full.peakMB !== undefined) targets.push(`full build peak at N=1000, V=4: ${c.full.peakMB.toFixed(0)} MB (target < 1024): ${verdict(c.full.peakMB < 1024)}`);
  if (p === 1000 && secs(c.fullWarm) !== undefined) targets.push(`full rebuild after 1 page changed at N=1000, V=4: ${secs(c.fullWarm)!.toFixed(2)} s (target < 3): ${verdict(secs(c.fullWarm)! < 3)}`);
}
const big = find(5000, 4);
if (big?.full) {
  const r = ratio(secs(big.full), secs(find(1000, 4)?.full));
  targets.push(`full build at N=5000, V=4: ${big.full.ok ? `${big.full.wallS.toFixed(1)} s, peak ${big.full.peakMB?.toFixed(0) ?? '?'} MB (target < 2048): ${verdict((big.full.peakMB ?? Infinity) < 2048)}` : `failed: ${big.full.error?.split('\n')[0]}`}`);
  if (r !== undefined) targets.push(`full build N=5000 / N=1000 at V=4: ${r.toFixed(2)}x (target <= 5.5): ${verdict(r <= 5.5)}`);
}
if (targets.length) {
  out.push('');
  out.push('Targets (issues 6 and 16):');
  for (const t of targets) out.push(`  ${t}`);
}

const summary = {
  runs: cells.map((c) => {
    const full = secs(c.full);
    const pipeline = secs(c.pipeline);
    const bareS = secs(c.bare);
    const hugoS = secs(c.hugo);
    const soloS = secs(c.hugoSolo);
    const core = secs(c.core);
    const r = (x: number | undefined, d = 2) => (x === undefined ? null : round(x, d));
    return {
      pages: c.pages,
      versions: c.versions,
      oursFullS: r(full),
      oursFullOnePageChangedS: r(secs(c.fullWarm)),
      oursCoreS: r(core),
      oursPipelineS: r(pipeline),
      bareUnifiedS: r(bareS),
      hugoS: r(hugoS),
      hugoSoloS: r(soloS),
      peakMB: c.full?.peakMB !== undefined && c.full.ok ? Math.round(c.full.peakMB) : null,
      oursOverHugo: r(ratio(full, hugoS), 3),
      oursOverHugoSolo: r(ratio(full, soloS), 3),
      coreOverHugo: r(ratio(core, hugoS), 3),
      coreOverHugoSolo: r(ratio(core, soloS), 3),
      pipelineOverBareUnified: r(ratio(pipeline, bareS), 3),
    };
  }),
};
out.push('');
out.push(JSON.stringify(summary));
process.stdout.write(`${out.join('\n')}\n`);
if (cells.some((c) => [c.full, c.fullWarm, c.core, c.pipeline, c.pipelineWarm, c.bare, c.hugo, c.hugoPlain, c.hugoSolo].some((m) => m && !m.ok && !m.skipped && !m.error?.startsWith('timed out')))) process.exitCode = 1;
