/** Loads `docs.config.ts` (or the file given) and resolves it against its folder. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticsError, error } from '../util/diagnostics.ts';
import { resolveConfig, type SiteConfig, type UserConfig } from './define.ts';

export const CONFIG_FILE = 'docs.config.ts';

export interface LoadedConfig {
  config: SiteConfig;
  /** The folder paths in the config are relative to. */
  projectDir: string;
  /** The config file, when there was one. */
  file?: string;
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
  return { config: resolveConfig(user), projectDir: path.dirname(configFile), file: configFile };
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
