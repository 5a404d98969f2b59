/** Loads `docs.config.ts` (or the file given) and resolves it against its folder. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { z } from 'astro/zod';
import { DiagnosticsError, error, type Diagnostic } from '../util/diagnostics.ts';
import { lineIndex } from '../util/line-index.ts';
import { didYouMean } from '../util/suggest.ts';
import { resolveConfig, type SiteConfig, type UserConfig } from './define.ts';
import { describeKey, knownKeys, siteConfigSchema } from './schema.ts';
import { loadHugoFolder } from './hugo.ts';

export const CONFIG_FILE = 'docs.config.ts';

export interface LoadedConfig {
  config: SiteConfig;
  /** The folder paths in the config are relative to. */
  projectDir: string;
  /** The config file, when there was one. */
  file?: string;
  /** Set when the site is a Hugo docs folder read as it stands (`--hugo`): the folder and its Hugo config file. */
  hugo?: { folder: string; file: string };
  /** Where caches go, when not in the project's `node_modules/.cache/versioned-docs/` (a docs version read from git: its files are in the cache). */
  cacheDir?: string;
}

export async function loadConfig(file?: string, cwd = process.cwd()): Promise<LoadedConfig> {
  const configFile = path.resolve(cwd, file ?? CONFIG_FILE);
  if (!existsSync(configFile)) {
    if (file) throw new DiagnosticsError([error(file, 0, 0, 'Config file not found', { hint: `Pass an existing file to --config, or omit it to use ${CONFIG_FILE}.` })]);
    return { config: resolveConfig({}), projectDir: cwd };
  }
  let user: UserConfig;
  try {
    const mod = (await import(pathToFileURL(configFile).href)) as { default?: UserConfig };
    user = mod.default ?? {};
  } catch (e) {
    const rel = path.relative(cwd, configFile);
    throw new DiagnosticsError([error(rel, 0, 0, `Config file cannot be loaded: ${(e as Error).message}`, { hint: 'It must be a TypeScript module with `export default defineConfig({...})`.' })]);
  }
  const rel = path.relative(cwd, configFile) || configFile;
  const parsed = siteConfigSchema.safeParse(user);
  if (!parsed.success) throw new DiagnosticsError(configProblems(parsed.error.issues, rel, readFileSync(configFile, 'utf8')));
  return { config: parsed.data, projectDir: path.dirname(configFile), file: configFile };
}

/** `versions.newest`, `changelog.open_source[0]`. */
function keyPath(keys: readonly PropertyKey[]): string {
  return keys.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`)).join('');
}

/**
 * Where a key stands in the config's text, 1-based: each key of the path is
 * looked for after its parent's (`key:`, `'key':` or `"key":`); an array
 * index stays on its array's key. Line 0 when the key is not written there.
 */
export function locateKey(source: string, keys: readonly PropertyKey[]): { line: number; column: number } {
  const start = source.search(/export\s+default\b/);
  let from = start < 0 ? 0 : start;
  let found = -1;
  for (const key of keys) {
    if (typeof key !== 'string') continue;
    const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = new RegExp(`(?<![\\w$])(['"]?)${escaped}\\1\\s*:`, 'g');
    pattern.lastIndex = from;
    const m = pattern.exec(source);
    if (!m) break;
    found = m.index;
    from = m.index + m[0].length;
  }
  return found < 0 ? { line: 0, column: 0 } : lineIndex(source).toPoint(found);
}

/** One diagnostic per schema violation, at the key in the config file, with what the key takes as the hint. */
function configProblems(issues: readonly z.core.$ZodIssue[], file: string, source: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys(issue.path);
      for (const key of issue.keys) {
        const where = locateKey(source, [...issue.path, key]);
        const close = didYouMean(key, known);
        const name = keyPath([...issue.path, key]);
        out.push(error(file, where.line, where.column, `Unknown config key \`${name}\``, {
          excerpt: key,
          hint: close ? `Did you mean \`${close}\`? ${describeKey([...issue.path, close]) ?? ''}`.trim() : `Known keys${issue.path.length ? ` of \`${keyPath(issue.path)}\`` : ''}: ${known.join(', ')}.`,
        }));
      }
      continue;
    }
    const where = locateKey(source, issue.path);
    const message = issue.message.replace(/^Invalid input: /, '');
    out.push(error(file, where.line, where.column, issue.path.length ? `Config key \`${keyPath(issue.path)}\`: ${message}` : `The config: ${message}`, {
      hint: describeKey(issue.path) ?? 'The config file default-exports `defineConfig({...})`.',
    }));
  }
  return out;
}

/** The site the command line names: a Hugo folder (`--hugo docs`), else a config file (`--config`), else `docs.config.ts`. */
export async function loadSite(options: { config?: string | undefined; hugo?: string | undefined }, cwd = process.cwd()): Promise<LoadedConfig> {
  if (options.hugo !== undefined && options.config !== undefined) {
    throw new DiagnosticsError([error(options.config, 0, 0, '--config and --hugo name two sites', { hint: 'Pass one: --hugo <folder> builds a Hugo docs folder with no config file of ours.' })]);
  }
  return options.hugo !== undefined ? loadHugoFolder(options.hugo, cwd) : loadConfig(options.config, cwd);
}

/** Where a quoted string (`'v1.9.x'` or `"v1.9.x"`) stands in the config file, 1-based; line 0 when it is not there. */
export function locateInConfig(loaded: LoadedConfig, text: string): { line: number; column: number } {
  if (!loaded.file) return { line: 0, column: 0 };
  const source = readFileSync(loaded.file, 'utf8');
  const offset = [`'${text}'`, `"${text}"`, `\`${text}\``].map((q) => source.indexOf(q)).find((i) => i !== -1);
  return offset === undefined ? { line: 0, column: 0 } : lineIndex(source).toPoint(offset);
}
