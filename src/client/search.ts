// Pagefind search of the version being read (each version has its own bundle).
// pagefind.js is loaded on first use only.

interface PagefindResult {
  data(): Promise<{ url: string; excerpt: string; meta: { title?: string } }>;
}
interface Pagefind {
  init?(): Promise<void>;
  debouncedSearch(query: string, options?: object, ms?: number): Promise<{ results: PagefindResult[] } | null>;
}

const MAX_RESULTS = 8;

export function initSearch(): void {
  const root = document.querySelector<HTMLElement>('[data-search]');
  const input = root?.querySelector<HTMLInputElement>('input');
  const output = root?.querySelector<HTMLElement>('.search-results');
  const bundle = root?.dataset.bundle;
  if (!root || !input || !output || !bundle) return;
  root.hidden = false;
  let pagefind: Promise<Pagefind> | undefined;
  const load = () => {
    pagefind ??= import(/* @vite-ignore */ `${bundle}pagefind.js`).then(async (module: Pagefind) => {
      await module.init?.();
      return module;
    });
    return pagefind;
  };
  const status = (text: string) => {
    const p = document.createElement('p');
    p.className = 'search-status';
    p.textContent = text;
    output.replaceChildren(p);
  };
  root.querySelector('form')?.addEventListener('submit', (event) => event.preventDefault());
  input.addEventListener('focus', () => void load(), { once: true });
  document.addEventListener('click', (event) => {
    if (!root.contains(event.target as Node)) output.replaceChildren();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      input.value = '';
      output.replaceChildren();
    }
  });
  input.addEventListener('input', async () => {
    const query = input.value.trim();
    if (query === '') {
      output.replaceChildren();
      return;
    }
    let found;
    try {
      found = await (await load()).debouncedSearch(query, {}, 150);
    } catch {
      status('Search is not available.');
      return;
    }
    if (found === null || input.value.trim() !== query) return; // superseded
    const results = await Promise.all(found.results.slice(0, MAX_RESULTS).map((r) => r.data()));
    if (results.length === 0) {
      status(`No results for “${query}”.`);
      return;
    }
    const list = document.createElement('ul');
    for (const result of results) {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = result.url;
      link.textContent = result.meta.title ?? result.url;
      const excerpt = document.createElement('p');
      excerpt.innerHTML = result.excerpt; // Pagefind escapes the text and adds <mark>
      item.append(link, excerpt);
      list.append(item);
    }
    output.replaceChildren(list);
  });
}
