/**
 * What a shortcode is to the generator: a name, an argument schema and a
 * function from a call to output. Built-in shortcodes (src/shortcodes/builtins/)
 * and a docs team's own (a folder named in the site config) share this shape.
 */
import type { ElementContent } from 'hast';
import type { Arg, Form } from './parse.ts';

export interface ArgSpec {
  required?: boolean;
  /** Allowed values; anything else is an error. */
  values?: readonly string[];
  description?: string;
}

export interface ArgSchema {
  /** Any other argument is taken as it is (no warning): for templates that read arguments by computed names. */
  rest?: boolean;
  /** Positional arguments, in order. */
  positional?: readonly (ArgSpec & { name: string })[];
  named?: Readonly<Record<string, ArgSpec>>;
}

/** A shortcode's output. Where it lands decides how it is used: inside code and attributes only its text counts. */
export type Output =
  /** Literal text. */
  | { type: 'text'; value: string }
  /** Markdown rendered in place: a single paragraph is unwrapped to sit inline. */
  | { type: 'markdown'; value: string }
  /** Raw HTML inserted as it is (writers' templates are trusted). */
  | { type: 'html'; value: string }
  /** Ready-made HAST: block content (notices, tabs) or inline content. */
  | { type: 'hast'; children: ElementContent[]; block: boolean; text: string };

export interface ShortcodeCall {
  name: string;
  form: Form;
  args: Arg[];
  /** Argument values by name, or by their schema name for positional ones. */
  values: Record<string, string>;
  /** The enclosing shortcode call, if any. */
  parent?: ShortcodeCall;
  /** Offset of the tag in the page source. */
  offset: number;
  /** Zero-based position among the shortcode calls of its parent (or of the page): Hugo's `.Ordinal`. */
  ordinal: number;
}

export interface DiagnosticInput {
  message: string;
  hint?: string;
  /** Offset into the page source; defaults to the call's tag. */
  offset?: number;
  length?: number;
  /** A warning: reported, but the page still builds (default: an error). */
  severity?: 'error' | 'warning';
  /** Reported once per build for this key (the first page, in page order), however many pages meet it. */
  once?: string;
}

/** A page of the site, as `children`, `ref` and the like see it (from front matter, before rendering). */
export interface PageInfo {
  /** Route inside a docs version, trailing slash, no leading slash: `operations/upgrading/`; `` for the home page. */
  route: string;
  /** Source path relative to the content folder, with `/`: `operations/upgrading/_index.md`. */
  path: string;
  title: string;
  linkTitle?: string;
  description: string;
  weight: number;
}

/** The site around the page being rendered. */
export interface SiteInfo {
  /** Every page of the content tree (drafts left out of production builds). */
  pages: readonly PageInfo[];
  /** The route of the page being rendered; undefined when it is rendered on its own, outside a content tree. */
  route: string | undefined;
  /** The source path of the page being rendered, relative to the content folder (undefined as for `route`). */
  path: string | undefined;
  /** Hugo's site parameters (`[params]` of the Hugo config, `params` of ours), keys lower-cased as Hugo does. */
  params: Readonly<Record<string, unknown>>;
}

/** A data file (`<data dir>/<name>.yaml|yml|json`, Hugo's `data/`), parsed. */
export type DataResult = { ok: true; value: unknown; file: string } | { ok: false; message: string; hint: string };

export interface ShortcodeContext {
  /** The page being rendered, relative to the project root. */
  file: string;
  /** The site's pages and this page's route. */
  site: SiteInfo;
  /** A data file by name (`ProtoMap` → `data/ProtoMap.yaml`), cached for the build. */
  data(name: string): DataResult;
  /** Front matter of the page. */
  frontMatter: Record<string, unknown>;
  /** Read a file relative to the docs root; reports and returns undefined when refused or missing. */
  readFile(path: string, argOffset: number): string | undefined;
  /** A version snippet key (`geoss_latest`) for a path, when the path names one. */
  snippetKey(path: string): string | undefined;
  /**
   * A placeholder for a value that differs per docs version (`v:geoss_latest`,
   * `base`), to embed in any output; filled in when the page is instantiated.
   */
  deferred(key: string): string;
  /** The inner content rendered as Markdown to HAST (empty without inner content). */
  renderInner(options?: { dedent?: boolean }): ElementContent[];
  /** The inner content as text (nested shortcodes resolved to their text). */
  innerText(): string;
  /** Markdown to HTML, as Hugo's `markdownify` (a single paragraph unwrapped). */
  markdownToHtml(markdown: string): string;
  /** Report a problem at the call (or at `offset`). */
  report(problem: DiagnosticInput): void;
  /** A page-unique id prefix for generated ids. */
  uniqueId(prefix: string): string;
  /** Highlight code to HAST (`<pre>`), shared with fenced code blocks. */
  highlight(code: string, lang: string | undefined, options?: { lineNumbers?: boolean; highlightLines?: number[] }): ElementContent;
}

export interface ShortcodeDefinition {
  name: string;
  /** Whether the shortcode wraps inner content (`{{< x >}}…{{< /x >}}`). */
  inner: 'none' | 'required' | 'optional';
  args: ArgSchema;
  /** Must be nested (at any depth) inside this shortcode, e.g. `tab` in `tabs`. */
  parent?: string;
  /** Returns the output, or undefined after reporting a problem. */
  render(call: ShortcodeCall, context: ShortcodeContext): Output | undefined;
}
