import { defineConfig } from './src/config/define.ts';

/** The bundled sample: the Gloo Edge upgrade guide and its changelog. */
export default defineConfig({
  base: '/gloo-edge/',
  product: 'Gloo Edge',
  content: 'content',
  changelog: {
    open_source: ['changelog/open_source'],
    enterprise: ['changelog/enterprise'],
  },
  versions: { newest: 4 },
  // Pages the guide links to that this sample does not ship.
  // "Edit this page" (the page's source path is appended) and "Last updated" (git) on every page.
  editUrl: 'https://github.com/solo-io/gloo/edit/main/docs/',
  lastUpdated: true,
  logo: '/favicon.svg',
  headerLinks: [{ name: 'GitHub', url: 'https://github.com/solo-io/gloo' }],
  knownExternal: ['/operations/production_deployment/', '/guides/traffic_management/request_processing/health_checks'],
});
