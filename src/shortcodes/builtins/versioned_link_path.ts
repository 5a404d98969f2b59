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
      // The Solo theme glues it to the version (`/gloo-edge/v1.14.xreference/…`), a link that leads nowhere:
      // a warning, and the link the writer meant.
      context.report({
        severity: 'warning',
        message: `versioned_link_path: fromRoot \`${fromRoot}\` does not start with \`/\`; linked as \`/${fromRoot}\``,
        hint: `Write fromRoot="/${fromRoot}" (the path from the docs root): Hugo's theme made a broken link of it.`,
        offset: call.args.find((a) => a.name === 'fromRoot')!.offset,
      });
      return { type: 'text', value: `${context.deferred('base')}/${fromRoot}` };
    }
    return { type: 'text', value: context.deferred('base') + fromRoot };
  },
};
