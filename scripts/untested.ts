/**
 * The `src/` modules no test imports directly: every `src/**\/*.ts` file that
 * no `test/**\/*.ts` file names in an `import … from` / `import(…)` /
 * `export … from`. Prints them, then the count. Usage: node scripts/untested.ts
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { walkFiles } from '../src/util/walk.ts';

const root = path.resolve(import.meta.dirname, '..');
const ts = (dir: string) => walkFiles(path.join(root, dir)).filter((e) => e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')).map((e) => e.full);
const imported = new Set<string>();
for (const file of ts('test')) {
  for (const m of readFileSync(file, 'utf8').matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]+)['"]/g)) {
    imported.add(path.resolve(path.dirname(file), m[1]!));
  }
}
const sources = ts('src');
const untested = sources.filter((f) => !imported.has(f)).map((f) => path.relative(root, f));
for (const f of untested) console.log(f);
console.log(`${untested.length} of ${sources.length} src/ modules are imported by no test`);
