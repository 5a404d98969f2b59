import { defineConfig } from '../src/config/define.ts';

/**
 * The whole Gloo Edge docs site from its release branches, as Gloo's
 * `docs/build-docs.sh` builds it: one command instead of a clone, four
 * checkouts and four Hugo runs.
 *
 *   npm run build -- --config examples/gloo-edge.config.ts
 *   npm run build -- --config examples/gloo-edge.config.ts --repo <your clone> --versions main,v1.16.x --latest v1.16.x
 *
 * Gloo reads the versions from `docs/active_versions.json` of `main`. The
 * shared fixture bundle has no `main` and no `v1.13.x` (which v1.17.x's copy
 * lists), so the versions are named here: `main` is the bundle's newest
 * branch, v1.17.x, which also supplies layouts, data and the Hugo config to
 * every version (Gloo's `latestMainTag`). In Gloo's own repository, drop
 * `versions`, `latest`, `old` and `aliases`: the file is read as the script reads it.
 */
export default defineConfig({
  base: '/gloo-edge/',
  product: 'Gloo Edge',
  git: {
    repo: '../../shared/fixtures/gloo-docs.bundle',
    docs: 'docs',
    changelog: 'changelog',
    aliases: { main: 'v1.17.x' },
    layoutRef: 'main',
    versions: ['main', 'v1.16.x', 'v1.15.x', 'v1.14.x'],
    latest: 'v1.16.x',
    old: ['v1.15.x', 'v1.14.x'],
  },
  outDir: 'dist',
});
