/**
 * `{{< render_changelog [product="enterprise"] >}}`: in Gloo's theme it drew
 * the changelog from JSON. Here the build generates the changelog pages
 * (`reference/changelog/open_source/` and `…/enterprise/`) from changelog
 * data: a content page at one of those routes is replaced by the generated
 * one, and anywhere else the shortcode is a link to it. The product defaults
 * to the one the page's route names (enterprise, else open source). The Solo
 * theme's `enterprise="true"` picks the enterprise one; its
 * `changelogJsonPath` (a JSON file Gloo's Makefile generates) is accepted and
 * not read.
 */
import { CHANGELOG_PAGES, CHANGELOG_ROUTE, type ChangelogProduct } from '../../model/changelog-routes.ts';
import type { ShortcodeDefinition } from '../types.ts';

export const renderChangelog: ShortcodeDefinition = {
  name: 'render_changelog',
  inner: 'none',
  args: {
    named: {
      product: { values: ['open_source', 'enterprise'], description: 'Which changelog (default: from the page\'s route).' },
      enterprise: { values: ['true', 'false'], description: 'The Solo theme\'s spelling: `true` for the enterprise changelog, `false` for open source.' },
      changelogJsonPath: { description: 'The Solo theme\'s JSON file under static/content/ (made by Gloo\'s Makefile); not read: the changelog pages are generated from the changelog data.' },
    },
  },
  render(call, context) {
    const fromFlag = call.values.enterprise === undefined ? undefined : call.values.enterprise === 'true' ? 'enterprise' : 'open_source';
    const product = (call.values.product ?? fromFlag ?? (/enterprise/.test(context.site.route ?? context.file) ? 'enterprise' : 'open_source')) as ChangelogProduct;
    const href = `${context.deferred('base')}/${CHANGELOG_ROUTE[product]}`;
    const label = CHANGELOG_PAGES.find((p) => p.product === product)!.title;
    return { type: 'markdown', value: `See the [${label}](<${href}>): release notes by minor line, chronologically, or compared between two versions.` };
  },
};
