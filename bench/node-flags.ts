/**
 * The Node flags `npm run build` starts the build with (package.json's `build` script, where the build's
 * heap growth is set: docs/performance.md), so the bench measures the build users run.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export function buildNodeFlags(): string[] {
  const pkg = JSON.parse(readFileSync(path.join(import.meta.dirname, '..', 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  return /^node((?:\s+--\S+)*)\s/.exec(pkg.scripts.build ?? '')?.[1]?.trim().split(/\s+/).filter(Boolean) ?? [];
}
