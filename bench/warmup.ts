/**
 * How much of a compile is V8 warming up: `node bench/warmup.ts [--pages 100] [--rounds 3]`.
 *
 * Generates a corpus, then on this one thread compiles the same guide pages
 * `--rounds` times with our pipeline (`compilePage`, one environment) and
 * renders them with a bare unified pipeline (shortcodes pre-expanded), and
 * prints milliseconds per page for each round. The first round is what every
 * compile worker pays on its own; later rounds are warm. A script that prints
 * figures, never a test.
 */
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { loadSiteContent } from '../src/engine/site-content.ts';
import { compilePage } from '../src/markdown/compile.ts';
import { generateCorpus, loadedConfig, preExpand } from './corpus.ts';

const { values } = parseArgs({ options: { pages: { type: 'string', default: '100' }, rounds: { type: 'string', default: '3' } } });
const count = Number(values.pages);
const rounds = Number(values.rounds);
const corpus = generateCorpus({ pages: count, versions: 1 });
try {
  const content = await loadSiteContent(loadedConfig(corpus), {});
  const guides = content.pages.filter((p) => /\/p\d+\.md$/.test(p.file));
  const version = corpus.docsVersions[0]!;
  const bare = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeStringify, { allowDangerousHtml: true }).freeze();
  const expanded = guides.map((p) => preExpand(p.raw, version));
  const perPage = (run: () => void) => {
    const started = performance.now();
    run();
    return ((performance.now() - started) / guides.length).toFixed(1);
  };
  process.stdout.write(`${guides.length} guide pages, one thread, ms per page\nround  ours  bare unified\n`);
  for (let round = 1; round <= rounds; round++) {
    const ours = perPage(() => guides.forEach((p) => compilePage(p.file, p.raw, content.env)));
    const plain = perPage(() => expanded.forEach((text) => String(bare.processSync(text))));
    process.stdout.write(`${String(round).padStart(5)}  ${ours.padStart(4)}  ${plain.padStart(12)}\n`);
  }
} finally {
  rmSync(corpus.dir, { recursive: true, force: true });
}
