// Light/dark toggle; the choice is remembered (ThemeScript applies it before paint).
import { save } from './storage.ts';

const KEY = 'docs-theme';

function isDark(): boolean {
  const chosen = document.documentElement.dataset.theme;
  if (chosen) return chosen === 'dark';
  return matchMedia('(prefers-color-scheme: dark)').matches;
}

export function initThemeToggle(): void {
  const button = document.querySelector<HTMLButtonElement>('[data-theme-toggle]');
  if (!button) return;
  const sync = () => button.setAttribute('aria-pressed', String(isDark()));
  sync();
  button.hidden = false;
  button.addEventListener('click', () => {
    const next = isDark() ? 'light' : 'dark';
    document.documentElement.dataset.theme = next;
    save(KEY, next);
    sync();
  });
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', sync);
}
