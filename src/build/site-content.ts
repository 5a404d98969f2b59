/**
 * The content side of a build: the pages (drafts left out), custom
 * shortcodes, the site index, data files, and the compile environment built
 * from them. Every path comes from the site config and is resolved against
 * the config file's folder.
 */
import path from 'node:path';
import type { LoadedConfig } from '../config/load.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { CompileEnv } from '../pipeline/compile.ts';
import { createEnv } from '../pipeline/render.ts';
import { loadCustomShortcodes } from '../shortcodes/custom.ts';
import { loadContent, type SourcePage } from './content.ts';
import { indexContent, type Alias } from './page-index.ts';
import { CHANGE_SLOTS } from './render-site.ts';

export interface SiteContent {
  env: CompileEnv;
  pages: SourcePage[];
  aliases: Alias[];
  /** The content folder (absolute): resources and linked files are copied from it. */
  contentDir: string;
  diagnostics: Diagnostic[];
}

export async function loadSiteContent(loaded: LoadedConfig, options: { drafts?: boolean } = {}): Promise<SiteContent> {
  const { config, projectDir } = loaded;
  const diagnostics: Diagnostic[] = [];
  const contentDir = path.resolve(projectDir, config.content);
  const all = loadContent(projectDir, config.content, { exclude: [config.snippets] });
  const indexed = indexContent(all, contentDir, options);
  diagnostics.push(...indexed.diagnostics);
  const custom = config.shortcodes ? await loadCustomShortcodes(config.shortcodes, projectDir) : undefined;
  if (custom) diagnostics.push(...custom.diagnostics);
  const env = await createEnv({
    root: path.resolve(projectDir, config.root),
    changeSlots: CHANGE_SLOTS,
    site: indexed.index,
    ...(custom ? { custom: custom.definitions, customDir: custom.dir } : {}),
    ...(config.data ? { dataDir: path.resolve(projectDir, config.data) } : {}),
  });
  return { env, pages: indexed.pages, aliases: indexed.aliases, contentDir, diagnostics };
}
