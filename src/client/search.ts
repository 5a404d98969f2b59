// Pagefind search of the version being read (each version has its own bundle); pagefind.js is loaded on
// first use only. `/` or Ctrl/⌘+K focus the box; ↓/↑ move through the results, Enter follows one,
// Escape clears. Each page lists its matching sections (Pagefind's sub-results); eight pages at a time.

interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
}
interface PagefindData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  sub_results?: PagefindSubResult[];
}
export interface PagefindResult {
  data(): Promise<PagefindData>;
}
export interface Pagefind {
  init?(): Promise<void>;
  search(query: string, options?: object): Promise<{ results: PagefindResult[] }>;
  debouncedSearch(query: string, options?: object, ms?: number): Promise<{ results: PagefindResult[] } | null>;
}

const PAGE_SIZE = 8;
/** Sections listed under a page's title. */
const MAX_SECTIONS = 3;

function typingIn(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
}

function excerptOf(html: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.innerHTML = html; // Pagefind escapes the text and adds <mark>
  return p;
}

/** A version's Pagefind bundle (`<base><prefix>/pagefind/`), loaded and initialised once. */
const bundles = new Map<string, Promise<Pagefind>>();
export function loadPagefind(bundle: string): Promise<Pagefind> {
  let loaded = bundles.get(bundle);
  if (!loaded) {
    loaded = import(/* @vite-ignore */ `${bundle}pagefind.js`).then(async (module: Pagefind) => {
      await module.init?.();
      return module;
    });
    bundles.set(bundle, loaded);
  }
  return loaded;
}

/** One result: the page's title linked, its matching sections (linked, with excerpts) or its excerpt. */
export function resultItem(result: PagefindData): HTMLLIElement {
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = result.url;
  link.textContent = result.meta.title ?? result.url;
  item.append(link);
  const sections = (result.sub_results ?? []).filter((s) => s.url !== result.url && s.url.includes('#')).slice(0, MAX_SECTIONS);
  if (sections.length) {
    const sub = document.createElement('ul');
    sub.className = 'search-sections';
    for (const s of sections) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = s.url;
      a.textContent = s.title;
      li.append(a, excerptOf(s.excerpt));
      sub.append(li);
    }
    item.append(sub);
  } else item.append(excerptOf(result.excerpt));
  return item;
}

export function initSearch(): void {
  const root = document.querySelector<HTMLElement>('[data-search]');
  const input = root?.querySelector<HTMLInputElement>('input[type=search]');
  const output = root?.querySelector<HTMLElement>('.search-results');
  if (!root || !input || !output || !root.dataset.bundle) return;
  const bundle = root.dataset.bundle;
  const load = () => loadPagefind(bundle);
  const status = (text: string) => {
    const p = document.createElement('p');
    p.className = 'search-status';
    p.textContent = text;
    output.replaceChildren(p);
  };
  const links = () => [...output.querySelectorAll<HTMLElement>('a, button')];
  const clear = () => output.replaceChildren();

  // Enter follows the first result shown; with none shown yet, the form goes to the search page.
  root.querySelector('form')?.addEventListener('submit', (event) => {
    const first = links()[0];
    if (!first) return;
    event.preventDefault();
    first.click();
  });
  // Loaded ahead on focus; a failure is said when the reader searches, not thrown into the console.
  input.addEventListener('focus', () => void load().catch(() => undefined), { once: true });
  // The path as dispatched: a click on "show more" stays inside even when the button is gone by the time it bubbles here.
  document.addEventListener('click', (event) => {
    if (!event.composedPath().includes(root)) clear();
  });
  document.addEventListener('keydown', (event) => {
    const shortcut = (event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey) || (event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey));
    if (!shortcut || (event.key === '/' && typingIn(event.target))) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
  root.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      input.value = '';
      clear();
      input.focus();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const items = links();
    if (!items.length) return;
    event.preventDefault();
    const at = items.indexOf(document.activeElement as HTMLElement);
    const next = event.key === 'ArrowDown' ? Math.min(at + 1, items.length - 1) : at - 1;
    if (next < 0) input.focus();
    else items[next]!.focus();
  });

  let found: PagefindResult[] = [];
  let shown = 0;
  let list: HTMLUListElement | undefined;
  const more = document.createElement('button');
  more.type = 'button';
  more.className = 'search-more';
  const showMore = async (query: string) => {
    const batch = await Promise.all(found.slice(shown, shown + PAGE_SIZE).map((r) => r.data()));
    if (input.value.trim() !== query || !list) return;
    const first = shown;
    for (const result of batch) list.append(resultItem(result));
    shown += batch.length;
    const left = found.length - shown;
    more.textContent = `Show ${Math.min(left, PAGE_SIZE)} more of ${left} results`;
    if (left > 0) output.append(more);
    else more.remove();
    if (first > 0) list.children[first]?.querySelector('a')?.focus();
  };
  more.addEventListener('click', () => void showMore(input.value.trim()));

  input.addEventListener('input', async () => {
    const query = input.value.trim();
    if (query === '') {
      clear();
      return;
    }
    let search;
    try {
      search = await (await load()).debouncedSearch(query, {}, 150);
    } catch {
      status('Search is not available.');
      return;
    }
    if (search === null || input.value.trim() !== query) return; // superseded
    if (search.results.length === 0) {
      status(`No results for “${query}”.`);
      return;
    }
    found = search.results;
    shown = 0;
    list = document.createElement('ul');
    output.replaceChildren(list);
    await showMore(query);
  });
}
