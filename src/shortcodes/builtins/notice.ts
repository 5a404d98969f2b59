/**
 * `{{% notice note|info|tip|warning [id] %}}…{{% /notice %}}`: a callout with
 * a visible label; its inner Markdown is rendered, also when written on one
 * line (Hugo 0.111 left such a line's links as raw text).
 */
import { h } from 'hastscript';
import type { ShortcodeDefinition } from '../types.ts';

export const NOTICE_TYPES = ['note', 'info', 'tip', 'warning'] as const;

export const notice: ShortcodeDefinition = {
  name: 'notice',
  inner: 'required',
  args: {
    positional: [
      { name: 'type', required: true, values: NOTICE_TYPES },
      { name: 'id', description: 'Element id of the callout.' },
    ],
  },
  render(call, context) {
    const type = call.values.type!;
    const label = type[0]!.toUpperCase() + type.slice(1);
    const children = context.renderInner({ dedent: true });
    const aside = h(
      'aside',
      { className: ['notice', `notice-${type}`], role: 'note', ariaLabel: label, id: call.values.id },
      [h('p', { className: ['notice-label'] }, label), ...children],
    );
    return { type: 'hast', block: true, children: [aside], text: context.innerText() };
  },
};
