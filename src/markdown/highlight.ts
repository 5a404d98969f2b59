/**
 * Code highlighting at build time with Shiki (the highlighter Astro ships),
 * light and dark themes at once as CSS variables, from one tokenization
 * (src/markdown/shiki-dual.ts). The highlighter is created once per thread;
 * highlighting itself is synchronous.
 */
import { createHighlighter, type CodeToHastOptions, type Highlighter } from 'shiki';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import type { Element } from 'hast';
import { dualToHast, loadDualTheme, type DualTheme } from './shiki-dual.ts';

export const THEMES = { light: 'github-light', dark: 'github-dark' } as const;

/** Languages loaded up front: what docs of this kind use. Others render as plain text. */
export const LANGUAGES = [
  'bash', 'shellscript', 'shellsession', 'yaml', 'json', 'go', 'javascript', 'typescript', 'html', 'css',
  'toml', 'proto', 'diff', 'markdown', 'python', 'dockerfile', 'ini', 'xml', 'sql', 'rust', 'java',
] as const;

let shared: Promise<Highlighter> | undefined;
/** Each highlighter's one-pass theme pair, when its two themes allow one. */
const duals = new WeakMap<Highlighter, DualTheme>();

export function loadHighlighter(): Promise<Highlighter> {
  // Shiki's JavaScript regex engine: about twice as fast here as the Oniguruma WASM one, and every
  // language above is supported by it.
  shared ??= (async () => {
    const highlighter = await createHighlighter({ themes: Object.values(THEMES), langs: [...LANGUAGES], engine: createJavaScriptRegexEngine() });
    const dual = await loadDualTheme(highlighter, THEMES);
    if (dual) duals.set(highlighter, dual);
    return highlighter;
  })();
  return shared;
}

export interface HighlightOptions {
  lineNumbers?: boolean;
  highlightLines?: number[];
}

/** Highlighted blocks by language, options and code: docs repeat the same snippets across pages. */
const memo = new Map<string, Element>();
const MEMO_LIMIT = 5000;

/** `<pre class="shiki" data-language>` for the code, or a plain block when the language is unknown. */
export function highlightToHast(highlighter: Highlighter, code: string, lang: string | undefined, options: HighlightOptions = {}): Element {
  const key = `${lang ?? ''}\0${options.lineNumbers ? 1 : 0}\0${(options.highlightLines ?? []).join(',')}\0${code}`;
  let pre = memo.get(key);
  if (!pre) {
    pre = highlight(highlighter, code, lang, options);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, pre);
  }
  // A copy: the page it goes into owns it.
  return copyTree(pre);
}

/**
 * A deep copy of a highlighted block: plain objects, arrays, strings and numbers only, as Shiki builds it.
 * structuredClone did the same through V8's serializer at five times the cost (0.4 s per compile worker on
 * Gloo's four branches).
 */
function copyTree<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copyTree) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = copyTree((value as Record<string, unknown>)[key]);
  return out as T;
}

function highlight(highlighter: Highlighter, code: string, lang: string | undefined, options: HighlightOptions): Element {
  const loaded = loadedLanguage(highlighter, lang);
  const dual = loaded === 'text' ? undefined : duals.get(highlighter);
  if (!dual) return highlightTwoPasses(highlighter, code, lang, options);
  return dualToHast(highlighter, dual, code, highlightOptions(loaded, lang, options)).children[0] as Element;
}

/** Shiki's own two-theme output, a pass per theme: what highlight() makes in one where it can (the tests hold the two to the same bytes). */
export function highlightTwoPasses(highlighter: Highlighter, code: string, lang: string | undefined, options: HighlightOptions = {}): Element {
  const shikiOptions = highlightOptions(loadedLanguage(highlighter, lang), lang, options);
  return highlighter.codeToHast(code, { ...shikiOptions, themes: THEMES, defaultColor: false }).children[0] as Element;
}

/** The language Shiki highlights a block as: its own when loaded, else plain text. */
const loadedLanguage = (highlighter: Highlighter, lang: string | undefined) => (lang && highlighter.getLoadedLanguages().includes(lang) ? lang : 'text');

/** Shiki's options for a block but the themes: the language, no time limit, the transformers that mark up `<pre>` and lines. */
function highlightOptions(loaded: string, lang: string | undefined, options: HighlightOptions): Omit<CodeToHastOptions, 'theme' | 'themes' | 'defaultColor'> & { lang: string } {
  const highlighted = new Set(options.highlightLines ?? []);
  return {
    lang: loaded,
    // No wall-clock budget per line. Shiki's default (500 ms) silently gives up on a line that runs
    // over and emits the rest of it as one token in whatever scope it stopped in; the first line of
    // a language on a cold highlighter pays for compiling the grammar's regexes, so on a loaded
    // machine (worker threads, CI) the same block came out in different colours from run to run,
    // and, the two themes being tokenized one after the other, even differently in light and dark.
    // The colours must depend on the code alone.
    tokenizeTimeLimit: 0,
    transformers: [
      {
        pre(node) {
          node.properties.dataLanguage = lang ?? 'text';
          delete node.properties.tabindex;
          if (options.lineNumbers) node.properties.dataLineNumbers = true;
        },
        line(node, line) {
          if (highlighted.has(line)) this.addClassToHast(node, 'highlighted');
        },
      },
    ],
  };
}
