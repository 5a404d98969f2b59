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
import { parseArgs } from 'node:util';
import { prepare } from '../engine/build.ts';
import { redirectTarget } from '../engine/redirects.ts';
import { checkSite, formatSummary } from '../linkcheck/links.ts';
import { loadConfig, type LoadedConfig } from '../config/load.ts';
import { error, format, hasErrors } from '../util/diagnostics.ts';
import type { SiteData } from '../model/site-data.ts';
import { runCli } from './run-cli.ts';

const USAGE = 'usage: npm run check -- [--config docs.config.ts] [--dir dist] [--external] [--fresh]';

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

// `npm run check -- --external | head`: a closed pipe ends the listing quietly, not with a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

await runCli(async () => {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        config: { type: 'string' },
        dir: { type: 'string' },
        external: { type: 'boolean', default: false },
        fresh: { type: 'boolean', default: false },
      },
    }));
  } catch (e) {
    return { usage: `${(e as Error).message}\n${USAGE}` };
  }
  const loaded = await loadConfig(values.config);
  const siteDir = path.resolve(loaded.projectDir, values.dir ?? loaded.config.outDir);
  const shown = path.relative(process.cwd(), siteDir) || '.';
  if (!existsSync(siteDir) || !statSync(siteDir).isDirectory()) {
    process.stderr.write(`${format([error(shown, 0, 0, 'No built site to check', { hint: 'Run `npm run build` first, or pass --dir.' })])}\n`);
    return { exitCode: 1 };
  }

  let data = values.fresh ? undefined : lastBuildData(loaded, siteDir);
  if (!data) {
    const prepared = await prepare(loaded);
    if (hasErrors(prepared.diagnostics) || !prepared.data) {
      process.stderr.write(`${format(prepared.diagnostics)}\n\nThe sources do not render, so links cannot be traced to their lines; fix the problems above.\n`);
      return { exitCode: 1 };
    }
    data = prepared.data;
  }

  const rules = loaded.config.redirects;
  const result = await checkSite(siteDir, { data, knownExternal: loaded.config.knownExternal, ...(rules ? { redirect: (p: string) => redirectTarget(rules, p) } : {}) });
  if (values.external) {
    process.stdout.write(`External links (${result.external.length}, not fetched):\n${result.external.map((u) => `  ${u}\n`).join('')}`);
    process.stdout.write(`Skipped, known external (${result.skipped.length}):\n${result.skipped.map((u) => `  ${u}\n`).join('')}`);
  }
  if (result.diagnostics.length) process.stderr.write(`${format(result.diagnostics)}\n\n`);
  process.stdout.write(`${formatSummary(result.stats)} (${shown})\n`);
  return { exitCode: hasErrors(result.diagnostics) ? 1 : 0 };
});
