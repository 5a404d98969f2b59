/** Debian's Chromium for browser tests, driven by playwright-core (never a downloaded browser). */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import assert from 'node:assert/strict';
import { after, before, type TestContext } from 'node:test';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { prepare } from '../../src/engine/build.ts';
import { loadConfig } from '../../src/config/load.ts';
import { format, hasErrors } from '../../src/util/diagnostics.ts';
import { buildSite, PROJECT_ROOT } from '../../src/integration/astro-build.ts';
import { serveStatic, type StaticServer } from '../../src/cli/serve.ts';
import type { SiteData } from '../../src/model/site-data.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const HAVE_CHROMIUM = existsSync(CHROMIUM);

/** Headless, no sandbox (CI runs as root), and none of Chromium's own network traffic (there is no network here). */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/** axe-core's source, to inject into pages under test. */
export const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Say loudly, once per file, that a file's browser tests are skipped. */
export function warnWithoutChromium(what: string): void {
  if (HAVE_CHROMIUM) return;
  console.error(`\n${'!'.repeat(72)}\n!! ${CHROMIUM} is missing: ${what} are SKIPPED.\n!! Install Debian's chromium (apt-get install chromium); CI's .ci/run does.\n${'!'.repeat(72)}\n`);
}

/** A fresh build of this project (prepare + buildSite) into `<dir>/dist`, or of `data` when given. */
export async function buildProjectSite(dir: string, data?: SiteData): Promise<string> {
  if (!data) {
    const prepared = await prepare(await loadConfig(undefined, PROJECT_ROOT));
    if (hasErrors(prepared.diagnostics) || !prepared.data) throw new Error(`The project does not render:\n${format(prepared.diagnostics)}`);
    data = prepared.data;
  }
  await buildSite(data, { outDir: path.join(dir, 'dist'), cacheDir: path.join(dir, 'cache'), quiet: true });
  return path.join(dir, 'dist');
}

/** The built site served on 127.0.0.1 and a browser, set up before a file's tests and torn down after them. */
export interface SiteSession {
  /** The site's base path, read from the root redirect: `/gloo-edge/`. */
  base: string;
  /** The built site's folder. */
  dist: string;
  browser: Browser;
  server: StaticServer;
  url: (path: string) => string;
}

/**
 * Registers before/after hooks that build the site under test (DOCS_TEST_DIST
 * when set, else a fresh build of this project, or of `data()` when it
 * returns something) into a temporary folder, serve it and launch Chromium.
 * Does nothing without Chromium (the tests skip themselves).
 */
export function siteSession(tmpPrefix: string, data: () => SiteData | undefined = () => undefined): SiteSession {
  let tmp: string | undefined;
  const session = { base: '/gloo-edge/', url: (p: string) => `${session.server.origin}${p}` } as SiteSession;
  before(async () => {
    if (!HAVE_CHROMIUM) return;
    let dist = process.env.DOCS_TEST_DIST;
    if (!dist) {
      tmp = await mkdtemp(path.join(tmpdir(), tmpPrefix));
      dist = await buildProjectSite(tmp, data());
    }
    session.dist = dist;
    session.base = /url=([^"]*)latest\//.exec(readFileSync(path.join(dist, 'index.html'), 'utf8'))?.[1] ?? session.base;
    session.server = await serveStatic(dist);
    session.browser = await launchChromium();
  });
  after(async () => {
    await session.browser?.close();
    await session.server?.close();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });
  return session;
}

/** Skips the test (returns true) when there is no Chromium. */
export function skipWithoutChromium(t: TestContext): boolean {
  if (HAVE_CHROMIUM) return false;
  t.skip(`no Chromium at ${CHROMIUM}`);
  return true;
}

/** A fresh context and page on `path` that fails the test on any console error or page error. */
export async function openPage(
  site: SiteSession,
  t: TestContext,
  path: string,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<{ page: Page; context: BrowserContext; errors: string[] }> {
  const context = await site.browser.newContext(options);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    const expected404 = m.text().includes('status of 404') && /\/(no\/such|v[^/]+\/operations\/upgrading\/checklist)\//.test(m.location().url ?? '');
    if (m.type() === 'error' && !expected404) errors.push(`console: ${m.text()} (${page.url()})`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message} (${page.url()})`));
  t.after(async () => {
    await context.close();
    assert.deepEqual(errors, [], 'no console errors on any page visited');
  });
  const response = await page.goto(site.url(path));
  assert.ok(response, `no response for ${path}`);
  return { page, context, errors };
}
