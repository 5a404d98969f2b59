/**
 * Every docs version from its own git ref, into one site (replaces Gloo's
 * `docs/build-docs.sh`): the refs come from the plan (git-versions.ts); each
 * version's tree is a snapshot of git objects in our cache (git/snapshot.ts)
 * made of the layout ref's docs folder with the version's own `content/` in
 * place, as the script's checkouts make it; the version's changelog folder
 * is read from git when needed (GitChangelog, changelog-cache.ts). Each version
 * is loaded, compiled (through the shared compile cache) and rendered on its
 * own; the results are merged into one SiteData in the dropdown's order.
 * Problems in a version's files are reported as `<ref>:<file>:<line>`.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { locateInConfig, type LoadedConfig } from '../config/load.ts';
import { GitError, GitRepo } from '../git/repo.ts';
import { snapshot, type Layer } from '../git/snapshot.ts';
import type { DocsVersion, RenderedPage, SiteData } from '../model/site-data.ts';
import { error, type Diagnostic } from '../util/diagnostics.ts';
import { minorLines } from '../versions/lines.ts';
import { applyPins } from '../versions/pins.ts';
import { versionValues } from '../versions/values.ts';
import type { BuildOptions, BuildResult, PrepareOptions } from './build.ts';
import { compilePages, WORKER_HEAP_MB, WORKER_YOUNG_MB, type CompileStats } from './compile-pages.ts';
import { CompilePool } from './compile-pool.ts';
import { toolCacheDir } from './compile-cache.ts';
import { publishedFiles, type Extras } from './extras.ts';
import { DEFAULT_DOCS, planVersions, type PlannedVersion, type VersionPlan } from './git-versions.ts';
import { branchChangelog, type BranchChangelog, type GitChangelog } from './changelog-cache.ts';
import { renderSite } from './render-site.ts';
import { readVersion, versionEntries, writeVersion, type BuiltVersion } from './version-cache.ts';
import { loadSiteContent } from './site-content.ts';
import type { Release } from '../changelog/types.ts';
import type { ChangelogFile, ParseCache } from '../changelog/scan.ts';
import { byCodeUnit } from '../util/walk.ts';
import { CacheUse } from './cache-prune.ts';

/** What a build from git refs did, for --verbose and the benchmark. */
export interface BranchStats {
  /** Milliseconds to open the repository and make (or find) the snapshots. */
  gitMs: number;
  /** Blobs read from git this build (0 when no ref moved). */
  blobsRead: number;
  /** Snapshots made this build (0 when no ref moved). */
  snapshotsMade: number;
  /** Branch changelogs loaded and rendered this build (0 when no ref moved: see changelog-cache.ts). */
  changelogsRead: number;
  /** Versions read back whole, their tree and everything else as an earlier build had them (version-cache.ts). */
  versionsReused: number;
}

/** One version of a git build: its plan and the snapshot of its tree in our cache. */
export interface BranchTree {
  version: PlannedVersion;
  /** The snapshot folder: the repository's docs folder as the version's checkout would have it. */
  dir: string;
  /** The version's changelog folder, read from git when needed. */
  changelog: GitChangelog | undefined;
}

/** The versions of a config's `git` section, each with its snapshot: what every command reading branches starts from. */
export interface OpenedBranches {
  plan: VersionPlan;
  trees: BranchTree[];
  stats: BranchStats;
  diagnostics: Diagnostic[];
}

type BranchOptions = Pick<BuildOptions, 'repo' | 'git' | 'cacheUse'>;

/**
 * Plans the versions and makes (or finds) the snapshot of each one `wanted` accepts (default: all).
 * Diagnostics only when something is wrong with the repository, the refs or a version's folders.
 */
export async function openBranches(loaded: LoadedConfig, options: BranchOptions = {}, wanted: (v: PlannedVersion, plan: VersionPlan) => boolean = () => true): Promise<OpenedBranches | { diagnostics: Diagnostic[] }> {
  const git = loaded.config.git!;
  const configFile = loaded.file ? path.relative(process.cwd(), loaded.file) : 'site config';
  const started = performance.now();
  const source = options.repo ? path.resolve(options.repo) : path.resolve(loaded.projectDir, git.repo);
  const cacheDir = toolCacheDir(loaded);
  let repo: GitRepo;
  try {
    repo = GitRepo.open(source, path.join(cacheDir, 'git'));
  } catch (e) {
    if (!(e instanceof GitError)) throw e;
    const where = options.repo ? { line: 0, column: 0 } : locateInConfig(loaded, git.repo);
    return { diagnostics: [error(options.repo ? '--repo' : configFile, where.line, where.column, e.message, { hint: 'Name a git repository (a clone, a bare repository) or a bundle file (`git bundle create`).' })] };
  }
  try {
    const planned = await planVersions(repo, git, options.git ?? {}, { configFile, locate: (text) => locateInConfig(loaded, text) });
    if (!planned.plan) return { diagnostics: planned.diagnostics };
    const { plan } = planned;
    const diagnostics = [...planned.diagnostics];
    const { docs, changelog, perVersion } = gitLayout(loaded);
    const layoutDocs = repo.treeOf(plan.layout.commit, docs);
    if (!layoutDocs) {
      return { diagnostics: [...diagnostics, error(configFile, ...at(loaded, docs), `${plan.layout.ref} has no folder \`${docs}\``, { hint: 'Set `docs` in the git section to the docs folder inside the repository.' })] };
    }
    const stats: BranchStats = { gitMs: 0, blobsRead: 0, snapshotsMade: 0, changelogsRead: 0, versionsReused: 0 };
    const trees: BranchTree[] = [];
    // Changelog texts by blob id: a file the same on several branches is read from git once (and parsed once).
    const texts = new Map<string, Promise<string>>();
    const parsed: ParseCache = { files: new Map(), replay: true };
    let reading = 0;
    const readChangelog = async (tree: string): Promise<ChangelogFile[]> => {
      reading++;
      try {
        return await changelogFiles(repo, tree, (oid) => {
          let text = texts.get(oid);
          if (!text) {
            stats.blobsRead++;
            texts.set(oid, (text = repo.readBlob(oid).then((b) => b.toString('utf8'))));
          }
          return text;
        });
      } finally {
        // The `git cat-file` process: started for these reads, stopped after the last.
        if (--reading === 0) repo.close();
      }
    };
    for (const version of plan.versions.filter((v) => wanted(v, plan))) {
      const layers: Layer[] = [{ at: docs, tree: layoutDocs, skip: perVersion }];
      for (const folder of perVersion) {
        const tree = repo.treeOf(version.commit, `${docs}/${folder}`);
        if (tree) layers.push({ at: `${docs}/${folder}`, tree });
        else if (folder === 'content') diagnostics.push(error(`${version.id}:${docs}/${folder}`, 0, 0, `${version.ref} has no folder \`${docs}/${folder}\``, { hint: 'Every version needs its pages; check the ref and the `docs` folder.' }));
      }
      const changelogTree = repo.treeOf(version.commit, changelog);
      const snap = await snapshot(repo, layers, path.join(cacheDir, 'git'));
      options.cacheUse?.add(snap.dir);
      stats.blobsRead += snap.blobsRead;
      if (snap.made) stats.snapshotsMade++;
      trees.push({ version, dir: snap.dir, changelog: changelogTree ? { tree: changelogTree, read: () => readChangelog(changelogTree), parsed } : undefined });
    }
    stats.gitMs = Math.round(performance.now() - started);
    return { plan, trees, stats, diagnostics };
  } finally {
    repo.close();
  }
}

/**
 * The files of a changelog folder's tree, as readChangelogTree reads a folder on disk: dot files left out,
 * every folder listed, in path order. A symbolic link reads as the file it names inside the folder.
 */
export async function changelogFiles(repo: GitRepo, tree: string, text: (oid: string) => Promise<string>): Promise<ChangelogFile[]> {
  const entries = repo.listTree(tree).filter((e) => !e.path.split('/').some((part) => part.startsWith('.')));
  const byPath = new Map(entries.map((e) => [e.path, e]));
  const folders = new Set<string>();
  for (const { path: file } of entries) {
    for (let cut = file.indexOf('/'); cut !== -1; cut = file.indexOf('/', cut + 1)) folders.add(file.slice(0, cut));
  }
  const files = await Promise.all(
    entries.map(async (entry): Promise<ChangelogFile> => {
      if (entry.mode !== '120000') return { path: entry.path, text: await text(entry.oid) };
      const link = await text(entry.oid);
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(entry.path), link));
      const named = byPath.get(target);
      return named && named.mode !== '120000' ? { path: entry.path, text: await text(named.oid) } : { path: entry.path, special: `a symbolic link to \`${link}\`, which names no file of the changelog folder` };
    }),
  );
  return [...files, ...[...folders].map((folder) => ({ path: folder, folder: true }))].sort((a, b) => byCodeUnit(a.path, b.path));
}

/** The folders of the git section, defaults filled in. */
export function gitLayout(loaded: LoadedConfig): { docs: string; changelog: string; perVersion: readonly string[] } {
  const git = loaded.config.git!;
  return { docs: git.docs ?? DEFAULT_DOCS, changelog: git.changelog ?? 'changelog', perVersion: git.perVersion ?? ['content'] };
}

/** One version's tree read as a docs project: its site config, its branch's changelog and the docs version it gives. */
export interface BranchVersion {
  own: LoadedConfig;
  changelog: BranchChangelog;
  version: DocsVersion;
  /** Problems of the version's changelog and pins, shown as `<ref>:<file>:<line>`. */
  diagnostics: Diagnostic[];
}

export async function loadBranchVersion(loaded: LoadedConfig, tree: BranchTree, options: Pick<BuildOptions, 'lenient' | 'cacheUse'> = {}): Promise<BranchVersion> {
  const { docs, changelog } = gitLayout(loaded);
  const cacheDir = toolCacheDir(loaded);
  const own = versionConfig(loaded, tree, docs, changelog, cacheDir);
  const loadedVersions = await branchChangelog(own, tree.changelog, own.config.strictChangelog && !options.lenient, path.join(cacheDir, 'git'), options.cacheUse);
  const docsVersion = toDocsVersion(tree.version, loadedVersions.releases, own);
  return { own, changelog: loadedVersions, version: docsVersion.version, diagnostics: [...loadedVersions.diagnostics, ...docsVersion.diagnostics].map((d) => prefixed(d, tree.version.id)) };
}

export async function prepareBranches(loaded: LoadedConfig, options: PrepareOptions = {}): Promise<BuildResult> {
  const opened = await openBranches(loaded, options);
  if (!('plan' in opened)) return { diagnostics: opened.diagnostics };
  const { plan, trees, stats } = opened;
  const diagnostics = [...opened.diagnostics];
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };

  const versions: DocsVersion[] = [];
  const pages: Record<string, RenderedPage[]> = {};
  const perVersionExtras: Record<string, Omit<Extras, 'perVersion'>> = {};
  const releases: Release[] = [];
  const compileStats: CompileStats = { pages: 0, cached: 0, threads: 1, times: {} };
  let base = '/';
  // One set of compile workers for every version: they start once, and remember across versions what they highlighted.
  // Where each version is kept whole (none without the cache).
  const entryOf = options.cache === false ? undefined : versionEntries(loaded, path.join(toolCacheDir(loaded), 'git'));
  const pool = new CompilePool(options.threads ?? Math.min(availableParallelism(), 4), WORKER_HEAP_MB, WORKER_YOUNG_MB);
  try {
    for (const tree of trees) {
      const { version } = tree;
      // A version whose tree, plan, config and generator are those of an earlier build is read back whole.
      const entry = entryOf?.([tree.dir, version, Boolean(options.drafts), Boolean(options.lenient), Boolean(options.strict)]);
      const kept = entry ? await readVersion(entry, Boolean(options.spill), options.cacheUse) : undefined;
      const made = kept ? undefined : await buildVersion(loaded, tree, options, pool);
      const built = kept ?? made!.built;
      if (made) {
        compileStats.pages += made.compiled.pages;
        compileStats.cached += made.compiled.cached;
        compileStats.threads = Math.max(compileStats.threads, made.compiled.threads);
        for (const [file, ms] of Object.entries(made.compiled.times)) compileStats.times[`${version.id}:${file}`] = ms;
        if (made.changelogRead) stats.changelogsRead++;
      } else {
        compileStats.pages += built.sources;
        compileStats.cached += built.sources;
        stats.versionsReused++;
      }
      // What the version was made from in the cache (its compiled pages, its changelog) stays while it is used.
      for (const used of built.uses) options.cacheUse?.add(used);
      if (entry && made) {
        const stored = await writeVersion(entry, built);
        // A build's pages keep their HTML in the entry's file (as spill-html.ts would keep it): written once.
        if (options.spill) built.pages = stored;
      }
      diagnostics.push(...built.diagnostics);
      base = built.base;
      versions.push(built.version);
      pages[version.id] = built.pages;
      options.spill?.pages(built.pages);
      perVersionExtras[version.id] = built.extras;
      if (version.id === plan.latest) releases.push(...built.releases);
    }
  } finally {
    await pool.close();
  }
  // Gloo's build-docs.sh publishes the latest version only under latest/: its own id redirects there.
  const data: SiteData = { base, product: loaded.config.product, versions, latest: plan.latest, latestOnly: true, pages };
  const extras: Extras = { files: [], contentDir: '', aliases: [], perVersion: perVersionExtras };
  return { diagnostics, data, releases, extras, compileStats, branchStats: stats };
}

/** One version from its tree: its changelog, its pages compiled (through the shared cache and the pool) and rendered. */
async function buildVersion(loaded: LoadedConfig, tree: BranchTree, options: BuildOptions, pool: CompilePool): Promise<{ built: BuiltVersion; compiled: CompileStats; changelogRead: boolean }> {
  const { version } = tree;
  // The cache entries this version is made from, noted apart: a later build that reads the version back whole notes them again.
  const uses = new CacheUse(toolCacheDir(loaded));
  options = { ...options, cacheUse: uses };
  const branch = await loadBranchVersion(loaded, tree, options);
  const { own } = branch;
  const prefix = (list: readonly Diagnostic[]) => list.map((d) => prefixed(d, version.id));
  const diagnostics = [...branch.diagnostics];
  const content = await loadSiteContent(own, options.drafts ? { drafts: true } : {});
  diagnostics.push(...prefix(content.diagnostics));
  const compiled = await compilePages(own, content, {
    ...(options.drafts ? { drafts: true } : {}),
    ...(options.threads ? { threads: options.threads } : {}),
    ...(options.cache === false ? { cache: false } : {}),
    shared: true,
    pool,
    use: uses,
  });
  const rendered = renderSite({
    config: own.config,
    compiled: compiled.compiled,
    pages: content.pages,
    releases: branch.changelog.releases,
    versions: [branch.version],
    changelogPages: branch.changelog.pages,
  });
  diagnostics.push(...prefix(rendered.diagnostics));
  const built: BuiltVersion = {
    version: branch.version,
    base: rendered.data.base,
    pages: (rendered.data.pages[version.id] ?? []).map((p) => (p.sourceFile ? { ...p, ref: version.id } : p)),
    extras: { files: publishedFiles(content.pages, compiled.compiled, content.files), contentDir: content.contentDir, aliases: content.aliases },
    releases: branch.changelog.releases,
    diagnostics,
    sources: content.pages.length,
    uses: [...uses.entries],
    cached: false,
  };
  return { built, compiled: compiled.stats, changelogRead: !branch.changelog.cached };
}

/** The site config of one version's snapshot: its paths are the snapshot's, everything else the user's. */
function versionConfig(loaded: LoadedConfig, tree: BranchTree, docs: string, changelog: string, cacheDir: string): LoadedConfig {
  const { config } = loaded;
  const { dir } = tree;
  const inSnapshot = (rel: string) => (existsSync(path.join(dir, rel)) ? rel : undefined);
  const data = inSnapshot(`${docs}/data`);
  const layouts = inSnapshot(`${docs}/layouts`);
  // Read from git, not from the snapshot (GitChangelog); named as the repository names it.
  const changelogDir = tree.changelog ? changelog : undefined;
  const { git: _git, ...rest } = config;
  return {
    projectDir: dir,
    ...(loaded.file ? { file: loaded.file } : {}),
    cacheDir,
    config: {
      ...rest,
      // As a Hugo docs folder is read (readfile paths and Gloo's `static/content/` snippets are under content/).
      root: `${docs}/content`,
      content: `${docs}/content`,
      snippets: `${docs}/content/static/content`,
      ...(data ? { data } : {}),
      // The tree's own shortcode templates (Hugo's layouts/shortcodes/), run as Hugo runs them.
      ...(layouts ? { layouts } : {}),
      // A folder of our own shortcode modules stays where the config names it.
      ...(config.shortcodes ? { shortcodes: path.resolve(loaded.projectDir, config.shortcodes) } : {}),
      changelog: { open_source: changelogDir ? [changelogDir] : [], enterprise: [] },
      versions: {},
      outDir: path.resolve(loaded.projectDir, config.outDir),
    },
  };
}

/**
 * The docs version a ref documents: `v1.16.x` documents the 1.16 line; another name (`main`) the
 * newest line of its changelog. Its values are that line's, from the ref's changelog, with the
 * ref's pins applied.
 */
function toDocsVersion(version: PlannedVersion, releases: readonly Release[], own: LoadedConfig): { version: DocsVersion; diagnostics: Diagnostic[] } {
  const named = /^v?(\d+)\.(\d+)(?:\.x)?$/.exec(version.id) ?? /^v?(\d+)\.(\d+)(?:\.x)?$/.exec(version.ref);
  const lines = minorLines(releases, 'open_source');
  const minor = named ? `${Number(named[1])}.${Number(named[2])}` : lines[0]?.minor;
  const derived = minor && lines.some((l) => l.minor === minor) ? versionValues(releases, minor) : {};
  const pinned = applyPins(own.config.snippets, derived, { root: own.projectDir });
  return {
    version: { id: version.id, minor: minor ?? '0.0', label: named ? minor! : version.id, status: version.status, values: pinned.values },
    diagnostics: pinned.diagnostics,
  };
}

/** A diagnostic of a file read from a version's ref: shown as `<ref>:<file>:<line>`, and annotated with the ref in CI. */
function prefixed(d: Diagnostic, id: string): Diagnostic {
  return d.file && !path.isAbsolute(d.file) && !d.file.startsWith('..') ? { ...d, ref: id } : d;
}

function at(loaded: LoadedConfig, text: string): [number, number] {
  const p = locateInConfig(loaded, text);
  return [p.line, p.column];
}
