/**
 * The bundle's four branches: our whole site in one command against Gloo's
 * way (`hugo-oracle.sh`, one Hugo run per branch), in the same run:
 *
 *   node bench/branches.ts [--bundle ../shared/fixtures/gloo-docs.bundle]
 *
 * Runs, each in its own process under /usr/bin/time (wall, CPU = user + sys,
 * peak RSS of the process tree's largest process):
 *   1. ours, cold: our cache for the bundle emptied first (bare repository, blobs, snapshots, changelogs, kept versions, compile cache, feeds);
 *   2. ours, warm: the same command again, no ref moved;
 *   3. ours, one file changed on one branch (a commit on v1.15.x of a copy of the bundle's repository);
 *   4. hugo-oracle.sh once per branch.
 * Ours is the whole site (pipeline, Astro, search, link check against the committed baseline, swap).
 * Prints one line per run and the ratio ours-cold / Hugo's four runs added up. A run of ours that
 * exits 1 (errors) is shown with its exit code: its time then ends where the build stopped.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { packageNodeFlags } from '../bin/node-flags.js';

const REPO = path.resolve(import.meta.dirname, '..');
const NODE = path.join(REPO, 'node_modules/.bin/node');
const { values } = parseArgs({ options: { bundle: { type: 'string' } } });
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

// 1-2: cold, then warm. The cache of the example's project (examples/node_modules/.cache/versioned-docs) is ours to empty.
const cache = path.join(REPO, 'examples/node_modules/.cache/versioned-docs');
for (const part of ['git', 'compile-shared', 'feeds']) rmSync(path.join(cache, part), { recursive: true, force: true });
const runs: Run[] = [ours('ours, cold cache'), ours('ours, warm (no ref moved)')];

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

// 4: Hugo, as Gloo builds: once per branch.
const hugo = BRANCHES.map((b) => timed(`hugo-oracle.sh ${b}`, 'bash', [oracle, b, path.join(work, `hugo-${b}`)]));
runs.push(...hugo);
const sum = (key: 'wall' | 'cpu') => hugo.reduce((s, r) => s + r[key], 0);
runs.push({ name: 'hugo, four runs added up', code: Math.max(...hugo.map((r) => r.code)), wall: sum('wall'), cpu: sum('cpu'), peakMB: Math.max(...hugo.map((r) => r.peakMB)) });

const lines = runs.map((r) => `${r.name.padEnd(36)} exit ${r.code}  wall ${r.wall.toFixed(1).padStart(6)} s  cpu ${r.cpu.toFixed(1).padStart(6)} s  peak ${String(r.peakMB).padStart(5)} MB  ${r.note ?? ''}`);
lines.push(`ratio ours cold / hugo x4: wall ${(runs[0]!.wall / sum('wall')).toFixed(2)}, cpu ${(runs[0]!.cpu / sum('cpu')).toFixed(2)}`);
process.stdout.write(`${lines.join('\n')}\n`);
writeFileSync(path.join(work, 'report.txt'), `${lines.join('\n')}\n`);
rmSync(work, { recursive: true, force: true });
