/**
 * A Vite plugin for `npm run dev`: when the site data file changes, Astro
 * forgets its getStaticPaths results and the browser reloads.
 */
import type { Plugin } from 'vite';
import { siteDataPath } from './data.ts';

export function siteDataReload(): Plugin {
  return {
    name: 'docs-site-data-reload',
    apply: 'serve',
    configureServer(server) {
      const file = siteDataPath();
      server.watcher.add(file);
      server.watcher.on('change', (changed) => {
        if (changed !== file) return;
        server.environments.ssr?.hot.send({ type: 'custom', event: 'astro:content-changed', data: {} });
        server.environments.client?.hot.send({ type: 'full-reload' });
      });
    },
  };
}
