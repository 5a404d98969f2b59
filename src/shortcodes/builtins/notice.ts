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
      { name: 'type', required: true, description: `${NOTICE_TYPES.join(', ')}; another word is a warning (the Solo theme uses it as a CSS class that no style matches).` },
      { name: 'id', description: 'Element id of the callout.' },
    ],
  },
  render(call, context) {
    const type = call.values.type!;
    if (!(NOTICE_TYPES as readonly string[]).includes(type)) {
      const near = NOTICE_TYPES.find((t) => t.startsWith(type.slice(0, 4).toLowerCase()));
      context.report({
        severity: 'warning',
        message: `notice: \`${type}\` is not a notice type; the callout has no colour of its own`,
        hint: `Use one of ${NOTICE_TYPES.map((t) => `\`${t}\``).join(', ')}${near ? ` (\`${near}\`?)` : ''}.`,
        offset: call.args[0]!.offset,
        length: type.length,
      });
    }
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
