// The 404 page: from the address, the version the reader was in and the page they wanted; offers that
// page in the versions that have it, the nearest page in this version, and scopes the search to it.
import type { NotFoundData } from '../view/not-found.ts';

function link(href: string, text: string): HTMLAnchorElement {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  return a;
}

export function initNotFound(): void {
  const main = document.querySelector<HTMLElement>('[data-not-found]');
  const raw = document.getElementById('not-found-data')?.textContent;
  if (!main || !raw) return;
  const data = JSON.parse(raw) as NotFoundData;
  if (!location.pathname.startsWith(data.base)) return;
  const [prefix = '', ...rest] = location.pathname.slice(data.base.length).split('/').filter(Boolean);
  const index = data.versions.findIndex((v) => v.prefix === prefix || v.id === prefix);
  const version = data.versions[index];
  // Without a known version in the address, the whole path is the route.
  const segments = version ? rest : [prefix, ...rest].filter(Boolean);
  const route = segments.length ? `${segments.join('/')}/` : '';
  const label = (v: NotFoundData['versions'][number]) => (v.mark ? `${v.id} (${v.mark})` : v.id);
  const href = (v: NotFoundData['versions'][number], r: string) => `${data.base}${v.prefix}/${r}`;

  const context = main.querySelector<HTMLElement>('[data-context]');
  if (version && context) {
    // The nearest existing ancestor in this version.
    let nearest = route;
    while (nearest && !(data.routes[nearest] ?? '').split(' ').includes(String(index))) nearest = nearest.replace(/[^/]+\/$/, '');
    context.append(`You were reading the ${label(version)} docs. `, link(href(version, nearest), nearest ? `The nearest page in ${version.id}` : `The ${version.id} home page`), '.');
    context.hidden = false;
    const search = document.querySelector<HTMLElement>('[data-search]');
    if (search) {
      search.dataset.bundle = `${data.base}${version.prefix}/pagefind/`;
      const input = search.querySelector('input');
      if (input) input.placeholder = `Search ${version.id}`;
      const inputLabel = search.querySelector('label');
      if (inputLabel) inputLabel.textContent = `Search the ${version.id} docs`;
    }
  }
  const have = (data.routes[route] ?? '').split(' ').filter(Boolean).map(Number);
  const elsewhere = main.querySelector<HTMLElement>('[data-elsewhere]');
  if (have.length && elsewhere) {
    const p = document.createElement('p');
    p.textContent = `This page exists in ${have.map((i) => data.versions[i]!.id).join(', ')}:`;
    const ul = document.createElement('ul');
    for (const i of have) {
      const li = document.createElement('li');
      li.append(link(href(data.versions[i]!, route), label(data.versions[i]!)));
      ul.append(li);
    }
    elsewhere.append(p, ul);
    elsewhere.hidden = false;
  }
}
