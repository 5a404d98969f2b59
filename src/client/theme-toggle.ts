// Light, dark or auto (follow the system); the choice is remembered (ThemeScript applies it before paint).
import { save } from './storage.ts';

const KEY = 'docs-theme';
type Choice = 'light' | 'dark' | 'auto';

function chosen(): Choice {
  const theme = document.documentElement.dataset.theme;
  return theme === 'light' || theme === 'dark' ? theme : 'auto';
}

export function initThemeToggle(): void {
  const group = document.querySelector<HTMLElement>('[data-theme-toggle]');
  if (!group) return;
  const buttons = [...group.querySelectorAll<HTMLButtonElement>('[data-theme-choice]')];
  const sync = () => {
    const now = chosen();
    for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.themeChoice === now));
  };
  sync();
  group.hidden = false;
  group.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('[data-theme-choice]');
    if (!button) return;
    const choice = button.dataset.themeChoice as Choice;
    if (choice === 'auto') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = choice;
    save(KEY, choice);
    sync();
  });
}
