/**
 * The bundle's four branches: our whole site in one command against Gloo's
 * way (`hugo-oracle.sh`, one Hugo run per branch), in the same run:
 *
 *   npm run bench:branches [-- --bundle ../shared/fixtures/gloo-docs.bundle] [--rounds 4]
 *
 * Runs, each in its own process under /usr/bin/time (wall, CPU = user + sys,
 * peak RSS of the process tree's largest process):
 *   1. ours, cold: our cache for the bundle emptied first (bare repository, blobs, snapshots, changelogs, kept versions, compile cache, feeds)
 *      and the build's work folder (the link check's facts, Astro's cache, the layout and search records);
 *   2. ours, warm: the same command again, no ref moved;
 *   3. ours, one file changed on one branch (a commit on v1.15.x of a copy of the bundle's repository);
 *   4. hugo-oracle.sh once per branch.
 * Ours is the whole site (pipeline, Astro, search, link check against the committed baseline, swap).
 * This machine's speed drifts within minutes (the same cold build measured 37 to 48 s within half an
 * hour), so the cold comparison is made in `--rounds` rounds (default 4), each a cold build of ours and
 * Hugo's four runs back to back, in alternating order (the order counts: an even number of rounds has each
 * order as often); the ratio is each round's, and their median.
 * Each run starts after `sync`, so that it does not pay for the disk writes of the runs before it (a cold build
 * of ours writes and removes a few hundred megabytes of files, a Hugo run less).
 * Runs 2 and 3 follow the last round's cold build. Prints one line per run, each round's ratio
 * ours-cold / Hugo's four runs added up, and the median. A run of ours that exits 1 (errors) is shown
 * with its exit code: its time then ends where the build stopped.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { packageNodeFlags } from '../bin/node-flags.js';
import { toolCacheDir } from '../src/engine/compile-cache.ts';

const REPO = path.resolve(import.meta.dirname, '..');
const NODE = path.join(REPO, 'node_modules/.bin/node');
const { values } = parseArgs({ options: { bundle: { type: 'string' }, rounds: { type: 'string', default: '4' } } });
const ROUNDS = Math.max(1, Number(values.rounds));
const bundle = path.resolve(values.bundle ?? path.join(REPO, '../shared/fixtures/gloo-docs.bundle'));
const oracle = path.join(path.dirname(path.dirname(bundle)), 'tools/hugo-oracle.sh');
const config = path.join(REPO, 'examples/gloo-edge.config.ts');
const BRANCHES = ['v1.14.x', 'v1.15.x', 'v1.16.x', 'v1.17.x'];
const work = mkdtempSync(path.join(tmpdir(), 'bench-branches-'));

interface Run {
  name: string;
  code: number;
  wall: number;
  cpu: number;
  peakMB: number;
  note?: string;
}

function timed(name: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): Run {
  // Every run starts with what the runs before it wrote (and removed) on disk: none pays for another's writeback.
  spawnSync('sync');
  const report = path.join(work, 'time.txt');
  const result = spawnSync('/usr/bin/time', ['-o', report, '-f', '%e %U %S %M', command, ...args], { cwd: REPO, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 28 });
  const [wall, user, sys, peak] = readFileSync(report, 'utf8').trim().split('\n').pop()!.split(' ').map(Number) as [number, number, number, number];
  const summary = `${result.stdout}`.split('\n').filter((l) => /Built|pipeline|git:/.test(l)).join(' ').trim();
  const errors = (`${result.stderr}`.match(/: error: /g) ?? []).length;
  return { name, code: result.status ?? -1, wall, cpu: user + sys, peakMB: Math.round(peak / 1024), note: summary || (errors ? `${errors} errors` : '') };
}

// The whole site, as `npm run build` makes it: the known link problems of the real branches are in the baseline.
const baseline = path.join(REPO, 'examples/gloo-edge.links.tsv');
const ours = (name: string, extra: string[] = []) =>
  timed(name, NODE, [...packageNodeFlags('build'), path.join(REPO, 'src/cli/build.ts'), '--config', config, '--link-baseline', baseline, '--out', path.join(work, 'dist'), '--verbose', ...extra]);

// 1 and 4, in rounds: ours cold (the cache of the example's project, examples/node_modules/.cache/versioned-docs, is
// ours to empty), and Hugo as Gloo builds: once per branch.
const cache = toolCacheDir({ projectDir: path.dirname(config) });
// The build's work folder for this output (src/engine/build.ts workDir: `.build/` of the example's project, inside this
// package): the link check's facts of every file it read, Astro's cache, the search and layout records. Before
// 2026-11-30 (third session) the cold run kept it, and its link check parsed nothing.
const workFolder = path.join(REPO, 'examples/.build');
const coldBuild = (round: number) => {
  for (const part of ['git', 'compile-shared', 'feeds']) rmSync(path.join(cache, part), { recursive: true, force: true });
  rmSync(workFolder, { recursive: true, force: true });
  rmSync(path.join(work, 'dist'), { recursive: true, force: true });
  rmSync(path.join(work, '.dist.builds'), { recursive: true, force: true });
  return ours(`ours, cold cache${ROUNDS > 1 ? ` (round ${round})` : ''}`);
};
const hugoRuns = (round: number) => BRANCHES.map((b) => timed(`hugo-oracle.sh ${b}${ROUNDS > 1 ? ` (round ${round})` : ''}`, 'bash', [oracle, b, path.join(work, `hugo-${b}`)]));
const sum = (list: Run[], key: 'wall' | 'cpu') => list.reduce((s, r) => s + r[key], 0);
const runs: Run[] = [];
const ratios: { wall: number; cpu: number }[] = [];
for (let round = 1; round <= ROUNDS; round++) {
  let cold: Run;
  let hugo: Run[];
  if (round % 2 === 1) {
    cold = coldBuild(round);
    hugo = hugoRuns(round);
  } else {
    hugo = hugoRuns(round);
    cold = coldBuild(round);
  }
  runs.push(cold, ...hugo, { name: `hugo, four runs added up${ROUNDS > 1 ? ` (round ${round})` : ''}`, code: Math.max(...hugo.map((r) => r.code)), wall: sum(hugo, 'wall'), cpu: sum(hugo, 'cpu'), peakMB: Math.max(...hugo.map((r) => r.peakMB)) });
  ratios.push({ wall: cold.wall / sum(hugo, 'wall'), cpu: cold.cpu / sum(hugo, 'cpu') });
}
// The last round ended with Hugo when ROUNDS is odd: the cache is the last cold build's either way.
// 2: warm, the same command again, no ref moved.
runs.push(ours('ours, warm (no ref moved)'));

// 3: one file changed on one branch, in a copy of the repository (git plumbing: no worktree).
const copy = path.join(work, 'gloo.git');
execFileSync('git', ['init', '--quiet', '--bare', copy]);
execFileSync('git', ['-C', copy, 'fetch', '--quiet', bundle, '+refs/heads/*:refs/heads/*']);
// The copy's refs are the bundle's: this build finds every snapshot and compiled page in the cache.
ours('ours, warm for the copy', ['--repo', copy]);
const page = 'docs/content/introduction/_index.md';
const text = execFileSync('git', ['-C', copy, 'show', `v1.15.x:${page}`], { encoding: 'utf8' });
const blob = execFileSync('git', ['-C', copy, 'hash-object', '-w', '--stdin'], { input: `${text}\nOne more line (${new Date().toISOString()}).\n`, encoding: 'utf8' }).trim();
const index = { ...process.env, GIT_INDEX_FILE: path.join(work, 'index') };
execFileSync('git', ['-C', copy, 'read-tree', 'v1.15.x'], { env: index });
execFileSync('git', ['-C', copy, 'update-index', '--cacheinfo', `100644,${blob},${page}`], { env: index });
const tree = execFileSync('git', ['-C', copy, 'write-tree'], { env: index, encoding: 'utf8' }).trim();
const commit = execFileSync('git', ['-C', copy, 'commit-tree', tree, '-p', 'v1.15.x', '-m', 'bench: one line more'], { encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@b', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@b' } }).trim();
execFileSync('git', ['-C', copy, 'update-ref', 'refs/heads/v1.15.x', commit]);
runs.push(ours('ours, one file changed on v1.15.x', ['--repo', copy]));

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const lines = runs.map((r) => `${r.name.padEnd(36)} exit ${r.code}  wall ${r.wall.toFixed(1).padStart(6)} s  cpu ${r.cpu.toFixed(1).padStart(6)} s  peak ${String(r.peakMB).padStart(5)} MB  ${r.note ?? ''}`);
ratios.forEach((r, i) => lines.push(`ratio ours cold / hugo x4${ROUNDS > 1 ? `, round ${i + 1}` : ''}: wall ${r.wall.toFixed(2)}, cpu ${r.cpu.toFixed(2)}`));
if (ROUNDS > 1) lines.push(`ratio ours cold / hugo x4, median of ${ROUNDS} rounds: wall ${median(ratios.map((r) => r.wall)).toFixed(2)}, cpu ${median(ratios.map((r) => r.cpu)).toFixed(2)}`);
process.stdout.write(`${lines.join('\n')}\n`);
writeFileSync(path.join(work, 'report.txt'), `${lines.join('\n')}\n`);
rmSync(work, { recursive: true, force: true });
