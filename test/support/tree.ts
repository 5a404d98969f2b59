/** Small Hugo trees of our own: write files to a temporary project, index them, render every page. */
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import type { Root } from 'hast';
import { loadContent, type SourcePage } from '../../src/engine/content.ts';
import { indexContent, type IndexedContent } from '../../src/engine/page-index.ts';
import { createEnv, renderSource, type EnvOptions, type RenderResult } from '../../src/markdown/render.ts';
import type { CompileEnv } from '../../src/markdown/compile.ts';
import { docsRoot, V117 } from './pipeline.ts';

/** A temporary project holding the given files (path → text or bytes). */
export const project = docsRoot;

export interface RenderedTree {
  dir: string;
  env: CompileEnv;
  content: IndexedContent;
  /** Rendered pages by route. */
  pages: Map<string, RenderedTreePage>;
}

export interface RenderedTreePage extends RenderResult {
  source: SourcePage;
  tree: Root;
}

/** Render every page of `<project>/content` (docs root = the project) for one version. */
export async function renderTree(
  files: Record<string, string | Uint8Array>,
  options: Partial<EnvOptions> & { drafts?: boolean; contentDir?: string; dir?: string } = {},
): Promise<RenderedTree> {
  const dir = options.dir ?? project(files);
  const contentDir = options.contentDir ?? 'content';
  const all = loadContent(dir, contentDir, { exclude: ['static/content'] });
  const content = indexContent(all, path.join(dir, contentDir), options.drafts ? { drafts: true } : {});
  const env = await createEnv({ ...options, root: options.root ?? dir, site: content.index });
  const pages = new Map<string, RenderedTreePage>();
  for (const source of content.pages) {
    const result = renderSource(env, source.file, source.raw, V117);
    pages.set(source.route, { ...result, source, tree: fromHtml(result.html, { fragment: true }) });
  }
  return { dir, env, content, pages };
}

/** Every diagnostic of every page. */
export function allDiagnostics(rendered: RenderedTree) {
  return [...rendered.content.diagnostics, ...[...rendered.pages.values()].flatMap((p) => p.diagnostics)];
}
