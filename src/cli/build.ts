/**
 * `npm run build [-- --config docs.config.ts | --hugo <folder>] [--out dist] [--strict | --lenient] [--drafts] [--wait]
 * [--keep-going] [--no-cache] [--link-baseline <file> [--update-link-baseline]] [--reporter text|github|json]`:
 * builds every docs version into the output folder, or lists every problem
 * and leaves the previous output as it was. Another build of the same project
 * running: fails at once naming it, or waits for it with --wait. --no-cache does all the work again: no compiled
 * page, link check facts or search bundle of an earlier build is used.
 * With a config that reads the versions from git (its `git` section): `--repo <path or bundle>`,
 * `--versions <ref,ref,…>` (the dropdown's order) and `--latest <ref>` override the config's.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build, type BuildOptions, type BuildResult } from '../engine/build.ts';
import { applyBaseline, formatBaseline, parseBaseline, type Baseline } from '../linkcheck/baseline.ts';
import { formatSummary, SITE_CHROME, type LinkProblem } from '../linkcheck/links.ts';
import { loadSite, type LoadedConfig } from '../config/load.ts';
import { error, format, hasErrors, type Diagnostic } from '../util/diagnostics.ts';
import { emitReport } from '../report/emit.ts';
import { makeReport, repositoryRoot, type Report } from '../report/report.ts';
import { REPORTER_USAGE, reportedExitCode } from './run-reported.ts';
import { gitFlags } from '../engine/git-versions.ts';
import { SITE_OPTIONS } from './args.ts';
import { isEntryPoint, PROCESS_IO, type CliIo } from './run-cli.ts';

const USAGE =
  'usage: npm run build -- [--config docs.config.ts | --hugo <folder>] [--out dir] [--strict | --lenient] [--drafts] [--wait] [--keep-going] [--no-cache] [--verbose]\n' +
  `       [--link-baseline <file> [--update-link-baseline]] [--repo <path> --versions <ref,…> --latest <ref>] ${REPORTER_USAGE}`;

/** `npm run build` with `args` (the words after `--`): its exit code; the text on `io`. */
export const buildCli = (args: readonly string[], io: CliIo = PROCESS_IO): Promise<number> => reportedExitCode(
  'build',
  USAGE,
  {
    ...SITE_OPTIONS,
    out: { type: 'string' },
    lenient: { type: 'boolean', default: false },
    strict: { type: 'boolean', default: false },
    drafts: { type: 'boolean', default: false },
    'keep-going': { type: 'boolean', default: false },
    wait: { type: 'boolean', default: false },
    'no-cache': { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    'link-baseline': { type: 'string' },
    'update-link-baseline': { type: 'boolean', default: false },
  },
  async (values, reporter, begun) => {
    const baselineFile = values['link-baseline'] ? path.resolve(values['link-baseline']) : undefined;
    if (values['update-link-baseline'] && !baselineFile) return { usage: `--update-link-baseline needs --link-baseline <file>.\n${USAGE}` };
    // Text goes to the terminal; with the json reporter stdout carries the report alone.
    const say = (text: string) => (reporter === 'json' ? io.stderr : io.stdout).write(text);

    const loaded = await loadSite(values);
    const git = gitFlags(values, { git: loaded.config.git, shown: values.config ?? 'docs.config.ts' });
    // Named as every diagnostic's file is: relative to the project.
    const shownBaseline = baselineFile ? path.relative(loaded.projectDir, baselineFile) : '';
    const before: Diagnostic[] = [];
    let baseline: Baseline | undefined;
    if (baselineFile && !values['update-link-baseline']) {
      if (!existsSync(baselineFile)) {
        before.push(error(shownBaseline, 0, 0, 'No link baseline file here', { hint: 'Create it with --update-link-baseline (it lists the link problems the tree has today).', kind: 'baseline' }));
      } else {
        const parsed = parseBaseline(readFileSync(baselineFile, 'utf8'), shownBaseline);
        before.push(...parsed.diagnostics);
        baseline = parsed.baseline;
      }
    }

    let problems: LinkProblem[] | undefined;
    let baselineFigures: Report['baseline'];
    const options: BuildOptions = {
      ...(values.out ? { outDir: path.resolve(values.out) } : {}),
      lenient: values.lenient,
      strict: values.strict,
      drafts: values.drafts,
      keepGoing: values['keep-going'],
      wait: values.wait,
      ...(values['no-cache'] ? { cache: false } : {}),
      quiet: !values.verbose,
      ...git,
    };
    if (baselineFile) {
      const root = baselineRoot(loaded);
      options.linkGate = (check) => {
        // Entries name files from the baseline's root, wherever the build was started from.
        problems = check.problems.map((p) => (p.file === SITE_CHROME ? p : { ...p, file: path.relative(root, path.resolve(loaded.projectDir, p.file)).split(path.sep).join('/') }));
        if (!baseline) {
          baselineFigures = { file: shownBaseline, accepted: problems.length, unused: 0, updated: true };
          return [];
        }
        const outcome = applyBaseline(problems, baseline, root);
        baselineFigures = { file: shownBaseline, accepted: outcome.accepted, unused: outcome.unused.length, updated: false };
        return [...outcome.remaining, ...outcome.unused];
      };
    }
    const result: BuildResult = hasErrors(before) ? { diagnostics: [] } : await build(loaded, options);
    const diagnostics = [...before, ...result.diagnostics];
    if (values['update-link-baseline'] && baselineFile && problems) {
      const text = formatBaseline(problems);
      if (!existsSync(baselineFile) || readFileSync(baselineFile, 'utf8') !== text) writeFileSync(baselineFile, text);
    }

    const pages = Object.values(result.data?.pages ?? {}).reduce((n, list) => n + list.length, 0);
    const durationMs = performance.now() - begun;
    const report = makeReport({
      command: 'build',
      diagnostics,
      projectDir: loaded.projectDir,
      repoRoot: repositoryRoot(loaded.projectDir),
      versions: result.data?.versions.map((v) => v.id) ?? [],
      pages,
      ...(result.linkCheck ? { links: result.linkCheck.stats } : {}),
      ...(baselineFigures ? { baseline: baselineFigures } : {}),
      ...(result.timings ? { timings: result.timings } : {}),
      ...(result.compileStats ? { compile: result.compileStats } : {}),
      durationMs,
    });
    emitReport(reporter, report, process.env, io.stdout);
    if (reporter === 'text' && diagnostics.length) io.stderr.write(`${format(diagnostics)}\n`);
    if (result.linkCheck) say(`${formatSummary(result.linkCheck.stats)}\n`);
    if (baselineFigures) {
      const b = baselineFigures;
      say(b.updated ? `Link baseline: wrote ${b.accepted} problem(s) to ${b.file}.\n` : `Link baseline ${b.file}: ${b.accepted} known problem(s) accepted; ${b.unused} entr${b.unused === 1 ? 'y' : 'ies'} fixed or stale.\n`);
    }
    if (hasErrors(diagnostics) && !(values['keep-going'] && result.outDir)) {
      // The phases that ran, so a failed build's cost is visible too.
      if (values.verbose) printPhases(result, say);
      if (reporter !== 'json') io.stderr.write('\nBuild failed: nothing was written; the previous output is untouched.\n');
      return { exitCode: 1 };
    }
    const seconds = (durationMs / 1000).toFixed(1);
    const kept = result.upToDate ? ' (up to date: nothing changed since the build that wrote it, which is kept as it was)' : '';
    say(`Built ${pages} pages in ${result.data?.versions.length ?? 0} docs versions into ${path.relative(process.cwd(), result.outDir ?? '') || '.'}${kept} in ${seconds} s.\n`);
    if (hasErrors(diagnostics)) {
      if (reporter !== 'json') io.stderr.write('\nWritten with errors (--keep-going): the pages above are wrong until they are fixed.\n');
      return { exitCode: 1 };
    }
    if (values.verbose) printPhases(result, say);
    return { exitCode: 0 };
  },
  args,
  io,
);

const inSeconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function printPhases(result: BuildResult, say: (text: string) => void): void {
  const phases = Object.entries(result.timings ?? {}).map(([phase, ms]) => `${phase} ${inSeconds(ms)}`);
  const stats = result.compileStats;
  const layout = result.layoutStats;
  say(`  ${phases.join(', ')}${stats ? `; ${stats.pages} pages compiled, ${stats.cached} from the cache, on ${stats.threads} thread(s)` : ''}${layout ? `; ${layout.laidOut} pages laid out, ${layout.reused} from the previous output${layout.fingerprintMs !== undefined ? ` (fingerprints ${inSeconds(layout.fingerprintMs)}, copies ${inSeconds(layout.copyMs ?? 0)})` : ''}` : ''}\n`);
  const read = result.linkCheck?.cache;
  if (read) say(`  link check: ${read.parsed} file(s) parsed, ${read.reused} known by their bytes from an earlier check\n`);
  const search = result.search;
  if (search) say(`  search: ${searchLine(search.indexed, search.reused)}; ${inSeconds(search.ms)} from the start to the last bundle\n`);
  const git = result.branchStats;
  if (git) say(`  git: ${inSeconds(git.gitMs)}, ${git.blobsRead} blobs read, ${git.snapshotsMade} snapshot(s) made, ${git.changelogsRead} changelog(s) read, ${git.versionsReused} version(s) reused whole\n`);
  const pruned = result.cachePruned;
  if (pruned) say(`  cache: ${pruned.removed} unused entr${pruned.removed === 1 ? 'y' : 'ies'} removed, ${pruned.kept} kept${pruned.skipped ? ` (not pruned: ${pruned.skipped})` : ''}\n`);
}

/** `1 version indexed (v1.15.x), 3 copied from the previous output (…)`: the versions named unless a group is every version or none. */
function searchLine(indexed: readonly string[], reused: readonly string[]): string {
  const all = indexed.length + reused.length;
  const named = (ids: readonly string[]) => (ids.length && ids.length < all ? ` (${ids.join(', ')})` : '');
  return `${indexed.length} version${indexed.length === 1 ? '' : 's'} indexed${named(indexed)}, ${reused.length} copied from the previous output${named(reused)}`;
}

/**
 * What a link baseline's entries are relative to: for a Hugo folder (`--hugo`), its repository's root (else the
 * folder's parent), so `--hugo docs` from that root and `--hugo <clone>/docs` from anywhere read the same file;
 * otherwise the project.
 */
function baselineRoot(loaded: LoadedConfig): string {
  if (!loaded.hugo) return loaded.projectDir;
  try {
    return execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: loaded.hugo.folder, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return path.dirname(loaded.hugo.folder);
  }
}

if (isEntryPoint(import.meta)) process.exitCode = await buildCli(process.argv.slice(2));
