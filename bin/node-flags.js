// The Node flags of this package's own `npm run <command>` script (`node --heap-growing-percent=20 src/cli/build.ts`):
// the `versioned-docs` command and the bench start a command with them, so the build users run is the one measured.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function packageNodeFlags(command) {
  const pkg = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'package.json'), 'utf8'));
  const script = pkg.scripts?.[command] ?? '';
  return /^node((?:\s+--\S+)*)\s/.exec(script)?.[1]?.trim().split(/\s+/).filter(Boolean) ?? [];
}
