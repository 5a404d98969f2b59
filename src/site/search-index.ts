/**
 * Pagefind over the built site, one bundle per served copy of the docs
 * (`<base><version>/pagefind/` and `<base>latest/pagefind/`), so the search
 * of each version finds only that version's pages.
 */
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { LATEST, type SiteModel } from './model.ts';

function fail(what: string, errors: string[]): void {
  if (errors.length) throw new Error(`Pagefind ${what}: ${errors.join('; ')}`);
}

/**
 * Index each served copy of the docs into its own bundle. `latest/` serves
 * the latest version's pages under the same routes, and bundle URLs are
 * relative to the bundle, so the latest version is indexed once and written
 * to both. Versions are indexed concurrently. Returns page counts by prefix.
 */
export async function indexSite(outDir: string, model: SiteModel): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const bundleRoot = (prefix: string) => join(outDir, ...model.base.split('/').filter(Boolean), prefix);
  try {
    await Promise.all(
      model.versions.map(async (v) => {
        const id = v.version.id;
        const root = bundleRoot(id);
        const created = await pagefind.createIndex({ forceLanguage: 'en', includeCharacters: '-_.' });
        fail('createIndex', created.errors);
        const index = created.index!;
        // Pagefind reads the pages itself (in Rust, on every core): only pages with `data-pagefind-body` count.
        const added = await index.addDirectory({ path: root, glob: '**/index.html' });
        fail(`addDirectory ${root}`, added.errors);
        const count = added.page_count;
        const targets = id === model.latest ? [id, LATEST] : [id];
        for (const prefix of targets) {
          const written = await index.writeFiles({ outputPath: join(bundleRoot(prefix), 'pagefind') });
          fail('writeFiles', written.errors);
          counts[prefix] = count;
        }
        await index.deleteIndex();
      }),
    );
  } finally {
    await pagefind.close();
  }
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
