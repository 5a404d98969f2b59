/**
 * Mermaid ships as its own prebuilt, code-split ES module build
 * (`mermaid/dist/mermaid.esm.min.mjs` and its chunks). Bundling it again with
 * Vite took ~3 s and ~500 MB of every build; instead the site serves those
 * files as they are, under `<base>_astro/mermaid-<version>/` (the version in
 * the path busts caches), and the client imports them at run time only on
 * pages with a diagram (src/client/mermaid-render.ts).
 *
 * - build: the files are copied next to Astro's assets when Astro is done;
 * - dev: the same URLs are served straight from node_modules.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

const require = createRequire(import.meta.url);
/** `node_modules/mermaid/dist`. */
const DIST = join(dirname(require.resolve('mermaid/package.json')), 'dist');
const VERSION = (JSON.parse(readFileSync(join(DIST, '..', 'package.json'), 'utf8')) as { version: string }).version;
const ENTRY = 'mermaid.esm.min.mjs';
const CHUNKS = 'chunks/mermaid.esm.min';

/** The folder the files are served from, relative to the assets folder: `mermaid-12.3.0`. */
export const MERMAID_DIR = `mermaid-${VERSION}`;

/** The files the entry needs, relative to `dist/`, sorted (source maps left out). */
async function vendorFiles(): Promise<string[]> {
  const chunks = (await readdir(join(DIST, CHUNKS))).filter((f) => f.endsWith('.mjs')).sort();
  return [ENTRY, ...chunks.map((f) => `${CHUNKS}/${f}`)];
}

/**
 * The Astro integration. `assetsDir` is Astro's `build.assets` (`gloo-edge/_astro`);
 * the client learns the URL through Vite's `define` as `__MERMAID_URL__`.
 */
export function mermaidVendor(assetsDir: string): AstroIntegration {
  const prefix = `/${assetsDir}/${MERMAID_DIR}/`;
  return {
    name: 'docs-mermaid-vendor',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { define: { __MERMAID_URL__: JSON.stringify(`${prefix}${ENTRY}`) } } });
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          const url = (req.url ?? '').split('?')[0]!;
          if (!url.startsWith(prefix)) return next();
          let file: string;
          try {
            file = normalize(join(DIST, decodeURIComponent(url.slice(prefix.length))));
          } catch {
            return next(); // not a valid path: whatever serves it next answers
          }
          if (!file.startsWith(DIST + sep) || !file.endsWith('.mjs')) return next();
          res.setHeader('Content-Type', 'text/javascript');
          createReadStream(file)
            .on('error', () => next())
            .pipe(res);
        });
      },
      'astro:build:done': async ({ dir }) => {
        const target = join(fileURLToPath(dir), assetsDir, MERMAID_DIR);
        await mkdir(join(target, CHUNKS), { recursive: true });
        await Promise.all((await vendorFiles()).map((f) => copyFile(join(DIST, f), join(target, f))));
      },
    },
  };
}
