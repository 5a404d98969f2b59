/**
 * The Hugo side of the benchmark, built as Gloo does: one `hugo` run per docs
 * version, each from a project folder holding that version's snippet files
 * (`static/content/version_<key>.md`) and a config that names the version's
 * base path. The pages are a copy of the corpus's own (the
 * same Markdown, the same shortcode calls, with the change lists our build
 * fills written in, so both sides render the same content). Two layouts: the
 * page body alone (our shortcode templates and a minimal layout in
 * bench/hugo/layouts/, the theme `hugo` from the folder bench/), and the Solo
 * theme that Gloo builds with (sidebar of every page, search JSON), from the
 * fixtures beside this repository when they are there.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { guideSections, GUIDE_LABELS, renderGuideList } from '../src/changelog/guide-sections.ts';
import type { Release } from '../src/changelog/types.ts';
import { loadVersions } from '../src/engine/load-versions.ts';
import { loadedConfig, REPO, type CorpusInfo, type CorpusVersion } from './corpus.ts';

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

/** The layout Hugo renders pages with: the page body alone (bench/hugo/layouts), or the Solo theme Gloo builds with. */
export type HugoLayout = 'body' | 'solo';

/** The Solo theme's templates (the developers' fixtures beside this repository), when present. */
export const SOLO_THEME_DIR = path.resolve(REPO, '..', 'shared', 'fixtures', 'hugo-theme-soloio');

export function hasSoloTheme(): boolean {
  return existsSync(path.join(SOLO_THEME_DIR, 'layouts'));
}

export interface HugoProject {
  version: CorpusVersion;
  /** The project folder (`--source`); readfile paths are relative to it. */
  dir: string;
  /** Config files: the body layout with code highlighting on and off; the Solo theme (highlighting on, as Gloo). */
  config: { highlight: string; plain: string; solo?: string };
}

const UNSAFE_HTML = `[markup]
  [markup.goldmark.renderer]
    unsafe = true`;

function configToml(info: CorpusInfo, version: CorpusVersion, highlight: boolean): string {
  return `# Benchmark: docs version ${version.id} of ${info.pages} pages.
baseURL = "${version.base}/"
title = "Gloo Edge"
themesDir = ${JSON.stringify(HUGO_THEME_DIR)}
theme = "hugo"
disableKinds = ["taxonomy", "term"]
enableGitInfo = false

[params]
  docsVersion = "${version.id}"
  versionBase = "${version.base}"

${UNSAFE_HTML}
  [markup.highlight]
    codeFences = ${highlight}
    guessSyntax = false
    noClasses = true
`;
}

/** Gloo's own `docs/docs.toml` settings that shape the rendering (theme, highlighting, the search JSON), for one version. */
function soloConfigToml(info: CorpusInfo, version: CorpusVersion): string {
  return `# Benchmark: docs version ${version.id} of ${info.pages} pages, with the Solo theme as Gloo's docs.toml sets it.
baseURL = "https://docs.solo.io"
languageCode = "en-us"
title = "Gloo Edge Docs"
themesDir = ${JSON.stringify(path.dirname(SOLO_THEME_DIR))}
theme = ${JSON.stringify(path.basename(SOLO_THEME_DIR))}
disableKinds = ["taxonomy", "term"]
enableGitInfo = false
pygmentsCodeFences = true
pygmentsOptions = "nowrap=true"
pygmentsUseClasses = true
pygmentsUseClassic = false
pygmentsStyle = "manni"

[outputs]
home = [ "HTML", "JSON"]

[params]
author = "Solo.io"
description = "Documentation for Solo.io Gloo Edge"
disableSearch = false
disableInlineCopyToClipBoard = true
disableBreadcrumb = true
ordersectionsby = "weight"
themeStyle = "flex"
disableNavChevron = true
logoPath = "/img/logo.png"

${UNSAFE_HTML}
`;
}

/**
 * The version's copy of the pages, with the change lists our build fills under the guide's labels written
 * in as HTML, so Hugo renders the same content as ours (Hugo itself would leave them empty).
 */
function writeContent(info: CorpusInfo, version: CorpusVersion, releases: readonly Release[], dest: string): void {
  const sections = guideSections(releases, version.minor);
  for (const f of info.files) {
    let text = readFileSync(path.join(info.dir, f.file), 'utf8');
    for (const label of GUIDE_LABELS) {
      text = text.replace(`**${label.label}**:\n`, () => `**${label.label}**:\n\n${renderGuideList(sections[label.key], label, version.minor)}\n`);
    }
    const file = path.join(dest, path.relative('content', f.file));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}

/** One Hugo project folder per docs version under `root`. */
export function prepareHugo(info: CorpusInfo, root: string): HugoProject[] {
  const { releases } = loadVersions(loadedConfig(info));
  const solo = hasSoloTheme();
  return info.docsVersions.map((version) => {
    const dir = path.join(root, version.id);
    const snippets = path.join(dir, 'static', 'content');
    mkdirSync(snippets, { recursive: true });
    for (const [key, value] of Object.entries(version.values)) writeFileSync(path.join(snippets, `version_${key}.md`), value);
    writeContent(info, version, releases, path.join(dir, 'content'));
    // The Solo theme reads the version's URL prefix from data/Solo.yaml, as Gloo's build-docs.sh writes it.
    mkdirSync(path.join(dir, 'data'), { recursive: true });
    writeFileSync(path.join(dir, 'data', 'Solo.yaml'), `LatestVersion: ${info.docsVersions[0]!.id}\nDocsVersion: ${version.base}\nCodeVersion: ${version.id}\n`);
    const config = { highlight: path.join(dir, 'config-highlight.toml'), plain: path.join(dir, 'config-plain.toml'), ...(solo ? { solo: path.join(dir, 'config-solo.toml') } : {}) };
    writeFileSync(config.highlight, configToml(info, version, true));
    writeFileSync(config.plain, configToml(info, version, false));
    if (config.solo) writeFileSync(config.solo, soloConfigToml(info, version));
    return { version, dir, config };
  });
}

/** The arguments of one Hugo run (`hugo` itself not included): the body layout with highlighting on or off, or the Solo theme. */
export function hugoArgs(project: HugoProject, mode: 'highlight' | 'plain' | 'solo', destination: string, cacheDir: string): string[] {
  const config = project.config[mode];
  if (!config) throw new Error(`no ${mode} config for ${project.version.id} (the Solo theme is not at ${SOLO_THEME_DIR})`);
  return ['--quiet', '--source', project.dir, '--config', config, '--destination', destination, '--cacheDir', cacheDir, '--noBuildLock'];
}
