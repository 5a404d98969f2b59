/**
 * `npm run dev [-- --config <file> | --hugo <folder>] [--repo <repo>] [--versions a,b] [--latest a]`:
 * Astro's dev server over SiteData that is regenerated (with the build's own
 * `prepare`) whenever content, changelog, snippets, data or the config
 * change. Problems never stop the server: they are shown on the pages they
 * concern (file:line), and the previous good pages stay served when nothing
 * could be rendered.
 *
 * A config with a `git` section serves every version from its ref's git
 * objects, as the build reads them (docs/branches.md); the site data is made
 * again when a ref moves (a commit, a fetch) or the bundle file changes.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { dev } from 'astro';
import { prepare, type BuildOptions } from '../engine/build.ts';
import { loadSite, type LoadedConfig } from '../config/load.ts';
import { format, type Diagnostic } from '../util/diagnostics.ts';
import { PROJECT_ROOT } from '../integration/astro-build.ts';
import { versionedDocs } from '../integration/integration.ts';
import { siteUrl } from '../integration/site-config.ts';
import { watchProject } from '../integration/dev-watch.ts';
import { useCache } from '../engine/cache-prune.ts';
import { toolCacheDir } from '../engine/compile-cache.ts';
import { gitFlags } from '../engine/git-versions.ts';
import { parseCommandLine, SITE_OPTIONS, type ParsedArgs } from './args.ts';
import { cliExitCode, isEntryPoint, PROCESS_IO, type CliIo } from './run-cli.ts';

const WATCHED = ['content', 'changelog', 'static', 'data', 'layouts', 'docs.config.ts'];
const USAGE = 'usage: npm run dev -- [--config <file> | --hugo <folder>] [--repo <repository or bundle>] [--versions <ref,…>] [--latest <ref>]';

export type DevArgs = ParsedArgs<typeof SITE_OPTIONS>['values'];

/**
 * Never an edit, though inside a watched docs root (`root: '.'` is the project): this server's own files (site data,
 * Astro's cache), a build's output and work folder, installed packages, git's objects.
 */
function notInputs(loaded: LoadedConfig | undefined): string[] {
  const own = [join(PROJECT_ROOT, '.build'), join(PROJECT_ROOT, 'node_modules'), join(PROJECT_ROOT, '.git')];
  if (!loaded) return own;
  return [...own, ...['.build', 'node_modules', '.git', '.astro', loaded.config.outDir].map((p) => resolve(loaded.projectDir, p))];
}

/** What `npm run dev` watches: the project's inputs; with a `git` section, the config and the repository's refs (or its bundle file). */
export function watched(loaded: LoadedConfig | undefined, values: DevArgs): { root: string; entries: string[] } {
  if (!loaded) return { root: PROJECT_ROOT, entries: [...WATCHED, ...(values.config ? [resolve(values.config)] : [])] };
  const { config, projectDir } = loaded;
  const configFile = loaded.file ? [loaded.file] : [];
  if (!config.git) {
    const own = [config.content, config.root, config.snippets, config.data ?? 'data', config.layouts ?? 'layouts', ...config.changelog.open_source, ...config.changelog.enterprise];
    return { root: projectDir, entries: [...new Set([...WATCHED, ...own, ...configFile])] };
  }
  const source = resolve(values.repo ?? resolve(projectDir, config.git.repo));
  if (!existsSync(source) || !statSync(source).isDirectory()) return { root: projectDir, entries: [source, ...configFile] };
  try {
    const gitDir = execFileSync('git', ['-C', source, 'rev-parse', '--absolute-git-dir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return { root: projectDir, entries: [join(gitDir, 'refs'), join(gitDir, 'packed-refs'), ...configFile] };
  } catch {
    return { root: projectDir, entries: configFile };
  }
}

/**
 * `npm run dev` with `args`: starts Astro's dev server (it runs until the process ends) and returns 0; or the
 * exit code of a refusal (a bad argument, --repo/--versions/--latest without a `git` section), said on `io.stderr`.
 */
export function devCli(args: readonly string[], io: CliIo = PROCESS_IO): Promise<number> {
  return cliExitCode(
    async () => {
      const parsed = parseCommandLine(args, SITE_OPTIONS, USAGE);
      if ('usage' in parsed) return parsed;
      const { values } = parsed;
      const site = { config: values.config, hugo: values.hugo };
      const dataFile = join(PROJECT_ROOT, '.build', 'dev', 'site-data.json');
      let base = '/gloo-edge/';
      let docs: ReturnType<typeof versionedDocs> | undefined;

      const regenerate = async (): Promise<LoadedConfig | undefined> => {
        const started = performance.now();
        let diagnostics: Diagnostic[] = [];
        let loaded: LoadedConfig | undefined;
        try {
          loaded = await loadSite(site, values.config !== undefined || values.hugo !== undefined ? process.cwd() : PROJECT_ROOT);
          const options: BuildOptions = { lenient: true, ...gitFlags(values, { git: loaded.config.git, shown: values.config ?? 'docs.config.ts' }) };
          const result = await prepare(loaded, options);
          diagnostics = result.diagnostics;
          if (result.data) {
            const data = { ...result.data, diagnostics: diagnostics.filter((d) => d.severity === 'error') };
            base = data.base;
            // The pages read it from the file when it changes (src/integration/data.ts). Written whole, then
            // renamed over: a page being laid out meanwhile reads the old data or the new, never half.
            await writeFile(`${dataFile}.tmp`, JSON.stringify(data));
            await rename(`${dataFile}.tmp`, dataFile);
            docs?.reload();
          }
        } catch (error) {
          const found = (error as { diagnostics?: Diagnostic[] }).diagnostics;
          diagnostics = found ?? [{ severity: 'error', file: values.config ?? 'docs.config.ts', line: 0, column: 0, message: String(error) }];
        }
        if (diagnostics.length) io.stderr.write(`${format(diagnostics)}\n`);
        else io.stdout.write(`Site data regenerated in ${Math.round(performance.now() - started)} ms.\n`);
        return loaded;
      };

      await mkdir(join(PROJECT_ROOT, '.build', 'dev'), { recursive: true });
      const loaded = await regenerate();
      // --repo, --versions, --latest without a git section: refused, as by the build (the problem is printed above).
      if (loaded && !loaded.config.git && (values.repo ?? values.versions ?? values.latest) !== undefined) return { exitCode: 1 };
      // While the server runs, a build of the same project prunes nothing of the cache it reads from (git snapshots).
      if (loaded) useCache(toolCacheDir(loaded));
      // reload() tells the browsers the data file changed.
      docs = versionedDocs({ dataFile, layOutLatest: true, base, siteUrl: siteUrl() });

      let running = Promise.resolve();
      const { root, entries } = watched(loaded, values);
      watchProject(
        root,
        entries,
        () => {
          running = running.then(async () => void (await regenerate()));
        },
        20,
        notInputs(loaded),
      );

      const port = Number(process.env.PORT ?? 4321);
      await dev({ root: PROJECT_ROOT, server: { port, host: 'localhost' }, cacheDir: join(PROJECT_ROOT, '.build', 'dev', 'astro'), integrations: [docs] });
      return { exitCode: 0 };
    },
    { stderr: io.stderr },
  );
}

if (isEntryPoint(import.meta)) {
  const code = await devCli(process.argv.slice(2));
  // A refusal ends the process, whatever the load left open; a server that started keeps it running.
  if (code !== 0) process.exit(code);
}
