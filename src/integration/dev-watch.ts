/**
 * What `npm run dev` watches: folders and single files of the project, with chokidar. Node's own
 * recursive `fs.watch` on Linux watches each file, so after an atomic save (write a temporary file,
 * rename it over: `sed -i`, vim, JetBrains) that file was never watched again; chokidar watches the
 * folders and follows the new file.
 */
import { existsSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { watch } from 'chokidar';

export interface Watching {
  close(): Promise<void>;
  /** Resolves once the initial scan is done (changes from then on are reported). */
  ready: Promise<void>;
}

/**
 * Calls `onChange` (debounced by `delayMs`) whenever something under `entries` (relative to `root`)
 * changes, except under `ignored` (folders, relative to `root`): what the server itself writes (its
 * site data, Astro's caches, a build's output) must not look like an edit, or a docs root of `.` (the
 * project) would make every regeneration start the next one.
 */
export function watchProject(root: string, entries: readonly string[], onChange: () => void, delayMs = 20, ignored: readonly string[] = []): Watching {
  const paths = entries.map((e) => resolve(root, e)).filter((p) => existsSync(p));
  const skipped = ignored.map((e) => resolve(root, e));
  const isSkipped = (p: string) => skipped.some((dir) => p === dir || p.startsWith(`${dir}${sep}`));
  let timer: NodeJS.Timeout | undefined;
  const watcher = watch(paths, { ignoreInitial: true, atomic: true, ignored: isSkipped });
  watcher.on('all', () => {
    clearTimeout(timer);
    timer = setTimeout(onChange, delayMs);
  });
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    close: async () => {
      clearTimeout(timer);
      await watcher.close();
    },
  };
}
