/**
 * What `npm run dev` watches: folders and single files of the project, with chokidar. Node's own
 * recursive `fs.watch` on Linux watches each file, so after an atomic save (write a temporary file,
 * rename it over: `sed -i`, vim, JetBrains) that file was never watched again; chokidar watches the
 * folders and follows the new file.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { watch } from 'chokidar';

export interface Watching {
  close(): Promise<void>;
  /** Resolves once the initial scan is done (changes from then on are reported). */
  ready: Promise<void>;
}

/** Calls `onChange` (debounced by `delayMs`) whenever something under `entries` (relative to `root`) changes. */
export function watchProject(root: string, entries: readonly string[], onChange: () => void, delayMs = 20): Watching {
  const paths = entries.map((e) => resolve(root, e)).filter((p) => existsSync(p));
  let timer: NodeJS.Timeout | undefined;
  const watcher = watch(paths, { ignoreInitial: true, atomic: true });
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
