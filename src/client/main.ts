// The one client entry: small progressive enhancements; everything works without it.
import { initCopyButtons } from './copy.ts';
import { initDevRefresh } from './dev-refresh.ts';
import { initMenu, initNavGroups } from './menu.ts';
import { initNotFound } from './not-found.ts';
import { initMermaid } from './mermaid.ts';
import { initSearch } from './search.ts';
import { initSearchPage } from './search-page.ts';
import { initTabs } from './tabs.ts';
import { initThemeToggle } from './theme-toggle.ts';
import { initToc } from './toc.ts';
import { initVersionSelect } from './version-select.ts';

initThemeToggle();
initMenu();
initNavGroups();
initNotFound();
initVersionSelect();
initTabs();
initCopyButtons();
initToc();
initSearch();
void initSearchPage();
initMermaid();
initDevRefresh();
