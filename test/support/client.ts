/**
 * One browser script of `src/client/` on a small fixture page in Chromium: the
 * test gives an entry (a few lines that import the module under test and call
 * its `init…`), esbuild bundles it, and the page, the bundle and any stub the
 * script fetches (a Pagefind bundle, a section's page, Mermaid) are served by
 * `page.route` on a made-up https origin (a secure context, so the clipboard
 * and storage work; no port is opened).
 *
 * Write the entry with a literal specifier (`import { initTabs } from
 * '../src/client/tabs.ts'; initTabs();`): it is what gets bundled, and
 * scripts/untested.ts reads it as the test importing that module.
 */
import assert from 'node:assert/strict';
import { after, before, type TestContext } from 'node:test';
import { build } from 'esbuild';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { HAVE_CHROMIUM, launchChromium, warnWithoutChromium } from './browser.ts';

/** The fixture origin (never looked up: every request to it is answered by the route). */
export const ORIGIN = 'https://docs.test';

/**
 * Bundles `entry` (module source, its relative imports resolved from
 * `resolveDir`, normally the test's folder) into one ES module, its dynamic
 * imports included.
 * `define` replaces globals such as `__MERMAID_URL__` or `import.meta.hot`.
 */
export async function bundleClient(entry: string, resolveDir: string, define: Record<string, string> = {}): Promise<string> {
  const result = await build({
    stdin: { contents: entry, resolveDir, loader: 'ts', sourcefile: 'fixture-entry.ts' },
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2023',
    define,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/** A served file: its body (JavaScript for a `.js` path, else HTML, unless `contentType` says), with a status when not 200. */
export type Served = string | { body?: string; contentType?: string; status?: number };

/** A page's `<html>` around `body`, running the bundled entry as a module at the end of the body. */
export function fixtureHtml(body: string, head = ''): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Fixture</title>${head}</head><body>${body}<script type="module" src="/fixture-entry.js"></script></body></html>`;
}

export interface OpenOptions {
  /** The page first opened (default `/`). */
  path?: string;
  /** Chromium context options (viewport, colour scheme, permissions…). */
  context?: Parameters<Browser['newContext']>[0];
  /** A script run in every page before its own scripts (to stub a browser API). */
  init?: string;
}

export interface ClientSession {
  browser: Browser;
  /**
   * A fresh context whose every request to ORIGIN is answered from `files`
   * (path → content; `/fixture-entry.js` is the bundle), the page opened on
   * `path`. Console and page errors fail the test, other requests are aborted.
   */
  open(t: TestContext, files: Record<string, Served>, options?: OpenOptions): Promise<{ page: Page; context: BrowserContext; requests: string[] }>;
}

/** One Chromium for a test file: launched before its tests, closed after them (nothing when Chromium is missing). */
export function clientSession(what: string): ClientSession {
  warnWithoutChromium(what);
  const session = {
    async open(t, files, { path = '/', context: contextOptions = {}, init } = {}) {
      const context = await session.browser.newContext(contextOptions);
      if (init) await context.addInitScript(init);
      const requests: string[] = [];
      await context.route('**/*', async (route) => {
        const url = new URL(route.request().url());
        if (url.origin !== ORIGIN) return route.abort();
        requests.push(url.pathname + url.search);
        const served = files[url.pathname];
        if (served === undefined) return route.fulfill({ status: 404, contentType: 'text/html', body: '<!DOCTYPE html><title>Not found</title>' });
        const file = typeof served === 'string' ? { body: served } : served;
        const contentType = file.contentType ?? (url.pathname.endsWith('.js') ? 'text/javascript' : 'text/html');
        return route.fulfill({ status: file.status ?? 200, contentType, body: file.body ?? '' });
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' && !/status of 404/.test(m.text())) errors.push(`console: ${m.text()}`);
      });
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      t.after(async () => {
        await context.close();
        assert.deepEqual(errors, [], 'no script errors on the fixture page');
      });
      await page.goto(ORIGIN + path);
      return { page, context, requests };
    },
  } as ClientSession;
  before(async () => {
    if (HAVE_CHROMIUM) session.browser = await launchChromium();
  });
  after(async () => {
    await session.browser?.close();
  });
  return session;
}
