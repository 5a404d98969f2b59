/**
 * The Hugo side of the benchmark, built as Gloo does: one `hugo` run per docs
 * version, each from a project folder holding that version's snippet files
 * (`static/content/version_<key>.md`) and a config that names the version's
 * base path. The pages are the corpus's own (`contentDir` points at them: the
 * same Markdown, the same shortcode calls); the shortcode templates and a
 * minimal layout that outputs the page body are ours, in bench/hugo/layouts/
 * (used as the theme `hugo` from the folder bench/).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO, type CorpusInfo, type CorpusVersion } from './corpus.ts';

export const HUGO_THEME_DIR = path.join(REPO, 'bench');

/** The `hugo` binary on PATH (or $HUGO), or undefined when there is none. */
export function findHugo(): string | undefined {
  const candidates = [process.env.HUGO, ...(process.env.PATH ?? '').split(path.delimiter).map((d) => path.join(d, 'hugo')), '/usr/bin/hugo'];
  for (const c of candidates) if (c && existsSync(c)) return c;
  return undefined;
}

export function hugoVersion(hugo: string): string {
  const r = spawnSync(hugo, ['version'], { encoding: 'utf8' });
  return (r.stdout || r.stderr).trim().split('\n')[0] ?? 'unknown';
}

export interface HugoProject {
  version: CorpusVersion;
  /** The project folder (`--source`); readfile paths are relative to it. */
  dir: string;
  /** Config files: code highlighting on and off. */
  config: { highlight: string; plain: string };
}

function configToml(info: CorpusInfo, version: CorpusVersion, highlight: boolean): string {
  return `# Benchmark: docs version ${version.id} of ${info.pages} pages.
baseURL = "${version.base}/"
title = "Gloo Edge"
contentDir = ${JSON.stringify(path.join(info.dir, 'content'))}
themesDir = ${JSON.stringify(HUGO_THEME_DIR)}
theme = "hugo"
disableKinds = ["taxonomy", "term"]
enableGitInfo = false

[params]
  docsVersion = "${version.id}"
  versionBase = "${version.base}"

[markup]
  [markup.goldmark.renderer]
    unsafe = true
  [markup.highlight]
    codeFences = ${highlight}
    guessSyntax = false
    noClasses = true
`;
}

/** One Hugo project folder per docs version under `root`. */
export function prepareHugo(info: CorpusInfo, root: string): HugoProject[] {
  return info.docsVersions.map((version) => {
    const dir = path.join(root, version.id);
    const snippets = path.join(dir, 'static', 'content');
    mkdirSync(snippets, { recursive: true });
    for (const [key, value] of Object.entries(version.values)) writeFileSync(path.join(snippets, `version_${key}.md`), value);
    const config = { highlight: path.join(dir, 'config-highlight.toml'), plain: path.join(dir, 'config-plain.toml') };
    writeFileSync(config.highlight, configToml(info, version, true));
    writeFileSync(config.plain, configToml(info, version, false));
    return { version, dir, config };
  });
}

/** The arguments of one Hugo run (`hugo` itself not included). */
export function hugoArgs(project: HugoProject, highlight: boolean, destination: string, cacheDir: string): string[] {
  return [
    '--quiet',
    '--source', project.dir,
    '--config', highlight ? project.config.highlight : project.config.plain,
    '--destination', destination,
    '--cacheDir', cacheDir,
    '--noBuildLock',
  ];
}
