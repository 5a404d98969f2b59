/// <reference lib="dom" />
/**
 * The changelog page's client script (no framework). Include it on the page
 * as a module; it does nothing when the page has no `#changelog-data`.
 *
 * - Switches between Gloo's three views by hash (`#minorrelease`, the
 *   default, `#chronological`, `#compareversions`); a release anchor such as
 *   `#v1.17.3` shows the view that holds it.
 * - The compare view: two pickers (the second lists only newer versions),
 *   the pair written into the hash (`#compareversions_v1.16.0...v1.17.3`) with
 *   `history.replaceState`, read back on load and on `hashchange`, the merged
 *   notes rendered from the embedded JSON (sanitised HTML made on the server),
 *   the count announced in a live region.
 * - The enterprise page's "show open source notes" switch opens every
 *   `details.changelog-oss`.
 */
import { DEFAULT_VIEW, formatCompareHash, mergeByCategory, newerThan, parseHash, rangeOf } from '../changelog/compare.ts';
import type { CompareData, CompareRelease } from '../changelog/compare.ts';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * The pair a comparison shows for the asked `a...b` (at least two releases,
 * ascending): unknown or missing versions fall back (`to` the newest, `from`
 * the newest release of the line before `to`'s), a reversed pair is put
 * right, and an empty one widened by one release. `unknown`: the asked
 * versions not in the list.
 */
export function comparedPair(releases: readonly { version: string }[], a: string | undefined, b: string | undefined): { from: string; to: string; unknown: string[] } {
  const index = (v?: string) => releases.findIndex((r) => r.version === v);
  const unknown = [a, b].filter((v): v is string => !!v && index(v) < 0);
  let j = index(b);
  if (j < 0) j = releases.length - 1;
  let i = index(a);
  if (i < 0) {
    // Default: since the newest release of the previous minor line.
    const line = (v: string) => v.split('.').slice(0, 2).join('.');
    const target = line(releases[j]!.version);
    i = Math.max(0, releases.findLastIndex((r, k) => k < j && line(r.version) !== target));
  }
  if (i > j) [i, j] = [j, i];
  if (i === j) i > 0 ? i-- : j++;
  return { from: releases[i]!.version, to: releases[j]!.version, unknown };
}

export function initChangelog(doc: Document): void {
  const dataEl = doc.getElementById('changelog-data');
  if (!dataEl) return;
  let data: CompareData;
  try {
    data = JSON.parse(dataEl.textContent || '') as CompareData;
  } catch {
    return;
  }
  const releases = data.releases;
  const root = dataEl.closest<HTMLElement>('[data-changelog]') ?? doc.body;
  const $ = <T extends Element>(sel: string) => root.querySelector<T>(sel);
  const from = $<HTMLSelectElement>('#changelog-compare-from');
  const to = $<HTMLSelectElement>('#changelog-compare-to');
  const status = $<HTMLElement>('#changelog-compare-status');
  const result = $<HTMLElement>('#changelog-compare-result');
  const sections = root.querySelectorAll<HTMLElement>('[data-view]');
  const links = root.querySelectorAll<HTMLElement>('[data-view-link]');

  root.classList.add('changelog--js');
  root.querySelectorAll<HTMLElement>('.changelog-nojs').forEach((e) => (e.hidden = true));
  root.querySelectorAll<HTMLElement>('.changelog-compare, .changelog-oss-switch').forEach((e) => (e.hidden = false));

  function show(view: string): void {
    sections.forEach((s) => (s.hidden = s.dataset.view !== view));
    links.forEach((l) => {
      if (l.dataset.viewLink === view) l.setAttribute('aria-current', 'true');
      else l.removeAttribute('aria-current');
    });
  }

  function fill(select: HTMLSelectElement, items: CompareRelease[], value: string): void {
    select.replaceChildren(...items.map((r) => new Option(`v${r.version}`, r.version)));
    select.value = value;
  }

  /** Show the comparison `a...b` (defaults when missing or unknown); write the hash when `write`. */
  function compare(a: string | undefined, b: string | undefined, write: boolean): void {
    if (!from || !to || !status || !result) return;
    if (releases.length < 2) {
      status.textContent = 'At least two released versions are needed to compare.';
      return;
    }
    const { from: fromV, to: toV, unknown } = comparedPair(releases, a, b);
    const notes = unknown.map((v) => `v${v} is not a released version listed here.`);
    fill(from, releases.slice(0, -1), fromV);
    fill(to, newerThan(releases, fromV), toV);

    const range = rangeOf(releases, fromV, toV);
    const merged = mergeByCategory(range);
    const parts: Node[] = [];
    for (const c of merged) {
      const h = doc.createElement('h3');
      h.textContent = c.label;
      const ul = doc.createElement('ul');
      ul.className = 'changelog-notes';
      for (const n of c.notes) {
        const li = doc.createElement('li');
        li.innerHTML = n.html; // sanitised on the server (src/changelog/notes.ts)
        const tag = doc.createElement('span');
        tag.className = 'changelog-added';
        tag.textContent = `Added in v${n.version}`;
        li.append(' ', tag);
        ul.append(li);
      }
      parts.push(h, ul);
    }
    const total = merged.reduce((s, c) => s + c.count, 0);
    if (!total) {
      const p = doc.createElement('p');
      p.textContent = 'No user-facing changes in this range.';
      parts.push(p);
    }
    result.replaceChildren(...parts);
    notes.push(`${plural(total, 'change')} in ${plural(range.length, 'release')} after v${fromV} up to v${toV}.`);
    status.textContent = notes.join(' ');
    if (write) history.replaceState(history.state, '', formatCompareHash(fromV, toV));
  }

  function route(): void {
    const state = parseHash(location.hash);
    if (state) {
      show(state.view);
      if (state.view === 'compareversions') compare(state.from, state.to, false);
      return;
    }
    let id = '';
    try {
      id = decodeURIComponent(location.hash.slice(1));
    } catch {
      /* keep '' */
    }
    const target = id ? doc.getElementById(id) : null;
    const section = target?.closest<HTMLElement>('[data-view]');
    show(section?.dataset.view ?? DEFAULT_VIEW);
    if (target && section) target.scrollIntoView();
  }

  from?.addEventListener('change', () => {
    const newer = newerThan(releases, from.value);
    const keep = newer.some((r) => r.version === to?.value);
    compare(from.value, keep ? to?.value : newer.at(-1)?.version, true);
  });
  to?.addEventListener('change', () => compare(from?.value, to.value, true));
  addEventListener('hashchange', route);

  const oss = doc.getElementById('changelog-show-oss') as HTMLInputElement | null;
  oss?.addEventListener('change', () =>
    root.querySelectorAll<HTMLDetailsElement>('details.changelog-oss').forEach((d) => (d.open = oss.checked)),
  );

  route();
}

if (typeof document !== 'undefined') {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => initChangelog(document));
  else initChangelog(document);
}
