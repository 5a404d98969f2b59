/**
 * src/client/storage.ts in Node, with the browser's `localStorage` stood in
 * for: what is saved is loaded back, and storage that is missing or refuses
 * (private modes, disabled storage) never breaks the page.
 */
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { load, save } from '../src/client/storage.ts';

const global = globalThis as { localStorage?: unknown };
const had = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
afterEach(() => {
  if (had) Object.defineProperty(globalThis, 'localStorage', had);
  else delete global.localStorage;
});
const use = (storage: unknown) => Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true, writable: true });

test('a saved value is loaded back; an unknown key is null', () => {
  const map = new Map<string, string>();
  use({ getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) });
  save('docs-tab', 'Enterprise');
  assert.equal(load('docs-tab'), 'Enterprise');
  assert.equal(load('docs-theme'), null);
});

test('storage that throws or is missing: nothing is remembered, nothing throws', () => {
  const refuse = () => {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  };
  use({ getItem: refuse, setItem: refuse });
  assert.doesNotThrow(() => save('docs-tab', 'Enterprise'));
  assert.equal(load('docs-tab'), null);
  delete global.localStorage;
  assert.doesNotThrow(() => save('docs-tab', 'Enterprise'));
  assert.equal(load('docs-tab'), null);
});
