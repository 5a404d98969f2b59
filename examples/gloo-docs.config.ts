import { defineConfig } from '../src/config/define.ts';

/**
 * Another tree: the real Gloo Edge 1.15 docs folder in the shared fixtures,
 * built as it stands. Paths are relative to this file's folder.
 *
 *   npm run build -- --config examples/gloo-docs.config.ts
 *
 * It has no changelog here, so the docs version is named and its values
 * come from the tree's own `static/content/version_*.md` files.
 */
const tree = '../../shared/fixtures/gloo-docs-v1.15.x';

export default defineConfig({
  base: '/gloo-edge/',
  product: 'Gloo Edge',
  root: tree,
  content: tree,
  snippets: `${tree}/static/content`,
  changelog: { open_source: [], enterprise: [] },
  versions: { include: ['v1.15.x'] },
  // The fixture is one folder of the docs: the rest lives outside this site.
  knownExternal: ['/installation', '/guides', '/reference', '/operations/advanced', '/operations/production_deployment', '/operations/debugging_gloo', '/static'],
  outDir: 'dist',
});
