/**
 * `node src/cli/code-quality.ts [report.json] > gl-code-quality-report.json`: turns the build's
 * `--reporter json` document (a file, or stdin) into a GitLab code quality report.
 */
import { readFileSync } from 'node:fs';
import { reportSchema } from '../report/report.ts';
import { toCodeQuality } from '../report/code-quality.ts';
import { parseCommandLine } from './args.ts';
import { cliExitCode, isEntryPoint, PROCESS_IO, type CliIo } from './run-cli.ts';

const USAGE = 'usage: node src/cli/code-quality.ts [report.json] > gl-code-quality-report.json';

/** The conversion with `args` (a report file, or none for stdin): its exit code; the GitLab report on `io.stdout`. */
export function codeQualityCli(args: readonly string[], io: CliIo = PROCESS_IO): Promise<number> {
  return cliExitCode(
    async () => {
      const parsed = parseCommandLine(args, {}, USAGE, true);
      if ('usage' in parsed) return parsed;
      const [file, ...more] = parsed.positionals;
      if (more.length) return { usage: USAGE };
      const source = file ?? 'stdin';
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(file ?? 0, 'utf8'));
      } catch (e) {
        io.stderr.write(`${source}: error: not a JSON document (${(e as Error).message})\n      hint: pass the output of \`npm run build -- --reporter json\`.\n`);
        return { exitCode: 1 };
      }
      const report = reportSchema.safeParse(json);
      if (!report.success) {
        const issue = report.error.issues[0]!;
        io.stderr.write(`${source}: error: not a versioned-docs report: ${issue.path.join('.') || '(top)'}: ${issue.message}\n      hint: pass the output of \`npm run build -- --reporter json\`.\n`);
        return { exitCode: 1 };
      }
      io.stdout.write(`${JSON.stringify(toCodeQuality(report.data), null, 2)}\n`);
      return { exitCode: 0 };
    },
    { stderr: io.stderr },
  );
}

if (isEntryPoint(import.meta)) process.exitCode = await codeQualityCli(process.argv.slice(2));
