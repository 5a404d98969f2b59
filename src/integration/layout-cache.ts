/**
 * Pages laid out by an earlier build, reused. A page's layout is a function
 * of its context (src/view/context.ts: the article, the sidebar, the version
 * menu, …), of the Astro UI's code and of the site's origin and base; a build
 * that finds the same key laid out before writes those bytes instead of
 * laying the page out again (an Astro page may answer with a Response, which
 * a static build writes as it is). The key hashes all of it: the context as
 * JSON, and a salt made of this package's `src/` files, its lockfile and the
 * site's origin and base, so a change of code or of any dependency lays every
 * page out again.
 *
 * After the build, what Astro laid out goes into the cache, and what this
 * build neither reused nor laid out leaves it: the cache holds one build.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { walkFiles } from '../util/walk.ts';
import type { LayoutLog } from './site-registry.ts';

const EXT = '.html';

/** What a page's layout depends on besides its context: the UI's code, the dependencies, the site's origin and base. */
export function layoutSalt(packageRoot: string, siteUrl: string, base: string): string {
  const hash = createHash('sha256');
  const files = walkFiles(join(packageRoot, 'src'))
    .map((e) => e.full)
    .sort();
  for (const file of [...files, join(packageRoot, 'astro.config.ts'), join(packageRoot, 'package-lock.json')]) {
    hash.update(file.slice(packageRoot.length)).update('\0');
    try {
      hash.update(readFileSync(file));
    } catch {
      hash.update('(none)');
    }
    hash.update('\0');
  }
  return hash.update(siteUrl).update('\0').update(base).digest('hex');
}

/** The cache key of a page laid out by `layout` (the Astro page's name) from `context`. */
export function layoutKey(salt: string, layout: string, context: unknown): string {
  return createHash('sha256').update(salt).update('\0').update(layout).update('\0').update(JSON.stringify(context)).digest('hex');
}

/** The cached layout under `key`, or undefined. */
export function cachedLayout(dir: string, key: string): Buffer | undefined {
  try {
    return readFileSync(join(dir, `${key}${EXT}`));
  } catch {
    return undefined;
  }
}

/**
 * After a build into `outDir`: what Astro laid out goes into the cache (copied, then renamed: a killed
 * build leaves no half entry), and entries this build did not use go.
 */
export async function storeLayouts(dir: string, outDir: string, log: LayoutLog): Promise<{ reused: number; laidOut: number; removed: number }> {
  await mkdir(dir, { recursive: true });
  for (const { key, path } of log.laidOut) {
    const temp = join(dir, `${key}.tmp`);
    await copyFile(join(outDir, path, 'index.html'), temp);
    await rename(temp, join(dir, `${key}${EXT}`));
  }
  const used = new Set([...log.reused, ...log.laidOut.map((p) => p.key)]);
  let removed = 0;
  for (const name of await readdir(dir)) {
    if (name.endsWith(EXT) && used.has(name.slice(0, -EXT.length))) continue;
    await rm(join(dir, name), { force: true });
    removed++;
  }
  return { reused: log.reused.length, laidOut: log.laidOut.length, removed };
}
