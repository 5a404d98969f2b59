/**
 * The pipeline alone on the bundle's four branches (`prepare`: git, changelogs, every page compiled and
 * rendered, no Astro, no search, no check), with a cold compile: the part of the Gloo build a change to
 * the Markdown or shortcode code moves. Quieter than the whole build, so a change to it shows here first.
 *
 *   node bench/branches-pipeline.ts [--runs 3]
 *
 * Each run is a process of its own with the build's Node flags (bin/node-flags.js), after the compiled
 * pages and the kept versions of the example's cache are removed (the git objects and the changelogs
 * parsed stay: they are not the pipeline's work). Prints one line a run: wall, CPU (user + system, every
 * thread) and peak RSS. To compare two commits, run it in a worktree of each, alternately.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { packageNodeFlags } from '../bin/node-flags.js';
import { toolCacheDir } from '../src/engine/compile-cache.ts';

const REPO = path.resolve(import.meta.dirname, '..');
const CONFIG = path.join(REPO, 'examples/gloo-edge.config.ts');
// The example project's cache, where the build finds it (VERSIONED_DOCS_CACHE included): its compiled pages and the versions kept whole.
const CACHE = toolCacheDir({ projectDir: path.dirname(CONFIG) });

if (process.argv[2] === '--child') {
  const { loadConfig } = await import('../src/config/load.ts');
  const { prepare } = await import('../src/engine/build.ts');
  const loaded = await loadConfig(CONFIG, REPO);
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  const result = await prepare(loaded, { pipelineOnly: true });
  const cpu = process.cpuUsage(cpu0);
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  process.stdout.write(
    `${JSON.stringify({ wall: (performance.now() - start) / 1000, cpu: (cpu.user + cpu.system) / 1e6, peakMB: Math.round(process.resourceUsage().maxRSS / 1024), errors, pages: result.compileStats?.pages ?? 0 })}\n`,
  );
} else {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
  for (let run = 1; run <= Math.max(1, Number(values.runs)); run++) {
    for (const part of ['compile-shared', 'git/versions']) rmSync(path.join(CACHE, part), { recursive: true, force: true });
    spawnSync('sync');
    const child = spawnSync(process.execPath, [...packageNodeFlags('build'), import.meta.filename, '--child'], { cwd: REPO, encoding: 'utf8', maxBuffer: 1 << 26 });
    const line = child.stdout.trim().split('\n').pop() ?? '';
    if (child.status !== 0 || !line.startsWith('{')) {
      process.stderr.write(child.stderr);
      process.exit(1);
    }
    const r = JSON.parse(line) as { wall: number; cpu: number; peakMB: number; errors: number; pages: number };
    process.stdout.write(`run ${run}: pipeline ${r.wall.toFixed(2)} s wall, ${r.cpu.toFixed(2)} s CPU, peak ${r.peakMB} MB, ${r.pages} pages, ${r.errors} error(s)\n`);
  }
}
