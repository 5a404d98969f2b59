/**
 * A Vite plugin for `npm run dev`: the dev server serves the site and the
 * assets its pages load, nothing else of the project. Vite would answer
 * for any file under the project root (`/package.json`, `/docs.config.ts?raw`,
 * `/content/…/page.md?raw`, `/@fs/<project>/.build/…`); here a request is
 * refused (404) when it would read a file of the project that is not
 * - a module the browser code imports (src/client/ and what it imports, src/styles/),
 * - a component's own script or style (`/src/…/X.astro?astro&type=script`),
 * - a package of node_modules/ (not its dot folders: caches), or a file of public/.
 * `?raw` is refused everywhere. Vite's own `server.fs` settings (`strictFsSettings`)
 * refuse the same folders a second time.
 *
 * No response carries a stack trace or a path of the machine: a 5xx or 403
 * answer's body (Vite's and Astro's error pages list both) is replaced by
 * one line; the terminal keeps the details.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';
import { walkDir } from '../util/walk.ts';

/** Relative imports of the browser code, transitively: the project's files a page may load as modules. */
export function clientModules(root: string): Set<string> {
  const found = new Set<string>();
  const queue = ['src/client', 'src/styles'].flatMap((dir) => (walkDir(join(root, dir), { shallow: true }) ?? []).map((e) => e.full));
  while (queue.length) {
    const file = queue.pop()!;
    if (found.has(file) || !existsSync(file)) continue;
    found.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*|@import\s+(?:url\()?)['"](\.{1,2}\/[^'"]+)['"]/g)) {
      queue.push(resolve(dirname(file), m[1]!));
    }
  }
  return found;
}

const VITE_PREFIXES = ['/@vite/', '/@id/', '/__vite', '/@react-refresh'];

/** Why a dev-server request must not be answered, or undefined to let it through. */
export function refusal(rawUrl: string, root: string, allowed: ReadonlySet<string>): string | undefined {
  const url = new URL(rawUrl, 'http://dev');
  if (url.searchParams.has('raw')) return 'raw sources are not served';
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return 'malformed path';
  }
  if (pathname.includes('\0')) return 'malformed path';
  if (VITE_PREFIXES.some((p) => pathname.startsWith(p))) return undefined;
  const file = pathname.startsWith('/@fs/') ? resolve(pathname.slice('/@fs'.length)) : resolve(root, `.${pathname}`);
  const rel = relative(root, file);
  if (rel.startsWith('..') || rel === '' || resolve(root, rel) !== file) {
    // Outside the project: only Vite's /@fs/ reaches there, and only into node_modules.
    return pathname.startsWith('/@fs/') && !file.split(sep).includes('node_modules') ? 'outside the site' : undefined;
  }
  if (!existsSync(file)) return undefined; // a page route or a missing file: the site answers (404 page)
  const parts = rel.split(sep);
  if (parts[0] === 'node_modules') return parts.slice(1).some((p) => p.startsWith('.') && p !== '.vite') ? 'not part of the site' : undefined;
  if (parts[0] === 'public') return undefined;
  if (existsSync(join(root, 'public', rel))) return undefined;
  if (allowed.has(file)) return undefined;
  if (file.endsWith('.astro') && url.searchParams.has('astro') && /^(script|style)$/.test(url.searchParams.get('type') ?? '')) return undefined;
  return 'not part of the site';
}

/** Answer 5xx and 403 with one line instead of the body Vite or Astro writes (a stack trace, machine paths). */
export function sanitizeErrors(res: ServerResponse): void {
  const end = res.end.bind(res);
  const write = res.write.bind(res);
  const scrub = () => res.statusCode >= 500 || res.statusCode === 403;
  const message = () => (res.statusCode === 403 ? 'Forbidden\n' : 'Internal error: the details are in the dev server\'s terminal.\n');
  res.write = ((...args: Parameters<typeof res.write>) => (scrub() ? true : write(...args))) as typeof res.write;
  res.end = ((...args: unknown[]) => {
    if (!scrub()) return (end as (...a: unknown[]) => ServerResponse)(...args);
    if (!res.headersSent) {
      res.removeHeader('content-length');
      res.setHeader('content-type', 'text/plain; charset=utf-8');
    }
    return end(message());
  }) as typeof res.end;
}

export function devGuard(root: string): Plugin {
  const allowed = clientModules(root);
  return {
    name: 'docs-dev-guard',
    apply: 'serve',
    configureServer(server) {
      const guard = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => {
        sanitizeErrors(res);
        const why = refusal(req.url ?? '/', root, allowed);
        if (!why) return next();
        res.statusCode = 404;
        res.setHeader('content-type', 'text/plain; charset=utf-8');
        res.end(`Not found: ${why}.\n`);
      };
      // First of all middlewares, Astro's and Vite's included (they would answer, or fail on, some requests
      // before it): put in front once every plugin has added its own.
      return () => {
        server.middlewares.stack.unshift({ route: '', handle: guard as never });
      };
    },
  };
}

/** Vite's `server.fs`: strict, serving only the browser code and packages, and never the project's inputs or work folders. */
export function strictFsSettings(root: string) {
  return {
    strict: true,
    allow: [join(root, 'src'), join(root, 'node_modules'), join(root, 'public')],
    deny: ['.env', '.env.*', '*.{crt,pem,key}', '**/.build/**', '**/.git/**', '**/content/**', '**/changelog/**', '**/data/**', '**/static/**', '**/node_modules/.cache/**', 'docs.config.ts', 'package.json', 'package-lock.json'],
  };
}
