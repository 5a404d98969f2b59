/**
 * The functions a Hugo template may call: Go's built-ins (comparison, `len`,
 * `index`, `print*`) and the Hugo functions docs templates use that need no
 * page (strings, collections, math, safe strings). Those that need the page
 * or the site (`markdownify`, `relURL`, `readFile`, `ref`) are added by the
 * shortcode loader (templates.ts). A template naming any other function is
 * an error naming it.
 */
import { SafeHTML, printValue, truth } from './values.ts';

export type Func = (...args: unknown[]) => unknown;

const str = (v: unknown): string => printValue(v);

function num(v: unknown, fn: string): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
  throw new Error(`${fn}: \`${printValue(v)}\` is not a number`);
}

function want(fn: string, args: unknown[], count: number): void {
  if (args.length !== count) throw new Error(`wrong number of args for ${fn}: want ${count} got ${args.length}`);
}

function basic(v: unknown): unknown {
  return v instanceof SafeHTML ? v.value : v === undefined ? null : v;
}

function equal(a: unknown, b: unknown): boolean {
  const x = basic(a);
  const y = basic(b);
  if (x === null || y === null) return x === y;
  if (typeof x !== typeof y) throw new Error(`incompatible types for comparison: ${typeof x} and ${typeof y}`);
  if (typeof x === 'object') throw new Error('non-comparable values');
  return x === y;
}

function compare(fn: string, a: unknown, b: unknown): number {
  const x = basic(a);
  const y = basic(b);
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  if (typeof x === 'string' && typeof y === 'string') return x < y ? -1 : x > y ? 1 : 0;
  throw new Error(`${fn}: incompatible types for comparison`);
}

function length(v: unknown): number {
  if (v === undefined || v === null) return 0;
  if (typeof v === 'string') return [...v].length;
  if (v instanceof SafeHTML) return [...v.value].length;
  if (Array.isArray(v)) return v.length;
  if (v instanceof Map) return v.size;
  if (typeof v === 'object') return Object.keys(v).length;
  throw new Error(`len of type ${typeof v}`);
}

function indexOf(collection: unknown, ...keys: unknown[]): unknown {
  let v = collection;
  for (const key of keys) {
    if (v === undefined || v === null) return undefined;
    if (Array.isArray(v) || typeof v === 'string') {
      const i = num(key, 'index');
      if (i < 0 || i >= v.length) throw new Error(`index out of range: ${i}`);
      v = v[i];
    } else if (v instanceof Map) {
      v = v.get(key);
    } else if (typeof v === 'object') {
      v = (v as Record<string, unknown>)[str(key)];
    } else {
      throw new Error(`can't index item of type ${typeof v}`);
    }
  }
  return v;
}

/** Go's fmt verbs the templates use: %s %v %d %f %q %t %x %%, with width and precision. */
export function sprintf(format: string, ...args: unknown[]): string {
  let n = 0;
  return format.replace(/%([-+ 0#]*)(\d+)?(?:\.(\d+))?([a-zA-Z%])/g, (whole, flags: string, width: string | undefined, precision: string | undefined, verb: string) => {
    if (verb === '%') return '%';
    if (n >= args.length) return `%!${verb}(MISSING)`;
    const arg = args[n++];
    let text: string;
    switch (verb) {
      case 's':
      case 'v':
        text = printValue(arg);
        if (precision !== undefined && verb === 's') text = text.slice(0, Number(precision));
        break;
      case 'd':
        text = typeof arg === 'number' ? String(Math.trunc(arg)) : `%!d(${typeof arg}=${printValue(arg)})`;
        break;
      case 'f':
        text = typeof arg === 'number' ? arg.toFixed(precision === undefined ? 6 : Number(precision)) : `%!f(${typeof arg}=${printValue(arg)})`;
        break;
      case 'q':
        text = JSON.stringify(printValue(arg));
        break;
      case 't':
        text = String(truth(arg));
        break;
      case 'x':
        text = typeof arg === 'number' ? arg.toString(16) : Buffer.from(printValue(arg)).toString('hex');
        break;
      default:
        return whole;
    }
    if (width !== undefined && text.length < Number(width)) {
      const pad = (flags.includes('0') && !flags.includes('-') ? '0' : ' ').repeat(Number(width) - text.length);
      text = flags.includes('-') ? text + pad : pad + text;
    }
    return text;
  });
}

/** Go's Sprint: spaces between operands when neither is a string. */
function sprint(...args: unknown[]): string {
  let out = '';
  args.forEach((a, i) => {
    if (i > 0 && typeof basic(a) !== 'string' && typeof basic(args[i - 1]) !== 'string') out += ' ';
    out += printValue(a);
  });
  return out;
}

/** Hugo's `urlize`: a path segment: spaces to `-`, lower case, other characters escaped. */
export function urlize(text: string): string {
  return encodeURI(
    text
      .trim()
      .replace(/\s+/g, '-')
      .replace(/[^\p{L}\p{N}\-._~/#%]/gu, '')
      .toLowerCase(),
  );
}

/** Hugo's `anchorize` (Goldmark's heading ids): lower case, spaces to `-`, punctuation dropped. */
export function anchorize(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

const unescapeHtml = (s: string): string =>
  s.replace(/&(amp|lt|gt|quot|#34|#39|#43|apos);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#34': '"', '#39': "'", '#43': '+', apos: "'" })[e]!);

const trimSet = (s: string, cutset: string, left: boolean, right: boolean): string => {
  let a = 0;
  let b = s.length;
  while (left && a < b && cutset.includes(s[a]!)) a++;
  while (right && b > a && cutset.includes(s[b - 1]!)) b--;
  return s.slice(a, b);
};

const asList = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

export const FUNCS: Record<string, Func> = {
  // Go's built-ins (`and`/`or` are evaluated lazily by exec.ts).
  and: (...a) => a.find((v) => !truth(v)) ?? a[a.length - 1],
  or: (...a) => a.find((v) => truth(v)) ?? a[a.length - 1],
  not: (...a) => (want('not', a, 1), !truth(a[0])),
  eq: (...a) => {
    if (a.length < 2) throw new Error('missing argument for comparison');
    return a.slice(1).some((b) => equal(a[0], b));
  },
  ne: (...a) => (want('ne', a, 2), !equal(a[0], a[1])),
  lt: (...a) => (want('lt', a, 2), compare('lt', a[0], a[1]) < 0),
  le: (...a) => (want('le', a, 2), compare('le', a[0], a[1]) <= 0),
  gt: (...a) => (want('gt', a, 2), compare('gt', a[0], a[1]) > 0),
  ge: (...a) => (want('ge', a, 2), compare('ge', a[0], a[1]) >= 0),
  len: (...a) => (want('len', a, 1), length(a[0])),
  index: (c, ...keys) => indexOf(c, ...keys),
  print: (...a) => sprint(...a),
  println: (...a) => `${a.map(printValue).join(' ')}\n`,
  printf: (f, ...a) => sprintf(str(f), ...a),
  html: (...a) => sprint(...a).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;' })[c]!),
  urlquery: (...a) => encodeURIComponent(sprint(...a)),
  // Hugo: strings.
  lower: (s) => str(s).toLowerCase(),
  upper: (s) => str(s).toUpperCase(),
  title: (s) => str(s).replace(/(^|[\s-])(\p{L})/gu, (_, p: string, c: string) => p + c.toUpperCase()),
  trim: (s, cutset) => trimSet(str(s), str(cutset), true, true),
  'strings.Trim': (s, cutset) => trimSet(str(s), str(cutset), true, true),
  'strings.TrimLeft': (cutset, s) => trimSet(str(s), str(cutset), true, false),
  'strings.TrimRight': (cutset, s) => trimSet(str(s), str(cutset), false, true),
  'strings.TrimSpace': (s) => str(s).trim(),
  'strings.TrimPrefix': (prefix, s) => (str(s).startsWith(str(prefix)) ? str(s).slice(str(prefix).length) : str(s)),
  'strings.TrimSuffix': (suffix, s) => (str(suffix) && str(s).endsWith(str(suffix)) ? str(s).slice(0, -str(suffix).length) : str(s)),
  chomp: (s) => str(s).replace(/\r?\n$/, ''),
  replace: (s, old, neu, limit) => {
    let count = limit === undefined ? Infinity : num(limit, 'replace');
    return str(s).split(str(old)).reduce((acc, part, i) => (i === 0 ? part : acc + (count-- > 0 ? str(neu) : str(old)) + part), '');
  },
  replaceRE: (pattern, neu, s) => str(s).replace(new RegExp(goRegex(str(pattern)), 'g'), str(neu).replace(/\$\{?(\d+)\}?/g, '$$$1')),
  findRE: (pattern, s, limit) => {
    const all = str(s).match(new RegExp(goRegex(str(pattern)), 'g')) ?? [];
    return limit === undefined || num(limit, 'findRE') < 0 ? all : all.slice(0, num(limit, 'findRE'));
  },
  split: (s, sep) => str(s).split(str(sep)),
  hasPrefix: (s, prefix) => str(s).startsWith(str(prefix)),
  hasSuffix: (s, suffix) => str(s).endsWith(str(suffix)),
  'strings.HasPrefix': (s, prefix) => str(s).startsWith(str(prefix)),
  'strings.HasSuffix': (s, suffix) => str(s).endsWith(str(suffix)),
  'strings.Contains': (s, sub) => str(s).includes(str(sub)),
  'strings.Repeat': (n, s) => str(s).repeat(num(n, 'strings.Repeat')),
  substr: (s, start, length) => {
    const chars = [...str(s)];
    const from = num(start, 'substr') < 0 ? chars.length + num(start, 'substr') : num(start, 'substr');
    return chars.slice(from, length === undefined ? undefined : from + num(length, 'substr')).join('');
  },
  urlize: (s) => urlize(str(s)),
  anchorize: (s) => anchorize(str(s)),
  plainify: (s) => unescapeHtml(str(s).replace(/<[^>]*>/g, '')),
  htmlUnescape: (s) => unescapeHtml(str(s)),
  htmlEscape: (s) => str(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;' })[c]!),
  string: (v) => str(v),
  safeHTML: (s) => new SafeHTML(str(s)),
  safeHTMLAttr: (s) => new SafeHTML(str(s)),
  safeURL: (s) => new SafeHTML(str(s)),
  safeJS: (s) => new SafeHTML(str(s)),
  safeCSS: (s) => new SafeHTML(str(s)),
  // Hugo: collections.
  default: (fallback, value) => (truth(value) ? value : fallback),
  cond: (c, a, b) => (truth(c) ? a : b),
  in: (set, item) => {
    if (typeof set === 'string' || set instanceof SafeHTML) return str(set).includes(str(item));
    return asList(set).some((v) => basic(v) === basic(item));
  },
  slice: (...a) => a,
  dict: (...a) => {
    if (a.length % 2) throw new Error('dict needs key and value pairs');
    const out: Record<string, unknown> = {};
    for (let i = 0; i < a.length; i += 2) out[str(a[i])] = a[i + 1];
    return out;
  },
  append: (...a) => {
    const to = asList(a[a.length - 1]);
    const items = a.slice(0, -1);
    return items.length === 1 && Array.isArray(items[0]) ? [...to, ...items[0]] : [...to, ...items];
  },
  first: (n, list) => asList(list).slice(0, num(n, 'first')),
  last: (n, list) => asList(list).slice(-num(n, 'last')),
  after: (n, list) => asList(list).slice(num(n, 'after')),
  delimit: (list, sep, lastSep) => {
    const items = asList(Array.isArray(list) || list === undefined || list === null ? list : Object.values(list as object)).map(printValue);
    if (lastSep !== undefined && items.length > 1) return `${items.slice(0, -1).join(str(sep))}${str(lastSep)}${items[items.length - 1]}`;
    return items.join(str(sep));
  },
  uniq: (list) => [...new Set(asList(list))],
  isset: (c, key) => {
    if (Array.isArray(c)) return num(key, 'isset') < c.length;
    return c !== null && typeof c === 'object' && Object.keys(c).some((k) => k.toLowerCase() === str(key).toLowerCase());
  },
  seq: (...a) => {
    const [from, step, to] = a.length === 1 ? [1, 1, num(a[0], 'seq')] : a.length === 2 ? [num(a[0], 'seq'), 1, num(a[1], 'seq')] : [num(a[0], 'seq'), num(a[1], 'seq'), num(a[2], 'seq')];
    const out: number[] = [];
    if (step === 0) return out;
    for (let i = from; step > 0 ? i <= to : i >= to; i += step) out.push(i);
    return out;
  },
  // Hugo: math and casts.
  add: (a, b) => (typeof basic(a) === 'string' && typeof basic(b) === 'string' ? str(a) + str(b) : num(a, 'add') + num(b, 'add')),
  sub: (a, b) => num(a, 'sub') - num(b, 'sub'),
  mul: (a, b) => num(a, 'mul') * num(b, 'mul'),
  div: (a, b) => {
    const d = num(b, 'div');
    if (d === 0) throw new Error('can\'t divide the value by 0');
    const q = num(a, 'div') / d;
    return Number.isInteger(num(a, 'div')) && Number.isInteger(d) ? Math.trunc(q) : q;
  },
  mod: (a, b) => num(a, 'mod') % num(b, 'mod'),
  int: (v) => Math.trunc(num(typeof v === 'string' ? v.replace(/^0+(?=\d)/, '') : v, 'int')),
  float: (v) => num(v, 'float'),
  'math.Max': (a, b) => Math.max(num(a, 'math.Max'), num(b, 'math.Max')),
  'math.Min': (a, b) => Math.min(num(a, 'math.Min'), num(b, 'math.Min')),
  jsonify: (v) => new SafeHTML(JSON.stringify(v ?? null)),
  // Hugo's `errorf` fails the build; `warnf` is left to the loader, which can report.
  errorf: (f, ...a) => {
    throw new Error(sprintf(str(f), ...a));
  },
  'path.Base': (p) => str(p).replace(/\/+$/, '').split('/').pop() ?? '',
  'path.Ext': (p) => /\.[^./]*$/.exec(str(p))?.[0] ?? '',
  'path.Join': (...a) => a.map(str).filter(Boolean).join('/').replace(/\/{2,}/g, '/'),
};


/** Go RE2 to JavaScript: the `(?s)`/`(?m)`/`(?i)` flags at the start are folded into the pattern. */
function goRegex(pattern: string): string {
  const flags = /^\(\?([ims]+)\)/.exec(pattern);
  if (!flags) return pattern;
  let body = pattern.slice(flags[0].length);
  if (flags[1]!.includes('s')) body = body.replace(/(^|[^\\])\./g, '$1[\\s\\S]');
  return body;
}
