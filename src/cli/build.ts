/**
 * `npm run build [-- --config docs.config.ts] [--out dist] [--strict | --lenient] [--drafts] [--wait]`: builds
 * every docs version into the output folder, or lists every problem and
 * leaves the previous output as it was. Another build of the same project
 * running: fails at once naming it, or waits for it with --wait.
 */
import { parseArgs } from 'node:util';
import path from 'node:path';
import { build } from '../engine/build.ts';
import { formatSummary } from '../linkcheck/links.ts';
import { loadSite } from '../config/load.ts';
import { format, hasErrors } from '../util/diagnostics.ts';
import { runCli } from './run-cli.ts';

await runCli(async () => {
  const { values } = parseArgs({
    options: {
      config: { type: 'string' },
      hugo: { type: 'string' },
      out: { type: 'string' },
      lenient: { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
      drafts: { type: 'boolean', default: false },
      'keep-going': { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      wait: { type: 'boolean', default: false },
    },
  });
  const started = performance.now();
  const loaded = await loadSite(values);
  const result = await build(loaded, { ...(values.out ? { outDir: path.resolve(values.out) } : {}), lenient: values.lenient, strict: values.strict, drafts: values.drafts, keepGoing: values['keep-going'], wait: values.wait, quiet: !values.verbose });
  if (result.diagnostics.length) process.stderr.write(`${format(result.diagnostics)}\n`);
  if (result.linkCheck) process.stdout.write(`${formatSummary(result.linkCheck.stats)}\n`);
  if (hasErrors(result.diagnostics) && !values['keep-going']) {
    process.stderr.write('\nBuild failed: nothing was written; the previous output is untouched.\n');
    return { exitCode: 1 };
  }
  const pages = Object.values(result.data?.pages ?? {}).reduce((n, list) => n + list.length, 0);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(`Built ${pages} pages in ${result.data?.versions.length ?? 0} docs versions into ${path.relative(process.cwd(), result.outDir ?? '') || '.'} in ${seconds} s.\n`);
  if (hasErrors(result.diagnostics)) {
    process.stderr.write('\nWritten with errors (--keep-going): the pages above are wrong until they are fixed.\n');
    return { exitCode: 1 };
  }
  if (values.verbose) {
    const phases = Object.entries(result.timings ?? {}).map(([phase, ms]) => `${phase} ${(ms / 1000).toFixed(1)} s`);
    const stats = result.compileStats;
    process.stdout.write(`  ${phases.join(', ')}${stats ? `; ${stats.pages} pages compiled, ${stats.cached} from the cache, on ${stats.threads} thread(s)` : ''}\n`);
  }
  return { exitCode: 0 };
});
