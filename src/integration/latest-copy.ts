/**
 * `latest/` serves the latest version's pages again, under the same routes.
 * Laid out by Astro, such a page differs from the one under the version's id
 * only in that every `<base><id>/` URL in an attribute reads `<base>latest/` (the
 * page's own links, the dropdown, the sidebar, the search bundle): src/view/rebase.ts. So a build lays each
 * page out once and writes its `latest/` copy with that prefix replaced: a
 * fifth fewer pages for Astro at four versions. test/site-latest-copy proves
 * the copies byte-identical to Astro's own rendering of `latest/`.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { LATEST, pageHref, servedPages, type SiteModel } from '../model/site-model.ts';
import { rebaseAttributes } from '../view/rebase.ts';
import { walkFiles } from '../util/walk.ts';

/** HTML files under `dir`, relative, sorted. */
async function htmlFiles(dir: string): Promise<string[]> {
  return walkFiles(dir)
    .filter((e) => e.name.endsWith('.html'))
    .map((e) => e.path)
    .sort();
}

/** Writes `<outDir><base>latest/…` from the laid-out pages of the latest version; returns how many. */
export async function copyLatest(outDir: string, model: SiteModel): Promise<number> {
  const from = join(outDir, model.base, model.latest);
  const to = join(outDir, model.base, LATEST);
  const own = `${model.base}${model.latest}/`;
  const served = `${model.base}${LATEST}/`;
  const files = await htmlFiles(from);
  for (const file of files) {
    const html = await readFile(join(from, file), 'utf8');
    await mkdir(dirname(join(to, file)), { recursive: true });
    await writeFile(join(to, file), rebaseAttributes(html, own, served));
  }
  return files.length;
}

/** Site paths of the `latest/` copies, for the sitemap (Astro lists only what it laid out). */
export function latestPaths(model: SiteModel): string[] {
  return servedPages(model)
    .filter((p) => p.prefix === LATEST)
    .map((p) => pageHref(model.base, LATEST, p.page.route));
}
