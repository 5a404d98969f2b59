/**
 * Gloo's `{{% extauth_version_info_note %}}` as a custom shortcode: a note
 * linking the enterprise changelog and the page that lists which auth
 * configuration format each version supports. Links carry the docs version's
 * base (Gloo's template used `.Site.Data.Solo.DocsVersion`).
 *
 * A custom shortcode is a module default-exporting a ShortcodeDefinition;
 * the type import is erased when the module runs, so the path to the
 * generator's sources only matters to the type checker.
 */
import type { ShortcodeDefinition } from '../../src/shortcodes/types.ts';

const note: ShortcodeDefinition = {
  name: 'extauth_version_info_note',
  inner: 'none',
  args: {
    named: {
      release: { description: 'The Gloo Enterprise release that introduced the format (default 0.20.1).' },
    },
  },
  render(call, context) {
    const base = context.deferred('base');
    const release = call.values.release ?? '0.20.1';
    return {
      type: 'markdown',
      value:
        `The auth configuration format shown on this page was introduced with **Gloo Enterprise**, release [**${release}**](${base}/reference/changelog/enterprise/).\n` +
        `If you are using an earlier version, please refer to [this page](${base}/guides/security/auth/extauth/configuration_format_history/)\n` +
        'to see which configuration formats are supported by each version.',
    };
  },
};

export default note;
