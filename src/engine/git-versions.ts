/**
 * Which git refs become which docs versions, as Gloo's `docs/build-docs.sh`
 * decides: `active_versions.json` (`latest`, `versions`, `oldVersions`) read
 * from the layout ref (Gloo: `main`), or a list of refs in the config; the
 * command line's `--versions` and `--latest` win over both. The file is read
 * as JSON5, so real copies with a trailing comma (v1.14.x's) are accepted.
 */
import JSON5 from 'json5';
import { z } from 'astro/zod';
import type { GitConfig } from '../config/define.ts';
import { DiagnosticsError, error, type Diagnostic } from '../util/diagnostics.ts';
import type { GitRepo } from '../git/repo.ts';
import type { VersionStatus } from '../model/site-data.ts';

export interface GitOverrides {
  /** `--versions a,b,c`: the refs, in the dropdown's order. */
  versions?: string[];
  /** `--latest ref`. */
  latest?: string;
}

/**
 * The command line's `--repo`, `--versions a,b,c` and `--latest ref` (build, dev, render) as build options;
 * refused (DiagnosticsError at the config) when the site has no `git` section.
 */
export function gitFlags(
  values: { repo?: string | undefined; versions?: string | undefined; latest?: string | undefined },
  site: { git?: GitConfig | undefined; shown: string },
): { repo?: string; git: GitOverrides } {
  const given = (['repo', 'versions', 'latest'] as const).filter((flag) => values[flag] !== undefined);
  if (given.length && !site.git) {
    throw new DiagnosticsError([
      error(site.shown, 0, 0, `--${given[0]} needs a config that reads the versions from git`, { hint: "Add a `git: { repo: '…' }` section to the config (see examples/gloo-edge.config.ts)." }),
    ]);
  }
  return {
    ...(values.repo !== undefined ? { repo: values.repo } : {}),
    git: {
      ...(values.versions !== undefined ? { versions: values.versions.split(',').map((v) => v.trim()).filter(Boolean) } : {}),
      ...(values.latest !== undefined ? { latest: values.latest } : {}),
    },
  };
}

export interface PlannedVersion {
  /** The name in URLs and the dropdown: the ref as the config names it (`main`, `v1.16.x`). */
  id: string;
  /** The ref it is read from (the alias target, or the name itself). */
  ref: string;
  commit: string;
  status: VersionStatus;
}

export interface VersionPlan {
  versions: PlannedVersion[];
  latest: string;
  /** The ref supplying layouts, data and the Hugo config, and its commit. */
  layout: { ref: string; commit: string };
}

const ActiveVersions = z.object({
  latest: z.string().min(1),
  versions: z.array(z.string().min(1)),
  oldVersions: z.array(z.string().min(1)).default([]),
});

export const DEFAULT_DOCS = 'docs';
export const DEFAULT_LAYOUT_REF = 'main';

/** Where the config file says it, for messages. */
export interface PlanSource {
  configFile: string;
  locate: (text: string) => { line: number; column: number };
}

export async function planVersions(
  repo: GitRepo,
  git: GitConfig,
  overrides: GitOverrides,
  source: PlanSource,
): Promise<{ plan?: VersionPlan; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const aliases = git.aliases ?? {};
  const known = () => [...new Set([...repo.refs().keys(), ...Object.keys(aliases)])].sort().join(', ') || 'none';
  const at = (text: string): [number, number] => {
    const p = source.locate(text);
    return [p.line, p.column];
  };
  const resolve = (name: string, where: { file: string; line: number; column: number }, what: string): string | undefined => {
    const target = aliases[name] ?? name;
    const commit = repo.resolve(target);
    if (!commit) {
      diagnostics.push(
        error(where.file, where.line, where.column, `${what} \`${name}\`${target !== name ? ` (alias of \`${target}\`)` : ''} is not a ref of ${repo.source}`, {
          hint: `Refs there: ${known()}. Fix the name, or map it to one with \`aliases: { ${JSON.stringify(name)}: '<ref>' }\` in the git section of the config.`,
        }),
      );
    }
    return commit;
  };
  const configAt = (text: string) => {
    const [line, column] = at(text);
    return { file: source.configFile, line, column };
  };

  const layoutRef = git.layoutRef ?? DEFAULT_LAYOUT_REF;
  const layoutCommit = resolve(layoutRef, configAt(layoutRef), 'The layout ref');
  if (!layoutCommit) return { diagnostics };

  let ids: string[];
  let latest: string | undefined;
  let old: Set<string>;
  const listed = overrides.versions ?? (Array.isArray(git.versions) ? git.versions : undefined);
  if (listed) {
    ids = listed;
    latest = overrides.latest ?? git.latest;
    // A list of refs: those after latest are old, unless the config says which.
    const cut = latest ? ids.indexOf(latest) : 0;
    old = new Set(git.old ?? ids.slice(cut + 1));
  } else {
    const fileSpec = Array.isArray(git.versions) || !git.versions ? { file: `${git.docs ?? DEFAULT_DOCS}/active_versions.json` } : git.versions;
    const fileRef = fileSpec.ref ?? layoutRef;
    const fileCommit = fileRef === layoutRef ? layoutCommit : resolve(fileRef, configAt(fileRef), 'The versions file ref');
    if (!fileCommit) return { diagnostics };
    const shown = `${fileRef}:${fileSpec.file}`;
    const text = await repo.readFile(fileCommit, fileSpec.file);
    if (text === undefined) {
      diagnostics.push(error(source.configFile, ...at(fileSpec.file), `${shown} does not exist`, { hint: `Name the file that lists the versions (Gloo: docs/active_versions.json), or list the refs: \`versions: ['main', 'v1.16.x']\`.` }));
      return { diagnostics };
    }
    let parsed: unknown;
    try {
      parsed = JSON5.parse(text);
    } catch (e) {
      const m = /at (\d+):(\d+)/.exec((e as Error).message);
      diagnostics.push(error(shown, Number(m?.[1] ?? 0), Number(m?.[2] ?? 0), `Not valid JSON: ${(e as Error).message.replace(/^JSON5: /, '')}`, { hint: 'The file holds { "latest": "v1.16.x", "versions": ["main", "v1.16.x"], "oldVersions": ["v1.15.x"] }.' }));
      return { diagnostics };
    }
    const checked = ActiveVersions.safeParse(parsed);
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      diagnostics.push(error(shown, lineOfKey(text, String(issue.path[0] ?? '')), 0, `\`${issue.path.join('.') || '(root)'}\`: ${issue.message}`, { hint: 'The file holds { "latest": "v1.16.x", "versions": ["main", "v1.16.x"], "oldVersions": ["v1.15.x"] }.' }));
      return { diagnostics };
    }
    const { versions, oldVersions } = checked.data;
    latest = overrides.latest ?? checked.data.latest;
    // build-docs.sh refuses a latest version that is not in `versions`.
    if (!overrides.latest && !versions.includes(latest)) {
      diagnostics.push(error(shown, lineOfKey(text, 'latest'), 0, `latest version \`${latest}\` is not in \`versions\``, { hint: 'Update the versions in active_versions.json (build-docs.sh refuses this too).' }));
      return { diagnostics };
    }
    ids = [...versions, ...oldVersions];
    old = new Set(git.old ?? oldVersions);
    // A name in the file that is no ref is reported at its line in the file.
    for (const id of ids) {
      if (!repo.resolve(aliases[id] ?? id)) resolve(id, { file: shown, ...positionOf(text, `"${id}"`) }, 'Version');
    }
    if (hasErrorsSince(diagnostics)) return { diagnostics };
  }

  if (ids.length === 0) {
    diagnostics.push(error(source.configFile, 0, 0, 'No docs version to build', { hint: 'List at least one ref in `versions`, or pass --versions main,v1.16.x.' }));
    return { diagnostics };
  }
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate) diagnostics.push(error(source.configFile, ...at(duplicate), `Version \`${duplicate}\` is listed twice`, { hint: 'Each ref is one docs version; remove the repeat.' }));
  latest ??= ids.find((id) => !/^(main|master)$/.test(id)) ?? ids[0]!;
  if (!ids.includes(latest)) {
    diagnostics.push(error(source.configFile, ...at(latest), `The latest version \`${latest}\` is not one of the versions (${ids.join(', ')})`, { hint: 'Pass --latest with one of them, or add it to the versions.' }));
    return { diagnostics };
  }
  const versions: PlannedVersion[] = [];
  const latestIndex = ids.indexOf(latest);
  ids.forEach((id, i) => {
    const commit = resolve(id, listed && overrides.versions ? { file: '--versions', line: 0, column: 0 } : configAt(id), 'Version');
    if (!commit) return;
    const status: VersionStatus = id === latest ? 'latest' : old.has(id) || i > latestIndex ? 'supported' : 'unreleased';
    versions.push({ id, ref: aliases[id] ?? id, commit, status });
  });
  if (hasErrorsSince(diagnostics)) return { diagnostics };
  return { plan: { versions, latest, layout: { ref: layoutRef, commit: layoutCommit } }, diagnostics };
}

function hasErrorsSince(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

function lineOfKey(text: string, key: string): number {
  const i = text.search(new RegExp(`["']?${key}["']?\\s*:`));
  return i < 0 ? 0 : text.slice(0, i).split('\n').length;
}

/** 1-based line and column of `needle` in `text`; 0, 0 when it is not there. */
function positionOf(text: string, needle: string): { line: number; column: number } {
  const i = text.indexOf(needle);
  if (i < 0) return { line: 0, column: 0 };
  const before = text.slice(0, i).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}
