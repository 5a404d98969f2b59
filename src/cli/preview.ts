/** `npm run preview [dir] [--port N]`: serve the built site (default dist/) on localhost. */
import { resolve } from 'node:path';
import { parseCommandLine } from './args.ts';
import { cliExitCode, isEntryPoint, PROCESS_IO, type CliIo } from './run-cli.ts';
import { serveStatic, type StaticServer } from './serve.ts';

const USAGE = 'usage: npm run preview -- [dir] [--port <number>]';

/** What `args` ask to serve: the folder (default dist/, from `cwd`) and the port (default $PORT, else 4321; 0: any free one). */
export function previewTarget(args: readonly string[], env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): { dir: string; port: number } | { usage: string } {
  const parsed = parseCommandLine(args, { port: { type: 'string' } }, USAGE, true);
  if ('usage' in parsed) return parsed;
  const { values, positionals } = parsed;
  if (positionals.length > 1) return { usage: `One folder to serve, not ${positionals.length}.\n${USAGE}` };
  const given = values.port ?? env.PORT ?? '4321';
  const port = Number(given);
  if (!/^\d+$/.test(given) || port > 65535) return { usage: `--port takes a number from 0 to 65535, not \`${given}\`.\n${USAGE}` };
  return { dir: resolve(cwd, positionals[0] ?? 'dist'), port };
}

/**
 * `npm run preview` with `args`: the server it started (it runs until closed) and exit code 0, or the exit
 * code of a refusal (a bad argument, a busy port), said on `io.stderr`.
 */
export async function previewCli(args: readonly string[], io: CliIo = PROCESS_IO): Promise<{ exitCode: number; server?: StaticServer }> {
  let server: StaticServer | undefined;
  const exitCode = await cliExitCode(
    async () => {
      const target = previewTarget(args);
      if ('usage' in target) return target;
      const { dir, port } = target;
      try {
        server = await serveStatic(dir, port, 'localhost');
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code !== 'EADDRINUSE' && code !== 'EACCES') throw e;
        const why = code === 'EADDRINUSE' ? 'is already in use' : 'may not be used by this user';
        io.stderr.write(`error: port ${port} ${why}; pick another with --port <number> (e.g. npm run preview -- --port ${port === 65535 ? 4322 : port + 1}), or --port 0 for any free one.\n`);
        return { exitCode: 1 };
      }
      io.stdout.write(`Serving ${dir} at ${server.origin}/ (Ctrl-C to stop)\n`);
      return { exitCode: 0 };
    },
    { stderr: io.stderr },
  );
  return server ? { exitCode, server } : { exitCode };
}

if (isEntryPoint(import.meta)) process.exitCode = (await previewCli(process.argv.slice(2))).exitCode;
