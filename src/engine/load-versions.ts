/**
 * The changelog and the docs versions it gives, with pins applied; read
 * again only when a changelog or pin file changed (the dev server asks on
 * every edit).
 */
import { existsSync, statSync } from 'node:fs';
import { walkDir } from '../util/walk.ts';
import path from 'node:path';
import { loadChangelog, PRODUCTS } from '../changelog/load.ts';
import type { Release } from '../changelog/types.ts';
import { folderDate, gitDates } from './git-dates.ts';
import { locateInConfig, type LoadedConfig } from '../config/load.ts';
import type { SiteConfig } from '../config/define.ts';
import type { Diagnostic } from '../util/diagnostics.ts';
import { applyPins } from '../versions/pins.ts';
import { listDocsVersions } from '../versions/docs-versions.ts';

/** `strict`: changelog quirks are errors too (`--strict`); `lenient`: every changelog problem is a warning (the dev server). */
export interface VersionOptions {
  strict?: boolean;
  lenient?: boolean;
  snippetDir?: string | undefined;
}

export function loadVersions(loaded: LoadedConfig, options: VersionOptions = {}) {
  // The dev server asks again on every edit: unchanged changelog and pins give the same answer.
  const wanted = { strict: options.strict ?? false, lenient: options.lenient ?? false, snippetDir: options.snippetDir };
  const key = inputsKey(loaded, wanted);
  let result = versionsMemo.get(key);
  if (!result) {
    result = readVersions(loaded, wanted);
    versionsMemo.clear();
    versionsMemo.set(key, result);
  }
  // Callers add their own problems to the list: each gets its own.
  return { ...result, diagnostics: [...result.diagnostics] };
}

const versionsMemo = new Map<string, ReturnType<typeof readVersions>>();

/** What loadVersions reads: the options, and every changelog and pin file's path, size and modification time. */
function inputsKey(loaded: LoadedConfig, options: VersionOptions): string {
  const { config, projectDir } = loaded;
  const dirs = [...Object.values(config.changelog).flat(), options.snippetDir ?? config.snippets].map((d) => path.resolve(projectDir, d));
  const stats = dirs.flatMap((dir) => filesWithStats(dir));
  return JSON.stringify([projectDir, loaded.file, config, options, stats]);
}

function filesWithStats(dir: string): string[] {
  if (!existsSync(dir)) return [dir];
  const out: string[] = [];
  for (const { full } of walkDir(dir) ?? []) {
    const stat = statSync(full);
    out.push(`${full}\0${stat.size}\0${stat.mtimeMs}`);
  }
  return out.sort();
}

function readVersions(loaded: LoadedConfig, options: VersionOptions) {
  const { config, projectDir } = loaded;
  const diagnostics: Diagnostic[] = [];
  const sources = changelogSources(config);
  const changelog = loadChangelog(sources, { strict: config.strictChangelog || (options.strict ?? false), lenient: options.lenient ?? false, root: projectDir });
  diagnostics.push(...changelog.diagnostics);
  const listed = listDocsVersions(changelog.releases, {
    ...(config.versions.newest !== undefined ? { newest: config.versions.newest } : {}),
    ...(config.versions.include ? { include: config.versions.include } : {}),
    ...(config.versions.newestLineKnown !== undefined ? { newestLineKnown: config.versions.newestLineKnown } : {}),
    ...(loaded.file ? { configFile: path.relative(projectDir, loaded.file), locate: (text: string) => locateInConfig(loaded, text) } : {}),
  });
  diagnostics.push(...listed.diagnostics);
  const versions = listed.versions.map((v) => {
    const pinned = applyPins(options.snippetDir ?? config.snippets, v.values, { root: projectDir, undecided: listed.undecided[v.id] ?? [], version: v.id });
    diagnostics.push(...pinned.diagnostics);
    return { ...v, values: pinned.values };
  });
  return { releases: withGitDates(changelog.releases, projectDir, sources.map((s) => s.dir)), versions, diagnostics };
}

/** A released release without a `date` in the changelog gets the date of the last commit in its folder, when git knows one. */
function withGitDates(releases: Release[], projectDir: string, dirs: string[]): Release[] {
  if (releases.every((r) => r.date || r.unreleased)) return releases;
  const dates = gitDates(projectDir, dirs);
  if (dates.size === 0) return releases;
  return releases.map((r) => {
    if (r.date || r.unreleased) return r;
    const date = r.dirs.map((d) => folderDate(dates, d)).filter((d) => d !== undefined).sort().at(-1);
    return date ? { ...r, date } : r;
  });
}

/** The changelog folders of a site config, with their product. */
export function changelogSources(config: Pick<SiteConfig, 'changelog'>) {
  return PRODUCTS.flatMap((product) => config.changelog[product].map((dir) => ({ product, dir })));
}
