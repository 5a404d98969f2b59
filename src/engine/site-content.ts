/**
 * The content side of a build: the pages (drafts left out), custom
 * shortcodes, the site index, data files, and the compile environment built
 * from them. Every path comes from the site config and is resolved against
 * the config file's folder.
 */
import path from 'node:path';
import type { LoadedConfig } from '../config/load.ts';
import type { Diagnostic } from '../util/diagnostics.ts';
import type { CompileEnv } from '../markdown/compile.ts';
import { createEnv } from '../markdown/render.ts';
import { SNIPPET_DIR } from '../markdown/snippets.ts';
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

/**
 * The environment for rendering one page on its own (`npm run render`): the
 * config's custom shortcodes and data folder, and the content tree the page
 * sits in (the config's content folder, else the docs root), so `children`,
 * `ref` and relative links work. File names are relative to the current
 * directory, as the page's is.
 */
export async function pageEnv(loaded: LoadedConfig, root: string, page: string): Promise<{ env: CompileEnv; diagnostics: Diagnostic[] }> {
  const { config, projectDir } = loaded;
  const diagnostics: Diagnostic[] = [];
  const cwd = process.cwd();
  const file = path.resolve(page);
  const inside = (dir: string) => !path.relative(dir, file).startsWith('..');
  const contentDir = [path.resolve(projectDir, config.content), root].find(inside);
  let site;
  if (contentDir) {
    const all = loadContent(cwd, contentDir, { exclude: [path.resolve(projectDir, config.snippets), path.join(root, SNIPPET_DIR), path.join(cwd, 'node_modules')] });
    site = indexContent(all, contentDir, { drafts: true }).index;
  }
  const custom = config.shortcodes ? await loadCustomShortcodes(config.shortcodes, projectDir) : undefined;
  if (custom) diagnostics.push(...custom.diagnostics);
  const env = await createEnv({
    root,
    changeSlots: CHANGE_SLOTS,
    ...(site ? { site } : {}),
    ...(custom ? { custom: custom.definitions, customDir: custom.dir } : {}),
    ...(config.data ? { dataDir: path.resolve(projectDir, config.data) } : {}),
  });
  return { env, diagnostics };
}
