// The table of contents is always open on wide screens, a collapsed box on narrow ones.
export function initToc(): void {
  const details = document.querySelector<HTMLDetailsElement>('[data-toc]');
  if (!details) return;
  const wide = matchMedia('(min-width: 72rem)');
  const sync = () => {
    details.open = wide.matches;
  };
  sync();
  wide.addEventListener('change', sync);
}
