/**
 * The docs versions to build, from the data: one per minor line with an
 * open source release, newest first. Status: `latest` for the newest line
 * with a stable release, `unreleased` for newer lines with prereleases only,
 * `supported` for the rest. By default the newest `newest` (4) lines up to
 * and including latest, plus the unreleased ones; `include` (from the site
 * config) names the versions instead.
 */
import { error } from '../util/diagnostics.ts';
import type { Diagnostic } from '../util/diagnostics.ts';
import type { Release } from '../changelog/types.ts';
import type { DocsVersion, VersionStatus } from '../model/site-data.ts';
import { compareMinor, minorLines } from './lines.ts';
import { versionValues } from './values.ts';

export const DEFAULT_NEWEST = 4;

export interface DocsVersionOptions {
  /** How many lines up to latest to build (default 4); unreleased lines come on top. */
  newest?: number;
  /** Docs version ids (`v1.17.x`) to build instead of the default choice. */
  include?: string[];
  /** Where `include` came from, for diagnostics (default `site config`). */
  configFile?: string;
  /** Where a text stands in the config file (1-based), to point at a bad id. */
  locate?: (text: string) => { line: number; column: number };
}

export function docsVersionId(minor: string): string {
  return `v${minor}.x`;
}

export function listDocsVersions(
  releases: readonly Release[],
  options: DocsVersionOptions = {},
): { versions: DocsVersion[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const lines = minorLines(releases, 'open_source');
  const latest = lines.find((l) => l.stable.length > 0);
  const all: DocsVersion[] = lines.map((l) => {
    const status: VersionStatus =
      l === latest ? 'latest' : l.stable.length === 0 && (!latest || compareMinor(l.minor, latest.minor) > 0) ? 'unreleased' : 'supported';
    return { id: docsVersionId(l.minor), minor: l.minor, label: l.minor, status, values: versionValues(releases, l.minor) };
  });

  if (options.include && all.length === 0) return namedVersions(options.include, options);

  if (options.include) {
    const wanted = new Set<string>();
    for (const id of options.include) {
      if (all.some((v) => v.id === id)) wanted.add(id);
      else {
        const valid = /^v\d+\.\d+\.x$/.test(id);
        diagnostics.push(
          error(options.configFile ?? 'site config', ...at(options, id), valid ? `docs version ${id} has no open source release in the changelog` : `\`${id}\` is not a docs version id`, {
            hint: `docs versions with data: ${all.map((v) => v.id).join(', ') || 'none'}`,
          }),
        );
      }
    }
    return { versions: all.filter((v) => wanted.has(v.id)), diagnostics };
  }

  const newestCount = options.newest ?? DEFAULT_NEWEST;
  const unreleased = all.filter((v) => v.status === 'unreleased');
  const rest = all.filter((v) => v.status !== 'unreleased').slice(0, Math.max(0, newestCount));
  return { versions: [...unreleased, ...rest], diagnostics };
}

/**
 * A tree with no open source changelog: the versions are the ones the config
 * names, newest first, the newest `latest`; their values come from the
 * tree's pinned snippet files.
 */
function namedVersions(include: readonly string[], options: DocsVersionOptions): { versions: DocsVersion[]; diagnostics: Diagnostic[] } {
  const configFile = options.configFile ?? 'site config';
  const diagnostics: Diagnostic[] = [];
  const minors: string[] = [];
  for (const id of include) {
    const m = /^v(\d+\.\d+)\.x$/.exec(id);
    if (m) minors.push(m[1]!);
    else diagnostics.push(error(configFile, ...at(options, id), `\`${id}\` is not a docs version id`, { hint: 'Docs version ids look like v1.15.x.' }));
  }
  const sorted = [...new Set(minors)].sort((a, b) => compareMinor(b, a));
  const versions = sorted.map((minor, i): DocsVersion => ({ id: docsVersionId(minor), minor, label: minor, status: i === 0 ? 'latest' : 'supported', values: {} }));
  return { versions, diagnostics };
}

/** Line and column of a version id in the config file, when it can be found. */
function at(options: DocsVersionOptions, id: string): [number, number] {
  const found = options.locate?.(id);
  return found ? [found.line, found.column] : [0, 0];
}
