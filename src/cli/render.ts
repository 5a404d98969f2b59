/**
 * `npm run render -- <page.md> [--version v1.17.x] [--root <docs root>] [--config docs.config.ts]`:
 * prints one page's HTML for one docs version (default: latest) with every
 * shortcode resolved, or its errors. Version values come from the changelog;
 * `version_*.md` files in the docs root's `static/content/` are pins and win.
 */
import { parseArgs } from 'node:util';
import path from 'node:path';
import { loadVersions } from '../engine/load-versions.ts';
import { changeLists } from '../engine/render-site.ts';
import { loadConfig } from '../config/load.ts';
import { error, format, hasErrors } from '../util/diagnostics.ts';
import { renderFile } from '../markdown/render.ts';
import { pageEnv } from '../engine/site-content.ts';
import { SNIPPET_DIR } from '../markdown/snippets.ts';
import { runCli } from './run-cli.ts';

await runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      version: { type: 'string' },
      root: { type: 'string' },
      config: { type: 'string' },
    },
  });
  const page = positionals[0];
  if (!page) return { usage: 'usage: npm run render -- <page.md> [--version v1.17.x] [--root <docs root>] [--config docs.config.ts]' };
  const loaded = await loadConfig(values.config);
  const root = path.resolve(values.root ?? path.resolve(loaded.projectDir, loaded.config.root));
  const { releases, versions, diagnostics } = loadVersions(loaded, { lenient: true, snippetDir: path.join(root, SNIPPET_DIR) });
  const version = values.version ? versions.find((v) => v.id === values.version) : (versions.find((v) => v.status === 'latest') ?? versions[0]);
  if (!version) {
    const known = versions.map((v) => v.id).join(', ') || 'none';
    process.stderr.write(`${format([error(values.version ?? 'changelog', 0, 0, `No docs version ${values.version ?? ''} in the changelog data`, { hint: `Known versions: ${known}.` })])}\n`);
    return { exitCode: 1 };
  }
  const { env, diagnostics: envDiagnostics } = await pageEnv(loaded, root, page);
  diagnostics.push(...envDiagnostics);
  const base = `${loaded.config.base.replace(/\/?$/, '/')}${version.id}`;
  const result = renderFile(env, page, { id: version.id, base, values: version.values, changes: changeLists(releases, version.minor) }, path.relative(process.cwd(), path.resolve(page)));
  const problems = [...diagnostics.filter((d) => d.severity === 'error'), ...result.diagnostics];
  if (problems.length) process.stderr.write(`${format(problems)}\n`);
  if (hasErrors(problems)) return { exitCode: 1 };
  process.stdout.write(`${result.html}\n`);
  return { exitCode: 0 };
});
