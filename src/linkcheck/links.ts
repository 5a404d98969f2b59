/**
 * The link and anchor checker over a built site (every docs version): each
 * internal link must lead to a file of the site and, with a `#fragment`, to
 * an element id on that page. External links are listed, never fetched;
 * paths in the config's `knownExternal` (relative to a version's base) are
 * counted as skipped. A failure names the page, the link, and where the link
 * came from: the source file, line and column of an article link (mapped
 * back through SiteData's RenderedPage.links), or "site chrome" for the
 * header, dropdown, sidebar, TOC and other layout links.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import GithubSlugger from 'github-slugger';
import { error, excerpt, type Diagnostic } from '../util/diagnostics.ts';
import { didYouMean } from '../util/suggest.ts';
import { cmp, LATEST } from '../model/site-model.ts';
import type { PageLink, RenderedPage, SiteData } from '../model/site-data.ts';
import { DATA_URL_ELEMENTS } from '../util/url-attributes.ts';
import { walkFiles } from '../util/walk.ts';
import { interner, type HtmlFacts, type HtmlLink } from './html.ts';
import { FactsCache, factsKey } from './facts-cache.ts';
import { parseFiles } from './parse-facts.ts';

/** A stand-in origin for resolving links as a browser would. */
const ORIGIN = 'https://site.invalid';
/** The pseudo file chrome problems are reported under. */
export const SITE_CHROME = 'site chrome';

export interface CheckOptions {
  /** The build's SiteData: maps article links back to their source lines. Without it every link counts as chrome. */
  data?: SiteData;
  /** Paths relative to a version's base (`/operations/production_deployment/`) that live outside this site. */
  knownExternal?: readonly string[];
  /** Where the host's redirect rules send a site path (undefined: no rule matches): a link to a redirect source is valid when its destination is. */
  redirect?: (pathname: string) => string | undefined;
  /**
   * Pages this build wrote as copies of others with a URL prefix replaced in every attribute value
   * (`latest/`: src/integration/latest-copy.ts): `to`'s pages are read as their `from` page's ids and
   * links with that replacement, instead of being parsed again. Only for a site just built; a page
   * without its original is parsed.
   */
  copies?: { from: string; to: string };
  /**
   * A file (in the build's work folder, never in the site) where the facts of every HTML file read are kept
   * between checks, by the hash of its bytes (src/linkcheck/facts-cache.ts): a file seen before is not parsed again.
   */
  cache?: string;
  /** Threads that parse the files (default: the machine's cores, at most 4, when there are many: src/linkcheck/parse-facts.ts). */
  parseThreads?: number;
}

export interface LinkStats {
  /** HTML files checked. */
  pages: number;
  /** Every URL-bearing attribute seen. */
  links: number;
  internal: number;
  external: number;
  skipped: number;
  /** Internal links carrying a `#fragment` that was checked against the target's ids. */
  anchors: number;
  /** Broken links (before grouping repeats of one source link across versions). */
  broken: number;
}

export interface CheckResult {
  diagnostics: Diagnostic[];
  /** The same problems (one per diagnostic, same order) as the link baseline keys them. */
  problems: LinkProblem[];
  stats: LinkStats;
  /** Unique external URLs, sorted: listed, not fetched. */
  external: string[];
  /** Unique skipped (known external) paths, sorted. */
  skipped: string[];
  /** With `cache`: how many HTML files were parsed, and how many were known by their bytes (copies, read as their originals, are in neither). */
  cache?: { parsed: number; reused: number };
}

interface PageInfo {
  /** URL path of the page: `/gloo-edge/v1.17.x/operations/`. */
  url: string;
  /** Output file, relative to the site root, with `/`. */
  file: string;
  facts: HtmlFacts;
  /** Version id (`v1.17.x`, or the latest's id for `latest/` pages) and the rendered page, when known. */
  version?: string;
  page?: RenderedPage;
}

type Kind = 'page' | 'anchor' | 'url' | 'script';

/**
 * A link problem as the link baseline (src/linkcheck/baseline.ts) knows it: the source file, what is
 * wrong, and the target with the docs version generalised (`/gloo-edge/{version}/a/`). No line
 * numbers: an edit above the link does not change it.
 */
export interface LinkProblem {
  diagnostic: Diagnostic;
  file: string;
  /** `page` (no such page), `image` (no such file), `anchor`, `url` (invalid), `script`. */
  kind: string;
  target: string;
}

interface Problem {
  kind: Kind;
  /** The element: `a`, `img`, ... */
  tag: string;
  file: string;
  /** The git ref `file` was read from (a build from git refs). */
  ref?: string;
  line: number;
  column: number;
  href: string;
  /** Pages the link is broken on, in check order. */
  pages: string[];
  target: string;
  hint: string;
}

/** Every file under `dir`, relative, with `/`, sorted. */
async function listFiles(dir: string): Promise<string[]> {
  return walkFiles(dir)
    .map((e) => e.path)
    .sort(cmp);
}

/** `a/b/index.html` → `/a/b/`; `404.html` → `/404.html`. */
export function urlOfFile(file: string): string {
  if (file === 'index.html') return '/';
  if (file.endsWith('/index.html')) return `/${file.slice(0, -'index.html'.length)}`;
  return `/${file}`;
}

/** `/x/` and `x` → `/x`, for comparing known-external paths. */
function normalizePath(p: string): string {
  const withSlash = p.startsWith('/') ? p : `/${p}`;
  return withSlash.replace(/\/+$/, '') || '/';
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Pages of SiteData by URL path (each version, plus the `latest/` alias). */
function pagesByUrl(data: SiteData | undefined): Map<string, { version: string; page: RenderedPage }> {
  const map = new Map<string, { version: string; page: RenderedPage }>();
  if (!data) return map;
  for (const version of data.versions) {
    for (const page of data.pages[version.id] ?? []) {
      const route = page.route.replace(/^\/+/, '');
      if (version.id !== data.latest || !data.latestOnly) map.set(`${data.base}${version.id}/${route}`, { version: version.id, page });
      if (version.id === data.latest) map.set(`${data.base}${LATEST}/${route}`, { version: version.id, page });
    }
  }
  return map;
}

/** The version-relative path of a URL path (`/gloo-edge/v1.17.x/a/` → `/a/`), when it is under a version. */
function versionRelative(pathname: string, data: SiteData, base: string): string | undefined {
  if (!pathname.startsWith(base)) return undefined;
  const rest = pathname.slice(base.length);
  const cut = rest.indexOf('/');
  const segment = cut === -1 ? rest : rest.slice(0, cut);
  if (segment !== LATEST && !data.versions.some((v) => v.id === segment)) return undefined;
  return cut === -1 ? '/' : rest.slice(cut);
}

/** A path listed in `knownExternal` (or below one), relative to its version's base. Without SiteData, any suffix counts. */
function isKnownExternal(pathname: string, known: readonly string[], data: SiteData | undefined, base: string): boolean {
  const matches = (p: string) => known.some((k) => p === k || p.startsWith(`${k}/`));
  if (data) {
    const relative = versionRelative(pathname, data, base);
    return relative !== undefined && matches(normalizePath(relative));
  }
  const parts = normalizePath(pathname).split('/').filter(Boolean);
  return parts.some((_, i) => matches(`/${parts.slice(i).join('/')}`));
}

/** The file a URL path is served from, if the site has one (directory URLs serve index.html). */
function resolveFile(pathname: string, files: ReadonlySet<string>): string | undefined {
  const rel = pathname.replace(/^\/+/, '');
  const candidates = rel === '' || rel.endsWith('/') ? [`${rel}index.html`] : [rel, `${rel}/index.html`, `${rel}.html`];
  return candidates.find((c) => files.has(c));
}

/** Queues of a page's source links by href, consumed in document order. */
/** Source links by href; `served` maps an href to how the page serves it (latest/ copies link under latest/). */
function sourceQueues(page: RenderedPage | undefined, served: (href: string) => string = (h) => h): Map<string, PageLink[]> {
  const map = new Map<string, PageLink[]>();
  for (const link of page?.links ?? []) {
    const href = served(link.href);
    const list = map.get(href) ?? [];
    list.push(link);
    map.set(href, list);
  }
  return map;
}

export async function checkSite(siteDir: string, options: CheckOptions = {}): Promise<CheckResult> {
  const { data } = options;
  const base = data?.base ?? '/';
  const files = await listFiles(siteDir);
  const fileSet = new Set(files);
  const byUrl = pagesByUrl(data);

  // Pass 1: parse every page once (ids are needed before any link is checked), on several threads when
  // there are many to parse (parse-facts.ts). Copies come last, from their originals' facts.
  const parsed = new Map<string, PageInfo>();
  const keep = interner();
  const { copies } = options;
  const copyDir = copies ? copies.to.replace(/^\/+/, '') : undefined;
  const isCopy = (file: string) => copyDir !== undefined && file.startsWith(copyDir);
  const html = files.filter((f) => f.endsWith('.html'));
  const ordered = [...html.filter((f) => !isCopy(f)), ...html.filter(isCopy)];
  // Only the laid-out pages are copies; the files written beside them (aliases, redirect pages) are read.
  const originalOf = (file: string) => {
    if (!copies || !isCopy(file) || !byUrl.has(urlOfFile(file))) return undefined;
    const original = `${copies.from.replace(/^\/+/, '')}${file.slice(copyDir!.length)}`;
    return fileSet.has(original) && !isCopy(original) ? original : undefined;
  };
  const cache = options.cache ? await FactsCache.open(options.cache) : undefined;
  const read = await readFacts(siteDir, ordered.filter((file) => originalOf(file) === undefined), keep, cache, options.parseThreads);
  for (const file of ordered) {
    const url = urlOfFile(file);
    const original = originalOf(file);
    const facts = original ? rebaseFacts(parsed.get(original)!.facts, copies!.from, copies!.to, keep) : read.get(file)!;
    const info: PageInfo = { url, file, facts };
    const known = byUrl.get(url);
    if (known) {
      info.version = known.version;
      info.page = known.page;
    }
    parsed.set(file, info);
  }
  // Checked in file order.
  const pages = new Map(html.map((file) => [file, parsed.get(file)!]));

  const known = (options.knownExternal ?? []).map(normalizePath);
  const stats: LinkStats = { pages: pages.size, links: 0, internal: 0, external: 0, skipped: 0, anchors: 0, broken: 0 };
  const external = new Set<string>();
  const skipped = new Set<string>();
  const problems = new Map<string, Problem>();

  const report = (p: Omit<Problem, 'pages'>, page: string) => {
    stats.broken++;
    const key = `${p.ref ?? ''}\0${p.file}\0${p.line}\0${p.column}\0${p.kind}\0${p.line > 0 ? '' : p.href}`;
    const seen = problems.get(key);
    if (seen) {
      if (!seen.pages.includes(page)) seen.pages.push(page);
    } else problems.set(key, { ...p, pages: [page] });
  };

  // What a link leads to. Links from the site's root (the layout's, most of them) or with an origin
  // lead to the same place from every page: resolved once.
  const resolved = new Map<string, Resolution>();
  const resolve = (link: HtmlLink, pageUrl: string): Resolution => {
    const shared = /^(?:\/(?!\/)|[a-z][a-z0-9+.-]*:)/i.test(link.href) && !DATA_URL_ELEMENTS.has(link.tag);
    let r = shared ? resolved.get(link.href) : undefined;
    if (!r) {
      r = resolveLink(link, pageUrl, { fileSet, known, data, base, redirect: options.redirect });
      if (shared) resolved.set(link.href, r);
    }
    return r;
  };

  // The page whose ids an anchor is checked against, by target file (a redirect page stands for its destination).
  const redirected = new Map<string, PageInfo>();
  for (const info of pages.values()) {
    const latestCopy = data && info.url.startsWith(`${base}${LATEST}/`);
    const queues = sourceQueues(info.page, latestCopy ? (h) => h.replaceAll(`${base}${data.latest}/`, `${base}${LATEST}/`) : undefined);
    for (const link of info.facts.links) {
      stats.links++;
      // Each article link takes its source line in document order, broken or not; where it came from is spelt out only for a problem.
      const source = link.inArticle && info.page ? queues.get(link.href)?.shift() : undefined;
      const fail = (kind: Kind, target: string, hint: string) => report({ kind, tag: link.tag, ...whereFrom(info, link, source), href: link.href, target, hint }, info.url);
      const r = resolve(link, info.url);
      switch (r.kind) {
        case 'url':
          fail('url', '', 'Write a valid URL or path.');
          continue;
        case 'script':
          fail('script', '', 'Links must not carry script or data URLs; link a page or an http(s) address.');
          continue;
        case 'external':
          stats.external++;
          external.add(r.href);
          continue;
        case 'skipped':
          stats.skipped++;
          skipped.add(r.pathname);
          continue;
      }
      stats.internal++;
      if (!r.target) {
        fail('page', r.pathname, missingPageHint(link, info));
        continue;
      }
      if (r.fragment === '' || !r.target.endsWith('.html')) continue;
      stats.anchors++;
      let targetInfo = redirected.get(r.target);
      if (!targetInfo) {
        targetInfo = followRedirect(pages.get(r.target), pages, fileSet);
        if (targetInfo) redirected.set(r.target, targetInfo);
      }
      if (targetInfo && !targetInfo.facts.ids.has(r.fragment)) {
        fail('anchor', `${urlOfFile(r.target)}#${r.fragment}`, missingAnchorHint(r.fragment, targetInfo));
      }
    }
  }

  const found = [...problems.values()].map((p) => toProblem(p, data));
  await cache?.save();
  return {
    diagnostics: found.map((p) => p.diagnostic),
    problems: found,
    stats,
    external: [...external].sort(),
    skipped: [...skipped].sort(),
    ...(cache ? { cache: { parsed: cache.parsed, reused: cache.reused } } : {}),
  };
}

/**
 * The facts of each file (relative to `siteDir`): with the cache, a file whose bytes it knows is not parsed,
 * and files with the same bytes are parsed once; the others are parsed together (parse-facts.ts).
 * Read synchronously (fs/promises' readFile doubled the pass), yielding now and then to whatever else this process runs.
 */
async function readFacts(siteDir: string, files: readonly string[], keep: (value: string) => string, cache: FactsCache | undefined, threads: number | undefined): Promise<Map<string, HtmlFacts>> {
  const out = new Map<string, HtmlFacts>();
  // Files to parse, and under which key the cache keeps each (the first file of each key; later ones wait for it).
  const toParse: { file: string; key?: string }[] = [];
  const sameBytes: { file: string; key: string }[] = [];
  const parsing = new Set<string>();
  for (const [i, file] of files.entries()) {
    if (i % 64 === 63) await new Promise((resolve) => setImmediate(resolve));
    if (!cache) {
      toParse.push({ file });
      continue;
    }
    const key = factsKey(readFileSync(path.join(siteDir, file)));
    if (parsing.has(key)) {
      sameBytes.push({ file, key });
      continue;
    }
    const known = cache.lookup(key);
    if (known) out.set(file, known);
    else {
      parsing.add(key);
      toParse.push({ file, key });
    }
  }
  const facts = await parseFiles(toParse.map((p) => path.join(siteDir, p.file)), keep, threads);
  toParse.forEach(({ file, key }, i) => {
    out.set(file, facts[i]!);
    if (key !== undefined) cache!.add(key, facts[i]!);
  });
  for (const { file, key } of sameBytes) out.set(file, cache!.lookup(key)!);
  return out;
}

type Resolution =
  | { kind: 'url' | 'script' }
  | { kind: 'external'; href: string }
  | { kind: 'skipped'; pathname: string }
  /** `target`: the file that serves it (undefined: none). */
  | { kind: 'internal'; pathname: string; target: string | undefined; fragment: string };

interface Site {
  fileSet: ReadonlySet<string>;
  known: readonly string[];
  data: SiteData | undefined;
  base: string;
  redirect: CheckOptions['redirect'];
}

/** Where a link of the page at `pageUrl` leads, as a browser would resolve it. */
function resolveLink(link: HtmlLink, pageUrl: string, site: Site): Resolution {
  let url: URL;
  try {
    url = new URL(link.href, `${ORIGIN}${pageUrl}`);
  } catch {
    return { kind: 'url' };
  }
  if (/^(?:javascript|vbscript):$/i.test(url.protocol) || (url.protocol.toLowerCase() === 'data:' && !DATA_URL_ELEMENTS.has(link.tag))) return { kind: 'script' };
  if (url.origin !== ORIGIN || (url.protocol !== 'https:' && url.protocol !== 'http:')) return { kind: 'external', href: url.href };
  const pathname = safeDecode(url.pathname);
  if (site.known.length && isKnownExternal(pathname, site.known, site.data, site.base)) return { kind: 'skipped', pathname };
  const redirected = resolveFile(pathname, site.fileSet) ? undefined : site.redirect?.(pathname);
  const target = resolveFile(redirected === undefined ? pathname : safeDecode(new URL(redirected, ORIGIN).pathname), site.fileSet);
  return { kind: 'internal', pathname, target, fragment: safeDecode(url.hash.slice(1)) };
}

/** A copy's facts: its original's, with `from` replaced by `to` in every id and link (as the copy's attribute values). */
function rebaseFacts(facts: HtmlFacts, from: string, to: string, keep: (value: string) => string): HtmlFacts {
  const move = (value: string) => (value.includes(from) ? keep(value.replaceAll(from, to)) : value);
  return { ids: new Set([...facts.ids].map(move)), links: facts.links.map((link) => ({ ...link, href: move(link.href) })) };
}

/** A redirect page (alias, redirect rule) stands for the page it sends readers to: its anchors are that page's. */
function followRedirect(info: PageInfo | undefined, pages: ReadonlyMap<string, PageInfo>, fileSet: ReadonlySet<string>): PageInfo | undefined {
  const refresh = info?.facts.links.find((l) => l.tag === 'meta');
  if (!info || !refresh) return info;
  const next = resolveFile(safeDecode(new URL(refresh.href, `${ORIGIN}${info.url}`).pathname), fileSet);
  return (next && pages.get(next)) || info;
}

/** Where a link in the HTML came from: its source line (`source`, matched in document order), the page's source file, or the site chrome. */
function whereFrom(info: PageInfo, link: HtmlLink, source: PageLink | undefined): Pick<Problem, 'file' | 'ref' | 'line' | 'column'> {
  if (link.inArticle && info.page) {
    const ref = info.page.ref !== undefined ? { ref: info.page.ref } : {};
    if (source) return { file: info.page.sourceFile, ...ref, line: source.line, column: source.column };
    // Generated article content (changelog notes, child lists).
    if (info.page.sourceFile) return { file: info.page.sourceFile, ...ref, line: 0, column: 0 };
  }
  return { file: SITE_CHROME, line: 0, column: 0 };
}

function missingPageHint(link: HtmlLink, info: PageInfo): string {
  const bare = link.href.replace(/\/$/, '');
  if (/^[^/#?:.][^/#?:]*$/.test(bare) && info.facts.ids.has(bare)) {
    return `did you mean \`#${bare}\`? Without \`#\` the link is a path relative to the page, not a heading on it.`;
  }
  return 'Fix the path, add the page, or list the path in `knownExternal` in the site config if it lives outside this site.';
}

function missingAnchorHint(fragment: string, target: PageInfo): string {
  const slug = new GithubSlugger();
  const moved = target.page?.headings.find((h) => h.id !== fragment && slug.slug(h.text) === fragment);
  if (moved) return `the heading “${moved.text}” has the id \`${moved.id}\` now: link \`#${moved.id}\`.`;
  const headingIds = target.page?.headings.map((h) => h.id) ?? [];
  const guess = didYouMean(fragment, headingIds.length ? headingIds : [...target.facts.ids]);
  if (guess) return `did you mean \`#${guess}\`?`;
  return headingIds.length
    ? `ids of the headings on that page: ${excerpt(headingIds.map((id) => `#${id}`).join(' '), 160)}`
    : 'Link an id that exists on that page, or drop the fragment.';
}

const WHAT: Record<Kind, (p: Problem) => string> = {
  page: (p) => `leads to ${p.target}, which is not ${p.tag === 'img' ? 'a file' : 'a page'} of the site`,
  anchor: (p) => `points at ${p.target}, but that page has no element with that id`,
  url: () => 'is not a valid URL',
  script: () => 'is a script or data URL',
};

function toDiagnostic(p: Problem): Diagnostic {
  const [first, ...rest] = p.pages;
  const more = rest.length ? ` (and on ${rest.length} more page${rest.length > 1 ? 's' : ''}: ${rest.map(shortPage).join(', ')})` : '';
  const from = p.file === SITE_CHROME ? ' (site chrome: header, dropdown, sidebar or TOC)' : p.line === 0 ? ' (generated from this file)' : '';
  const what = p.tag === 'img' ? 'image' : 'link';
  return error(p.file, p.line, p.column, `Broken ${what} \`${excerpt(p.href, 100)}\` on page ${first}${from} ${WHAT[p.kind](p)}${more}`, {
    excerpt: `${p.tag === 'img' ? '!' : ''}[…](${excerpt(p.href, 100)})`,
    hint: p.hint,
    kind: 'link',
    ...(p.ref !== undefined ? { ref: p.ref } : {}),
  });
}

/** The version placeholder of baseline targets. */
export const ANY_VERSION = '{version}';

function toProblem(p: Problem, data: SiteData | undefined): LinkProblem {
  const raw = p.kind === 'page' || p.kind === 'anchor' ? p.target : p.href;
  let target = raw;
  if (data && raw.startsWith(data.base)) {
    const rest = raw.slice(data.base.length);
    const segment = rest.split('/')[0]!;
    if (segment === LATEST || data.versions.some((v) => v.id === segment)) target = `${data.base}${ANY_VERSION}${rest.slice(segment.length)}`;
  }
  // The baseline names a file read from a git ref as git does (`<ref>:<path>`), so versions stay apart.
  return { diagnostic: toDiagnostic(p), file: p.ref !== undefined ? `${p.ref}:${p.file}` : p.file, kind: p.kind === 'page' && p.tag === 'img' ? 'image' : p.kind, target };
}

/** `/gloo-edge/v1.17.x/operations/upgrading/upgrade_steps/` → `v1.17.x/…/upgrade_steps/` for lists. */
function shortPage(url: string): string {
  const parts = url.split('/').filter(Boolean);
  return parts.length > 2 ? `${parts[1]}/…/${parts[parts.length - 1]}/` : url;
}

/** The one-line summary both `npm run build` and `npm run check` print. */
export function formatSummary(stats: LinkStats): string {
  return (
    `Link check: ${stats.pages} pages, ${stats.links} links checked — ` +
    `${stats.internal} internal (${stats.anchors} with #anchors), ${stats.external} external (listed, not fetched), ` +
    `${stats.skipped} skipped (known external); ${stats.broken} broken.`
  );
}
