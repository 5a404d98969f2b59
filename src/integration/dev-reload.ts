/**
 * A Vite plugin for `npm run dev`: when the dev server has new site data
 * (src/site/dev.ts calls `notifySiteDataChanged()` in the same process),
 * Astro forgets its getStaticPaths results and the open page refreshes its
 * content in place (src/client/dev-refresh.ts) — no watcher round trip, no
 * full reload.
 */
import type { Plugin } from 'vite';

const NOTIFY = Symbol.for('versioned-docs.dev-notify');

/** Tell the dev server's browsers that the site data changed. */
export function notifySiteDataChanged(): void {
  ((globalThis as Record<symbol, unknown>)[NOTIFY] as (() => void) | undefined)?.();
}

export function siteDataReload(): Plugin {
  return {
    name: 'docs-site-data-reload',
    apply: 'serve',
    configureServer(server) {
      (globalThis as Record<symbol, unknown>)[NOTIFY] = () => {
        server.environments.ssr?.hot.send({ type: 'custom', event: 'astro:content-changed', data: {} });
        server.environments.client?.hot.send({ type: 'custom', event: 'docs:site-data-changed', data: {} });
      };
    },
  };
}
