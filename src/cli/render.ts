/**
 * `npm run render -- <page.md> [--version v1.17.x] [--root <docs root>] [--config docs.config.ts]`:
 * prints one page's HTML for one docs version (default: latest) with every
 * shortcode resolved, or its errors. Version values come from the changelog;
 * `version_*.md` files in the docs root's `static/content/` are pins and win.
 *
 * With a config that has a `git` section, the page is a file of the
 * repository as the version's ref has it (`docs/content/x.md`, read from git
 * objects as the build reads it, never from a checkout), rendered with that
 * version's changelog, values and the layout ref's data and templates:
 * `npm run render -- docs/content/x.md --config examples/gloo-edge.config.ts --version v1.15.x [--repo <repo>]`.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadVersions } from '../engine/load-versions.ts';
import { changeLists } from '../engine/render-site.ts';
import { loadSite, type LoadedConfig } from '../config/load.ts';
import { error, format, hasErrors, type Diagnostic } from '../util/diagnostics.ts';
import { renderFile } from '../markdown/render.ts';
import { pageEnv } from '../engine/site-content.ts';
import { SNIPPET_DIR } from '../markdown/snippets.ts';
import { gitLayout, loadBranchVersion, openBranches } from '../engine/branches.ts';
import { gitFlags } from '../engine/git-versions.ts';
import type { DocsVersion } from '../model/site-data.ts';
import type { Release } from '../changelog/types.ts';
import { useCache } from '../engine/cache-prune.ts';
import { toolCacheDir } from '../engine/compile-cache.ts';
import { parseCommandLine, siteOptions } from './args.ts';
import { cliExitCode, isEntryPoint, PROCESS_IO, type CliIo } from './run-cli.ts';

const USAGE = 'usage: npm run render -- <page.md> [--version v1.17.x] [--root <docs root>] [--config docs.config.ts [--repo <repository or bundle>]]';

/** `npm run render` with `args` (a page, then options): its exit code; the page's HTML on `io.stdout`, its problems on `io.stderr`. */
export const renderCli = (args: readonly string[], io: CliIo = PROCESS_IO): Promise<number> => cliExitCode(async () => {
  const parsed = parseCommandLine(args, { version: { type: 'string' }, root: { type: 'string' }, ...siteOptions('config', 'hugo', 'repo') }, USAGE, true);
  if ('usage' in parsed) return parsed;
  const { values, positionals } = parsed;
  const page = positionals[0];
  if (!page) return { usage: USAGE };
  const loaded = await loadSite(values);
  if (loaded.config.git) return renderFromBranch(loaded, page, values, io);
  gitFlags(values, { git: loaded.config.git, shown: values.config ?? 'docs.config.ts' });
  const root = path.resolve(values.root ?? path.resolve(loaded.projectDir, loaded.config.root));
  const { releases, versions, diagnostics } = loadVersions(loaded, { lenient: true, snippetDir: path.join(root, SNIPPET_DIR) });
  const version = values.version ? versions.find((v) => v.id === values.version) : (versions.find((v) => v.status === 'latest') ?? versions[0]);
  if (!version) {
    const known = versions.map((v) => v.id).join(', ') || 'none';
    return fail(io, [error(values.version ?? 'changelog', 0, 0, `No docs version ${values.version ?? ''} in the changelog data`, { hint: `Known versions: ${known}.` })]);
  }
  const errors = diagnostics.filter((d) => d.severity === 'error');
  return renderPage(io, loaded, root, page, path.relative(process.cwd(), path.resolve(page)), { version, releases, prefix: version.id }, errors);
}, { stderr: io.stderr });

/** One page of one version read from its git ref: the snapshot the build reads, made (or found) for this version only. */
async function renderFromBranch(loaded: LoadedConfig, page: string, values: { version?: string | undefined; root?: string | undefined; repo?: string | undefined }, io: CliIo) {
  if (values.root !== undefined) return fail(io, [error('--root', 0, 0, '--root does not apply to a config with a `git` section', { hint: "Each version's docs root is its ref's docs folder; leave --root out." })]);
  const cache = useCache(toolCacheDir(loaded));
  try {
    const opened = await openBranches(loaded, values.repo !== undefined ? { repo: values.repo } : {}, (v, plan) => v.id === (values.version ?? plan.latest));
    if (!('plan' in opened)) return fail(io, opened.diagnostics);
    const tree = opened.trees[0];
    if (!tree || hasErrors(opened.diagnostics)) {
      const known = opened.plan.versions.map((v) => v.id).join(', ');
      return fail(io, [...opened.diagnostics, ...(tree ? [] : [error('--version', 0, 0, `No docs version ${values.version} in the git section's versions`, { hint: `Versions: ${known}.` })])]);
    }
    const { version } = tree;
    // A path of the repository (`docs/content/x.md`, as `git show <ref>:<path>` names it), of its docs folder (`content/x.md`),
    // or of a checkout of the repository on disk.
    const { docs } = gitLayout(loaded);
    const source = path.resolve(values.repo ?? path.resolve(loaded.projectDir, loaded.config.git!.repo));
    const onDisk = path.resolve(page);
    const candidates = [page, path.join(docs, page), ...(existsSync(source) && statSync(source).isDirectory() && !path.relative(source, onDisk).startsWith('..') ? [path.relative(source, onDisk)] : [])];
    const rel = candidates.map((c) => c.split(path.sep).join('/')).find((c) => !c.startsWith('..') && !path.isAbsolute(c) && existsSync(path.join(tree.dir, c)) && statSync(path.join(tree.dir, c)).isFile());
    if (!rel) {
      return fail(io, [error(`${version.id}:${page}`, 0, 0, `${version.ref} has no file \`${page}\``, { hint: `Name a file of the repository as that ref has it, e.g. \`${docs}/content/<page>.md\` (pages come from each version's own ref).` })]);
    }
    const branch = await loadBranchVersion(loaded, tree, { lenient: true });
    const root = path.resolve(branch.own.projectDir, branch.own.config.root);
    const errors = branch.diagnostics.filter((d) => d.severity === 'error');
    // The latest version is published under latest/ only (docs/branches.md): its links read so.
    const prefix = version.id === opened.plan.latest ? 'latest' : version.id;
    return await renderPage(io, branch.own, root, path.join(tree.dir, rel), rel, { version: branch.version, releases: branch.changelog.releases, prefix }, errors, version.id);
  } finally {
    cache.release();
  }
}

async function renderPage(
  io: CliIo,
  loaded: LoadedConfig,
  root: string,
  file: string,
  shown: string,
  target: { version: DocsVersion; releases: readonly Release[]; prefix: string },
  before: Diagnostic[],
  ref?: string,
) {
  const { env, diagnostics } = await pageEnv(loaded, root, file);
  const { version, releases, prefix } = target;
  const base = `${loaded.config.base.replace(/\/?$/, '/')}${prefix}`;
  const result = renderFile(env, file, { id: version.id, base, values: version.values, changes: changeLists(releases, version.minor) }, shown);
  const problems = [...before, ...diagnostics.filter((d) => d.severity === 'error'), ...result.diagnostics.map((d) => (ref && d.file === shown ? { ...d, ref } : d))];
  if (problems.length) io.stderr.write(`${format(problems)}\n`);
  if (hasErrors(problems)) return { exitCode: 1 };
  io.stdout.write(`${result.html}\n`);
  return { exitCode: 0 };
}

function fail(io: CliIo, diagnostics: Diagnostic[]) {
  io.stderr.write(`${format(diagnostics)}\n`);
  return { exitCode: 1 };
}

if (isEntryPoint(import.meta)) process.exitCode = await renderCli(process.argv.slice(2));
