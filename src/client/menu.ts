// Phones: the Menu button slides the sidebar out over the page (without JavaScript its #site-nav link
// opens it through :target). Escape, the Close link or a tap outside closes it; focus goes back to the button.
import { byId, LAYOUT_IDS } from '../util/layout-ids.ts';
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
export function initNavGroups(): void {
  document.querySelectorAll<HTMLButtonElement>(`${byId(LAYOUT_IDS.nav)} .nav-toggle`).forEach((button) => {
    const list = document.getElementById(button.getAttribute('aria-controls') ?? '');
    if (!list) return;
    button.hidden = false;
    button.addEventListener('click', () => {
      const open = button.getAttribute('aria-expanded') !== 'true';
      button.setAttribute('aria-expanded', String(open));
      list.hidden = !open;
    });
  });
}
