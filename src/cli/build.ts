/**
 * `npm run build [-- --config docs.config.ts] [--out dist] [--lenient] [--drafts]`: builds
 * every docs version into the output folder, or lists every problem and
 * leaves the previous output as it was. With a config that reads the
 * versions from git (its `git` section): `--repo <path or bundle>`,
 * `--versions <ref,ref,…>` (the dropdown's order) and `--latest <ref>`
 * override the config's.
 */
import { parseArgs } from 'node:util';
import path from 'node:path';
import { build, type BuildResult } from '../engine/build.ts';
import { formatSummary } from '../linkcheck/links.ts';
import { loadConfig } from '../config/load.ts';
import { DiagnosticsError, error, format, hasErrors } from '../util/diagnostics.ts';
import { runCli } from './run-cli.ts';

await runCli(async () => {
  const { values } = parseArgs({
    options: {
      config: { type: 'string' },
      out: { type: 'string' },
      lenient: { type: 'boolean', default: false },
      drafts: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      repo: { type: 'string' },
      versions: { type: 'string' },
      latest: { type: 'string' },
    },
  });
  const started = performance.now();
  const loaded = await loadConfig(values.config);
  const gitFlags = (['repo', 'versions', 'latest'] as const).filter((flag) => values[flag] !== undefined);
  if (gitFlags.length && !loaded.config.git) {
    throw new DiagnosticsError([
      error(values.config ?? 'docs.config.ts', 0, 0, `--${gitFlags[0]} needs a config that reads the versions from git`, { hint: "Add a `git: { repo: '…' }` section to the config (see examples/gloo-edge.config.ts)." }),
    ]);
  }
  const git = {
    ...(values.versions !== undefined ? { versions: values.versions.split(',').map((v) => v.trim()).filter(Boolean) } : {}),
    ...(values.latest !== undefined ? { latest: values.latest } : {}),
  };
  const result = await build(loaded, {
    ...(values.out ? { outDir: path.resolve(values.out) } : {}),
    ...(values.repo !== undefined ? { repo: values.repo } : {}),
    git,
    lenient: values.lenient,
    drafts: values.drafts,
    quiet: !values.verbose,
  });
  if (result.diagnostics.length) process.stderr.write(`${format(result.diagnostics)}\n`);
  if (result.linkCheck) process.stdout.write(`${formatSummary(result.linkCheck.stats)}\n`);
  if (hasErrors(result.diagnostics)) {
    // The phases that ran, so a failed build's cost is visible too.
    if (values.verbose) printPhases(result);
    process.stderr.write('\nBuild failed: nothing was written; the previous output is untouched.\n');
    return { exitCode: 1 };
  }
  const pages = Object.values(result.data?.pages ?? {}).reduce((n, list) => n + list.length, 0);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(`Built ${pages} pages in ${result.data?.versions.length ?? 0} docs versions into ${path.relative(process.cwd(), result.outDir ?? '') || '.'} in ${seconds} s.\n`);
  if (values.verbose) printPhases(result);
  return { exitCode: 0 };
});

function printPhases(result: BuildResult): void {
  const phases = Object.entries(result.timings ?? {}).map(([phase, ms]) => `${phase} ${(ms / 1000).toFixed(1)} s`);
  const stats = result.compileStats;
  process.stdout.write(`  ${phases.join(', ')}${stats ? `; ${stats.pages} pages compiled, ${stats.cached} from the cache, on ${stats.threads} thread(s)` : ''}\n`);
  const git = result.branchStats;
  if (git) process.stdout.write(`  git: ${(git.gitMs / 1000).toFixed(1)} s, ${git.blobsRead} blobs read, ${git.snapshotsMade} snapshot(s) made, ${git.changelogsRead} changelog(s) read\n`);
}
