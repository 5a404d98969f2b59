/**
 * `{{% expand "Title" ["true"] %}}…{{% /expand %}}`: a collapsible section
 * (the learn theme's), a native `<details>` that works without JavaScript.
 * The inner Markdown is rendered; a second argument `true` opens it.
 */
import { h } from 'hastscript';
import type { ShortcodeDefinition } from '../types.ts';

export const expand: ShortcodeDefinition = {
  name: 'expand',
  inner: 'required',
  args: {
    positional: [
      { name: 'title', description: 'The summary line (default "Expand me...").' },
      { name: 'open', values: ['true', 'false'], description: 'Open when the page loads.' },
    ],
    named: { default: { description: 'The summary line, as the Solo theme names it.' } },
  },
  render(call, context) {
    const title = call.values.title || call.values.default || 'Expand me...';
    const props: Record<string, string | boolean | string[]> = { className: ['expand'] };
    if (call.values.open === 'true') props.open = true;
    const details = h('details', props, [h('summary', { className: ['expand-title'] }, title), h('div', { className: ['expand-body'] }, context.renderInner({ dedent: true }))]);
    return { type: 'hast', block: true, children: [details], text: context.innerText() };
  },
};
