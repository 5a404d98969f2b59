// Turns the version list into a <select>; keeps #hash when the target page has that heading. A switch to a
// version that lacks the page lands on its nearest ancestor: the page then says so and links back.
const FALLBACK = 'docs-version-fallback';

interface Fallback {
  /** Path the switch landed on. */
  to: string;
  from: string;
  title: string;
  fromVersion: string;
  toVersion: string;
}

/**
 * Where a switch to the option `href` goes from a page at `hash`: the hash is
 * kept when the target page has that heading (`anchors`: its ids, spaced).
 */
export function switchTarget(href: string, anchors: string, hash: string): string {
  let id = '';
  try {
    id = decodeURIComponent(hash.slice(1));
  } catch {
    /* a malformed hash is not kept */
  }
  return id !== '' && anchors.split(' ').includes(id) ? href + hash : href;
}

function versionOf(option: HTMLOptionElement | undefined): string {
  return option?.dataset.version ?? '';
}

export function initVersionSelect(): void {
  showFallbackNotice();
  const menu = document.querySelector<HTMLDetailsElement>('[data-version-menu]');
  if (!menu) return;
  const links = [...menu.querySelectorAll<HTMLAnchorElement>('a[data-version]')];
  const label = document.createElement('label');
  label.className = 'sr-only';
  label.htmlFor = 'version-select';
  label.textContent = 'Docs version';
  const select = document.createElement('select');
  select.id = 'version-select';
  select.className = 'version-select';
  for (const link of links) {
    const option = new Option(link.textContent?.trim() ?? '', link.getAttribute('href') ?? '');
    option.dataset.anchors = link.dataset.anchors ?? '';
    option.dataset.version = link.dataset.version ?? '';
    if (link.dataset.exact === 'false') option.dataset.fallback = '';
    option.selected = link.getAttribute('aria-current') === 'true';
    select.append(option);
  }
  const current = [...select.options].find((o) => o.selected);
  select.addEventListener('change', () => {
    const option = select.selectedOptions[0];
    if (!option) return;
    if (option.dataset.fallback !== undefined) {
      const note: Fallback = {
        to: new URL(option.value, location.href).pathname,
        from: location.pathname + location.hash,
        title: document.querySelector('h1')?.textContent?.trim() ?? '',
        fromVersion: versionOf(current),
        toVersion: versionOf(option),
      };
      try {
        sessionStorage.setItem(FALLBACK, JSON.stringify(note));
      } catch {
        /* no notice then */
      }
    }
    location.href = switchTarget(option.value, option.dataset.anchors ?? '', location.hash);
  });
  menu.replaceWith(label, select);
}

/** "“Upgrade Checklist” does not exist in v1.15.x; showing “Upgrading”. Back to it in v1.17.x." — once, on the page a switch fell back to. */
function showFallbackNotice(): void {
  let note: Fallback | undefined;
  try {
    const raw = sessionStorage.getItem(FALLBACK);
    sessionStorage.removeItem(FALLBACK);
    note = raw ? (JSON.parse(raw) as Fallback) : undefined;
  } catch {
    return;
  }
  const head = document.querySelector('.page-head');
  if (!note || note.to !== location.pathname || !head) return;
  const box = document.createElement('div');
  box.className = 'version-banner fallback-notice';
  box.setAttribute('role', 'status');
  const p = document.createElement('p');
  const back = document.createElement('a');
  back.href = note.from;
  back.textContent = `Back to “${note.title}” in ${note.fromVersion}`;
  const here = document.querySelector('h1')?.textContent?.trim() ?? '';
  p.append(`“${note.title}” does not exist in ${note.toVersion}; showing “${here}” instead. `, back, '.');
  box.append(p);
  head.prepend(box);
}
