/**
 * Shiki's light and dark colours from one tokenization.
 *
 * Shiki's two-theme output (`themes: { light, dark }`) tokenizes a block once
 * per theme, though only the colours differ: the tokenizer's regular
 * expressions run twice. When the two themes have the same rules (the same
 * scopes in the same order, the same font styles, a colour in a rule of one
 * exactly where the other has one, no colour replacements), the rule that
 * colours a token is the same rule in both. So one theme made of those rules,
 * each coloured with a made-up colour that names its pair (light, dark), gives
 * every token both colours in one pass. github-light and github-dark are such
 * a pair (they are made from one template).
 *
 * The tokens are then made into what Shiki's two passes make: each token's
 * style by Shiki's own `flatTokenVariants`, whitespace merged as its
 * `codeToHast` merges it, laid out by its own `tokensToHast` with the same
 * options. The colours are written as Shiki writes them (its tokenizer's
 * colour map upper-cases them). Themes whose rules differ get undefined from
 * loadDualTheme: the caller keeps Shiki's two passes.
 */
import { flatTokenVariants, tokensToHast, type CodeToHastOptions, type Highlighter, type HighlighterGeneric, type ThemedToken, type ThemeRegistrationResolved } from 'shiki';
import type { Root } from 'hast';

export interface DualTheme {
  /** The two themes, as Shiki's two-theme options name them. */
  themes: Themes;
  /** The made-up theme, loaded in the highlighter. */
  name: string;
  /** The pair each made-up colour names (foregrounds and backgrounds): `#000001` is pairs[0]. */
  pairs: readonly (readonly [string | undefined, string | undefined])[];
  /** What Shiki's two-theme output puts on `<pre>`: its class and style. */
  themeName: string;
  fg: string;
  bg: string;
}

/** The two themes, by their names in the highlighter. */
type Themes = { light: string; dark: string };

const pairColor = (index: number) => `#${(index + 1).toString(16).padStart(6, '0')}`;

/** The colours of both themes in one made-up theme, loaded into `highlighter`; undefined when the two themes' rules differ (see above). */
export async function loadDualTheme(highlighter: Highlighter, themes: Themes): Promise<DualTheme | undefined> {
  const light = highlighter.getTheme(themes.light);
  const dark = highlighter.getTheme(themes.dark);
  const replaced = (theme: ThemeRegistrationResolved) => Object.keys(theme.colorReplacements ?? {}).length > 0;
  if (replaced(light) || replaced(dark) || light.settings.length !== dark.settings.length) return undefined;
  const pairs: [string | undefined, string | undefined][] = [];
  const colorOf = (l: string | undefined, d: string | undefined): string => {
    let index = pairs.findIndex(([a, b]) => a === l && b === d);
    if (index < 0) index = pairs.push([l, d]) - 1;
    return pairColor(index);
  };
  const settings: ThemeRegistrationResolved['settings'] = [];
  for (const [i, rule] of light.settings.entries()) {
    const other = dark.settings[i]!;
    const { foreground: lf, background: lb, ...lightRest } = rule.settings;
    const { foreground: df, background: db, ...darkRest } = other.settings;
    const same = JSON.stringify(rule.scope) === JSON.stringify(other.scope) && JSON.stringify(lightRest) === JSON.stringify(darkRest) && (lf === undefined) === (df === undefined) && (lb === undefined) === (db === undefined);
    if (!same) return undefined;
    // A background is not written per token, but where it changes, the tokenizer starts a new token: paired too, the tokens end where either theme's do.
    settings.push({ ...rule, settings: { ...rule.settings, ...(lf === undefined ? {} : { foreground: colorOf(lf, df) }), ...(lb === undefined ? {} : { background: colorOf(lb, db) }) } });
  }
  const name = `versioned-docs-dual-${light.name}-${dark.name}`;
  const fg = colorOf(light.fg, dark.fg);
  await highlighter.loadTheme({ ...light, name, settings, fg, colors: { ...light.colors, 'editor.foreground': fg } });
  const vars = (key: 'fg' | 'bg', suffix: string) => `--shiki-light${suffix}:${light[key] || 'inherit'};--shiki-dark${suffix}:${dark[key] || 'inherit'}`;
  return { themes, name, pairs, themeName: `shiki-themes ${light.name} ${dark.name}`, fg: vars('fg', ''), bg: vars('bg', '-bg') };
}

const WHITESPACE = /^\s+$/;

/**
 * Shiki's merge of whitespace-only tokens into the next one, as codeToHast does it for two themes
 * (its two-theme tokens carry no font style, so none is kept apart for an underline).
 */
function mergeWhitespace(tokens: ThemedToken[][]): ThemedToken[][] {
  return tokens.map((line) => {
    const out: ThemedToken[] = [];
    let carried = '';
    let offset: number | undefined;
    line.forEach((token, i) => {
      if (WHITESPACE.test(token.content) && line[i + 1]) {
        offset ??= token.offset;
        carried += token.content;
      } else if (carried) {
        out.push({ ...token, offset: offset!, content: carried + token.content });
        offset = undefined;
        carried = '';
      } else out.push(token);
    });
    return out;
  });
}

/**
 * What `highlighter.codeToHast(code, { ...options, themes, defaultColor: false })` makes, from one tokenization.
 * `options.lang` must be a language the highlighter has loaded, not plain text (Shiki does not tokenize that).
 */
export function dualToHast(bundled: Highlighter, dual: DualTheme, code: string, options: Omit<CodeToHastOptions, 'theme' | 'themes' | 'defaultColor'> & { lang: string }): Root {
  // The made-up theme is none of Shiki's bundled names.
  const highlighter = bundled as unknown as HighlighterGeneric<string, string>;
  const hastOptions = { ...options, themes: dual.themes, defaultColor: false as const, fg: dual.fg, bg: dual.bg, themeName: dual.themeName, rootStyle: `${dual.fg};${dual.bg}` };
  const context = { meta: {}, options: hastOptions, codeToHast: highlighter.codeToHast, codeToTokens: highlighter.codeToTokens };
  const transformers = options.transformers ?? [];
  // As codeToHast runs them: preprocess on the code, tokens on the merged tokens.
  let input = code;
  for (const transformer of transformers) input = transformer.preprocess?.call(context, input, hastOptions) || input;
  const base = highlighter.codeToTokensBase(input, { lang: options.lang, theme: dual.name, ...(options.tokenizeTimeLimit !== undefined ? { tokenizeTimeLimit: options.tokenizeTimeLimit } : {}) });
  let tokens = mergeWhitespace(
    base.map((line) =>
      line.map((token) => {
        const [light, dark] = (token.color && dual.pairs[parseInt(token.color.slice(1), 16) - 1]) || [];
        const variants = { light: { color: light?.toUpperCase(), fontStyle: token.fontStyle }, dark: { color: dark?.toUpperCase(), fontStyle: token.fontStyle } };
        return flatTokenVariants({ content: token.content, offset: token.offset, variants }, ['light', 'dark'], '--shiki-', false, 'css-vars');
      }),
    ),
  );
  const source = { ...context, source: input };
  for (const transformer of transformers) tokens = transformer.tokens?.call(source, tokens) || tokens;
  return tokensToHast(tokens, hastOptions, source) as Root;
}
