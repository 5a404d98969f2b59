/**
 * `{{< ref "/operations/upgrading/faq.md#prepare" >}}` and `relref`: the URL
 * of a page of the content tree (see find-page.ts for the lookup), carrying
 * the docs version's base, anchor kept. A page that does not exist is an
 * error. Both give a path from the site root (no host), so they work
 * wherever the site is served.
 */
import type { ShortcodeDefinition } from '../types.ts';
import { findPage } from './find-page.ts';

function define(name: 'ref' | 'relref'): ShortcodeDefinition {
  return {
    name,
    inner: 'none',
    args: { positional: [{ name: 'path', required: true, description: 'A page: "/section/page.md", "page.md" or "page", optional #anchor.' }] },
    render(call, context) {
      const value = call.values.path!;
      const hash = value.indexOf('#');
      const target = hash === -1 ? value : value.slice(0, hash);
      const anchor = hash === -1 ? '' : value.slice(hash);
      if (context.site.route === undefined && context.site.pages.length === 0) {
        context.report({ message: `${name}: \`${value}\` needs the content tree`, hint: 'ref and relref look pages up in the site: render the page within a build (npm run build).' });
        return undefined;
      }
      if (target === '') return { type: 'text', value: `${context.deferred('base')}/${context.site.route ?? ''}${anchor}` };
      const found = findPage(context.site, target);
      if (!found.ok) {
        context.report({ message: `${name}: ${found.message}`, hint: found.hint, offset: call.args[0]!.offset, length: value.length + 2 });
        return undefined;
      }
      return { type: 'text', value: `${context.deferred('base')}/${found.page.route}${anchor}` };
    },
  };
}

export const ref = define('ref');
export const relref = define('relref');
