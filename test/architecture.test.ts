/**
 * The layers of docs/architecture.md, enforced: each folder of src/ imports
 * only from the folders listed for it (lower layers never import higher ones).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const SRC = path.resolve(import.meta.dirname, '../src');

/** Folder → the other folders of src/ it may import from. Keep in step with docs/architecture.md. */
const LAYERS: Record<string, readonly string[]> = {
  util: [],
  model: [],
  config: ['util'],
  changelog: ['util', 'model'],
  versions: ['util', 'model', 'changelog'],
  shortcodes: ['util', 'model'],
  markdown: ['util', 'model', 'config', 'changelog', 'versions', 'shortcodes'],
  view: ['util', 'model'],
  linkcheck: ['util', 'model'],
  // Reading a repository's refs and blobs through git plumbing (versions from branches).
  git: ['util'],
  integration: ['util', 'model', 'changelog', 'view'],
  engine: ['util', 'model', 'config', 'changelog', 'versions', 'shortcodes', 'markdown', 'view', 'linkcheck', 'integration', 'git'],
  // CI reports of a build (text, GitHub workflow commands, JSON) and the Hugo fidelity comparison.
  report: ['util', 'model', 'linkcheck', 'engine'],
  compare: ['util', 'model'],
  cli: ['util', 'model', 'config', 'changelog', 'versions', 'shortcodes', 'markdown', 'view', 'linkcheck', 'integration', 'git', 'engine', 'report', 'compare'],
  // The Astro UI: pages get the site from integration/data.ts (the virtual module) and lay it out with view/.
  // util/layout-ids.ts: the layout's own element ids, which content ids cannot collide with.
  pages: ['util', 'model', 'view', 'integration', 'layouts', 'components', 'styles', 'client'],
  layouts: ['util', 'model', 'view', 'components', 'styles', 'client'],
  components: ['util', 'model', 'view'],
  // Browser code: only pure modules with no Node imports.
  client: ['util', 'changelog'],
  styles: [],
};

const SPECIFIER = /(?:^|[^\w.])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(?:ts|astro)$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

const folderOf = (file: string) => path.relative(SRC, file).split(path.sep)[0]!;

test('every folder of src/ has a layer, and nothing lives loose in src/', () => {
  const folders = readdirSync(SRC, { withFileTypes: true });
  assert.deepEqual(folders.filter((e) => !e.isDirectory()).map((e) => e.name), [], 'files directly in src/');
  assert.deepEqual(folders.map((e) => e.name).filter((n) => !(n in LAYERS)).sort(), [], 'folders without a layer');
});

test('no import runs from a lower layer to a higher one', () => {
  const wrong: string[] = [];
  for (const file of files(SRC)) {
    const from = folderOf(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(SPECIFIER)) {
      // A type-only import is erased before anything runs (browser code may name the view's data types).
      if (from === 'client' && /\bimport\s+type\b/.test(m[0])) continue;
      const spec = m[1] ?? m[2] ?? m[3]!;
      if (!spec.startsWith('.') && !spec.startsWith('/src/')) continue;
      const target = spec.startsWith('/src/') ? path.join(SRC, spec.slice(5)) : path.resolve(path.dirname(file), spec);
      if (!target.startsWith(SRC + path.sep)) continue;
      const to = folderOf(target);
      if (to !== from && !LAYERS[from]?.includes(to)) wrong.push(`${path.relative(SRC, file)} imports ${to}/ (${spec})`);
    }
  }
  assert.deepEqual(wrong, []);
});
