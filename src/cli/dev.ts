/**
 * `npm run dev`: Astro's dev server over SiteData that is regenerated (with
 * the build's own `prepare`) whenever content, changelog, snippets, data or
 * the config change. Problems never stop the server: they are shown on the
 * pages they concern (file:line), and the previous good pages stay served
 * when nothing could be rendered.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { dev } from 'astro';
import { prepare } from '../engine/build.ts';
import { loadConfig } from '../config/load.ts';
import { format, type Diagnostic } from '../util/diagnostics.ts';
import { PROJECT_ROOT } from '../integration/astro-build.ts';
import { versionedDocs } from '../integration/integration.ts';
import { siteUrl } from '../integration/site-config.ts';
import { watchProject } from '../integration/dev-watch.ts';

const WATCHED = ['content', 'changelog', 'static', 'data', 'layouts', 'docs.config.ts'];
const dataFile = join(PROJECT_ROOT, '.build', 'dev', 'site-data.json');
let base = '/gloo-edge/';

async function regenerate(): Promise<void> {
  const started = performance.now();
  let diagnostics: Diagnostic[] = [];
  try {
    const loaded = await loadConfig(undefined, PROJECT_ROOT);
    const result = await prepare(loaded, { lenient: true });
    diagnostics = result.diagnostics;
    if (result.data) {
      const data = { ...result.data, diagnostics: diagnostics.filter((d) => d.severity === 'error') };
      base = data.base;
      // The pages read it from the file when it changes (src/integration/data.ts).
      await writeFile(dataFile, JSON.stringify(data));
      docs?.reload();
    }
  } catch (error) {
    const found = (error as { diagnostics?: Diagnostic[] }).diagnostics;
    diagnostics = found ?? [{ severity: 'error', file: 'docs.config.ts', line: 0, column: 0, message: String(error) }];
  }
  if (diagnostics.length) process.stderr.write(`${format(diagnostics)}\n`);
  else process.stdout.write(`Site data regenerated in ${Math.round(performance.now() - started)} ms.\n`);
}

let docs: ReturnType<typeof versionedDocs> | undefined;
await mkdir(join(PROJECT_ROOT, '.build', 'dev'), { recursive: true });
await regenerate();
// reload() tells the browsers the data file changed.
docs = versionedDocs({ dataFile, layOutLatest: true, base, siteUrl: siteUrl() });

let running = Promise.resolve();
watchProject(PROJECT_ROOT, WATCHED, () => {
  running = running.then(regenerate);
});

const port = Number(process.env.PORT ?? 4321);
await dev({ root: PROJECT_ROOT, server: { port, host: 'localhost' }, cacheDir: join(PROJECT_ROOT, '.build', 'dev', 'astro'), integrations: [docs] });
