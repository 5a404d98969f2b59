/**
 * One page, one docs version: compile + instantiate, for the `render`
 * command and tests. Builds share the compiled page across versions instead.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../util/diagnostics.ts';
import { Registry } from '../shortcodes/registry.ts';
import type { ShortcodeDefinition } from '../shortcodes/types.ts';
import type { ChangeSlot } from './change-slots.ts';
import { compilePage, type CompileEnv } from './compile.ts';
import { DataFiles } from './data-files.ts';
import { DocsRoot } from './docs-root.ts';
import { loadHighlighter } from './highlight.ts';
import { instantiate, type InstantiatedPage, type VersionContext } from './instantiate.ts';
import type { SiteIndex } from './site-index.ts';
import { SNIPPET_KEYS } from './snippets.ts';

export interface EnvOptions {
  /** The docs root: `readfile` paths are relative to it. */
  root: string;
  /** Hugo's content folder: `readfile` looks there too (first for a path with a leading `/`). */
  contentDir?: string;
  custom?: readonly ShortcodeDefinition[];
  customDir?: string;
  snippetKeys?: readonly string[];
  changeSlots?: readonly ChangeSlot[];
  /** The content tree's pages, for `children`, `ref` and relative links. */
  site?: SiteIndex;
  /** Hugo's `data/` folder (absolute or relative to the current directory). */
  dataDir?: string;
  /** The folder messages name files relative to: the project's, as its pages are named (default: the current directory). */
  shownFrom?: string;
  /** Hugo's site parameters (`.Site.Params`); keys are matched case-insensitively, as Hugo does. */
  siteParams?: Readonly<Record<string, unknown>>;
}

export async function createEnv(options: EnvOptions): Promise<CompileEnv> {
  const env: CompileEnv = {
    registry: new Registry(options.custom, options.customDir),
    root: new DocsRoot(options.root, options.contentDir, options.shownFrom),
    highlighter: await loadHighlighter(),
    snippetKeys: new Set(options.snippetKeys ?? SNIPPET_KEYS),
  };
  if (options.changeSlots) env.changeSlots = options.changeSlots;
  if (options.site) env.site = options.site;
  env.data = new DataFiles(options.dataDir, options.shownFrom);
  if (options.siteParams) env.siteParams = Object.fromEntries(Object.entries(options.siteParams).map(([k, v]) => [k.toLowerCase(), v]));
  return env;
}

export interface RenderResult extends InstantiatedPage {
  /** Files of the content tree the page links to. */
  files: string[];
  frontMatter: Record<string, unknown>;
}

/** Render a file (path relative to the current directory or absolute) for one version. */
export function renderFile(env: CompileEnv, file: string, version: VersionContext, displayName = file): RenderResult {
  return renderSource(env, displayName, readFileSync(path.resolve(file), 'utf8'), version);
}

export function renderSource(env: CompileEnv, file: string, source: string, version: VersionContext): RenderResult {
  const compiled = compilePage(file, source, env);
  const result = instantiate(compiled, version);
  const diagnostics: Diagnostic[] = [...compiled.diagnostics, ...result.diagnostics];
  return { ...result, diagnostics, frontMatter: compiled.frontMatter, files: compiled.files };
}
