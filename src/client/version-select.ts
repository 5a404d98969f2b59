// Turns the version list into a <select>; keeps #hash when the target page has that heading.
export function initVersionSelect(): void {
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
    option.selected = link.getAttribute('aria-current') === 'true';
    select.append(option);
  }
  select.addEventListener('change', () => {
    const option = select.selectedOptions[0];
    if (!option) return;
    const id = decodeURIComponent(location.hash.slice(1));
    const keep = id !== '' && (option.dataset.anchors ?? '').split(' ').includes(id);
    location.href = option.value + (keep ? location.hash : '');
  });
  menu.replaceWith(label, select);
}
