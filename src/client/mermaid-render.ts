// Draws `<pre class="mermaid" data-needs="mermaid">` blocks with Mermaid (loaded
// lazily by mermaid.ts), in the site's light or dark theme, redrawn when the
// theme changes. A block that fails keeps showing its source.
import type { Mermaid } from 'mermaid';

/** Mermaid's own prebuilt ES modules, served as they are (src/integration/mermaid-vendor.ts). */
declare const __MERMAID_URL__: string;
let loading: Promise<Mermaid> | undefined;
const loadMermaid = () => (loading ??= import(/* @vite-ignore */ __MERMAID_URL__).then((m: { default: Mermaid }) => m.default));

interface Diagram {
  source: HTMLElement;
  text: string;
  output?: HTMLElement;
}

type Theme = 'light' | 'dark';

const dark = matchMedia('(prefers-color-scheme: dark)');

function currentTheme(): Theme {
  const chosen = document.documentElement.dataset.theme;
  if (chosen === 'dark' || chosen === 'light') return chosen;
  return dark.matches ? 'dark' : 'light';
}

let ids = 0;

async function draw(diagrams: Diagram[], theme: Theme): Promise<void> {
  const mermaid = await loadMermaid();
  mermaid.initialize({
    startOnLoad: false,
    securityLevel: 'strict',
    suppressErrorRendering: true,
    theme: theme === 'dark' ? 'dark' : 'default',
    // Mermaid 12 lays out with ELK by default (≈450 kB gzipped more); dagre is the classic
    // layout Hugo sites drew with. A diagram can still ask for ELK in its own config.
    layout: 'dagre',
    fontFamily: getComputedStyle(document.body).fontFamily,
  });
  for (const diagram of diagrams) {
    try {
      const { svg } = await mermaid.render(`mermaid-diagram-${++ids}`, diagram.text);
      let output = diagram.output;
      if (!output) {
        output = document.createElement('div');
        output.className = 'mermaid-diagram';
        if (diagram.source.dataset.align) output.dataset.align = diagram.source.dataset.align;
        diagram.source.after(output);
        diagram.output = output;
      }
      output.dataset.theme = theme;
      output.innerHTML = svg;
      diagram.source.hidden = true;
    } catch (e) {
      diagram.output?.remove();
      delete diagram.output;
      diagram.source.hidden = false;
      diagram.source.dataset.mermaidError = e instanceof Error ? e.message : String(e);
      console.warn('A diagram could not be drawn; its source is shown instead.', e);
    }
  }
}

export async function renderDiagrams(sources: readonly HTMLElement[]): Promise<void> {
  const diagrams: Diagram[] = sources.map((source) => ({ source, text: source.textContent ?? '' }));
  let theme = currentTheme();
  let queue = draw(diagrams, theme);
  const redraw = () => {
    const next = currentTheme();
    if (next === theme) return;
    theme = next;
    queue = queue.then(() => draw(diagrams, next));
  };
  new MutationObserver(redraw).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  dark.addEventListener('change', redraw);
  await queue;
}
