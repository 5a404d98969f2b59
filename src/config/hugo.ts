/**
 * Zero-config: a Hugo docs folder read as it stands (`--hugo <folder>`).
 * Its config file (`hugo.toml`, `config.toml`, or the one TOML file at its
 * top, as Gloo's `docs.toml`) gives what a reader sees: the site title, the
 * logo (`params.logoPath`), the header links (`menu.shortcuts`) and the
 * files Hugo skips (`ignoreFiles`). The site's path comes from `baseURL`, or
 * from the `DocsVersion: /<path>/$version` line Gloo's `build-docs.sh` writes
 * into `data/Solo.yaml`. `content/`, `data/` and a `changelog/` beside the
 * folder are taken where Hugo (and Gloo's build) find them. Nothing in the
 * folder is written.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse as parseToml, TomlError } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import { z } from 'astro/zod';
import { DiagnosticsError, error } from '../util/diagnostics.ts';
import { walkDir } from '../util/walk.ts';
import { resolveConfig, type HeaderLink } from './define.ts';
import type { LoadedConfig } from './load.ts';

/** Hugo's own config names, in its order; then any single `*.toml` at the top (Gloo's `docs.toml`, passed to `hugo --config`). */
const CONFIG_NAMES = ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', 'config.toml', 'config.yaml', 'config.yml', 'config.json'];

/** The part of a Hugo config a reader sees; everything else is Hugo's business and ignored. */
const HugoConfig = z
  .object({
    baseURL: z.string().optional(),
    title: z.string().optional(),
    contentDir: z.string().optional(),
    dataDir: z.string().optional(),
    layoutDir: z.string().optional(),
    ignoreFiles: z.array(z.string()).optional(),
    params: z.object({ logoPath: z.string().optional() }).passthrough().optional(),
    menu: z
      .object({ shortcuts: z.array(z.object({ name: z.string(), url: z.string(), weight: z.number().optional() }).passthrough()).optional() })
      .passthrough()
      .optional(),
  })
  .passthrough();

export type HugoSettings = z.infer<typeof HugoConfig>;

/** The config file of a Hugo folder, or an error saying what was looked for. */
export function findHugoConfig(folder: string): string {
  const shown = path.relative(process.cwd(), folder) || '.';
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new DiagnosticsError([error(shown, 0, 0, 'Hugo folder not found', { hint: 'Pass the folder that holds the Hugo config and content/, e.g. --hugo docs.' })]);
  }
  const named = CONFIG_NAMES.find((name) => existsSync(path.join(folder, name)));
  if (named) return path.join(folder, named);
  const toml = (walkDir(folder, { shallow: true }) ?? []).map((e) => e.name).filter((name) => name.endsWith('.toml'));
  if (toml.length === 1) return path.join(folder, toml[0]!);
  throw new DiagnosticsError([
    error(shown, 0, 0, toml.length ? `Several TOML files, none of them Hugo's config: ${toml.join(', ')}` : 'No Hugo config file in this folder', {
      hint: `Hugo reads ${CONFIG_NAMES.slice(0, 1).concat('config.toml').join(' or ')}; name one of them so, or keep a single *.toml file at the top.`,
    }),
  ]);
}

/** Parses a Hugo config file (TOML, YAML or JSON); a syntax error is reported at its line. */
export function readHugoConfig(file: string): HugoSettings {
  const text = readFileSync(file, 'utf8');
  const shown = path.relative(process.cwd(), file);
  let raw: unknown;
  try {
    raw = file.endsWith('.toml') ? parseToml(text) : file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    const at = e instanceof TomlError ? { line: e.line, column: e.column } : { line: 1, column: 1 };
    const reason = (e as Error).message.split('\n')[0]!.replace(/^Invalid TOML document: /, '');
    throw new DiagnosticsError([error(shown, at.line, at.column, `Hugo config cannot be read: ${reason}`, { hint: 'Fix the syntax; Hugo would refuse this file too.' })]);
  }
  const parsed = HugoConfig.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = issue.path.join('.');
    throw new DiagnosticsError([error(shown, lineOfKey(text, String(issue.path[issue.path.length - 1] ?? key)), 1, `Hugo config: \`${key}\` ${issue.message.toLowerCase()}`, { hint: 'Hugo reads this setting with another type; fix its value.' })]);
  }
  return parsed.data;
}

/** The site path the pages are served under: `/gloo-edge/` from Gloo's build script, else baseURL's path. */
export function sitePath(folder: string, settings: HugoSettings): string {
  const script = path.join(folder, 'build-docs.sh');
  if (existsSync(script)) {
    const m = /DocsVersion:\s*(\/[^\s$"']*?)\/?\$/.exec(readFileSync(script, 'utf8'));
    if (m) return `${m[1]!.replace(/\/+$/, '')}/`;
  }
  try {
    return new URL(settings.baseURL ?? '/', 'http://x').pathname.replace(/\/?$/, '/');
  } catch {
    return '/';
  }
}

/** Header links from `menu.shortcuts`, by weight; their names are HTML in Hugo (icons), shown here as text. */
export function headerLinks(settings: HugoSettings): HeaderLink[] {
  const items = [...(settings.menu?.shortcuts ?? [])].sort((a, b) => (a.weight ?? 0) - (b.weight ?? 0));
  return items.map((item) => ({ name: item.name.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim(), url: item.url }));
}

/** A Hugo docs folder as a loaded site config, paths absolute. */
export function loadHugoFolder(folderArg: string, cwd = process.cwd()): LoadedConfig {
  const folder = path.resolve(cwd, folderArg);
  const file = findHugoConfig(folder);
  const settings = readHugoConfig(file);
  const content = path.join(folder, settings.contentDir ?? 'content');
  const data = path.join(folder, settings.dataDir ?? 'data');
  const layouts = path.join(folder, settings.layoutDir ?? 'layouts');
  const changelog = path.join(folder, '..', 'changelog');
  const title = settings.title?.trim() || path.basename(folder);
  const logo = settings.params?.logoPath?.replace(/^\/+/, '');
  const config = resolveConfig({
    root: content,
    content,
    snippets: path.join(content, 'static', 'content'),
    ...(existsSync(data) ? { data } : {}),
    // The site's own shortcode templates (`layouts/shortcodes/`), run as Hugo runs them.
    ...(existsSync(layouts) ? { layouts } : {}),
    ...(settings.params ? { params: settings.params } : {}),
    // The open source changelog sits beside the docs folder; the enterprise one is not in the repository.
    changelog: { open_source: existsSync(changelog) ? [changelog] : [], enterprise: [] },
    base: sitePath(folder, settings),
    title,
    product: title.replace(/\s+(docs|documentation)$/i, ''),
    ...(logo ? { logo } : {}),
    headerLinks: headerLinks(settings),
    ignoreFiles: settings.ignoreFiles ?? [],
    // One branch of the docs is one docs version: the newest line its changelog knows.
    versions: { newest: 1 },
    outDir: path.resolve(cwd, 'dist'),
  });
  return { config, projectDir: cwd, hugo: { folder, file } };
}

function lineOfKey(text: string, key: string): number {
  const i = text.split('\n').findIndex((line) => new RegExp(`^\\s*${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*=`).test(line));
  return i + 1 || 1;
}
