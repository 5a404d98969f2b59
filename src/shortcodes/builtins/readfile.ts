/**
 * `{{< readfile file="static/content/x.md" markdown="true" >}}`: a file's text,
 * found as Hugo's `readFile` finds it (the docs root, then the content folder;
 * a leading `/` starts from the content folder). Version snippet files become
 * the docs version's value; `markdown="true"` renders Markdown (one paragraph
 * sits inline). A missing file is an error, except a generated `*.docgen`
 * input, which is a warning (the Solo theme renders nothing for it).
 * `type="SECURITY_SCAN"`, as in the Solo theme: with the site parameter
 * `noSecurityScan` set, the file is not read and a line says it was skipped.
 */
import type { ShortcodeDefinition } from '../types.ts';
import { escapeHtml } from '../../util/escape.ts';

export const readfile: ShortcodeDefinition = {
  name: 'readfile',
  inner: 'none',
  args: {
    named: {
      file: { required: true, description: 'Path from the docs root (or, with a leading `/`, from the content folder).' },
      markdown: { values: ['true', 'false'], description: 'Render the file as Markdown.' },
      type: { description: '`SECURITY_SCAN`: skipped when the site parameter `noSecurityScan` is set.' },
    },
  },
  render(call, context) {
    const file = call.values.file!;
    if (call.values.type === 'SECURITY_SCAN' && isTrue(context.site.params.nosecurityscan)) {
      return { type: 'html', value: `skip reading security scan for file <em>${escapeHtml(file)}</em>\n<br/>` };
    }
    const key = context.snippetKey(file);
    if (key) return { type: 'text', value: context.deferred(`v:${key}`) };
    const text = context.readFile(file, call.args.find((a) => a.name === 'file')!.offset);
    if (text === undefined) return undefined;
    return call.values.markdown === 'true' ? { type: 'markdown', value: text } : { type: 'html', value: text };
  },
};

/** Go template truth: anything but false, 0, "" and nothing. */
function isTrue(value: unknown): boolean {
  return value !== undefined && value !== null && value !== false && value !== 0 && value !== '';
}

