/**
 * Where the time goes: `node bench/profile.ts [--pages 250] [--versions 4]
 * [--variant pipeline|full|bare] [--top 30] [--keep]`
 *
 * Generates the corpus, runs the variant (default: prepare(), our pipeline)
 * in a child under `node --cpu-prof`, then reads the .cpuprofile and prints
 * the top self-time functions (grouped by function + file) and the self time
 * per package / source folder. The whole process is profiled, module loading
 * included. Only the main thread is profiled: Pagefind's own process
 * (variant full) is not in it. With --keep the .cpuprofile stays (it opens in
 * Chrome DevTools' Performance panel) and its path is printed;
 * `--file a.cpuprofile[,b.cpuprofile…]` summarises existing profiles (merged) instead.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus, REPO } from './corpus.ts';

export interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}

export interface CpuProfile {
  nodes: CpuProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface SelfTime {
  name: string;
  where: string;
  ms: number;
}

/** A file URL as something short: `src/markdown/compile.ts`, `node_modules/shiki/…`, `node:internal/…`. */
export function shortUrl(url: string): string {
  if (!url) return '';
  let u = url.replace(/^file:\/\//, '');
  if (u.startsWith(`${REPO}/`)) u = u.slice(REPO.length + 1);
  const nm = u.lastIndexOf('node_modules/');
  if (nm > 0) u = u.slice(nm);
  return u;
}

/** The package or source folder a URL belongs to: `shiki`, `@shikijs/core`, `src/markdown`, `node:internal`. */
export function areaOf(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)';
  const u = shortUrl(url);
  const nm = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(u);
  if (nm) return nm[1]!;
  if (u.startsWith('node:')) return u.split('/')[0]!.replace(/:.*/, ':') + (u.includes('internal') ? 'internal' : u.slice(5));
  const src = /^(src|bench|scripts)\/([^/]+)/.exec(u);
  if (src) return src[2]!.endsWith('.ts') ? src[1]! : `${src[1]}/${src[2]}`;
  return u;
}

/** Self time per profile node, in ms (each sample is charged the interval up to the next one). */
export function selfTimes(profile: CpuProfile): Map<number, number> {
  const self = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  if (samples.length === 0) {
    const total = (profile.endTime - profile.startTime) / 1000;
    const hits = profile.nodes.reduce((n, x) => n + (x.hitCount ?? 0), 0) || 1;
    for (const n of profile.nodes) self.set(n.id, ((n.hitCount ?? 0) * total) / hits);
    return self;
  }
  for (let i = 0; i < samples.length; i++) {
    const next = deltas[i + 1] ?? profile.endTime - profile.startTime - deltas.reduce((a, b) => a + b, 0);
    self.set(samples[i]!, (self.get(samples[i]!) ?? 0) + Math.max(0, next) / 1000);
  }
  return self;
}

export interface ProfileSummary {
  total: number;
  /** Self time by function + file. */
  functions: SelfTime[];
  /** Self time by package or source folder (WebAssembly charged to the package that called it). */
  areas: SelfTime[];
  /** Inclusive time (self + callees) of our own functions (src/), recursion counted once. */
  ours: SelfTime[];
}

export function summarize(profile: CpuProfile): ProfileSummary {
  const self = selfTimes(profile);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const functions = new Map<string, SelfTime>();
  const areas = new Map<string, SelfTime>();
  const keyOf = (node: CpuProfileNode) => `${node.callFrame.functionName || '(anonymous)'}\u0000${shortUrl(node.callFrame.url)}`;
  /** WebAssembly has no file: charge it to the nearest JavaScript caller's package. */
  const areaOfNode = (node: CpuProfileNode): string => {
    const { url, functionName } = node.callFrame;
    if (!url.startsWith('wasm://')) return areaOf(url, functionName);
    for (let id = parent.get(node.id); id !== undefined; id = parent.get(id)) {
      const p = byId.get(id)!;
      if (p.callFrame.url && !p.callFrame.url.startsWith('wasm://')) return `${areaOf(p.callFrame.url, p.callFrame.functionName)} (wasm)`;
    }
    return 'wasm';
  };
  let total = 0;
  for (const node of profile.nodes) {
    const ms = self.get(node.id) ?? 0;
    if (!ms) continue;
    total += ms;
    const { functionName, url, lineNumber } = node.callFrame;
    const name = functionName || '(anonymous)';
    const where = url ? `${shortUrl(url)}:${lineNumber + 1}` : '';
    const key = keyOf(node);
    const f = functions.get(key) ?? { name, where, ms: 0 };
    f.ms += ms;
    functions.set(key, f);
    const area = areaOfNode(node);
    const a = areas.get(area) ?? { name: area, where: '', ms: 0 };
    a.ms += ms;
    areas.set(area, a);
  }

  // Inclusive time of src/ functions: a depth-first walk that counts a
  // function only where it is not already on the stack (recursion once).
  const ours = new Map<string, SelfTime>();
  const root = profile.nodes.find((n) => !parent.has(n.id));
  if (root) {
    const inclusive = new Map<number, number>();
    const onStack = new Map<string, number>();
    type Frame = { node: CpuProfileNode; i: number; key?: string };
    const stack: Frame[] = [{ node: root, i: 0 }];
    const enter = (node: CpuProfileNode): Frame => {
      const frame: Frame = { node, i: 0 };
      if (shortUrl(node.callFrame.url).startsWith('src/')) {
        frame.key = keyOf(node);
        onStack.set(frame.key, (onStack.get(frame.key) ?? 0) + 1);
      }
      return frame;
    };
    stack[0] = enter(root);
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const children = top.node.children ?? [];
      if (top.i < children.length) {
        stack.push(enter(byId.get(children[top.i++]!)!));
        continue;
      }
      stack.pop();
      const ms = (self.get(top.node.id) ?? 0) + children.reduce((n, c) => n + (inclusive.get(c) ?? 0), 0);
      inclusive.set(top.node.id, ms);
      if (top.key) {
        const depth = onStack.get(top.key)! - 1;
        onStack.set(top.key, depth);
        if (depth === 0) {
          const { functionName, url, lineNumber } = top.node.callFrame;
          const o = ours.get(top.key) ?? { name: functionName || '(anonymous)', where: `${shortUrl(url)}:${lineNumber + 1}`, ms: 0 };
          o.ms += ms;
          ours.set(top.key, o);
        }
      }
    }
  }
  const byMs = (a: SelfTime, b: SelfTime) => b.ms - a.ms;
  return { total, functions: [...functions.values()].sort(byMs), areas: [...areas.values()].sort(byMs), ours: [...ours.values()].sort(byMs) };
}

/** Several threads' summaries as one (self and inclusive times added up by function / area). */
export function mergeSummaries(list: readonly ProfileSummary[]): ProfileSummary {
  const merge = (pick: (s: ProfileSummary) => SelfTime[]) => {
    const map = new Map<string, SelfTime>();
    for (const s of list) {
      for (const t of pick(s)) {
        const key = `${t.name}\u0000${t.where}`;
        const m = map.get(key) ?? { ...t, ms: 0 };
        m.ms += t.ms;
        map.set(key, m);
      }
    }
    return [...map.values()].sort((a, b) => b.ms - a.ms);
  };
  return {
    total: list.reduce((n, s) => n + s.total, 0),
    functions: merge((s) => s.functions),
    areas: merge((s) => s.areas),
    ours: merge((s) => s.ours),
  };
}

/** Drop `(idle)` (a thread waiting): what is left is CPU time. */
export function withoutIdle(s: ProfileSummary): ProfileSummary {
  const idle = s.functions.filter((f) => f.name === '(idle)').reduce((n, f) => n + f.ms, 0);
  return {
    total: s.total - idle,
    functions: s.functions.filter((f) => f.name !== '(idle)'),
    areas: s.areas.filter((a) => a.name !== '(idle)'),
    ours: s.ours,
  };
}

export function formatSummary(s: ProfileSummary, top: number): string {
  const pct = (ms: number) => `${((100 * ms) / (s.total || 1)).toFixed(1)}%`.padStart(6);
  const lines: string[] = [];
  lines.push(`Total sampled (idle excluded, all threads): ${(s.total / 1000).toFixed(2)} s`);
  lines.push('');
  lines.push(`Top ${top} functions by self time:`);
  lines.push(`${'self ms'.padStart(9)} ${'%'.padStart(6)}  function  (file:line)`);
  for (const f of s.functions.slice(0, top)) lines.push(`${f.ms.toFixed(0).padStart(9)} ${pct(f.ms)}  ${f.name}${f.where ? `  (${f.where})` : ''}`);
  lines.push('');
  lines.push(`Self time by package / source folder (top ${Math.min(top, 20)}):`);
  for (const a of s.areas.slice(0, Math.min(top, 20))) lines.push(`${a.ms.toFixed(0).padStart(9)} ${pct(a.ms)}  ${a.name}`);
  lines.push('');
  lines.push(`Our functions (src/) by inclusive time, callees included (top ${Math.min(top, 20)}):`);
  for (const o of s.ours.slice(0, Math.min(top, 20))) lines.push(`${o.ms.toFixed(0).padStart(9)} ${pct(o.ms)}  ${o.name}  (${o.where})`);
  return lines.join('\n');
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      pages: { type: 'string', default: '250' },
      versions: { type: 'string', default: '4' },
      variant: { type: 'string', default: 'pipeline' },
      top: { type: 'string', default: '30' },
      seed: { type: 'string', default: '1' },
      keep: { type: 'boolean', default: false },
      file: { type: 'string' },
    },
  });
  if (values.file) {
    // One file, or several (comma-separated: the threads of one run), merged.
    const summaries = values.file.split(',').map((f) => summarize(JSON.parse(readFileSync(f, 'utf8')) as CpuProfile));
    process.stdout.write(`${formatSummary(withoutIdle(mergeSummaries(summaries)), Number.parseInt(values.top, 10))}\n`);
    process.exit(0);
  }
  const pages = Number.parseInt(values.pages, 10);
  const versions = Number.parseInt(values.versions, 10);
  const root = mkdtempSync(path.join(os.tmpdir(), 'docs-profile-'));
  try {
    const corpus = generateCorpus({ pages, versions, seed: Number.parseInt(values.seed, 10), dir: path.join(root, 'corpus') });
    const profDir = path.join(root, 'prof');
    process.stderr.write(`profile: ${values.variant} on ${pages} pages x ${versions} versions under --cpu-prof ...\n`);
    const started = performance.now();
    const child = spawnSync(
      process.execPath,
      ['--cpu-prof', '--cpu-prof-dir', profDir, '--cpu-prof-interval', '500', path.join(REPO, 'bench/child.ts'), '--variant', values.variant, '--corpus', corpus.dir, '--out', path.join(root, 'out')],
      { cwd: REPO, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    const wall = (performance.now() - started) / 1000;
    if (child.status !== 0) {
      process.stderr.write(child.stderr.slice(-5000));
      throw new Error(`the profiled run failed (exit ${child.status})`);
    }
    // One profile per thread: the main thread and each worker (compile workers, Astro's).
    const files = readdirSync(profDir)
      .filter((f) => f.endsWith('.cpuprofile'))
      .sort()
      .map((f) => path.join(profDir, f));
    if (!files.length) throw new Error('no .cpuprofile written');
    const summaries = files.map((f) => summarize(JSON.parse(readFileSync(f, 'utf8')) as CpuProfile));
    process.stdout.write(`Profile of ${values.variant}, ${pages} pages x ${versions} versions (wall ${wall.toFixed(2)} s under the profiler, ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(2)})\n`);
    process.stdout.write('Threads (one .cpuprofile each; the first is the main thread):\n');
    summaries.forEach((s, i) => {
      const busy = withoutIdle(s).total;
      process.stdout.write(`  ${path.basename(files[i]!)}: sampled ${(s.total / 1000).toFixed(2)} s, busy ${(busy / 1000).toFixed(2)} s\n`);
    });
    process.stdout.write(`\n${formatSummary(withoutIdle(mergeSummaries(summaries)), Number.parseInt(values.top, 10))}\n`);
    if (values.keep) process.stdout.write(`\nkept: ${files.join(' ')}\n`);
  } finally {
    if (!values.keep) rmSync(root, { recursive: true, force: true });
  }
}
