/**
 * `{{< mermaid [align="center"] >}}graph LR; A-->B{{< /mermaid >}}`: a
 * diagram. The source is kept as text in `<pre class="mermaid"
 * data-needs="mermaid">` (readable without JavaScript); the site loads the
 * Mermaid renderer only on pages holding such a block.
 */
import { h } from 'hastscript';
import type { ShortcodeDefinition } from '../types.ts';
import { codeLines } from './code-text.ts';

export const mermaid: ShortcodeDefinition = {
  name: 'mermaid',
  inner: 'required',
  args: {
    named: {
      align: { values: ['left', 'center', 'right'], description: 'Horizontal placement of the diagram.' },
      class: { description: 'Extra CSS classes.' },
    },
  },
  render(call, context) {
    const { code } = codeLines(context.innerText());
    if (!code.trim()) {
      context.report({ message: 'mermaid: the diagram is empty', hint: 'Write the Mermaid source between {{< mermaid >}} and {{< /mermaid >}}.' });
      return undefined;
    }
    const className = ['mermaid', ...(call.values.class ?? '').split(/\s+/).filter(Boolean)];
    const props: Record<string, string | string[]> = { className, dataNeeds: 'mermaid' };
    if (call.values.align) props.dataAlign = call.values.align;
    return { type: 'hast', block: true, children: [h('pre', props, code)], text: code };
  },
};
