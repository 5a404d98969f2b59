// The table of contents: always open on wide screens, a collapsed box on narrow ones; the entry of the
// section being read is marked (aria-current) and kept in view inside the table's own scroll box.
let listening: AbortController | undefined;

export function initToc(): void {
  listening?.abort(); // the dev server swaps the page in place and calls this again
  const details = document.querySelector<HTMLDetailsElement>('[data-toc]');
  if (!details) return;
  const wide = matchMedia('(min-width: 72rem)');
  const sync = () => {
    details.open = wide.matches;
  };
  sync();
  wide.addEventListener('change', sync);

  const links = [...details.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')];
  const targets = links.map((a) => document.getElementById(decodeURIComponent(a.hash.slice(1))));
  let marked: HTMLAnchorElement | undefined;
  let queued = false;
  const mark = () => {
    queued = false;
    // The last heading above the upper third of the window is the section being read.
    const line = Math.min(innerHeight / 3, 200);
    let index = -1;
    targets.forEach((t, i) => {
      if (t && t.getBoundingClientRect().top <= line) index = i;
    });
    const link = links[index];
    if (link === marked) return;
    marked?.removeAttribute('aria-current');
    marked = link;
    if (!link) return;
    link.setAttribute('aria-current', 'true');
    if (wide.matches && details.scrollHeight > details.clientHeight) {
      const top = link.getBoundingClientRect().top - details.getBoundingClientRect().top + details.scrollTop;
      if (top < details.scrollTop || top > details.scrollTop + details.clientHeight - link.offsetHeight) details.scrollTop = top - details.clientHeight / 2;
    }
  };
  addEventListener('scroll', () => {
    if (!queued) requestAnimationFrame(mark);
    queued = true;
  }, { passive: true, signal: (listening = new AbortController()).signal });
  mark();
}
