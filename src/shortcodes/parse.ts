/**
 * The shortcode lexer: Hugo's `{{< name args >}}` / `{{% name args %}}`
 * tags in a source text, as a flat list of tags and text runs with offsets.
 * Turning the flat list into a tree needs to know which shortcodes take
 * inner content: that is `tree.ts`'s job.
 *
 * Runs in linear time: every scan resumes where the previous one stopped,
 * and the position of the next closing delimiter is cached, so a text of
 * 100,000 unclosed `{{<` costs one pass.
 */

export type Form = '<' | '%';

export interface Arg {
  /** Undefined for a positional argument. */
  name?: string;
  value: string;
  /** Offset of the argument in the source. */
  offset: number;
}

export interface Tag {
  kind: 'open' | 'close';
  name: string;
  form: Form;
  args: Arg[];
  /** `{{< name />}}` */
  selfClosing: boolean;
  start: number;
  end: number;
}

export interface Escaped {
  kind: 'escaped';
  /** The shortcode printed literally: `{{< name >}}`. */
  text: string;
  start: number;
  end: number;
}

export interface Text {
  kind: 'text';
  start: number;
  end: number;
}

export interface LexError {
  offset: number;
  length: number;
  message: string;
  hint: string;
}

export type Token = Tag | Escaped | Text;

export interface LexResult {
  tokens: Token[];
  errors: LexError[];
}

/** Problems listed per page: past this, one more entry says the rest were left out (100,000 stray `{{<` stay fast and readable). */
export const MAX_ERRORS = 1000;

/** Add a problem unless MAX_ERRORS are listed already; the first one over the limit becomes a note that more were left out. */
export function addError(errors: LexError[], error: LexError): void {
  if (errors.length < MAX_ERRORS) errors.push(error);
  else if (errors.length === MAX_ERRORS) {
    errors.push({
      offset: error.offset,
      length: error.length,
      message: `More than ${MAX_ERRORS} shortcode problems in this page; the rest are not listed`,
      hint: 'Fix the problems above first: one unclosed or stray tag often causes many.',
    });
  }
}

/** The closing delimiter's first character: `>` for `{{<`, `%` for `{{%`. */
export function closer(form: Form): string {
  return form === '<' ? '>' : '%';
}

/** A tag as written: tagText('<', '/tabs') is `{{< /tabs >}}`. */
export function tagText(form: Form, inner: string): string {
  return `{{${form} ${inner} ${closer(form)}}}`;
}

const NAME = /^[A-Za-z0-9_][A-Za-z0-9_./-]*$/;

/** Lazily finds the next occurrence of a needle at or after a position; linear overall. */
function finder(source: string, needle: string): (from: number) => number {
  let cached = -2;
  return (from) => {
    if (cached === -1) return -1;
    if (cached >= from) return cached;
    cached = source.indexOf(needle, from);
    return cached;
  };
}

export function lex(source: string): LexResult {
  const tokens: Token[] = [];
  const errors: LexError[] = [];
  const next = {
    open: finder(source, '{{'),
    '<': finder(source, '>}}'),
    '%': finder(source, '%}}'),
  };
  let pos = 0;
  let textStart = 0;

  const flushText = (end: number) => {
    if (end > textStart) tokens.push({ kind: 'text', start: textStart, end });
  };

  while (pos < source.length) {
    const open = next.open(pos);
    if (open === -1) break;
    const form = source[open + 2];
    if (form !== '<' && form !== '%') {
      pos = open + 2;
      continue;
    }
    const closeDelim = `${closer(form)}}}`;
    const closeAt = next[form](open + 3);
    const nextOpen = next.open(open + 2);
    if (closeAt === -1 || (nextOpen !== -1 && nextOpen < closeAt)) {
      addError(errors, {
        offset: open,
        length: 3,
        message: `Unterminated shortcode tag: \`{{${form}\` has no matching \`${closeDelim}\``,
        hint: `Close the tag with \`${closeDelim}\`, or write \`{{${form}/* … */${closer(form)}}}\` to print a shortcode literally.`,
      });
      pos = open + 3;
      continue;
    }
    const end = closeAt + 3;
    const inner = source.slice(open + 3, closeAt);
    flushText(open);
    textStart = end;
    pos = end;

    const escaped = /^\s*\/\*([\s\S]*)\*\/\s*$/.exec(inner);
    if (escaped) {
      tokens.push({ kind: 'escaped', text: `{{${form}${escaped[1]}${closer(form)}}}`, start: open, end });
      continue;
    }
    const tag = parseTag(inner, open + 3, form, open, end, errors);
    if (tag) tokens.push(tag);
  }
  flushText(source.length);
  return { tokens, errors };
}

/** Parse the inside of a tag: `/name`, `name a="b" c=d`, `name pos1 "pos 2" />`. */
function parseTag(
  inner: string,
  base: number,
  form: Form,
  start: number,
  end: number,
  errors: LexError[],
): Tag | undefined {
  let i = 0;
  const skip = () => {
    while (i < inner.length && /\s/.test(inner[i]!)) i++;
  };
  const unterminated = (at: number): undefined => {
    addError(errors, {
      offset: base + at,
      length: 1,
      message: `Unterminated quoted argument in shortcode \`${name}\``,
      hint: 'Close the value with the same quote it opened with (" or `).',
    });
    return undefined;
  };
  skip();
  let kind: Tag['kind'] = 'open';
  if (inner[i] === '/') {
    kind = 'close';
    i++;
    skip();
  }
  const nameStart = i;
  const trimmedLength = inner.trimEnd().length;
  while (i < inner.length && !/[\s=]/.test(inner[i]!) && !(inner[i] === '/' && i + 1 === trimmedLength)) i++;
  const name = inner.slice(nameStart, i);
  if (!NAME.test(name)) {
    addError(errors, {
      offset: base + nameStart,
      length: Math.max(name.length, 1),
      message: name ? `Invalid shortcode name \`${name}\`` : 'A shortcode tag without a name',
      hint: 'A shortcode starts with its name: `{{< name arg="value" >}}`.',
    });
    return undefined;
  }

  const args: Arg[] = [];
  let selfClosing = false;
  for (;;) {
    skip();
    if (i >= inner.length) break;
    if (inner[i] === '/' && inner.slice(i + 1).trim() === '') {
      selfClosing = true;
      break;
    }
    const argStart = i;
    const first = readValue(inner, i);
    if (!first) return unterminated(i);
    i = first.end;
    if (inner[i] === '=' && !first.quoted) {
      i++;
      const value = readValue(inner, i);
      if (!value) return unterminated(i);
      if (value.end === i) {
        addError(errors, {
          offset: base + i,
          length: 1,
          message: `Argument \`${first.value}\` of shortcode \`${name}\` has no value`,
          hint: `Write ${first.value}="value".`,
        });
        return undefined;
      }
      i = value.end;
      args.push({ name: first.value, value: value.value, offset: base + argStart });
    } else {
      args.push({ value: first.value, offset: base + argStart });
    }
  }

  const named = args.filter((a) => a.name !== undefined).length;
  if (named > 0 && named < args.length) {
    const firstPositional = args.find((a) => a.name === undefined)!;
    addError(errors, {
      offset: firstPositional.offset,
      length: firstPositional.value.length || 1,
      message: `Shortcode \`${name}\` mixes named and positional arguments`,
      hint: 'Hugo takes either all named (`a="x" b="y"`) or all positional (`x y`) arguments.',
    });
    return undefined;
  }
  if (kind === 'close' && (args.length > 0 || selfClosing)) {
    addError(errors, {
      offset: start,
      length: end - start,
      message: `Closing tag \`/${name}\` takes no arguments`,
      hint: `Write ${tagText(form, `/${name}`)}.`,
    });
  }
  return { kind, name, form, args, selfClosing, start, end };
}

/** Read a quoted ("…" with backslash escapes), raw (`…`) or bare value. */
function readValue(
  text: string,
  i: number,
): { value: string; end: number; quoted: boolean } | undefined {
  const quote = text[i];
  if (quote === '"') {
    let value = '';
    for (let j = i + 1; j < text.length; j++) {
      const c = text[j]!;
      if (c === '\\' && j + 1 < text.length) {
        value += text[++j];
      } else if (c === '"') {
        return { value, end: j + 1, quoted: true };
      } else {
        value += c;
      }
    }
    return undefined;
  }
  if (quote === '`') {
    const close = text.indexOf('`', i + 1);
    if (close === -1) return undefined;
    return { value: text.slice(i + 1, close), end: close + 1, quoted: true };
  }
  let j = i;
  while (j < text.length && !/[\s=]/.test(text[j]!)) j++;
  return { value: text.slice(i, j), end: j, quoted: false };
}
