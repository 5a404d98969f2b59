/**
 * Pages' link facts (html.ts) in a compact form: every string once (`strings`), each page's ids as
 * indexes into it and its links as four numbers each (href, tag, attribute, inArticle 0/1). The form
 * the facts cache keeps on disk (facts-cache.ts) and parse threads send back (parse-facts.ts): typed
 * arrays and one string list instead of hundreds of thousands of small objects.
 */
import type { HtmlFacts, HtmlLink } from './html.ts';

export interface PackedFacts {
  strings: string[];
  /** Per page, in the order packed. */
  pages: [ids: Uint32Array, links: Uint32Array][];
}

export function packFacts(list: Iterable<HtmlFacts>): PackedFacts {
  const index = new Map<string, number>();
  const strings: string[] = [];
  const at = (s: string) => {
    let i = index.get(s);
    if (i === undefined) {
      i = strings.push(s) - 1;
      index.set(s, i);
    }
    return i;
  };
  const pages: PackedFacts['pages'] = [];
  for (const facts of list) {
    const ids = Uint32Array.from(facts.ids, at);
    const links = new Uint32Array(facts.links.length * 4);
    facts.links.forEach((link: HtmlLink, i) => links.set([at(link.href), at(link.tag), at(link.attribute), link.inArticle ? 1 : 0], i * 4));
    pages.push([ids, links]);
  }
  return { strings, pages };
}

/** One page's facts back from the packed form (`keep` stores each string: interner()); undefined when the entry is damaged. */
export function unpackFacts(strings: readonly string[], ids: Uint32Array, links: Uint32Array, keep: (value: string) => string = (v) => v): HtmlFacts | undefined {
  const n = strings.length;
  const out: HtmlFacts = { ids: new Set(), links: [] };
  for (const i of ids) {
    if (i >= n) return undefined;
    out.ids.add(keep(strings[i]!));
  }
  if (links.length % 4 !== 0) return undefined;
  for (let i = 0; i < links.length; i += 4) {
    const [href, tag, attribute] = [links[i]!, links[i + 1]!, links[i + 2]!];
    if (href >= n || tag >= n || attribute >= n) return undefined;
    out.links.push({ href: keep(strings[href]!), tag: strings[tag]!, attribute: strings[attribute]!, inArticle: links[i + 3] === 1 });
  }
  return out;
}
