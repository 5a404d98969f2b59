/**
 * `{{< render_changelog [product="enterprise"] >}}`: in Gloo's theme it drew
 * the changelog from JSON. Here the build generates the changelog pages
 * (`reference/changelog/open_source/` and `…/enterprise/`) from changelog
 * data: a content page at one of those routes is replaced by the generated
 * one, and anywhere else the shortcode is a link to it. The product defaults
 * to the one the page's route names (enterprise, else open source).
 */
import { CHANGELOG_PAGES, CHANGELOG_ROUTE, type ChangelogProduct } from '../../model/changelog-routes.ts';
import type { ShortcodeDefinition } from '../types.ts';

export const renderChangelog: ShortcodeDefinition = {
  name: 'render_changelog',
  inner: 'none',
  args: { named: { product: { values: ['open_source', 'enterprise'], description: 'Which changelog (default: from the page\'s route).' } } },
  render(call, context) {
    const product = (call.values.product ?? (/enterprise/.test(context.site.route ?? context.file) ? 'enterprise' : 'open_source')) as ChangelogProduct;
    const href = `${context.deferred('base')}/${CHANGELOG_ROUTE[product]}`;
    const label = CHANGELOG_PAGES.find((p) => p.product === product)!.title;
    return { type: 'markdown', value: `See the [${label}](<${href}>): release notes by minor line, chronologically, or compared between two versions.` };
  },
};
