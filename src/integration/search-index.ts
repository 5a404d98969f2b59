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
 *
 * A version's bundle depends only on what Pagefind is fed (its documents, by
 * route: what each is made of) and on Pagefind itself (its binary, the options): given the bundles
 * of the previous output and what each was made from (`previous`), a version
 * fed the same is copied from there instead of indexed again, once every file
 * of that bundle is found with the bytes recorded for it. Anything else is
 * indexed.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cp, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { articleDigest, articleHtml } from '../model/article-html.ts';
import { childPages, navTitle } from '../view/nav.ts';
import { cmp, LATEST, type SiteModel, type VersionModel } from '../model/site-model.ts';
import { walkFiles } from '../util/walk.ts';
import { linkFiles } from '../util/copy-files.ts';
import { toolHash } from '../util/source-hash.ts';

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
  const children = childList(version, route);
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

/** What a section page without a page of its own lists: its children's titles and descriptions. */
function childList(version: VersionModel, route: string): { title: string; description: string }[] {
  const page = version.pages.get(route)!;
  return page.synthetic ? childPages(version.pages, route).map((c) => ({ title: navTitle(c), description: c.description })) : [];
}

/** What searchDocument makes a page's document of, hashed: its route, title and child list, and its article's digest (not the document itself: building it is most of the cost). */
function documentInput(version: VersionModel, route: string): string {
  const page = version.pages.get(route)!;
  return `${route}\0${JSON.stringify([page.title, childList(version, route)])}\0${articleDigest(page)}\0`;
}

/** How every version is indexed: Pagefind's options, and which files of a version's folder it reads. */
const INDEX_OPTIONS = { forceLanguage: 'en', includeCharacters: '-_.' };
const PAGES_GLOB = '**/index.html';
/** Bumped when a bundle comes to depend on something its documents and the options do not show, or the record's input is hashed otherwise. */
const BUNDLE_FORMAT = 2;

/** A version's search bundle in a built site: what it was made from, and where and what it is. */
export interface BundleRecord {
  /** The version's id. */
  id: string;
  /** SHA-256 of what Pagefind was fed: its identity and options, and what each document is made of, with its route. */
  input: string;
  /** Pages in the bundle. */
  count: number;
  /** Its folder, relative to the site's root, with `/` (`gloo-edge/v1.17.x/pagefind`). */
  dir: string;
  /** Each of its files (relative to its folder, with `/`) with the SHA-256 of its bytes. */
  files: Record<string, string>;
}

/** The bundles of a previous output, to copy from when a version is fed the same: that output's root folder and its bundles' records. */
export interface PreviousBundles {
  root: string;
  bundles: readonly BundleRecord[];
}

export interface SearchWritten {
  /** Pages by prefix (each version, and `latest`). */
  counts: Record<string, number>;
  /** Versions indexed by Pagefind, and versions whose bundle was copied from the previous output. */
  indexed: string[];
  reused: string[];
  /** Milliseconds from the start to the last bundle ready (Pagefind runs alongside the layout: its own clock). */
  ms: number;
  /** Each version's bundle as written (for the next build's `previous`). */
  bundles: BundleRecord[];
}

export interface SearchIndexing {
  /** Writes each version's bundle under `outDir` (the latest's twice: its own and `latest/`). */
  write(outDir: string): Promise<SearchWritten>;
  /** Stops Pagefind without writing (a failed build). */
  close(): Promise<void>;
}

const sha256 = () => createHash('sha256');

/**
 * Which Pagefind writes the bundles, and how. Pagefind and its platform binary are pinned by the lock file, which
 * toolHash covers; a binary named by Pagefind's `*_BINARY_PATH` variables (which it prefers) counts by its path,
 * size and time. Then the options.
 */
export function pagefindIdentity(): string {
  const overrides = ['PAGEFIND_EXTENDED_BINARY_PATH', 'PAGEFIND_BINARY_PATH'].flatMap((name) => {
    const binary = process.env[name];
    if (!binary) return [];
    const stat = statSync(binary, { throwIfNoEntry: false });
    return [[name, binary, stat?.size, stat?.mtimeMs]];
  });
  return JSON.stringify({ tool: toolHash(), overrides, options: INDEX_OPTIONS, glob: PAGES_GLOB, format: BUNDLE_FORMAT });
}

/** Each regular file under `dir` (relative, with `/`) with the SHA-256 of its bytes. */
function fileHashes(dir: string): Record<string, string> {
  return Object.fromEntries(walkFiles(dir).map((e) => [e.path, sha256().update(readFileSync(e.full)).digest('hex')]));
}

/**
 * Takes a previous bundle when its folder holds exactly the files recorded, with the bytes recorded
 * (a folder changed since, by hand or by a half-finished build, is not trusted): whether it did. Its files
 * are linked, not copied (src/util/copy-files.ts): nothing writes into a bundle once it is written.
 */
async function takeRecorded(from: string, to: string, files: Readonly<Record<string, string>>): Promise<boolean> {
  try {
    const found = walkFiles(from);
    if (!found.length || found.length !== Object.keys(files).length) return false;
    if (found.some((e) => files[e.path] !== sha256().update(readFileSync(e.full)).digest('hex'))) return false;
    await rm(to, { recursive: true, force: true });
    await linkFiles(from, to, found.map((e) => e.path));
    return true;
  } catch {
    await rm(to, { recursive: true, force: true });
    return false;
  }
}

/**
 * Starts indexing every version's pages in Pagefind's process (or copying the previous output's bundle
 * of a version fed the same: `previous`). `latest/` serves the latest version's pages under the same
 * routes, and bundle URLs are relative to the bundle, so the latest version is indexed once and its
 * bundle copied.
 */
export function startSearchIndex(model: SiteModel, scratchDir: string, previous?: PreviousBundles): SearchIndexing {
  const bundles = join(scratchDir, 'bundles');
  const started = performance.now();
  const identity = pagefindIdentity();
  let stopped = false;
  const indexVersion = async (v: VersionModel) => {
    const id = v.version.id;
    // Made in one go: awaiting each page would wait for Astro's next pause every time (20 s at 4,000 pages).
    const routes = [...v.pages.keys()].sort();
    // What the documents are made of (with this code: the identity has toolHash), not the documents themselves.
    const fed = sha256().update(`${identity}\0${model.base}\0`);
    for (const route of routes) fed.update(documentInput(v, route));
    const input = fed.digest('hex');
    const out = join(bundles, id);
    const before = previous?.bundles.find((b) => b.id === id && b.input === input);
    if (before && (await takeRecorded(join(previous!.root, before.dir), out, before.files))) {
      return { id, count: before.count, input, files: before.files, reused: true };
    }
    const docs = routes.map((route) => searchDocument(v, route));
    const dir = join(scratchDir, 'pages', id);
    rmSync(dir, { recursive: true, force: true });
    routes.forEach((route, i) => {
      mkdirSync(join(dir, route), { recursive: true });
      writeFileSync(join(dir, route, 'index.html'), docs[i]!);
    });
    docs.length = 0;
    const created = await pagefind.createIndex(INDEX_OPTIONS);
    fail('createIndex', created.errors);
    const index = created.index!;
    const added = await index.addDirectory({ path: dir, glob: PAGES_GLOB });
    fail(`addDirectory ${dir}`, added.errors);
    // Written aside, moved into the site once it exists.
    rmSync(out, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath: out });
    fail('writeFiles', written.errors);
    await index.deleteIndex();
    return { id, count: added.page_count, input, files: fileHashes(out), reused: false };
  };
  // One version at a time: Pagefind's process takes requests in turn anyway, and so holds one index in memory, not all.
  let ms = 0;
  const settled = (async () => {
    const out: Awaited<ReturnType<typeof indexVersion>>[] = [];
    for (const v of model.versions) {
      if (stopped) throw new Error('Pagefind was stopped');
      out.push(await indexVersion(v));
    }
    ms = Math.round(performance.now() - started);
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
  const bundleDir = (prefix: string) => [...model.base.split('/').filter(Boolean), prefix, 'pagefind'].join('/');

  return {
    async write(outDir) {
      const counts: Record<string, number> = {};
      const written: SearchWritten = { counts, indexed: [], reused: [], ms: 0, bundles: [] };
      try {
        for (const { id, count, input, files, reused } of await settled) {
          (reused ? written.reused : written.indexed).push(id);
          // Served only under latest/ (model.latestOnly): the bundle moves there; else it stays under its id and latest/ gets a copy.
          const dir = bundleDir(id === model.latest && model.latestOnly ? LATEST : id);
          if (id === model.latest) {
            counts[LATEST] = count;
            if (!model.latestOnly) await cp(join(bundles, id), join(outDir, bundleDir(LATEST)), { recursive: true });
          }
          if (id !== model.latest || !model.latestOnly) counts[id] = count;
          await rename(join(bundles, id), join(outDir, dir));
          written.bundles.push({ id, input, count, dir, files });
        }
        written.ms = ms;
      } finally {
        await done();
      }
      written.counts = Object.fromEntries(Object.entries(counts).sort(([a], [b]) => cmp(a, b)));
      return written;
    },
    close: done,
  };
}

/** Indexes the site's pages and writes the bundles in one go (`scratchDir` is removed afterwards). */
export async function indexSite(outDir: string, model: SiteModel, scratchDir: string): Promise<Record<string, number>> {
  return (await startSearchIndex(model, scratchDir).write(outDir)).counts;
}
