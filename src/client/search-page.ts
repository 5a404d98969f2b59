// The search page (`<base><prefix>/search/?q=…`): with JavaScript, Pagefind's results for the query,
// from the same bundle as the header's search (this version only). Without JavaScript the page
// already lists every page of the version; this script only adds the results above that list.
import { loadPagefind, resultItem } from './search.ts';

/** Results shown on the page (the whole list of pages follows them). */
const MAX_RESULTS = 50;

export async function initSearchPage(): Promise<void> {
  const root = document.querySelector<HTMLElement>('[data-search-page]');
  const status = root?.querySelector<HTMLElement>('[data-search-page-status]');
  const output = root?.querySelector<HTMLElement>('[data-search-page-results]');
  const bundle = root?.dataset.bundle;
  if (!root || !status || !output || !bundle) return;
  const query = (new URLSearchParams(location.search).get('q') ?? '').trim();
  const input = document.querySelector<HTMLInputElement>('[data-search] input[type=search]');
  if (input && query) input.value = query;
  if (query === '') {
    status.textContent = 'Type your words in the search box, or browse every page below.';
    return;
  }
  status.textContent = `Searching for “${query}”…`;
  let results;
  try {
    results = (await (await loadPagefind(bundle)).search(query)).results;
  } catch {
    status.textContent = 'Search is not available. Every page is listed below.';
    return;
  }
  const shown = await Promise.all(results.slice(0, MAX_RESULTS).map((r) => r.data()));
  const list = document.createElement('ul');
  for (const result of shown) list.append(resultItem(result));
  output.replaceChildren(list);
  status.textContent =
    results.length === 0
      ? `No results for “${query}”. Every page is listed below.`
      : `${results.length} ${results.length === 1 ? 'page matches' : 'pages match'} “${query}”${results.length > shown.length ? ` (the first ${shown.length} are shown)` : ''}.`;
}
