/**
 * `npm run check [-- --config docs.config.ts] [--dir dist] [--external] [--fresh]`:
 * the link and anchor checker over an already built site (every docs
 * version). Article links are traced to their source lines through the
 * build's SiteData (`.build/site-data.json`); when that file is missing or
 * does not describe the built site (or with --fresh), the sources are
 * rendered again to get it. External links are listed with --external.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { prepare } from '../engine/build.ts';
import { redirectResolver } from '../engine/redirects.ts';
import { checkSite, formatSummary, type LinkStats } from '../linkcheck/links.ts';
import { loadConfig, type LoadedConfig } from '../config/load.ts';
import { error, format, hasErrors, type Diagnostic } from '../util/diagnostics.ts';
import { emitReport } from '../report/emit.ts';
import { makeReport, repositoryRoot } from '../report/report.ts';
import type { SiteData } from '../model/site-data.ts';
import { REPORTER_USAGE, reportedExitCode } from './run-reported.ts';
import { siteOptions } from './args.ts';
import { isEntryPoint, PROCESS_IO, type CliIo } from './run-cli.ts';

const USAGE = `usage: npm run check -- [--config docs.config.ts] [--dir dist] [--external] [--fresh] ${REPORTER_USAGE}`;

/** The SiteData of the last build, if it describes the site in `siteDir` (its pages all exist there). */
function lastBuildData(loaded: LoadedConfig, siteDir: string): SiteData | undefined {
  const file = path.join(loaded.projectDir, '.build', 'site-data.json');
  if (!existsSync(file)) return undefined;
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as SiteData;
    const fits = data.versions.every((v) =>
      (data.pages[v.id] ?? []).every((p) => existsSync(path.join(siteDir, `${data.base}${v.id}/${p.route}`, 'index.html'))),
    );
    return fits ? data : undefined;
  } catch {
    return undefined;
  }
}

/** `npm run check` with `args` (the words after `--`): its exit code; the text on `io`. */
export const checkCli = (args: readonly string[], io: CliIo = PROCESS_IO): Promise<number> => reportedExitCode(
  'check',
  USAGE,
  {
    ...siteOptions('config'),
    dir: { type: 'string' },
    external: { type: 'boolean', default: false },
    fresh: { type: 'boolean', default: false },
  },
  async (values, reporter, begun) => {
    // With the json reporter stdout carries the report alone.
    const out = reporter === 'json' ? io.stderr : io.stdout;
    const loaded = await loadConfig(values.config);
    const finish = (diagnostics: Diagnostic[], extra: { links?: LinkStats; checkMs?: number } = {}) => {
      emitReport(
        reporter,
        makeReport({
          command: 'check',
          diagnostics,
          projectDir: loaded.projectDir,
          repoRoot: repositoryRoot(loaded.projectDir),
          ...(extra.links ? { links: extra.links } : {}),
          ...(extra.checkMs !== undefined ? { timings: { check: extra.checkMs } } : {}),
          durationMs: performance.now() - begun,
        }),
        process.env,
        io.stdout,
      );
      if (reporter === 'text' && diagnostics.length) io.stderr.write(`${format(diagnostics)}\n\n`);
      return { exitCode: hasErrors(diagnostics) ? 1 : 0 };
    };
    const siteDir = path.resolve(loaded.projectDir, values.dir ?? loaded.config.outDir);
    const shown = path.relative(process.cwd(), siteDir) || '.';
    if (!existsSync(siteDir) || !statSync(siteDir).isDirectory()) {
      return finish([error(path.relative(loaded.projectDir, siteDir) || '.', 0, 0, 'No built site to check', { hint: 'Run `npm run build` first, or pass --dir.' })]);
    }

    let data = values.fresh ? undefined : lastBuildData(loaded, siteDir);
    if (!data) {
      const prepared = await prepare(loaded);
      if (hasErrors(prepared.diagnostics) || !prepared.data) {
        const result = finish(prepared.diagnostics);
        if (reporter !== 'json') io.stderr.write('The sources do not render, so links cannot be traced to their lines; fix the problems above.\n');
        return result;
      }
      data = prepared.data;
    }

    const checkStarted = performance.now();
    const redirect = redirectResolver(data, loaded.config);
    const result = await checkSite(siteDir, { data, knownExternal: loaded.config.knownExternal, ...(redirect ? { redirect } : {}) });
    if (values.external) {
      out.write(`External links (${result.external.length}, not fetched):\n${result.external.map((u) => `  ${u}\n`).join('')}`);
      out.write(`Skipped, known external (${result.skipped.length}):\n${result.skipped.map((u) => `  ${u}\n`).join('')}`);
    }
    const exit = finish(result.diagnostics, { links: result.stats, checkMs: Math.round(performance.now() - checkStarted) });
    out.write(`${formatSummary(result.stats)} (${shown})\n`);
    return exit;
  },
  args,
  io,
);

if (isEntryPoint(import.meta)) {
  // `npm run check -- --external | head`: a closed pipe ends the listing quietly, not with a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  process.exitCode = await checkCli(process.argv.slice(2));
}
