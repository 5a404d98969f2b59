/**
 * A working copy of one branch of the shared Gloo Edge docs bundle
 * (`../shared/fixtures/gloo-docs.bundle`), cloned once per test process into
 * a temporary folder: the real tree, read-only for the tests.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SHARED } from './shared.ts';

const clones = new Map<string, string>();

/** The `docs/` folder of the branch (`v1.14.x` … `v1.17.x`). */
export function glooDocs(branch: string): string {
  let dir = clones.get(branch);
  if (!dir) {
    dir = path.join(mkdtempSync(path.join(tmpdir(), `gloo-${branch}-`)), 'gloo');
    execFileSync('git', ['clone', '-q', '--branch', branch, path.join(SHARED, 'fixtures', 'gloo-docs.bundle'), dir], { stdio: 'ignore' });
    clones.set(branch, dir);
  }
  return path.join(dir, 'docs');
}
