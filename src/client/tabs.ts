// WAI-ARIA tabs over the pipeline's tab sets, synced by tab name across the
// page and remembered across pages.
import { load, save } from './storage.ts';

const KEY = 'docs-tab';

interface TabSet {
  tabs: HTMLButtonElement[];
  panels: HTMLElement[];
}

function select(set: TabSet, index: number): void {
  set.tabs.forEach((tab, i) => {
    const on = i === index;
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
    set.panels[i]!.hidden = !on;
  });
}

function selectByName(sets: TabSet[], name: string): void {
  for (const set of sets) {
    const index = set.tabs.findIndex((t) => t.dataset.tabName === name);
    if (index >= 0) select(set, index);
  }
}

export function initTabs(): void {
  const sets: TabSet[] = [];
  document.querySelectorAll<HTMLElement>('[data-tabs]').forEach((root, n) => {
    const panels = [...root.querySelectorAll<HTMLElement>(':scope > .tab-panel')];
    if (panels.length === 0) return;
    const list = document.createElement('div');
    list.setAttribute('role', 'tablist');
    list.className = 'tab-list';
    const tabs = panels.map((panel, i) => {
      const name = panel.dataset.tabName || `Tab ${i + 1}`;
      const id = `tabset-${n}-${i}`;
      const tab = document.createElement('button');
      tab.type = 'button';
      tab.id = `${id}-tab`;
      tab.setAttribute('role', 'tab');
      tab.setAttribute('aria-controls', `${id}-panel`);
      tab.dataset.tabName = name;
      tab.textContent = name;
      panel.id = `${id}-panel`;
      panel.setAttribute('role', 'tabpanel');
      panel.setAttribute('aria-labelledby', tab.id);
      panel.tabIndex = 0;
      panel.querySelector<HTMLElement>(':scope > .tab-label')?.setAttribute('hidden', '');
      list.append(tab);
      return tab;
    });
    root.prepend(list);
    root.classList.add('tabs-ready');
    const set = { tabs, panels };
    sets.push(set);
    select(set, 0);
    const choose = (tab: HTMLButtonElement) => {
      // Keep the chosen tab set still on screen while others above it change height.
      const before = tab.getBoundingClientRect().top;
      selectByName(sets, tab.dataset.tabName!);
      save(KEY, tab.dataset.tabName!);
      window.scrollBy(0, tab.getBoundingClientRect().top - before);
    };
    list.addEventListener('click', (event) => {
      const tab = (event.target as Element).closest<HTMLButtonElement>('[role="tab"]');
      if (tab) choose(tab);
    });
    list.addEventListener('keydown', (event) => {
      const current = tabs.indexOf(event.target as HTMLButtonElement);
      if (current < 0) return;
      const last = tabs.length - 1;
      const next =
        event.key === 'ArrowRight' ? (current === last ? 0 : current + 1)
        : event.key === 'ArrowLeft' ? (current === 0 ? last : current - 1)
        : event.key === 'Home' ? 0
        : event.key === 'End' ? last
        : -1;
      if (next < 0) return;
      event.preventDefault();
      tabs[next]!.focus();
      choose(tabs[next]!);
    });
  });
  const remembered = load(KEY);
  if (remembered) selectByName(sets, remembered);
}
