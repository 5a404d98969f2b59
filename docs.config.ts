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
  knownExternal: ['/operations/production_deployment/', '/guides/traffic_management/request_processing/health_checks'],
});
