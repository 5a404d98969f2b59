/**
 * Hugo's page lookup for `ref` / `relref`: `/a/b.md` from the content root;
 * `b.md`, `../b` or `b` from the current page's folder first, then from the
 * root; a section by its folder (`a/b` finds `a/b/_index.md`); finally a
 * unique file name anywhere (`b.md`). Extensions are optional.
 */
import path from 'node:path';
import { didYouMean } from '../../util/suggest.ts';
import type { PageInfo, SiteInfo } from '../types.ts';

export type FindResult = { ok: true; page: PageInfo } | { ok: false; message: string; hint: string };

export function findPage(site: SiteInfo, ref: string): FindResult {
  const byPath = new Map(site.pages.map((p) => [p.path, p]));
  const wanted = ref.replace(/\/+$/, '');
  const candidates = (p: string) => [p, `${p}.md`, `${p}/_index.md`, `${p}/index.md`].map((c) => path.posix.normalize(c).replace(/^\.\//, ''));
  const bases: string[] = [];
  if (wanted.startsWith('/')) bases.push(wanted.slice(1));
  else {
    const dir = site.path === undefined ? '.' : path.posix.dirname(site.path);
    bases.push(path.posix.join(dir, wanted), wanted);
  }
  for (const base of bases) {
    for (const candidate of candidates(base || '.')) {
      const page = byPath.get(candidate === '.' ? '_index.md' : candidate);
      if (page) return { ok: true, page };
    }
  }
  if (!wanted.includes('/')) {
    const name = wanted.replace(/\.md$/, '');
    const same = site.pages.filter((p) => path.posix.basename(p.path, '.md') === name || p.route.replace(/\/$/, '').split('/').pop() === name);
    if (same.length === 1) return { ok: true, page: same[0]! };
    if (same.length > 1) {
      return { ok: false, message: `\`${ref}\` is ambiguous: ${same.length} pages are called that`, hint: `Write the path: ${same.map((p) => `"/${p.path}"`).join(', ')}.` };
    }
  }
  const wantedPath = wanted.replace(/^\//, '').replace(/\.md$/, '');
  const near = didYouMean(wantedPath, site.pages.map((p) => p.path.replace(/\.md$/, '')));
  return {
    ok: false,
    message: `No page \`${ref}\` in the content tree`,
    hint: near ? `Did you mean "/${near}.md"? Paths start from the content folder (with /) or the page's folder.` : 'Paths start from the content folder (with /) or from the page\'s folder, e.g. "/operations/upgrading/faq.md".',
  };
}
