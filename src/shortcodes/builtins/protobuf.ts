/**
 * `{{% protobuf name="gloo.solo.io.Upstream" display="Upstream" %}}`: a link to
 * the API reference page of a protobuf message, looked up in the data file
 * `protobuf` (`data/protobuf.yaml`: message name → path from the docs root,
 * anchor allowed). `display` is Markdown (backticks work); it defaults to the
 * message's short name. An unknown name is an error.
 */
import type { ShortcodeDefinition } from '../types.ts';

export const PROTOBUF_DATA = 'protobuf';

export const protobuf: ShortcodeDefinition = {
  name: 'protobuf',
  inner: 'none',
  args: {
    named: {
      name: { required: true, description: 'The full message name, e.g. `gloo.solo.io.Upstream`.' },
      display: { description: 'The link text (Markdown); default: the short name.' },
    },
  },
  render(call, context) {
    const name = call.values.name!;
    const data = context.data(PROTOBUF_DATA);
    if (!data.ok) {
      context.report({ message: `protobuf: ${data.message}`, hint: `${data.hint} It maps message names to API reference paths: \`gloo.solo.io.Upstream: /reference/api/…/upstream.proto.sk/#upstream\`.` });
      return undefined;
    }
    const table = data.value && typeof data.value === 'object' ? (data.value as Record<string, unknown>) : {};
    const target = table[name];
    const nameArg = call.args.find((a) => a.name === 'name');
    if (typeof target !== 'string') {
      const short = name.split('.').pop()!;
      const near = Object.keys(table).filter((k) => k.split('.').pop() === short).slice(0, 3);
      context.report({
        message: `protobuf: no API reference page for \`${name}\` in ${data.file}`,
        hint: near.length ? `Did you mean ${near.map((k) => `\`${k}\``).join(', ')}?` : `Add \`${name}: /reference/api/…\` to ${data.file}, or fix the name.`,
        ...(nameArg ? { offset: nameArg.offset, length: `name="${name}"`.length } : {}),
      });
      return undefined;
    }
    const url = `${context.deferred('base')}${target.startsWith('/') ? '' : '/'}${target}`;
    const display = call.values.display ?? name.split('.').pop()!;
    return { type: 'markdown', value: `[${display}](<${url}>)` };
  },
};
