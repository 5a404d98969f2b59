// The 404 page: from the address, the version the reader was in and the page they wanted; offers that
// page in the versions that have it, the nearest page in this version, and scopes the search to it.
import type { NotFoundData } from '../view/not-found.ts';

function link(href: string, text: string): HTMLAnchorElement {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  return a;
}

type VersionEntry = NotFoundData['versions'][number];

/** What the 404 page offers for the address `pathname`. */
export interface NotFoundHelp {
  /** The version the address names, with the nearest existing page in it (its home page at worst) and its search bundle. */
  version?: { id: string; label: string; nearest: { href: string; text: string }; bundle: string };
  /** The page the address asks for, in every version that has it. */
  elsewhere: { id: string; label: string; href: string }[];
}

/** The version and route read from `pathname`, and where they lead; undefined outside the site's base. */
export function notFoundHelp(data: NotFoundData, pathname: string): NotFoundHelp | undefined {
  if (!pathname.startsWith(data.base)) return undefined;
  const [prefix = '', ...rest] = pathname.slice(data.base.length).split('/').filter(Boolean);
  const index = data.versions.findIndex((v) => v.prefix === prefix || v.id === prefix);
  const version = data.versions[index];
  // Without a known version in the address, the whole path is the route.
  const segments = version ? rest : [prefix, ...rest].filter(Boolean);
  const route = segments.length ? `${segments.join('/')}/` : '';
  const label = (v: VersionEntry) => (v.mark ? `${v.id} (${v.mark})` : v.id);
  const href = (v: VersionEntry, r: string) => `${data.base}${v.prefix}/${r}`;
  const has = (r: string) => (data.routes[r] ?? '').split(' ').filter(Boolean).map(Number);
  const help: NotFoundHelp = { elsewhere: has(route).map((i) => ({ id: data.versions[i]!.id, label: label(data.versions[i]!), href: href(data.versions[i]!, route) })) };
  if (version) {
    // The nearest existing ancestor in this version.
    let nearest = route;
    while (nearest && !has(nearest).includes(index)) nearest = nearest.replace(/[^/]+\/$/, '');
    help.version = {
      id: version.id,
      label: label(version),
      nearest: { href: href(version, nearest), text: nearest ? `The nearest page in ${version.id}` : `The ${version.id} home page` },
      bundle: `${data.base}${version.prefix}/pagefind/`,
    };
  }
  return help;
}

export function initNotFound(): void {
  const main = document.querySelector<HTMLElement>('[data-not-found]');
  const raw = document.getElementById('not-found-data')?.textContent;
  if (!main || !raw) return;
  const help = notFoundHelp(JSON.parse(raw) as NotFoundData, location.pathname);
  if (!help) return;
  const { version, elsewhere: have } = help;

  const context = main.querySelector<HTMLElement>('[data-context]');
  if (version && context) {
    context.append(`You were reading the ${version.label} docs. `, link(version.nearest.href, version.nearest.text), '.');
    context.hidden = false;
    const search = document.querySelector<HTMLElement>('[data-search]');
    if (search) {
      search.dataset.bundle = version.bundle;
      const input = search.querySelector('input');
      if (input) input.placeholder = `Search ${version.id}`;
      const inputLabel = search.querySelector('label');
      if (inputLabel) inputLabel.textContent = `Search the ${version.id} docs`;
    }
  }
  const elsewhere = main.querySelector<HTMLElement>('[data-elsewhere]');
  if (have.length && elsewhere) {
    const p = document.createElement('p');
    p.textContent = `This page exists in ${have.map((v) => v.id).join(', ')}:`;
    const ul = document.createElement('ul');
    for (const v of have) {
      const li = document.createElement('li');
      li.append(link(v.href, v.label));
      ul.append(li);
    }
    elsewhere.append(p, ul);
    elsewhere.hidden = false;
  }
}
