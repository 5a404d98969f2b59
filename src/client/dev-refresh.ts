/// <reference types="vite/client" />
/**
 * `npm run dev` only: when the site data changes, fetch this page again and
 * swap in its `<main>` and sidebar instead of reloading the whole page (the
 * reload, with Vite's unbundled modules, was most of the edit-to-screen
 * time). Scroll position and the chosen tabs stay. Falls back to a full
 * reload when the page is gone or its shape changed. In a production build
 * `import.meta.hot` is undefined and this is dropped.
 */
import { initCopyButtons } from './copy.ts';
import { initNavGroups } from './menu.ts';
import { initMermaid } from './mermaid.ts';
import { initTabs } from './tabs.ts';
import { initToc } from './toc.ts';
import { byId, LAYOUT_IDS } from '../util/layout-ids.ts';

const SWAPPED = ['main', byId(LAYOUT_IDS.nav)];

async function refresh(): Promise<void> {
  const response = await fetch(location.href, { cache: 'no-store' });
  const next = new DOMParser().parseFromString(await response.text(), 'text/html');
  const pairs = SWAPPED.map((selector) => [document.querySelector(selector), next.querySelector(selector)] as const);
  if (!response.ok || pairs.some(([now, then]) => !now || !then)) {
    location.reload();
    return;
  }
  for (const [now, then] of pairs) now!.replaceWith(then!);
  document.title = next.title;
  initTabs();
  initCopyButtons();
  initToc();
  initNavGroups();
  initMermaid();
}

export function initDevRefresh(): void {
  if (!import.meta.hot) return;
  import.meta.hot.on('docs:site-data-changed', () => {
    refresh().catch(() => location.reload());
  });
}
