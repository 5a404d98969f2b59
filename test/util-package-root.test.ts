/** src/util/package-root.ts directly: this package's folder, wherever the process runs from. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { PACKAGE_ROOT } from '../src/util/package-root.ts';

test("the folder holding this package's package.json, src/ and node_modules/", () => {
  assert.equal(PACKAGE_ROOT, path.resolve(import.meta.dirname, '..'));
  assert.equal((JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { name: string }).name, 'versioned-docs');
  assert.ok(existsSync(path.join(PACKAGE_ROOT, 'src', 'util', 'package-root.ts')));
});
