/**
 * `npm run compare-hugo -- <hugo site> <our version folder> [<hugo site> <our version folder> ...] [--worst 10] [--json]`:
 * for every page Hugo renders, whether ours exists at the same route, whether
 * every heading id Hugo gives is on our page, and how alike the article text
 * is (src/compare/hugo-fidelity.ts says the measure). One table row per pair;
 * then, per pair, the pages below the floor and the missing pages and ids.
 * Exit code 1 when a pair misses a target (100% pages, 100% ids, mean ≥ 0.99,
 * no page below 0.95).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { compareSites, meetsTargets, TARGETS, type FidelityReport } from '../compare/hugo-fidelity.ts';
import { DiagnosticsError, error } from '../util/diagnostics.ts';
import { parseCommandLine } from './args.ts';
import { cliExitCode, isEntryPoint, PROCESS_IO, type CliIo } from './run-cli.ts';

const USAGE = 'usage: npm run compare-hugo -- <hugo site dir> <our version folder> [<hugo site dir> <our version folder> ...] [--worst 10] [--json]';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** The comparison with `args` (pairs of folders, then options): its exit code; the table or the JSON on `io.stdout`. */
export const compareHugoCli = (args: readonly string[], io: CliIo = PROCESS_IO): Promise<number> => cliExitCode(async () => {
  const parsed = parseCommandLine(args, { worst: { type: 'string', default: '10' }, json: { type: 'boolean', default: false } }, USAGE, true);
  if ('usage' in parsed) return parsed;
  const { values, positionals } = parsed;
  if (positionals.length === 0 || positionals.length % 2 !== 0) return { usage: USAGE };
  const worst = Number(values.worst);
  if (!Number.isInteger(worst) || worst < 0) return { usage: `--worst takes a number of pages, not \`${values.worst}\`.\n${USAGE}` };
  const pairs: [string, string][] = [];
  for (let i = 0; i < positionals.length; i += 2) pairs.push([positionals[i]!, positionals[i + 1]!]);
  for (const dir of positionals) {
    if (!existsSync(dir)) throw new DiagnosticsError([error(dir, 0, 0, 'Folder not found', { hint: USAGE })]);
  }
  const reports: { hugo: string; ours: string; report: FidelityReport }[] = pairs.map(([hugo, ours]) => ({ hugo, ours, report: compareSites(path.resolve(hugo), path.resolve(ours)) }));
  if (values.json) {
    io.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
  } else {
    const out: string[] = [];
    out.push('| site | pages | heading ids | mean similarity | pages < 0.95 | left out on purpose | targets |', '|---|---|---|---|---|---|---|');
    for (const { ours, report: r } of reports) {
      const found = r.pages.filter((p) => p.found).length;
      const ids = r.pages.reduce((n, p) => n + p.hugoIds, 0);
      const missing = r.pages.reduce((n, p) => n + p.missingIds.length, 0);
      out.push(
        `| ${ours} | ${pct(r.pageShare)} (${found}/${r.pages.length}) | ${pct(r.idShare)} (${ids - missing}/${ids}) | ${r.meanSimilarity.toFixed(4)} | ${r.below.length} | ${r.deliberate.length} | ${meetsTargets(r) ? 'met' : 'missed'} |`,
      );
    }
    for (const { ours, report: r } of reports) {
      out.push('', `${ours}:`);
      const missingPages = r.pages.filter((p) => !p.found);
      if (missingPages.length) out.push(`  missing pages (${missingPages.length}): ${missingPages.map((p) => p.route || '/').join(' ')}`);
      const missingIds = r.pages.filter((p) => p.found && p.missingIds.length);
      for (const p of missingIds) out.push(`  missing ids on ${p.route || '/'}: ${p.missingIds.map((id) => `#${id}`).join(' ')}`);
      const ranked = r.pages.filter((p) => p.found).sort((a, b) => a.similarity - b.similarity).slice(0, worst);
      out.push(`  worst pages: ${ranked.map((p) => `${p.route || '/'} ${p.similarity.toFixed(3)}`).join(', ')}`);
    }
    out.push('', `Targets: ${pct(TARGETS.pages)} pages, ${pct(TARGETS.ids)} heading ids, mean similarity >= ${TARGETS.mean}, no page below ${TARGETS.floor}.`);
    io.stdout.write(`${out.join('\n')}\n`);
  }
  return { exitCode: reports.every((r) => meetsTargets(r.report)) ? 0 : 1 };
}, { stderr: io.stderr });

if (isEntryPoint(import.meta)) process.exitCode = await compareHugoCli(process.argv.slice(2));
