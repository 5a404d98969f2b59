/**
 * `npm run bench:parser`: shortcode parser time (lex + parseShortcodes)
 * against input size, 1x to 16x, for realistic and adversarial inputs. Time
 * per kB should stay flat (linear growth); a ratio column far above the size
 * ratio would mean a quadratic path. Not a test: timings depend on the machine.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { lex } from '../src/shortcodes/parse.ts';
import { Registry } from '../src/shortcodes/registry.ts';
import { parseShortcodes } from '../src/shortcodes/tree.ts';

const REPO = path.resolve(import.meta.dirname, '..');
const registry = new Registry();
const lookup = (name: string) => registry.get(name);
const guide = readFileSync(path.join(REPO, 'content/operations/upgrading/upgrade_steps.md'), 'utf8');

/** Each input at scale 1; `scale` repeats the unit. */
const INPUTS: Record<string, (scale: number) => string> = {
  'upgrade guide (repeated)': (k) => guide.repeat(4 * k),
  'unclosed {{<': (k) => '{{< '.repeat(25_000 * k),
  'nested unknown, unmatched closers': (k) => '{{< a >}}'.repeat(5000 * k) + '{{< /b >}}'.repeat(5000 * k) + '{{< /a >}}',
  'nested notices': (k) => '{{% notice tip %}}\n'.repeat(5000 * k) + '{{% /notice %}}\n'.repeat(5000 * k),
  'one tag, many args': (k) => `{{< notice ${'x="1" '.repeat(20_000 * k)}>}}`,
  'escaped shortcodes': (k) => '{{</* notice tip */>}} text '.repeat(10_000 * k),
};
const SCALES = [1, 2, 4, 8, 16];

function time(source: string): number {
  // Best of three: less noise from GC and other processes.
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    lex(source);
    parseShortcodes(source, lookup, '');
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

time(guide.repeat(20)); // warm up the JIT
console.log('Shortcode parser (lex + tree): time vs input size, best of 3\n');
console.log(`${'input'.padEnd(36)}${'size'.padStart(6)}${'kB'.padStart(9)}${'ms'.padStart(9)}${'µs/kB'.padStart(9)}${'x time'.padStart(9)}`);
for (const [name, make] of Object.entries(INPUTS)) {
  let first = 0;
  for (const scale of SCALES) {
    const source = make(scale);
    const ms = time(source);
    if (scale === 1) first = ms;
    const kb = source.length / 1024;
    console.log(
      `${(scale === 1 ? name : '').padEnd(36)}${`${scale}x`.padStart(6)}${kb.toFixed(0).padStart(9)}${ms.toFixed(1).padStart(9)}` +
        `${((ms * 1000) / kb).toFixed(1).padStart(9)}${(ms / (first || 1e-9)).toFixed(1).padStart(9)}`,
    );
  }
}
console.log('\nLinear: "x time" tracks the size column (16x input ≈ 16x time); µs/kB stays roughly flat.');
