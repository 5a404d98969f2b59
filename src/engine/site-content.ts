/**
 * The content side of a build: the pages (drafts left out), custom
 * shortcodes, the site index, data files, and the compile environment built
 * from them. Every path comes from the site config and is resolved against
 * the config file's folder.
 */
import path from 'node:path';
import type { LoadedConfig } from '../config/load.ts';
import { DiagnosticsError, error, type Diagnostic } from '../util/diagnostics.ts';
import type { CompileEnv } from '../markdown/compile.ts';
import { createEnv } from '../markdown/render.ts';
import { SNIPPET_DIR } from '../markdown/snippets.ts';
import { hugoFolder, type SiteConfig } from '../config/define.ts';
import { loadCustomShortcodes, type CustomShortcodes } from '../shortcodes/custom.ts';
import { loadTemplateShortcodes } from '../shortcodes/templates.ts';
import { loadContent, loadContentTree, type SourcePage } from './content.ts';
import { indexContent, type Alias } from './page-index.ts';
import { CHANGE_SLOTS } from './render-site.ts';

export interface SiteContent {
  env: CompileEnv;
  pages: SourcePage[];
  aliases: Alias[];
  /** The content folder (absolute): resources and linked files are copied from it. */
  contentDir: string;
  /** Non-Markdown files outside page bundles, relative to the content folder: published as they are. */
  files: string[];
  diagnostics: Diagnostic[];
}

export async function loadSiteContent(loaded: LoadedConfig, options: { drafts?: boolean } = {}): Promise<SiteContent> {
  const { config, projectDir } = loaded;
  const diagnostics: Diagnostic[] = [];
  const contentDir = path.resolve(projectDir, config.content);
  const tree = loadContentTree(projectDir, config.content, { exclude: [config.snippets], ignore: ignorePatterns(loaded), diagnostics });
  const all = tree.pages;
  const indexed = indexContent(all, contentDir, options);
  diagnostics.push(...indexed.diagnostics);
  const custom = config.shortcodes ? await loadCustomShortcodes(config.shortcodes, projectDir) : undefined;
  if (custom) diagnostics.push(...custom.diagnostics);
  const env = await createEnv({
    root: path.resolve(projectDir, config.root),
    contentDir,
    changeSlots: CHANGE_SLOTS,
    site: indexed.index,
    // As the pages are named: relative to the project (a git build's snapshot: the repository's paths).
    shownFrom: projectDir,
    ...shortcodeOptions(config, projectDir, custom, projectDir),
  });
  return { env, pages: indexed.pages, aliases: indexed.aliases, contentDir, files: tree.files, diagnostics };
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
  const contentDir = [path.resolve(projectDir, config.content), path.join(root, 'content'), root].find(inside);
  let site;
  if (contentDir) {
    const all = loadContent(cwd, contentDir, {
      exclude: [path.resolve(projectDir, config.snippets), path.join(root, SNIPPET_DIR), path.join(cwd, 'node_modules')],
      ignore: ignorePatterns(loaded),
    });
    site = indexContent(all, contentDir, { drafts: true }).index;
  }
  const custom = config.shortcodes ? await loadCustomShortcodes(config.shortcodes, projectDir) : undefined;
  if (custom) diagnostics.push(...custom.diagnostics);
  const env = await createEnv({
    root,
    ...(contentDir ? { contentDir } : {}),
    changeSlots: CHANGE_SLOTS,
    ...(site ? { site } : {}),
    ...shortcodeOptions({ ...config, root: path.relative(projectDir, root) || '.' }, projectDir, custom),
  });
  return { env, diagnostics };
}

/**
 * What shortcodes see of the site: the site's own templates (Hugo's
 * `layouts/shortcodes/`, which win over built-ins of the same name), the
 * TypeScript modules (which win over both), the data folder, the site params.
 */
function shortcodeOptions(config: SiteConfig, projectDir: string, custom: CustomShortcodes | undefined, shownFrom?: string) {
  const layouts = hugoFolder(config, projectDir, 'layouts');
  const data = hugoFolder(config, projectDir, 'data');
  const templates = layouts ? loadTemplateShortcodes(layouts, shownFrom) : [];
  return {
    custom: [...templates, ...(custom?.definitions ?? [])],
    ...(custom ? { customDir: custom.dir } : {}),
    ...(data ? { dataDir: data } : {}),
    ...(config.params ? { siteParams: config.params } : {}),
  };
}

/** The config's `ignoreFiles` as regular expressions; one that does not compile is reported at the config file. */
function ignorePatterns(loaded: LoadedConfig): RegExp[] {
  return loaded.config.ignoreFiles.map((pattern) => {
    try {
      return new RegExp(pattern);
    } catch (e) {
      const file = path.relative(process.cwd(), loaded.hugo?.file ?? loaded.file ?? 'docs.config.ts');
      throw new DiagnosticsError([error(file, 0, 0, `ignoreFiles: \`${pattern}\` is not a regular expression (${(e as Error).message})`, { hint: 'Fix the pattern; Hugo would refuse it too.' })]);
    }
  });
}
