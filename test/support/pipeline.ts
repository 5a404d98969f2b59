/** Shared test helpers for the pipeline: a temporary docs root and one-call rendering. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createEnv, renderSource, type EnvOptions } from '../../src/markdown/render.ts';
import type { VersionContext } from '../../src/markdown/instantiate.ts';

export const REPO = path.resolve(import.meta.dirname, '../..');
export const FIXTURES = path.resolve(REPO, '../shared/fixtures');

/** A temporary folder holding the given files (path → text or bytes): a docs root, a project, a changelog tree. */
export function docsRoot(files: Record<string, string | Uint8Array> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'docs-root-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

export const V117: VersionContext = {
  id: 'v1.17.x',
  base: '/gloo-edge/v1.17.x',
  values: {
    geoss_latest: '1.17.33',
    geoss_latest_minor: '1.17',
    'geoss_n-1': '1.16.27',
    'geoss_n-1_minor': '1.16',
    'geoss_n-2_minor': '1.15',
    'geoss_n+1': '1.18.27',
    gee_latest: '1.17.14',
    'gee_n-1': '1.16.21',
    'gee_n-1_oldpatch': '1.16.20',
    'gee_n+1': '1.18.18',
  },
};

/** Render Markdown source as page `page.md` in a docs root. */
export async function render(source: string, options: Partial<EnvOptions> & { files?: Record<string, string>; version?: VersionContext } = {}) {
  const root = options.root ?? docsRoot(options.files);
  const env = await createEnv({ ...options, root });
  return renderSource(env, 'page.md', source, options.version ?? V117);
}
