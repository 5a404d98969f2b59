/** Mermaid served from its own prebuilt modules: the URL the client imports, the files a build writes, what `npm run dev` serves. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { MERMAID_DIR, mermaidVendor } from '../src/integration/mermaid-vendor.ts';

const DIST = join(dirname(createRequire(import.meta.url).resolve('mermaid/package.json')), 'dist');
const integration = mermaidVendor('docs/_astro');
// The hooks are called here with only what they use.
type Hook = (options: unknown) => unknown;
const hook = (name: string) => (integration.hooks as Record<string, Hook>)[name]!;

test('the client learns the entry URL, under the assets folder and versioned', () => {
  let config: { vite?: { define?: Record<string, string> } } = {};
  hook('astro:config:setup')({ updateConfig: (c: typeof config) => (config = c) });
  assert.match(MERMAID_DIR, /^mermaid-\d+\.\d+\.\d+/);
  assert.equal(config.vite?.define?.__MERMAID_URL__, JSON.stringify(`/docs/_astro/${MERMAID_DIR}/mermaid.esm.min.mjs`));
});

test('a build writes the entry and every chunk it imports, byte for byte, without source maps', async () => {
  const out = await mkdtemp(join(tmpdir(), 'mermaid-vendor-'));
  try {
    await hook('astro:build:done')({ dir: pathToFileURL(`${out}/`) });
    const target = join(out, 'docs/_astro', MERMAID_DIR);
    const entry = readFileSync(join(target, 'mermaid.esm.min.mjs'), 'utf8');
    assert.equal(entry, readFileSync(join(DIST, 'mermaid.esm.min.mjs'), 'utf8'));
    const chunks = readdirSync(join(target, 'chunks/mermaid.esm.min'));
    for (const [, imported] of entry.matchAll(/"\.\/(chunks\/mermaid\.esm\.min\/[^"]+\.mjs)"/g)) {
      assert.ok(chunks.includes(imported!.split('/').at(-1)!), `${imported} is there`);
    }
    assert.ok(chunks.length > 50 && chunks.every((f) => f.endsWith('.mjs')), `${chunks.length} modules, no maps`);
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});

test('npm run dev serves the same files from node_modules, and nothing outside them', async () => {
  let middleware: ((req: { url: string }, res: PassThrough & { setHeader(k: string, v: string): void }, next: () => void) => void) | undefined;
  hook('astro:server:setup')({ server: { middlewares: { use: (m: typeof middleware) => (middleware = m) } } });
  const request = (url: string) =>
    new Promise<{ served: boolean; type?: string; body: string }>((resolve) => {
      const res = Object.assign(new PassThrough(), { type: undefined as string | undefined, setHeader(_k: string, v: string) { res.type = v; } });
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ served: true, type: res.type, body: Buffer.concat(chunks).toString('utf8') }));
      middleware!({ url }, res, () => resolve({ served: false, body: '' }));
    });
  const prefix = `/docs/_astro/${MERMAID_DIR}/`;
  const entry = await request(`${prefix}mermaid.esm.min.mjs?v=1`);
  assert.equal(entry.served, true);
  assert.equal(entry.type, 'text/javascript');
  assert.equal(entry.body, readFileSync(join(DIST, 'mermaid.esm.min.mjs'), 'utf8'));
  assert.equal((await request(`${prefix}../../@shikijs/core/dist/index.mjs`)).served, false, 'a module outside mermaid/dist');
  assert.equal((await request(`${prefix}..%2F..%2F@shikijs%2Fcore%2Fdist%2Findex.mjs`)).served, false, 'the same, encoded');
  assert.equal((await request(`${prefix}mermaid.esm.min.mjs.map`)).served, false, 'only modules');
  assert.equal((await request(`${prefix}%E0%A4%A`)).served, false, 'a malformed path');
  assert.equal((await request('/docs/_astro/other.js')).served, false, 'other assets');
});
