/**
 * `{{% versioned_link_path fromRoot="/operations/upgrading/canary/" %}}`: the
 * path under the docs version being read, e.g. `/gloo-edge/v1.17.x/operations/upgrading/canary/`.
 */
import type { ShortcodeDefinition } from '../types.ts';

export const versionedLinkPath: ShortcodeDefinition = {
  name: 'versioned_link_path',
  inner: 'none',
  args: { named: { fromRoot: { required: true, description: 'Site path starting with `/`, anchor allowed.' } } },
  render(call, context) {
    const fromRoot = call.values.fromRoot!;
    if (!fromRoot.startsWith('/')) {
      context.report({
        message: `versioned_link_path: fromRoot \`${fromRoot}\` must start with \`/\``,
        hint: `Write fromRoot="/${fromRoot}" (the path from the docs root).`,
      });
      return undefined;
    }
    return { type: 'text', value: context.deferred('base') + fromRoot };
  },
};
