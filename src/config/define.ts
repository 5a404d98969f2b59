/**
 * The site config: where a docs tree's parts are and how the site is served.
 * `docs.config.ts` at the project root default-exports `defineConfig({...})`;
 * every field is optional and defaults to this repository's sample. The keys,
 * types and defaults are the schema's (src/config/schema.ts).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { siteConfigSchema, type SiteConfig, type UserConfig } from './schema.ts';

export type { GitConfig, HeaderLink, RedirectRule, SiteConfig, UserConfig } from './schema.ts';

/** Every default. */
export const DEFAULTS: SiteConfig = siteConfigSchema.parse({});

/** Hugo's `data` or `layouts` folder (absolute): the config's, else the docs root's when it exists. */
export function hugoFolder(config: SiteConfig, projectDir: string, kind: 'data' | 'layouts'): string | undefined {
  const named = config[kind];
  if (named !== undefined) return path.resolve(projectDir, named);
  const beside = path.resolve(projectDir, config.root, kind);
  return existsSync(beside) ? beside : undefined;
}

/** Typed helper for `docs.config.ts`. */
export function defineConfig(config: UserConfig): UserConfig {
  return config;
}

/** The config with its defaults filled in; throws on a config that does not fit the schema (loadConfig reports it with file:line). */
export function resolveConfig(user: UserConfig): SiteConfig {
  return siteConfigSchema.parse(user);
}
