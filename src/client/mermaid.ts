// Mermaid diagrams: the renderer (a large, separate chunk) is fetched only
// when the article holds a block that needs it; the source stays readable
// until the diagram is drawn, and for good when drawing fails.
export function initMermaid(): void {
  const blocks = [...document.querySelectorAll<HTMLElement>('article [data-needs~="mermaid"]')];
  if (!blocks.length) return;
  import('./mermaid-render.ts')
    .then((m) => m.renderDiagrams(blocks))
    .catch((e: unknown) => console.warn('Diagrams could not be drawn; their source is shown instead.', e));
}
