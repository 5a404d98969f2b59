/**
 * `npm run build [-- --config docs.config.ts] [--out dist] [--lenient] [--drafts]`: builds
 * every docs version into the output folder, or lists every problem and
 * leaves the previous output as it was.
 */
import { parseArgs } from 'node:util';
import path from 'node:path';
import { build } from '../engine/build.ts';
import { formatSummary } from '../linkcheck/links.ts';
import { loadConfig } from '../config/load.ts';
import { format, hasErrors } from '../util/diagnostics.ts';
import { runCli } from './run-cli.ts';

await runCli(async () => {
  const { values } = parseArgs({
    options: {
      config: { type: 'string' },
      out: { type: 'string' },
      lenient: { type: 'boolean', default: false },
      drafts: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
    },
  });
  const started = performance.now();
  const loaded = await loadConfig(values.config);
  const result = await build(loaded, { ...(values.out ? { outDir: path.resolve(values.out) } : {}), lenient: values.lenient, drafts: values.drafts, quiet: !values.verbose });
  if (result.diagnostics.length) process.stderr.write(`${format(result.diagnostics)}\n`);
  if (result.linkCheck) process.stdout.write(`${formatSummary(result.linkCheck.stats)}\n`);
  if (hasErrors(result.diagnostics)) {
    process.stderr.write('\nBuild failed: nothing was written; the previous output is untouched.\n');
    return { exitCode: 1 };
  }
  const pages = Object.values(result.data?.pages ?? {}).reduce((n, list) => n + list.length, 0);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(`Built ${pages} pages in ${result.data?.versions.length ?? 0} docs versions into ${path.relative(process.cwd(), result.outDir ?? '') || '.'} in ${seconds} s.\n`);
  if (values.verbose) {
    const phases = Object.entries(result.timings ?? {}).map(([phase, ms]) => `${phase} ${(ms / 1000).toFixed(1)} s`);
    const stats = result.compileStats;
    process.stdout.write(`  ${phases.join(', ')}${stats ? `; ${stats.pages} pages compiled, ${stats.cached} from the cache, on ${stats.threads} thread(s)` : ''}\n`);
  }
  return { exitCode: 0 };
});
