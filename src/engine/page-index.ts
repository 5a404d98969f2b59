/**
 * What the build knows about every page before compiling any: front matter
 * `title`, `linkTitle`, `weight`, `description`, `draft` and `aliases`.
 * Drafts are left out (unless asked for); the rest form the site index that
 * `children`, `ref` and relative links use. Each alias becomes a redirect.
 */
import path from 'node:path';
import { titleFromRoute } from '../model/site-model.ts';
import { error, type Diagnostic } from '../util/diagnostics.ts';
import { parseFrontMatter } from '../markdown/front-matter.ts';
import { SiteIndex } from '../markdown/site-index.ts';
import type { PageInfo } from '../shortcodes/types.ts';
import type { SourcePage } from './content.ts';

export interface Alias {
  /** The old route (inside a docs version): `old/place/`, or a file route such as `old.html`. */
  from: string;
  /** The page's route. */
  to: string;
  file: string;
}

export interface IndexedContent {
  /** The pages to render: drafts left out unless asked for. */
  pages: SourcePage[];
  index: SiteIndex;
  aliases: Alias[];
  diagnostics: Diagnostic[];
}

export function indexContent(pages: readonly SourcePage[], contentDir: string, options: { drafts?: boolean } = {}): IndexedContent {
  const diagnostics: Diagnostic[] = [];
  const kept: SourcePage[] = [];
  const entries: { file: string; info: PageInfo }[] = [];
  const aliases: Alias[] = [];
  const byRoute = new Map<string, SourcePage>();
  for (const page of pages) {
    const data = parseFrontMatter(page.file, page.raw).frontMatter.data;
    if (data.draft === true && !options.drafts) continue;
    const first = byRoute.get(page.route);
    if (first) {
      diagnostics.push(
        error(page.file, 1, 1, `Two pages have the route \`/${page.route}\`: ${first.file} and ${page.file}`, {
          hint: 'A route has one page: rename or remove one of them (`foo.md`, `foo/_index.md` and `foo/index.md` are all `/foo/`).',
        }),
      );
      continue;
    }
    byRoute.set(page.route, page);
    kept.push(page);
    const info: PageInfo = {
      route: page.route,
      path: page.path,
      title: typeof data.title === 'string' ? data.title : titleFromRoute(page.route),
      description: typeof data.description === 'string' ? data.description : '',
      weight: typeof data.weight === 'number' ? data.weight : 0,
    };
    if (typeof data.linkTitle === 'string') info.linkTitle = data.linkTitle;
    entries.push({ file: page.file, info });
    const list = typeof data.aliases === 'string' ? [data.aliases] : Array.isArray(data.aliases) ? data.aliases : [];
    for (const alias of list) {
      const from = typeof alias === 'string' ? aliasRoute(alias, page.route) : undefined;
      if (from === undefined) {
        diagnostics.push(
          error(page.file, lineOf(page.raw, 'aliases'), 1, `Alias \`${String(alias)}\` is not a path`, { hint: 'Write aliases as paths: ["/old/place/", "../old-name/"].' }),
        );
        continue;
      }
      aliases.push({ from, to: page.route, file: page.file });
    }
  }
  const routes = new Set(kept.map((p) => p.route));
  const seen = new Map<string, Alias>();
  const valid = aliases.filter((a) => {
    const page = kept.find((p) => p.file === a.file)!;
    const clash = routes.has(a.from) ? `the page at that route` : seen.has(a.from) ? `an alias of ${seen.get(a.from)!.file}` : undefined;
    if (clash) {
      diagnostics.push(
        error(a.file, lineOf(page.raw, 'aliases'), 1, `Alias \`/${a.from}\` clashes with ${clash}`, { hint: 'An alias must be a route no page and no other alias has; remove or change it.' }),
      );
      return false;
    }
    seen.set(a.from, a);
    return true;
  });
  return { pages: kept, index: new SiteIndex(contentDir, entries), aliases: valid, diagnostics };
}

/** `/old/place` → `old/place/`; a relative alias is taken from the page's section. Undefined for a URL or an escape. */
export function aliasRoute(alias: string, route: string): string | undefined {
  const text = alias.trim();
  if (!text || /^[a-z][a-z\d+.-]*:/i.test(text) || text.startsWith('//')) return undefined;
  const section = path.posix.dirname(route.replace(/\/$/, ''));
  const joined = path.posix.normalize(text.startsWith('/') ? text.slice(1) : path.posix.join(section === '.' ? '' : section, text));
  if (joined === '..' || joined.startsWith('../')) return undefined;
  const clean = joined.replace(/^\.\/?/, '').replace(/\/$/, '');
  if (!clean) return undefined;
  return /\.html?$/.test(clean) ? clean : `${clean}/`;
}

function lineOf(raw: string, key: string): number {
  const m = new RegExp(`^${key}\\s*:`, 'm').exec(raw);
  return m ? raw.slice(0, m.index).split('\n').length : 1;
}
