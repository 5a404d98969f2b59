/**
 * The layout cache (src/integration/layout-cache.ts): a page's key changes with anything its layout
 * shows and with the UI's code; what a build laid out is stored whole; what it did not use goes.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { cachedLayout, layoutKey, layoutSalt, storeLayouts } from '../src/integration/layout-cache.ts';

test('the key changes with the context, the layout and the salt, and only with them', () => {
  const context = { title: 'A', nav: { children: [{ title: 'B' }] }, page: { html: '<p>x</p>' } };
  const key = layoutKey('salt', 'docs', context);
  assert.equal(layoutKey('salt', 'docs', structuredClone(context)), key);
  assert.notEqual(layoutKey('salt', 'docs', { ...context, nav: { children: [{ title: 'B2' }] } }), key);
  assert.notEqual(layoutKey('salt', 'docs', { ...context, page: { html: '<p>y</p>' } }), key);
  assert.notEqual(layoutKey('salt', 'changelog', context), key);
  assert.notEqual(layoutKey('other', 'docs', context), key);
});

test('the salt changes with the UI code, the lockfile, the origin and the base', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'layout-salt-'));
  mkdirSync(path.join(root, 'src', 'components'), { recursive: true });
  writeFileSync(path.join(root, 'src', 'components', 'Header.astro'), '<header/>');
  writeFileSync(path.join(root, 'package-lock.json'), '{"v":1}');
  const salt = layoutSalt(root, 'https://docs.example.com', '/docs/');
  assert.equal(layoutSalt(root, 'https://docs.example.com', '/docs/'), salt);
  assert.notEqual(layoutSalt(root, 'https://other.example.com', '/docs/'), salt);
  assert.notEqual(layoutSalt(root, 'https://docs.example.com', '/other/'), salt);
  writeFileSync(path.join(root, 'src', 'components', 'Header.astro'), '<header class="new"/>');
  const afterCode = layoutSalt(root, 'https://docs.example.com', '/docs/');
  assert.notEqual(afterCode, salt);
  writeFileSync(path.join(root, 'package-lock.json'), '{"v":2}');
  assert.notEqual(layoutSalt(root, 'https://docs.example.com', '/docs/'), afterCode);
});

test('what Astro laid out is stored under its key; entries the build did not use are removed', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'layout-cache-'));
  const out = mkdtempSync(path.join(tmpdir(), 'layout-out-'));
  mkdirSync(path.join(out, 'docs', 'v1', 'a'), { recursive: true });
  writeFileSync(path.join(out, 'docs', 'v1', 'a', 'index.html'), '<html>a</html>');
  writeFileSync(path.join(dir, 'old.html'), 'stale');
  writeFileSync(path.join(dir, 'kept.html'), '<html>kept</html>');
  const stats = await storeLayouts(dir, out, { reused: ['kept'], laidOut: [{ key: 'new', path: '/docs/v1/a/' }] });
  assert.deepEqual(stats, { reused: 1, laidOut: 1, removed: 1 });
  assert.deepEqual(readdirSync(dir).sort(), ['kept.html', 'new.html']);
  assert.equal(cachedLayout(dir, 'new')?.toString(), '<html>a</html>');
  assert.equal(cachedLayout(dir, 'kept')?.toString(), '<html>kept</html>');
  assert.equal(cachedLayout(dir, 'old'), undefined);
});
