/**
 * `{{% children [description="true"] [depth="2"] [style="h3"] [sort="title"] %}}`:
 * the pages of the current section (its `_index.md` or bundle folder), in
 * weight order (unweighted pages last) then by title, each as the Solo theme
 * shows it: `Title: description` (the theme shows descriptions whatever
 * `description` says). Links carry the docs version's base. Called with
 * `{{% %}}`, the theme's output is Markdown to Hugo, so a description's
 * Markdown is rendered (`` `glooctl` `` becomes code); with `{{< >}}` it is
 * text.
 */
import { fromHtml } from 'hast-util-from-html';
import { h } from 'hastscript';
import type { ElementContent } from 'hast';
import type { PageInfo, ShortcodeDefinition } from '../types.ts';

const STYLES = ['li', 'h2', 'h3', 'h4', 'h5', 'h6', 'div'] as const;

/** Direct children of a route, sorted. */
export function childPages(pages: readonly PageInfo[], route: string, sort: 'weight' | 'title' = 'weight'): PageInfo[] {
  const label = (p: PageInfo) => p.linkTitle ?? p.title;
  return pages
    .filter((p) => p.route !== route && p.route.startsWith(route) && /^[^/]+\/$/.test(p.route.slice(route.length)))
    .sort((a, b) => {
      if (sort === 'weight') {
        const wa = a.weight === 0 ? Infinity : a.weight;
        const wb = b.weight === 0 ? Infinity : b.weight;
        if (wa !== wb) return wa < wb ? -1 : 1;
      }
      return cmp(label(a).toLowerCase(), label(b).toLowerCase()) || cmp(a.route, b.route);
    });
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const children: ShortcodeDefinition = {
  name: 'children',
  inner: 'none',
  args: {
    named: {
      description: { values: ['true', 'false'], description: 'Read by the Solo theme but without effect: a page\'s description is always shown after its title.' },
      depth: { description: 'How many levels of sub-pages to list (default 1).' },
      style: { values: STYLES, description: 'Element for each entry: li (default), h2…h6, div.' },
      sort: { values: ['weight', 'title', 'Weight', 'Name'], description: 'Order: weight (default, then title) or title; the Solo theme spells them `Weight` and `Name`.' },
      page: { description: 'List this section (a path from the content folder, e.g. `/guides`) instead of the current one.' },
      showhidden: { description: 'The Solo theme\'s: also list pages marked `hidden` (this build lists every page).' },
    },
  },
  render(call, context) {
    const { site } = context;
    if (site.route === undefined) {
      context.report({ message: 'children lists the pages of a section: it needs the content tree', hint: 'Render the page within a build (npm run build), where every page is known.' });
      return undefined;
    }
    const depthText = call.values.depth ?? '1';
    if (!/^[1-9]\d*$/.test(depthText)) {
      context.report({ message: `children: depth \`${depthText}\` is not a positive whole number`, hint: 'Write depth="1" for the direct children, "2" for grandchildren too.' });
      return undefined;
    }
    const depth = Number(depthText);
    const style = (call.values.style ?? 'li') as (typeof STYLES)[number];
    const sort = /^(?:title|name)$/i.test(call.values.sort ?? '') ? 'title' : 'weight';
    const base = context.deferred('base');
    const texts: string[] = [];

    const entries = (route: string, level: number): ElementContent[] => {
      const out: ElementContent[] = [];
      for (const page of childPages(site.pages, route, sort)) {
        // As the Solo theme: the page's title, then `: ` and its description whenever it has one.
        texts.push(page.title);
        const link = h('a', { href: `${base}/${page.route}` }, page.title);
        const description = call.form === '%' && page.description ? fromHtml(context.markdownToHtml(page.description), { fragment: true }).children : page.description;
        const line = page.description ? [link, ': ', h('span', { className: ['children-description'] }, description)] : [link];
        const nested = level < depth ? entries(page.route, level + 1) : [];
        if (style === 'li') {
          out.push(h('li', [h('p', line), ...(nested.length ? [h('ul', nested)] : [])]));
        } else {
          out.push(h(style, { className: ['children-title'] }, line), ...nested);
        }
      }
      return out;
    };
    const section = call.values.page === undefined ? site.route : call.values.page.replace(/^\/+|\/+$/g, '') + (call.values.page.replace(/\//g, '') ? '/' : '');
    if (!site.pages.some((p) => p.route === section)) {
      context.report({ message: `children: no section \`${call.values.page}\``, hint: 'page= names a section by its path from the content folder, e.g. page="/guides".', offset: call.args.find((a) => a.name === 'page')?.offset ?? call.offset });
      return undefined;
    }
    const list = entries(section, 1);
    const wrapper = style === 'li' ? h('ul', { className: ['children'] }, list) : h('div', { className: ['children', `children-${style}`] }, list);
    return { type: 'hast', block: true, children: list.length ? [wrapper] : [], text: texts.join(' ') };
  },
};
