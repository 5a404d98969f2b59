/**
 * `{{< readfile file="static/content/x.md" markdown="true" >}}`: a file's text,
 * relative to the docs root. Version snippet files become the docs version's
 * value; `markdown="true"` renders Markdown (one paragraph sits inline).
 * A missing file is an error (Gloo's theme rendered it as empty text).
 */
import type { ShortcodeDefinition } from '../types.ts';

export const readfile: ShortcodeDefinition = {
  name: 'readfile',
  inner: 'none',
  args: {
    named: {
      file: { required: true, description: 'Path relative to the docs root.' },
      markdown: { values: ['true', 'false'], description: 'Render the file as Markdown.' },
    },
  },
  render(call, context) {
    const file = call.values.file!;
    const key = context.snippetKey(file);
    if (key) return { type: 'text', value: context.deferred(`v:${key}`) };
    const text = context.readFile(file, call.args.find((a) => a.name === 'file')!.offset);
    if (text === undefined) return undefined;
    return call.values.markdown === 'true' ? { type: 'markdown', value: text } : { type: 'html', value: text };
  },
};
