/** Loads `docs.config.ts` (or the file given) and resolves it against its folder. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticsError, error } from '../util/diagnostics.ts';
import { resolveConfig, type SiteConfig, type UserConfig } from './define.ts';
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
  return { config: resolveConfig(user), projectDir: path.dirname(configFile), file: configFile };
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
  if (offset === undefined) return { line: 0, column: 0 };
  const before = source.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}
