/**
 * Pagefind over the built site, one bundle per served copy of the docs
 * (`<base><version>/pagefind/` and `<base>latest/pagefind/`), so the search
 * of each version finds only that version's pages.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { LATEST, type SiteModel } from './model.ts';

async function htmlFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    const entries = (await readdir(d, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'pagefind') await walk(path);
      } else if (entry.name === 'index.html') out.push(path);
    }
  };
  await walk(dir);
  return out;
}

function fail(what: string, errors: string[]): void {
  if (errors.length) throw new Error(`Pagefind ${what}: ${errors.join('; ')}`);
}

/** Index each served copy of the docs into its own bundle. Returns page counts by prefix. */
export async function indexSite(outDir: string, model: SiteModel): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const prefixes = [LATEST, ...model.versions.map((v) => v.version.id)];
  try {
    for (const prefix of prefixes) {
      const root = join(outDir, ...model.base.split('/').filter(Boolean), prefix);
      const created = await pagefind.createIndex({ forceLanguage: 'en', includeCharacters: '-_.' });
      fail('createIndex', created.errors);
      const index = created.index!;
      let count = 0;
      for (const file of await htmlFiles(root)) {
        const content = await readFile(file, 'utf8');
        if (!content.includes('data-pagefind-body')) continue;
        const dir = relative(root, file).split(sep).slice(0, -1).join('/');
        // Relative to the bundle's site root: Pagefind's UI prepends `<base><prefix>/`.
        const url = `/${dir ? `${dir}/` : ''}`;
        const added = await index.addHTMLFile({ url, content });
        fail(`addHTMLFile ${url}`, added.errors);
        count++;
      }
      const written = await index.writeFiles({ outputPath: join(root, 'pagefind') });
      fail('writeFiles', written.errors);
      await index.deleteIndex();
      counts[prefix] = count;
    }
  } finally {
    await pagefind.close();
  }
  return counts;
}
