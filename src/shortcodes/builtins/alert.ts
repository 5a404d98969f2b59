/**
 * `{{% alert theme="warning" %}}…{{% /alert %}}` (docdock) or
 * `{{% alert title="Note" color="info" %}}` (Docsy): a callout like
 * `notice`, its inner Markdown rendered; `theme` or `color` picks the look.
 */
import { h } from 'hastscript';
import type { ShortcodeDefinition } from '../types.ts';

const THEMES = ['info', 'success', 'warning', 'danger', 'primary', 'secondary', 'note', 'tip'] as const;

export const alert: ShortcodeDefinition = {
  name: 'alert',
  inner: 'required',
  args: {
    positional: [{ name: 'theme', values: THEMES, description: 'The look, as `theme=` (the Solo theme reads either).' }],
    named: {
      theme: { values: THEMES, description: 'The look: info (default), success, warning, danger.' },
      color: { values: THEMES, description: 'Docsy spelling of `theme`.' },
      title: { description: 'A heading shown above the text.' },
      icon: { description: 'Accepted for compatibility; not shown.' },
    },
  },
  render(call, context) {
    const theme = call.values.theme ?? call.values.color ?? 'info';
    const label = call.values.title ?? theme[0]!.toUpperCase() + theme.slice(1);
    const aside = h('aside', { className: ['alert', `alert-${theme}`], role: 'note', ariaLabel: label }, [
      ...(call.values.title ? [h('p', { className: ['alert-title'] }, call.values.title)] : []),
      ...context.renderInner({ dedent: true }),
    ]);
    return { type: 'hast', block: true, children: [aside], text: context.innerText() };
  },
};
