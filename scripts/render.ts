/**
 * `npm run render -- <page.md> [--version v1.17.x] [--root <docs root>] [--base /gloo-edge]`:
 * prints one page's HTML with every shortcode resolved, or its errors.
 */
import { parseArgs } from 'node:util';
import path from 'node:path';
import { format, hasErrors } from '../src/diagnostics.ts';
import { createEnv, renderFile } from '../src/pipeline/render.ts';
import { readSnippetFiles } from '../src/pipeline/snippets.ts';
import { runCli } from './cli.ts';

await runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      version: { type: 'string', default: 'latest' },
      root: { type: 'string', default: '.' },
      base: { type: 'string', default: '/gloo-edge' },
    },
  });
  const page = positionals[0];
  if (!page) return { usage: 'usage: npm run render -- <page.md> [--version v1.17.x] [--root <docs root>] [--base /gloo-edge]' };
  const root = path.resolve(values.root);
  const env = await createEnv({ root });
  const version = { id: values.version, base: `${values.base.replace(/\/$/, '')}/${values.version}`, values: readSnippetFiles(root) };
  const result = renderFile(env, page, version, path.relative(process.cwd(), path.resolve(page)));
  if (result.diagnostics.length) process.stderr.write(`${format(result.diagnostics)}\n`);
  if (hasErrors(result.diagnostics)) return { exitCode: 1 };
  process.stdout.write(`${result.html}\n`);
  return { exitCode: 0 };
});
