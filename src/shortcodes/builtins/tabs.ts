/**
 * `{{< tabs >}}{{% tab name="Open Source" %}}…{{% /tab %}}…{{< /tabs >}}`: a tab
 * set. Without JavaScript every panel shows under its label; the site's
 * script turns the set into WAI-ARIA tabs synced by tab name.
 */
import { h } from 'hastscript';
import type { ElementContent } from 'hast';
import type { ShortcodeCall, ShortcodeDefinition } from '../types.ts';

/** The tab names of each tab set seen so far, with the offset of the tab that has each. */
const setNames = new WeakMap<ShortcodeCall, Map<string, number>>();

export const tabs: ShortcodeDefinition = {
  name: 'tabs',
  inner: 'required',
  args: { named: { name: { description: 'A label for the tab set.' } } },
  render(call, context) {
    const children = context
      .renderInner({ dedent: true })
      .filter((node: ElementContent) => !(node.type === 'text' && node.value.trim() === ''));
    const props: Record<string, string | boolean> = { className: 'tabs', dataTabs: true };
    if (call.values.name) props.ariaLabel = call.values.name;
    return { type: 'hast', block: true, children: [h('div', props, children)], text: context.innerText() };
  },
};

export const tab: ShortcodeDefinition = {
  name: 'tab',
  inner: 'required',
  parent: 'tabs',
  args: {
    named: {
      name: { description: 'The tab label (default: empty, as in the Solo theme); tabs with the same name switch together.' },
      codelang: { description: 'The inner content is code in this language.' },
      include: { description: 'The Solo theme\'s: a file of the page bundle shown when the tab has no inner content (not supported yet).' },
    },
  },
  render(call, context) {
    const name = (call.values.name ?? '').trim();
    let set = call.parent;
    while (set && set.name !== 'tabs') set = set.parent;
    if (set) {
      const names = setNames.get(set) ?? new Map<string, number>();
      setNames.set(set, names);
      const first = names.get(name);
      if (first !== undefined && first !== call.offset) {
        const arg = call.args.find((a) => a.name === 'name');
        context.report({
          message: `Two tabs of this set are named \`${name}\`: the second panel could never be shown`,
          hint: 'Tab names switch panels (and every set of the page with the same name): give each tab of a set its own name.',
          ...(arg ? { offset: arg.offset } : {}),
        });
      } else {
        names.set(name, call.offset);
      }
    }
    const lang = call.values.codelang;
    if (call.values.include !== undefined && !context.innerText().trim()) {
      context.report({ message: 'tab: `include` is not supported yet', hint: 'Put the content between {{% tab %}} and {{% /tab %}} instead.' });
      return undefined;
    }
    const body = lang
      ? [context.highlight(context.innerText().replace(/^\n+|\s+$/g, ''), lang)]
      : context.renderInner({ dedent: true });
    const panel = h(
      'section',
      { className: ['tab-panel'], dataTabName: name, id: context.uniqueId('tab') },
      [h('p', { className: ['tab-label'] }, name), ...body],
    );
    return { type: 'hast', block: true, children: [panel], text: context.innerText() };
  },
};
