/**
 * `node_modules/.bin/node bench/changelog-refs.ts [clones prefix]`: the
 * figures docs/changelog.md gives for Gloo's real changelogs.
 *
 * 1. v1.17.x's changelog (`../shared/fixtures/gloo-changelog-v1.17.x`): its
 *    diagnostics per mode and per kind (quirks Solo's tooling accepts).
 * 2. The bundle's four branches (`/work/gloo-v1.14.x/changelog` …): files,
 *    releases and diagnostics of the merge, its time (best of three), and
 *    per docs version the computed values beside the branch's hand-written
 *    `docs/content/static/content/version_*.md` files.
 * Not a test: timings depend on the machine.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { readRefChangelog } from '../src/changelog/branches.ts';
import { loadChangelog } from '../src/changelog/load.ts';
import { readSnippetFiles } from '../src/markdown/snippets.ts';
import { valuesForRefs } from '../src/versions/refs.ts';
import { VERSION_KEYS } from '../src/versions/values.ts';
import type { Diagnostic } from '../src/util/diagnostics.ts';

const REPO = path.resolve(import.meta.dirname, '..');
const FIXTURE = path.resolve(REPO, '../shared/fixtures/gloo-changelog-v1.17.x');
const PREFIX = process.argv[2] ?? '/work/gloo-';
const BRANCHES = ['v1.17.x', 'v1.16.x', 'v1.15.x', 'v1.14.x'];

const errors = (ds: readonly Diagnostic[]) => ds.filter((d) => d.severity === 'error').length;

if (existsSync(FIXTURE)) {
  console.log(`v1.17.x changelog (${path.relative(process.cwd(), FIXTURE)})`);
  for (const [mode, options] of [['default', { strict: false }], ['--strict', { strict: true }], ['--lenient', { strict: false, lenient: true }]] as const) {
    const { diagnostics } = loadChangelog([{ product: 'open_source', dir: FIXTURE }], { ...options, root: FIXTURE });
    console.log(`  ${mode.padEnd(10)} ${diagnostics.length} diagnostics: ${errors(diagnostics)} errors, ${diagnostics.length - errors(diagnostics)} warnings`);
  }
  const { diagnostics } = loadChangelog([{ product: 'open_source', dir: FIXTURE }], { strict: false, root: FIXTURE });
  const kinds = new Map<string, number>();
  for (const d of diagnostics) {
    const kind = d.message.replace(/`[^`]*`/g, '`…`');
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  for (const [kind, n] of [...kinds].sort((a, b) => b[1] - a[1])) console.log(`    ${String(n).padStart(3)}  ${kind}`);
}

if (BRANCHES.every((b) => existsSync(`${PREFIX}${b}/changelog`))) {
  let best = Infinity;
  let result!: ReturnType<typeof valuesForRefs>;
  let files = 0;
  let distinct = 0;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    const refs = BRANCHES.map((b) => readRefChangelog(b, `${PREFIX}${b}/changelog`)!);
    result = valuesForRefs(refs, { strict: false });
    best = Math.min(best, performance.now() - started);
    files = refs.reduce((n, r) => n + r.files.filter((f) => f.text !== undefined).length, 0);
    distinct = new Set(refs.flatMap((r) => r.files.filter((f) => f.text !== undefined).map((f) => `${f.path}\0${f.text}`))).size;
  }
  const { releases, versions, diagnostics } = result;
  console.log(`\nfour branches merged (${BRANCHES.join(', ')}): ${files} files (${distinct} distinct), ${releases.length} releases, ${diagnostics.length} diagnostics (${errors(diagnostics)} errors); read + merge + values ${best.toFixed(0)} ms (best of 3)`);
  for (const v of versions) {
    const pins = readSnippetFiles(`${PREFIX}${v.ref}/docs/content`);
    console.log(`\n  ${v.ref} (line ${v.minor})            computed      snippet file`);
    for (const key of VERSION_KEYS) {
      const undecided = v.undecided.find((u) => u.key === key);
      const computed = v.values[key] ?? (undecided ? 'undecided' : '–');
      const pin = pins[key] ?? '–';
      console.log(`    ${key.padEnd(20)} ${computed.padEnd(13)} ${pin.padEnd(9)} ${computed === pin ? 'same' : ''}`);
    }
    for (const u of v.undecided.filter((x) => !x.key.startsWith('gee_'))) console.log(`    ${u.key} undecided: ${u.reason}`);
  }
  console.log('\n  every gee_* key: undecided, the changelog has no enterprise release (the bundle holds the open source repository only)');
}
