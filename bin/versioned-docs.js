#!/usr/bin/env node
// `versioned-docs <command> [options]` from a docs team's own repository (`versioned-docs build --hugo docs`).
// Plain JavaScript, so any Node starts it; it runs the command on the Node 22 this package depends on
// (the `node` package), with tsx loading our TypeScript, which Node does not strip inside node_modules.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageNodeFlags } from './node-flags.js';

const COMMANDS = { build: 'build.ts', render: 'render.ts', check: 'check.ts', preview: 'preview.ts', 'compare-hugo': 'compare-hugo.ts' };
const [command, ...args] = process.argv.slice(2);
const script = COMMANDS[command];
if (!script) {
  process.stderr.write(`usage: versioned-docs <${Object.keys(COMMANDS).join('|')}> [options]\n  e.g. versioned-docs build --hugo docs\n`);
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
let node = process.execPath;
try {
  const bundled = join(dirname(require.resolve('node/package.json')), 'bin', 'node');
  node = bundled;
} catch {
  // No bundled Node (a checkout with the `node` package missing): the current one must be 22.12 or newer.
}
const tsx = require.resolve('tsx');
// The Node flags of the package's own `npm run <command>` script (the build's heap growth: docs/performance.md).
const result = spawnSync(node, [...packageNodeFlags(command), '--import', tsx, join(here, '..', 'src', 'cli', script), ...args], { stdio: 'inherit' });
if (result.error) {
  process.stderr.write(`versioned-docs: cannot start Node 22 (${result.error.message}); reinstall the package.\n`);
  process.exit(1);
}
process.exit(result.status ?? 1);
