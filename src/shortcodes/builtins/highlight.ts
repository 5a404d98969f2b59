/**
 * `{{< highlight yaml "linenos=table,hl_lines=2 6-8,linenostart=10" >}}…{{< /highlight >}}`:
 * Hugo's built-in, highlighted at build time like fenced code. Options:
 * `linenos` (`table`, `inline`, `true` show numbers; `false` does not),
 * `hl_lines` (numbers and ranges, counted from `linenostart`), `linenostart`;
 * Hugo's other options (`style`, `anchorlinenos`, …) concern Chroma's HTML
 * and are accepted without effect. The inner code is de-indented; a first
 * line holding only spaces (`>}} ` then a newline) counts in `hl_lines` as in
 * Hugo, but is not shown. Hugo itself splits the options at commas only and
 * needs one `key=value` in each part; Hugo 0.111 prints nothing at all for a
 * block whose options it refuses (`hl_lines=5, 25`), later versions stop the
 * build: we read the options as meant and warn.
 */
import type { ShortcodeDefinition } from '../types.ts';
import { codeLines } from './code-text.ts';

const IGNORED = new Set(['style', 'anchorlinenos', 'lineanchors', 'linenumbersintable', 'noclasses', 'tabwidth', 'guesssyntax', 'hl_inline', 'codefences']);

export interface HighlightOptions {
  lineNumbers: boolean;
  /** Lines to highlight, 1-based from the first line of the code. */
  highlightLines: number[];
  lineStart: number;
}

/** Parses Hugo's option string; throws an Error whose message is the problem. */
export function parseHighlightOptions(text: string): HighlightOptions {
  const options: HighlightOptions = { lineNumbers: false, highlightLines: [], lineStart: 1 };
  let lines = '';
  // Hugo takes `a=1,b=2` and `a=1 b=2`; a word without `=` continues the previous value (`hl_lines=3 6-8`).
  const pairs: [string, string][] = [];
  for (const word of text.split(/[\s,]+/).filter(Boolean)) {
    const eq = word.indexOf('=');
    if (eq > 0) pairs.push([word.slice(0, eq).toLowerCase(), word.slice(eq + 1)]);
    else if (pairs.length && eq === -1) pairs[pairs.length - 1]![1] += ` ${word}`;
    else pairs.push([word.toLowerCase(), 'true']);
  }
  for (const [key, raw] of pairs) {
    const value = raw.trim().replace(/^["'[]+|["'\]]+$/g, '');
    if (key === 'linenos') {
      if (!['table', 'inline', 'true', 'false'].includes(value)) throw new Error(`\`linenos=${value}\`: use table, inline, true or false`);
      options.lineNumbers = value !== 'false';
    } else if (key === 'hl_lines') {
      lines = value;
    } else if (key === 'linenostart') {
      if (!/^\d+$/.test(value)) throw new Error(`\`linenostart=${value}\` is not a line number`);
      options.lineStart = Number(value);
    } else if (!IGNORED.has(key)) {
      throw new Error(`unknown option \`${key}\``);
    }
  }
  options.highlightLines = parseLineList(lines).map((n) => n - options.lineStart + 1).filter((n) => n >= 1);
  return options;
}

/** The first part of an option string Hugo refuses (it splits at commas; each part must be one `key=value`), or undefined. */
export function hugoRefusedOption(text: string): string | undefined {
  if (!text.trim()) return undefined;
  return text
    .split(',')
    .find((part) => part.split('=').length !== 2)
    ?.trim();
}

/** The options as Hugo takes them: a part without `=` joined to the one before with a space (`hl_lines=5, 25` → `hl_lines=5 25`). */
export function hugoOptions(text: string): string {
  const parts: string[] = [];
  for (const part of text.split(',')) {
    if (!part.includes('=') && parts.length) parts[parts.length - 1] += ` ${part.trim()}`;
    else parts.push(part.trim());
  }
  return parts.join(',');
}

/** `2 6-8` (also `2,6-8` or `"2" "6-8"`) → [2, 6, 7, 8]. */
export function parseLineList(text: string): number[] {
  const out: number[] = [];
  for (const item of text.split(/[\s,"'[\]]+/).filter(Boolean)) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(item);
    if (!m) throw new Error(`\`hl_lines\`: \`${item}\` is not a line number or range such as 9-11`);
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (to < from) throw new Error(`\`hl_lines\`: range \`${item}\` runs backwards`);
    for (let n = from; n <= to; n++) out.push(n);
  }
  return out;
}

export const highlight: ShortcodeDefinition = {
  name: 'highlight',
  inner: 'required',
  args: {
    positional: [
      { name: 'lang', required: true, description: 'The language, e.g. `yaml`.' },
      { name: 'options', description: 'Hugo options: `linenos=table,hl_lines=2 6-8,linenostart=1`.' },
    ],
  },
  render(call, context) {
    let options: HighlightOptions;
    try {
      options = parseHighlightOptions(call.values.options ?? '');
    } catch (e) {
      const arg = call.args[1];
      context.report({
        message: `highlight: ${(e as Error).message}`,
        hint: 'Options are comma-separated: "linenos=table,hl_lines=2 6-8,linenostart=1".',
        ...(arg ? { offset: arg.offset, length: arg.value.length + 2 } : {}),
      });
      return undefined;
    }
    const refused = hugoRefusedOption(call.values.options ?? '');
    if (refused !== undefined) {
      const arg = call.args[1];
      context.report({
        severity: 'warning',
        message: `highlight: Hugo reads the options "${call.values.options}" as comma-separated \`key=value\` parts and refuses \`${refused}\`: Hugo 0.111 drops this whole block (later versions stop), this site shows it as meant`,
        hint: `Separate line numbers with spaces, options with commas: "${hugoOptions(call.values.options ?? '')}".`,
        ...(arg ? { offset: arg.offset, length: arg.value.length + 2 } : {}),
      });
    }
    const { code, skipped } = codeLines(context.innerText());
    const pre = context.highlight(code, call.values.lang, {
      lineNumbers: options.lineNumbers,
      highlightLines: options.highlightLines.map((n) => n - skipped).filter((n) => n >= 1),
    });
    if (options.lineStart !== 1 && pre.type === 'element') pre.properties.dataLineStart = String(options.lineStart);
    return { type: 'hast', block: true, children: [pre], text: code };
  },
};
