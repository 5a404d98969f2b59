/**
 * Pagefind, one bundle per served copy of the docs (`<base><version>/pagefind/`
 * and `<base>latest/pagefind/`), so the search of each version finds only
 * that version's pages.
 *
 * The index is fed from the site data, not from the laid-out pages: each page
 * is written to a scratch folder as what Pagefind reads of the real page (the
 * title as `data-pagefind-meta`, the article as `data-pagefind-body`; the
 * layout's other parts are `data-pagefind-ignore`). So indexing starts as soon
 * as the pipeline is done and runs in Pagefind's own process while Astro lays
 * the pages out in this one; the bundles are written aside and moved into the
 * site once it exists.
 * (Pagefind reads a folder faster than it takes the same pages as messages:
 * 0.7 s against 1.7 s for 260 guide pages.)
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cp, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { articleHtml } from '../model/article-html.ts';
import { childPages, navTitle } from '../view/nav.ts';
import { cmp, LATEST, type SiteModel, type VersionModel } from '../model/site-model.ts';

/** Shiki's token and line spans (`<span style="color:…">`, `<span class="line">`): text stays, a fifth of Pagefind's work goes. */
const HIGHLIGHT_SPAN = /<span(?: class="line"| style="[^"<>]*")?>|<\/span>/g;

function fail(what: string, errors: string[]): void {
  if (errors.length) throw new Error(`Pagefind ${what}: ${errors.join('; ')}`);
}

/**
 * The part of a page Pagefind reads, as the layout renders it
 * (src/layouts/DocsLayout.astro): the same text; the layout's heading anchors
 * are `data-pagefind-ignore` and left out, and so are the highlighter's spans.
 */
export function searchDocument(version: VersionModel, route: string): string {
  const page = version.pages.get(route)!;
  const children = page.synthetic ? childPages(version.pages, route).map((c) => ({ title: navTitle(c), description: c.description })) : [];
  const list = children.length
    ? [h('ul.section-list', children.map((c) => h('li', [h('a', c.title), c.description && c.description !== c.title ? h('p', c.description) : null])))]
    : [];
  // The article is the pipeline's HTML, already serialised: passed through as it is, less the highlighter's spans.
  const article = { type: 'raw' as const, value: articleHtml(page).replace(HIGHLIGHT_SPAN, '') };
  const doc = h(null, [
    { type: 'doctype' },
    h('html', { lang: 'en' }, [
      h('head', [h('title', page.title)]),
      h('body', [h('h1', { dataPagefindMeta: 'title' }, page.title), h('article.article', { dataPagefindBody: '' }, [article, ...list])]),
    ]),
  ]);
  return toHtml(doc, { allowDangerousHtml: true });
}

export interface SearchIndexing {
  /** Writes each version's bundle under `outDir` (the latest's twice: its own and `latest/`); page counts by prefix. */
  write(outDir: string): Promise<Record<string, number>>;
  /** Stops Pagefind without writing (a failed build). */
  close(): Promise<void>;
}

/**
 * Starts indexing every version's pages in Pagefind's process. `latest/`
 * serves the latest version's pages under the same routes, and bundle URLs
 * are relative to the bundle, so the latest version is indexed once and its
 * bundle copied.
 */
export function startSearchIndex(model: SiteModel, scratchDir: string): SearchIndexing {
  const bundles = join(scratchDir, 'bundles');
  let stopped = false;
  const indexVersion = async (v: VersionModel) => {
    const id = v.version.id;
    const dir = join(scratchDir, 'pages', id);
    // Written in one go: awaiting each file would wait for Astro's next pause every time (20 s at 4,000 pages).
    rmSync(dir, { recursive: true, force: true });
    for (const route of [...v.pages.keys()].sort()) {
      mkdirSync(join(dir, route), { recursive: true });
      writeFileSync(join(dir, route, 'index.html'), searchDocument(v, route));
    }
    const created = await pagefind.createIndex({ forceLanguage: 'en', includeCharacters: '-_.' });
    fail('createIndex', created.errors);
    const index = created.index!;
    const added = await index.addDirectory({ path: dir, glob: '**/index.html' });
    fail(`addDirectory ${dir}`, added.errors);
    // Written aside, moved into the site once it exists.
    rmSync(join(bundles, id), { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath: join(bundles, id) });
    fail('writeFiles', written.errors);
    await index.deleteIndex();
    return { id, count: added.page_count };
  };
  // One version at a time: Pagefind's process takes requests in turn anyway, and so holds one index in memory, not all.
  const settled = (async () => {
    const out: { id: string; count: number }[] = [];
    for (const v of model.versions) {
      if (stopped) throw new Error('Pagefind was stopped');
      out.push(await indexVersion(v));
    }
    return out;
  })();
  // Nothing awaits the indexing until write(); a failure there must not go unhandled meanwhile.
  settled.catch(() => undefined);
  // Stopping Pagefind fails whatever it still had to do; then the scratch folder can go.
  const done = async () => {
    stopped = true;
    await pagefind.close();
    await settled.catch(() => undefined);
    await rm(scratchDir, { recursive: true, force: true });
  };
  const bundleRoot = (outDir: string, prefix: string) => join(outDir, ...model.base.split('/').filter(Boolean), prefix, 'pagefind');

  return {
    async write(outDir) {
      const counts: Record<string, number> = {};
      try {
        for (const { id, count } of await settled) {
          if (id === model.latest) {
            if (model.latestOnly) {
              await rename(join(bundles, id), bundleRoot(outDir, LATEST));
              counts[LATEST] = count;
              continue;
            }
            await cp(join(bundles, id), bundleRoot(outDir, LATEST), { recursive: true });
            counts[LATEST] = count;
          }
          await rename(join(bundles, id), bundleRoot(outDir, id));
          counts[id] = count;
        }
      } finally {
        await done();
      }
      return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => cmp(a, b)));
    },
    close: done,
  };
}

/** Indexes the site's pages and writes the bundles in one go (`scratchDir` is removed afterwards). */
export function indexSite(outDir: string, model: SiteModel, scratchDir: string): Promise<Record<string, number>> {
  return startSearchIndex(model, scratchDir).write(outDir);
}
