/**
 * Redirects as Gloo declares them, in Firebase Hosting's format (pasted from
 * `build-docs.sh`): `source` and `destination` paths where `:version` (or any
 * `:name`) matches one segment and `:name*` the rest of the path.
 *
 * The build writes, from the same rules:
 * - a redirect page at every concrete source path: a rule without a
 *   wildcard at its path under every prefix the site serves (`:version` →
 *   `latest` and each version id); a rule with `:path`/`:path*` at every
 *   page route of some version that it matches, where that version (or the
 *   literal version the rule names, such as `master`) has no page there.
 *   A page is never overwritten; the first rule that writes a path wins, as
 *   Firebase takes the first match.
 * - `firebase.json` (the rules as given) and `_redirects` (Netlify and
 *   Cloudflare Pages syntax) at the site root, for hosts that redirect
 *   themselves.
 * A redirect page whose destination is not a page of the site is not written
 * (a warning per rule says how many).
 *
 * A site whose latest version is served only under `latest/` (SiteData.latestOnly:
 * a build from git refs, as Gloo's build-docs.sh publishes it) gets one rule
 * more, first: `<base><latest id>/:path*` → `<base>latest/:path*`, in the host
 * files and for the link checker; and a redirect page under the latest id for
 * every page `latest/` has (`writeLatestIdPages`), so old links keep working.
 */
import { existsSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RedirectRule } from '../config/define.ts';
import { LATEST } from '../model/site-model.ts';
import type { SiteData } from '../model/site-data.ts';
import { warning, type Diagnostic } from '../util/diagnostics.ts';
import { redirectPage, servedPrefixes, writeSiteFile } from './extras.ts';

export interface RedirectRules {
  redirects?: readonly RedirectRule[];
  rewrites?: readonly RedirectRule[];
}

/** Splits a path into segments, without empty ones: `/a/b/` → [a, b]. */
function segments(p: string): string[] {
  return p.split(/[?#]/)[0]!.split('/').filter(Boolean);
}

/** Matches `path` segments against a pattern's; the captures by name, or undefined. */
export function matchPattern(pattern: readonly string[], parts: readonly string[]): Record<string, string> | undefined {
  const captures: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    const rest = /^:(\w+)\*$/.exec(p);
    if (rest) {
      captures[rest[1]!] = parts.slice(i).join('/');
      return i === pattern.length - 1 ? captures : undefined;
    }
    if (i >= parts.length) return undefined;
    const one = /^:(\w+)$/.exec(p);
    if (one) captures[one[1]!] = parts[i]!;
    else if (p !== parts[i]) return undefined;
  }
  return pattern.length === parts.length ? captures : undefined;
}

/** The destination with captures filled in (`:version`, `:path`). */
export function fillDestination(destination: string, captures: Record<string, string>): string {
  return destination.replace(/:(\w+)\*?/g, (whole, name: string) => (name in captures ? captures[name]! : whole)).replace(/([^:])\/{2,}/g, '$1/');
}

/** Where the first rule matching a site path sends it (as Firebase takes the first match); undefined when none does. */
export function redirectTarget(rules: readonly RedirectRule[], pathname: string): string | undefined {
  const parts = segments(pathname);
  for (const rule of rules) {
    const captures = matchPattern(segments(rule.source), parts);
    if (captures) return fillDestination(rule.destination, captures);
  }
  return undefined;
}

/** The rule sending the latest version's own id to `latest/`, when the site serves it only there. */
export function latestIdRule(data: SiteData): RedirectRule | undefined {
  return data.latestOnly ? { source: `${data.base}${data.latest}/:path*`, destination: `${data.base}${LATEST}/:path*`, type: '301' } : undefined;
}

/** The redirect rules the site is served with: the config's, after latestIdRule() when there is one. */
export function siteRedirects(data: SiteData | undefined, rules: RedirectRules): RedirectRule[] {
  const own = data && latestIdRule(data);
  return [...(own ? [own] : []), ...(rules.redirects ?? [])];
}

/** What the link checker follows for a path no file serves: the site's redirect rules (undefined when it has none). */
export function redirectResolver(data: SiteData | undefined, rules: RedirectRules): ((pathname: string) => string | undefined) | undefined {
  const all = siteRedirects(data, rules);
  return all.length ? (pathname) => redirectTarget(all, pathname) : undefined;
}

export interface PlannedRedirect {
  /** Site path of the redirect page: `/gloo-edge/v1.15.x/cli/`. */
  from: string;
  to: string;
}

/** Every redirect page the rules give for the site's pages (see the module comment). */
export function planRedirects(data: SiteData, rules: readonly RedirectRule[]): { pages: PlannedRedirect[]; diagnostics: Diagnostic[] } {
  const base = data.base;
  const prefixes = [...new Set([LATEST, ...data.versions.flatMap((v) => servedPrefixes(data, v.id))])];
  const routesOf = (prefix: string) => new Set((data.pages[prefix === LATEST ? data.latest : prefix] ?? []).map((p) => p.route.replace(/\/$/, '')));
  const served = new Map(prefixes.map((p) => [p, routesOf(p)]));
  const allRoutes = [...new Set([...served.values()].flatMap((s) => [...s]))].sort();
  const exists = (sitePath: string) => {
    const [prefix, ...rest] = segments(sitePath.slice(base.length - 1));
    const routes = prefix === undefined ? undefined : served.get(prefix);
    return routes ? routes.has(rest.join('/')) || (rest.length === 0 && routes.has('')) : false;
  };
  const baseParts = segments(base);
  const pages: PlannedRedirect[] = [];
  const written = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const rule of rules) {
    const source = segments(rule.source);
    if (source.slice(0, baseParts.length).join('/') !== baseParts.join('/')) continue; // outside the docs: for the host only
    const [versionPart, ...rest] = source.slice(baseParts.length);
    if (versionPart === undefined) continue;
    const versionNames = versionPart.startsWith(':') ? prefixes : [versionPart];
    const wildcard = rest.some((s) => s.startsWith(':'));
    let missing = 0;
    for (const version of versionNames) {
      const routes = served.get(version) ?? new Set<string>();
      const candidates = wildcard ? allRoutes.map((r) => (r ? r.split('/') : [])) : [rest];
      for (const parts of candidates) {
        const captures = matchPattern(rest, parts);
        if (!captures) continue;
        if (versionPart.startsWith(':')) captures[versionPart.slice(1)] = version;
        const route = parts.join('/');
        if (routes.has(route)) continue; // the version has this page: it stays
        const from = `${base}${version}/${route ? `${route}/` : ''}`;
        if (written.has(from)) continue;
        const to = fillDestination(rule.destination, captures);
        if (to.startsWith(base) && !exists(to)) {
          missing++;
          continue;
        }
        written.add(from);
        pages.push({ from, to });
      }
    }
    if (missing) {
      diagnostics.push(
        warning('redirects', 0, 0, `Redirect ${rule.source} → ${rule.destination}: ${missing} redirect page(s) not written, their destination is not a page of the site`, {
          hint: 'Point the rule at a page that exists in every version, or leave it to the host (firebase.json, _redirects).',
        }),
      );
    }
  }
  return { pages, diagnostics };
}

/** Writes the redirect pages, `firebase.json` and `_redirects` into the site at `outDir` (its web root). */
export async function writeRedirects(outDir: string, data: SiteData, rules: RedirectRules): Promise<Diagnostic[]> {
  const redirects = siteRedirects(data, rules);
  const rewrites = rules.rewrites ?? [];
  // The latest id's pages are written by writeLatestIdPages, from what latest/ holds.
  const planned = planRedirects(data, rules.redirects ?? []);
  for (const { from, to } of planned.pages) {
    const target = path.join(outDir, from, 'index.html');
    if (existsSync(target)) continue;
    writeSiteFile(target, redirectPage(to));
  }
  const firebase = {
    hosting: {
      public: '.',
      ignore: ['firebase.json', '_redirects', '**/.*'],
      rewrites: rewrites.map((r) => ({ source: r.source, destination: r.destination })),
      redirects: redirects.map((r) => ({ source: r.source, destination: r.destination, type: Number(r.type ?? 301) })),
    },
  };
  await writeFile(path.join(outDir, 'firebase.json'), `${JSON.stringify(firebase, null, 2)}\n`);
  const lines = [...redirects.map((r) => netlifyLine(r, String(r.type ?? 301))), ...rewrites.map((r) => netlifyLine(r, '200'))];
  await writeFile(path.join(outDir, '_redirects'), `${lines.join('\n')}\n`);
  return planned.diagnostics;
}

/** One `_redirects` line: Firebase's `:name*` is Netlify's `*`, filled in as `:splat`. */
function netlifyLine(rule: RedirectRule, status: string): string {
  const splat = /:(\w+)\*/.exec(rule.source)?.[1];
  const source = rule.source.replace(/:(\w+)\*/, '*');
  const destination = splat ? rule.destination.replace(new RegExp(`:${splat}\\*?`, 'g'), ':splat') : rule.destination;
  return `${source} ${destination} ${status}`;
}

/**
 * Under the latest version's own id, when the site serves it only under `latest/`: a redirect page for
 * every page of `latest/` (its pages, aliases and redirect pages), to the same path there; nothing else
 * (search bundle, images: the host's rule from latestIdRule sends those). Returns how many were written.
 */
export async function writeLatestIdPages(outDir: string, data: SiteData): Promise<number> {
  if (!data.latestOnly) return 0;
  const from = path.join(outDir, data.base, LATEST);
  const to = path.join(outDir, data.base, data.latest);
  const entries = await readdir(from, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.relative(from, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .filter((file) => !file.startsWith('pagefind/'))
    .sort();
  let written = 0;
  for (const file of files) {
    const target = path.join(to, file);
    if (existsSync(target)) continue;
    const url = `${data.base}${LATEST}/${file === 'index.html' ? '' : file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file}`;
    writeSiteFile(target, redirectPage(url));
    written++;
  }
  return written;
}
