/**
 * The servers under hostile requests: `npm run dev` answers the site and the
 * assets its pages load, and refuses every project file the adversarial run
 * fetched (package.json, the config, the generator's source, raw changelog
 * and content, the dev site data through /@fs/); no response carries a stack
 * trace or a path of the machine; `npm run preview` on a busy port says so
 * in one line naming the port and the flag to pick another.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { serveStatic } from '../src/cli/serve.ts';
import { MARKER } from '../src/engine/output.ts';
import { sanitizeErrors } from '../src/integration/dev-guard.ts';
import { MERMAID_DIR } from '../src/integration/mermaid-vendor.ts';
import { loadConfig } from '../src/config/load.ts';

/** The sample site's base path, as its config sets it. */
const sampleBase = (await loadConfig(undefined, REPO)).config.base;
import { NODE, REPO, runScript, STACK_TRACE } from './support/project.ts';

/** Nothing of the machine in a body: the project's absolute path, or a stack frame. */
function assertNothingOfTheMachine(body: string, url: string): void {
  assert.ok(!body.includes(REPO), `${url}: no machine path in the body`);
  assert.doesNotMatch(body, STACK_TRACE, `${url}: no stack trace`);
  assert.doesNotMatch(body, /node_modules\/|\bat (?:async )?\w+ \(/, `${url}: no module paths or frames`);
}

describe('npm run dev serves the site, nothing else', { timeout: 180_000 }, () => {
  let child: ChildProcess;
  let origin = '';
  let serverOutput = '';
  before(async () => {
    child = spawn(NODE, [path.join(REPO, 'src/cli/dev.ts')], { cwd: REPO, env: { ...process.env, PORT: '0', NODE_DEBUG: '', NO_COLOR: '1' } });
    origin = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`dev server did not start:\n${out}`)), 120_000);
      const seen = (d: Buffer) => {
        out += d.toString();
        serverOutput += d.toString();
        // Colours are on under CI=true (picocolors): read the address without them.
        const m = /Local\s+(http:\/\/localhost:\d+)\//.exec(out.replace(/\u001b\[[0-9;]*m/g, ''));
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      };
      child.stdout!.on('data', seen);
      child.stderr!.on('data', seen);
    });
  });
  after(() => {
    child?.kill();
  });

  const base = sampleBase;
  const changelogFile = (() => {
    const dir = path.join(REPO, 'changelog/open_source');
    const release = readdirSync(dir).sort().pop()!;
    const file = readdirSync(path.join(dir, release)).find((f) => f.endsWith('.yaml'))!;
    return { url: `/changelog/open_source/${release}/${file}`, text: readFileSync(path.join(dir, release, file), 'utf8') };
  })();
  const refused: { url: string; secret?: string }[] = [
    { url: '/package.json', secret: '"devDependencies"' },
    { url: '/docs.config.ts?raw', secret: 'export default' },
    { url: '/docs.config.ts', secret: 'export default' },
    { url: '/src/engine/build.ts?raw', secret: 'swapIn' },
    { url: '/src/engine/build.ts', secret: 'swapIn' },
    { url: `${changelogFile.url}?raw`, secret: changelogFile.text.slice(0, 40) },
    { url: changelogFile.url, secret: changelogFile.text.slice(0, 40) },
    { url: '/content/_index.md?raw', secret: '---' },
    { url: '/content/reference/_index.md?import&raw', secret: '---' },
    { url: `/@fs${REPO}/.build/dev/site-data.json?raw`, secret: '"versions"' },
    { url: `/@fs${REPO}/.build/dev/site-data.json`, secret: '"versions"' },
    { url: '/@fs/etc/passwd', secret: 'root:' },
    { url: '/node_modules/.cache/versioned-docs/', secret: undefined },
    { url: '/src/layouts/Base.astro', secret: 'ThemeScript' },
    { url: '/src/client/main.ts?raw', secret: undefined },
    { url: `${base}_astro/${MERMAID_DIR}/%00.mjs` },
    { url: `${base}latest/%E0%A4%A/` },
    { url: '/%E0%A4%A' },
  ];
  for (const { url, secret } of refused) {
    test(`refuses ${url}`, async () => {
      const response = await fetch(`${origin}${url}`, { redirect: 'manual' });
      const body = await response.text();
      assert.ok(response.status >= 400, `${url}: ${response.status}`);
      if (secret) assert.ok(!body.includes(secret), `${url}: the file's text is not in the answer`);
      assertNothingOfTheMachine(body, url);
    });
  }

  test('serves the site, and every script and style its pages load', async () => {
    const page = await fetch(`${origin}${base}latest/`);
    assert.equal(page.status, 200);
    const html = await page.text();
    const assets = [...html.matchAll(/\s(?:src|href)="(\/(?:src|@vite|@id|node_modules)[^"]*)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));
    assert.ok(assets.length >= 3, `the page loads modules and styles: ${assets.join(', ')}`);
    for (const asset of assets) assert.equal((await fetch(`${origin}${asset}`)).status, 200, asset);
    // What the page's entry module imports, one level down.
    const entry = await (await fetch(`${origin}/src/client/main.ts`)).text();
    for (const m of entry.matchAll(/from\s+"(\/src\/[^"]+)"/g)) assert.equal((await fetch(`${origin}${m[1]}`)).status, 200, m[1]);
  });

  test('makes the site data once, then waits for an edit', async () => {
    // It once watched its own data file inside the docs root (`.`): every regeneration started the next,
    // and a page read while the file was being written answered 500.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const made = (serverOutput.match(/^\d+ error\(s\), \d+ warning\(s\)$|^Site data regenerated in/gm) ?? []).length;
    assert.equal(made, 1, serverOutput.slice(-2000));
  });
});

test('an error answer carries one line, no stack trace and no path', async () => {
  const server: Server = createServer((req, res) => {
    sanitizeErrors(res);
    res.statusCode = 500;
    res.setHeader('content-type', 'text/html');
    res.write('<pre>Error: boom\n');
    res.end(`    at load (${REPO}/src/engine/build.ts:1:1)\n</pre>`);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  try {
    const response = await fetch(`http://127.0.0.1:${port}/`);
    const body = await response.text();
    assert.equal(response.status, 500);
    assert.equal(body, "Internal error: the details are in the dev server's terminal.\n");
    assertNothingOfTheMachine(body, '/');
  } finally {
    server.close();
  }
});

test('npm run preview on a busy port: one line naming the port and the flag to pick another', async () => {
  const busy = createServer();
  await new Promise<void>((ok) => busy.listen(0, 'localhost', ok));
  const { port } = busy.address() as AddressInfo;
  try {
    const run = await runScript('src/cli/preview.ts', ['--port', String(port)], 30_000);
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.equal(run.stderr, `error: port ${port} is already in use; pick another with --port <number> (e.g. npm run preview -- --port ${port + 1}), or --port 0 for any free one.\n`);
    assert.doesNotMatch(run.stderr, STACK_TRACE);
  } finally {
    busy.close();
  }
});

test('npm run preview serves the output folder\'s site only: not its marker, nothing outside it', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'preview-'));
  try {
    writeFileSync(path.join(dir, 'index.html'), '<p>site</p>');
    writeFileSync(path.join(dir, '404.html'), '<p>missing</p>');
    writeFileSync(path.join(dir, MARKER), 'marker');
    const { origin, close } = await serveStatic(dir);
    try {
      assert.equal(await (await fetch(`${origin}/`)).text(), '<p>site</p>');
      for (const url of [`/${MARKER}`, '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc/passwd', '/%E0%A4%A']) {
        const response = await fetch(`${origin}${url}`);
        const body = await response.text();
        assert.ok(response.status >= 400, `${url}: ${response.status}`);
        assert.ok(!body.includes('marker') && !body.includes('root:'), url);
        assertNothingOfTheMachine(body, url);
      }
    } finally {
      await close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
