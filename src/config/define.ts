/**
 * The site config: where a docs tree's parts are and how the site is served.
 * `docs.config.ts` at the project root default-exports `defineConfig({...})`;
 * every field is optional and defaults to this repository's sample. The keys,
 * types and defaults are the schema's (src/config/schema.ts).
 */
import { siteConfigSchema, type SiteConfig, type UserConfig } from './schema.ts';

export type { SiteConfig, UserConfig } from './schema.ts';

/** Every default. */
export const DEFAULTS: SiteConfig = siteConfigSchema.parse({});

/** Typed helper for `docs.config.ts`. */
export function defineConfig(config: UserConfig): UserConfig {
  return config;
}

/** The config with its defaults filled in; throws on a config that does not fit the schema (loadConfig reports it with file:line). */
export function resolveConfig(user: UserConfig): SiteConfig {
  return siteConfigSchema.parse(user);
}
