/**
 * Files the build writes beside Astro's pages, per docs version (and again
 * under `latest/` for the latest one): page bundle resources and files that
 * relative links point at, copied from the content tree to the same path;
 * and one redirect page per front matter alias. An existing file is never
 * overwritten (a warning says so).
 */
import { constants, copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { warning, type Diagnostic } from '../util/diagnostics.ts';
import { LATEST } from '../model/site-model.ts';
import type { SiteData } from '../model/site-data.ts';
import type { Alias } from './page-index.ts';

export interface Extras {
  /** Content-relative paths of the files to publish. */
  files: readonly string[];
  contentDir: string;
  aliases: readonly Alias[];
  /** A version built from its own tree (a git ref) has its own files and aliases: these win over the ones above. */
  perVersion?: Record<string, Omit<Extras, 'perVersion'>>;
}

/** Files to publish with the pages: page bundle resources, and files that relative links point at. */
export function publishedFiles(
  pages: readonly { resources: readonly string[] }[],
  compiled: readonly { files: readonly string[] }[],
  loose: readonly string[] = [],
): string[] {
  return [...new Set([...loose, ...pages.flatMap((p) => p.resources), ...compiled.flatMap((c) => c.files)])].sort();
}

/** The prefixes a version is served under: the latest version under `latest/` too, or only there (SiteData.latestOnly). */
export function servedPrefixes(data: SiteData, id: string): string[] {
  if (id !== data.latest) return [id];
  return data.latestOnly ? [LATEST] : [id, LATEST];
}

export async function writeExtras(outDir: string, data: SiteData, extras: Extras): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  for (const version of data.versions) {
    const own = extras.perVersion?.[version.id] ?? extras;
    const routes = new Set((data.pages[version.id] ?? []).map((p) => p.route));
    for (const prefix of servedPrefixes(data, version.id)) {
      const dir = path.join(outDir, data.base, prefix);
      for (const file of own.files) {
        const target = path.join(dir, file);
        if (existsSync(target)) continue;
        mkdirSync(path.dirname(target), { recursive: true });
        copyFileSync(path.join(own.contentDir, file), target, constants.COPYFILE_EXCL);
      }
      for (const alias of own.aliases) {
        if (!routes.has(alias.to)) continue;
        const target = path.join(dir, alias.from.endsWith('/') ? path.join(alias.from, 'index.html') : alias.from);
        if (existsSync(target)) {
          diagnostics.push(warning(alias.file, 0, 0, `Alias /${alias.from} not written in ${prefix}: a file is already there`, { hint: 'Remove the alias or the page that has this route.' }));
          continue;
        }
        writeSiteFile(target, redirectPage(`${data.base}${prefix}/${alias.to}`));
      }
    }
  }
  return diagnostics;
}

/**
 * Writes a new file of the site being built, its folder made first; never into a file that is there (an
 * incremental build's reused pages are hard links to the previous output's: src/integration/layout-reuse.ts),
 * which throws. Synchronous: the build writes a few thousand small files this way (redirect pages, aliases,
 * resources), and awaiting each write twice (folder, file) took about twice as long (1.1 s for the Gloo site's).
 */
export function writeSiteFile(target: string, text: string): void {
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, text, { flag: 'wx' });
}

/** A page that sends readers (and search engines) on to `url`: built as a tree, serialised once. */
export function redirectPage(url: string): string {
  const nl = { type: 'text', value: '\n' } as const;
  const page = h(null, [
    { type: 'doctype' },
    nl,
    h('html', { lang: 'en' }, [
      nl,
      h('head', [
        nl,
        ...[
          h('meta', { charSet: 'utf-8' }),
          h('title', `Moved to ${url}`),
          h('meta', { name: 'robots', content: 'noindex' }),
          h('link', { rel: 'canonical', href: url }),
          h('meta', { httpEquiv: 'refresh', content: `0; url=${url}` }),
        ].flatMap((e) => [e, nl]),
      ]),
      nl,
      h('body', [nl, h('p', ['This page has moved to ', h('a', { href: url }, url), '.']), nl]),
      nl,
    ]),
    nl,
  ]);
  return toHtml(page);
}
