// Phones: the Menu button slides the sidebar out over the page (without JavaScript its #site-nav link
// opens it through :target). Escape, the Close link or a tap outside closes it; focus goes back to the button.
import { LAYOUT_IDS } from '../util/layout-ids.ts';
export function initMenu(): void {
  const button = document.querySelector<HTMLAnchorElement>('[data-menu]');
  const nav = document.getElementById(LAYOUT_IDS.nav);
  if (!button || !nav) return;
  button.setAttribute('role', 'button');
  const setOpen = (open: boolean, refocus = true) => {
    nav.classList.toggle('open', open);
    button.setAttribute('aria-expanded', String(open));
    if (open) {
      const current = nav.querySelector<HTMLElement>('[aria-current=page]') ?? nav.querySelector<HTMLElement>('a');
      if (current) {
        nav.scrollTop = current.offsetTop - nav.clientHeight / 2;
        current.focus({ preventScroll: true });
      }
    } else if (refocus) button.focus();
  };
  button.addEventListener('click', (event) => {
    event.preventDefault();
    setOpen(!nav.classList.contains('open'));
  });
  nav.querySelector('[data-menu-close]')?.addEventListener('click', (event) => {
    event.preventDefault();
    setOpen(false);
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && nav.classList.contains('open')) setOpen(false);
  });
  document.addEventListener('click', (event) => {
    if (nav.classList.contains('open') && !nav.contains(event.target as Node) && !button.contains(event.target as Node)) setOpen(false, false);
  });
}

// Sidebar groups: each section's button opens or closes its list of pages (the current section starts open).
// A closed section's list is not in the page (it would make every page grow with the whole site): the first
// opening fetches the section's own page, where that list is open, and takes it from there.
export function initNavGroups(root: ParentNode | null = document.getElementById(LAYOUT_IDS.nav)): void {
  root?.querySelectorAll<HTMLButtonElement>('.nav-toggle').forEach((button) => {
    if (button.dataset.wired) return;
    const list = document.getElementById(button.getAttribute('aria-controls') ?? '');
    if (!list) return;
    button.dataset.wired = 'true';
    button.hidden = false;
    button.addEventListener('click', async () => {
      const open = button.getAttribute('aria-expanded') !== 'true';
      if (open && list.dataset.navFrom && !(await loadGroup(list, list.dataset.navFrom))) {
        // The list could not be fetched: the section's page lists its pages.
        window.location.href = list.dataset.navFrom;
        return;
      }
      button.setAttribute('aria-expanded', String(open));
      list.hidden = !open;
    });
  });
}

/** Fills a closed group's list from the section's page; false when that page or its list cannot be had. */
async function loadGroup(list: HTMLElement, href: string): Promise<boolean> {
  try {
    const response = await fetch(href);
    if (!response.ok) return false;
    const page = new DOMParser().parseFromString(await response.text(), 'text/html');
    const source = page.getElementById(list.id);
    if (!source || source.hidden) return false;
    list.replaceChildren(...[...source.childNodes].map((n) => document.importNode(n, true)));
    delete list.dataset.navFrom;
    initNavGroups(list);
    return true;
  } catch {
    return false;
  }
}
