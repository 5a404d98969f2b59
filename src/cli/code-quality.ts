/**
 * `node src/cli/code-quality.ts [report.json] > gl-code-quality-report.json`: turns the build's
 * `--reporter json` document (a file, or stdin) into a GitLab code quality report.
 */
import { readFileSync } from 'node:fs';
import { reportSchema } from '../report/report.ts';
import { toCodeQuality } from '../report/code-quality.ts';
import { runCli } from './run-cli.ts';

await runCli(async () => {
  const args = process.argv.slice(2);
  if (args.length > 1) return { usage: 'usage: node src/cli/code-quality.ts [report.json] > gl-code-quality-report.json' };
  const source = args[0] ?? 'stdin';
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(args[0] ?? 0, 'utf8'));
  } catch (e) {
    process.stderr.write(`${source}: error: not a JSON document (${(e as Error).message})\n      hint: pass the output of \`npm run build -- --reporter json\`.\n`);
    return { exitCode: 1 };
  }
  const report = reportSchema.safeParse(parsed);
  if (!report.success) {
    const issue = report.error.issues[0]!;
    process.stderr.write(`${source}: error: not a versioned-docs report: ${issue.path.join('.') || '(top)'}: ${issue.message}\n      hint: pass the output of \`npm run build -- --reporter json\`.\n`);
    return { exitCode: 1 };
  }
  process.stdout.write(`${JSON.stringify(toCodeQuality(report.data), null, 2)}\n`);
  return { exitCode: 0 };
});
