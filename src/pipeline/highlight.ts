/**
 * Code highlighting at build time with Shiki (the highlighter Astro ships),
 * light and dark themes at once as CSS variables. The highlighter is created
 * once per thread; highlighting itself is synchronous.
 */
import { createHighlighter, type Highlighter } from 'shiki';
import type { Element } from 'hast';

export const THEMES = { light: 'github-light', dark: 'github-dark' } as const;

/** Languages loaded up front: what docs of this kind use. Others render as plain text. */
export const LANGUAGES = [
  'bash', 'shellscript', 'shellsession', 'yaml', 'json', 'go', 'javascript', 'typescript', 'html', 'css',
  'toml', 'proto', 'diff', 'markdown', 'python', 'dockerfile', 'ini', 'xml', 'sql', 'rust', 'java',
] as const;

let shared: Promise<Highlighter> | undefined;

export function loadHighlighter(): Promise<Highlighter> {
  shared ??= createHighlighter({ themes: Object.values(THEMES), langs: [...LANGUAGES] });
  return shared;
}

export interface HighlightOptions {
  lineNumbers?: boolean;
  highlightLines?: number[];
}

/** `<pre class="shiki" data-language>` for the code, or a plain block when the language is unknown. */
export function highlightToHast(highlighter: Highlighter, code: string, lang: string | undefined, options: HighlightOptions = {}): Element {
  const loaded = lang && highlighter.getLoadedLanguages().includes(lang) ? lang : 'text';
  const highlighted = new Set(options.highlightLines ?? []);
  const root = highlighter.codeToHast(code, {
    lang: loaded,
    themes: THEMES,
    defaultColor: false,
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
  });
  return root.children[0] as Element;
}
