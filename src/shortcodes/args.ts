/**
 * Checks a call's arguments against its definition's schema and binds them
 * to names: missing required arguments and values outside the allowed set
 * are errors. An argument the shortcode does not read (an unknown name, one
 * positional argument too many) is a warning: Hugo ignores it too, so a tree
 * that built with Hugo still builds.
 */
import { tagText, type Tag } from './parse.ts';
import type { DiagnosticInput, ShortcodeDefinition } from './types.ts';

export function bindArgs(tag: Tag, definition: ShortcodeDefinition): { values: Record<string, string>; problems: DiagnosticInput[] } {
  const values: Record<string, string> = {};
  const problems: DiagnosticInput[] = [];
  const { positional = [], named = {} } = definition.args;
  const usage = usageOf(tag.form, definition);
  const isNamed = tag.args.some((a) => a.name !== undefined);

  if (isNamed) {
    for (const arg of tag.args) {
      const spec = named[arg.name!];
      if (!spec && definition.args.rest) {
        values[arg.name!] = arg.value;
        continue;
      }
      if (!spec) {
        const known = Object.keys(named);
        problems.push({
          severity: 'warning',
          message: `Shortcode \`${definition.name}\` has no argument \`${arg.name}\`; it is ignored, as Hugo ignores it`,
          hint: known.length ? `It takes ${known.map((k) => `\`${k}\``).join(', ')}: ${usage}` : `It takes no named arguments: ${usage}`,
          offset: arg.offset,
          length: arg.name!.length,
        });
        continue;
      }
      values[arg.name!] = arg.value;
    }
  } else {
    tag.args.forEach((arg, i) => {
      const spec = positional[i];
      if (!spec && definition.args.rest) {
        values[String(i)] = arg.value;
        return;
      }
      if (!spec) {
        problems.push({
          severity: 'warning',
          message: `Shortcode \`${definition.name}\` takes ${positional.length ? `at most ${positional.length} positional argument(s)` : 'no positional arguments'}; \`${arg.value}\` is one too many and is ignored`,
          hint: usage,
          offset: arg.offset,
          length: arg.value.length || 1,
        });
        return;
      }
      values[spec.name] = arg.value;
    });
  }

  // A positional argument may also be written by name (`alert "warning"` or `alert theme="warning"`): one value, checked once.
  const specs: [string, { required?: boolean; values?: readonly string[] }][] = [
    ...positional.map((p) => [p.name, p] as [string, typeof p]),
    ...Object.entries(named).filter(([name]) => !positional.some((p) => p.name === name)),
  ];
  for (const [name, spec] of specs) {
    const value = values[name];
    if (value === undefined) {
      if (spec.required) {
        problems.push({ message: `Shortcode \`${definition.name}\` needs the argument \`${name}\``, hint: usage });
      }
      continue;
    }
    if (spec.values && !spec.values.includes(value)) {
      const arg = tag.args.find((a) => a.value === value && (a.name === undefined || a.name === name));
      problems.push({
        message: `Shortcode \`${definition.name}\`: \`${value}\` is not a valid value for \`${name}\``,
        hint: `Use one of ${spec.values.map((v) => `\`${v}\``).join(', ')}.`,
        ...(arg ? { offset: arg.offset, length: arg.value.length || 1 } : {}),
      });
    }
  }
  return { values, problems };
}

/** An example call built from the schema, for hints. */
export function usageOf(form: '<' | '%', definition: ShortcodeDefinition): string {
  const { positional = [], named = {} } = definition.args;
  const parts = positional.length
    ? positional.map((p) => (p.values ? p.values.join('|') : p.name) + (p.required ? '' : '?'))
    : Object.entries(named).map(([k, s]) => `${k}="${s.values ? s.values.join('|') : '…'}"${s.required ? '' : '?'}`);
  const open = tagText(form, [definition.name, ...parts].join(' '));
  return definition.inner === 'none' ? open : `${open}…${tagText(form, `/${definition.name}`)}`;
}
