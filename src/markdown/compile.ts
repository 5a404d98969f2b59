/**
 * Compiles one page once for all docs versions: front matter, shortcodes
 * expanded to tokens, Markdown parsed, tokens resolved, code highlighted,
 * heading ids and links collected. What differs per version (snippet values,
 * the version's base path, change lists, ids of headings that hold them)
 * stays as deferred characters that `instantiate.ts` fills in.
 */
import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { eachElement } from '../util/hast-walk.ts';
import type { Highlighter } from 'shiki';
import { error, excerpt, position, warning, type Diagnostic } from '../util/diagnostics.ts';
import { excessiveNesting } from './limits.ts';
import { bindArgs } from '../shortcodes/args.ts';
import type { Registry } from '../shortcodes/registry.ts';
import { parseShortcodes, type CallNode, type ShortcodeNode } from '../shortcodes/tree.ts';
import type { DiagnosticInput, Output, ShortcodeCall, ShortcodeContext } from '../shortcodes/types.ts';
import { insertChangeSlots, type ChangeSlot } from './change-slots.ts';
import type { DataFiles } from './data-files.ts';
import type { DocsRoot } from './docs-root.ts';
import { parseFrontMatter } from './front-matter.ts';
import { atxSource, collectHeadings, type CompiledHeading } from './headings.ts';
import { highlightCodeBlocks } from './highlight-code.ts';
import { highlightToHast } from './highlight.ts';
import { collectLinks, type CompiledLink } from './links.ts';
import { rewriteLocalLinks } from './local-links.ts';
import { markdownToHast } from './markdown.ts';
import { resolveTokens } from './resolve.ts';
import { DEFERRED_PATTERN, deferredChar, deferredIndex, escapeLiterals, LITERAL_PREFIX, MAX_DEFERRED, NOWRAP_PREFIX, token } from './sentinels.ts';
import { enhanceArticle, nowrapClass } from '../util/article-tree.ts';
import { LAYOUT_ID_PREFIX } from '../util/layout-ids.ts';
import { SNIPPET_DIR } from './snippets.ts';
import type { SiteIndex } from './site-index.ts';
import { LineIndex, SourceMapBuilder, commonIndent, type SourceMap } from './sourcemap.ts';

export interface CompileEnv {
  registry: Registry;
  root: DocsRoot;
  highlighter: Highlighter;
  /** Snippet keys with per-version values: `static/content/version_<key>.md` reads become those values. */
  snippetKeys: ReadonlySet<string>;
  /** Labels in the guide under which change lists are filled in. */
  changeSlots?: readonly ChangeSlot[];
  /** The content tree's pages (for `children`, `ref`, relative links); absent when a page is rendered on its own. */
  site?: SiteIndex;
  /** Data files (Hugo's `data/`), for shortcodes such as `protobuf`. */
  data?: DataFiles;
  /** Hugo's site parameters, keys lower-cased (`.Site.Params`). */
  siteParams?: Readonly<Record<string, unknown>>;
}

export interface CompiledPage {
  file: string;
  frontMatter: Record<string, unknown>;
  html: string;
  /** Deferred keys by index: `base`, `v:geoss_latest`, `h:3`, `html:changes:helm.new`. */
  deferred: string[];
  /** First use of each deferred key, as a file offset. */
  deferredOffsets: number[];
  headings: CompiledHeading[];
  links: CompiledLink[];
  /** Offsets where the file's lines start (see positionIn). */
  lineStarts: number[];
  /** Files of the content tree the page links to, to publish with it. */
  files: string[];
  /** Files read by `readfile`, relative to the docs root. */
  reads: string[];
  diagnostics: Diagnostic[];
}

/** Inputs a docs team's build generates (Gloo's `*.docgen`): absent from a plain clone. */
const GENERATED = /\.docgen$/;
const SNIPPET = new RegExp(`^(?:\\.?/)?${SNIPPET_DIR.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/version_(.+)\\.md$`);
const BLOCK_TAGS = new Set(['address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'ul']);

export function compilePage(file: string, raw: string, env: CompileEnv): CompiledPage {
  // Hostile nesting (thousands of `>` or list levels) would take minutes or overflow the stack: refuse it at its line.
  const deep = excessiveNesting(raw);
  if (deep) {
    const page = new PageCompiler(file, '', env).compile();
    const at = position(raw, deep.offset);
    const end = raw.indexOf('\n', deep.offset);
    page.diagnostics.push(
      error(file, at.line, at.column, deep.message, {
        excerpt: excerpt(raw.slice(deep.offset, end === -1 ? undefined : end)),
        hint: 'Flatten the nesting or split the block; the page is not rendered until then.',
      }),
    );
    return page;
  }
  try {
    return new PageCompiler(file, raw, env).compile();
  } catch (e) {
    if (e instanceof DeferredLimit) {
      const page = new PageCompiler(file, '', env).compile();
      const at = position(raw, e.offset);
      const end = raw.indexOf('\n', e.offset);
      const what = e.key.startsWith('h:') ? 'heading' : 'per-version value';
      page.diagnostics.push(
        error(file, at.line, at.column, `This ${what} is one too many: a page holds at most ${MAX_DEFERRED} headings and per-version values (version numbers, links to the docs base, change lists)`, {
          excerpt: excerpt(raw.slice(e.offset, end === -1 ? undefined : end)),
          hint: `Each one is carried through Markdown as one of ${MAX_DEFERRED} private-use characters and filled in per docs version; split the page.`,
        }),
      );
      return page;
    }
    if (!(e instanceof RangeError)) throw e;
    const page = new PageCompiler(file, '', env).compile();
    page.diagnostics.push(error(file, 1, 1, `The page cannot be rendered: ${e.message}`, { hint: 'Reduce the nesting of block quotes, lists or shortcodes.' }));
    return page;
  }
}

/** A page needs more deferred values than there are characters for them (see sentinels.ts). */
class DeferredLimit extends Error {
  readonly offset: number;
  readonly key: string;
  constructor(offset: number, key: string) {
    super(`more than ${MAX_DEFERRED} deferred values`);
    this.offset = offset;
    this.key = key;
  }
}

class PageCompiler {
  readonly #file: string;
  readonly #raw: string;
  readonly #env: CompileEnv;
  readonly #lines: LineIndex;
  readonly #diagnostics: Diagnostic[] = [];
  readonly #outputs: (Output | undefined)[] = [];
  readonly #outputOffsets: number[] = [];
  readonly #callOutputs = new Map<CallNode, Output | undefined>();
  readonly #deferred: string[] = [];
  readonly #deferredIndex = new Map<string, number>();
  readonly #deferredOffsets: number[] = [];
  readonly #ids = new Map<string, number>();
  /** Files of the content tree this page links to (published with it). */
  readonly #files = new Set<string>();
  /** Files `readfile` read, relative to the docs root (what the page depends on). */
  readonly #reads = new Set<string>();
  #body = '';
  #bodyOffset = 0;
  #frontMatter: Record<string, unknown> = {};

  constructor(file: string, raw: string, env: CompileEnv) {
    this.#file = file;
    this.#raw = raw;
    this.#env = env;
    this.#lines = new LineIndex(raw);
  }

  compile(): CompiledPage {
    const { frontMatter, diagnostics } = parseFrontMatter(this.#file, this.#raw);
    this.#diagnostics.push(...diagnostics);
    this.#frontMatter = frontMatter.data;
    this.#bodyOffset = frontMatter.bodyOffset;
    // A character of the placeholders' planes already in the page stands for itself (src/markdown/sentinels.ts).
    this.#body = escapeLiterals(frontMatter.body, (key) => this.#defer(key, 0));

    const { registry } = this.#env;
    const parsed = parseShortcodes(this.#body, (name) => registry.get(name), registry.unknownHint());
    for (const e of parsed.errors) this.#report({ message: e.message, hint: e.hint, offset: e.offset, length: e.length });

    const { text, map } = this.#expand(parsed.nodes, 0, undefined);
    const tree: Root = { type: 'root', children: this.#renderMarkdown(text, map) as Root['children'] };
    highlightCodeBlocks(tree, this.#env.highlighter);
    this.#rewriteLocalLinks(tree);
    const headings = collectHeadings(
      tree,
      (node) => this.#offsetOf(node),
      (i, offset) => this.#defer(`h:${i}`, offset - this.#bodyOffset),
      (node) => atxSource(this.#raw, this.#nodeOffset(node)),
    );
    this.#checkDuplicateIds(headings);
    if (this.#env.changeSlots) insertChangeSlots(tree, this.#env.changeSlots, (key) => this.#defer(`html:changes:${key}`, 0));
    const links = collectLinks(tree, this.#bodyOffset);
    enhanceArticle(tree, { inlineCodeClass: (text) => this.#inlineCodeClass(text) });

    return {
      file: this.#file,
      frontMatter: this.#frontMatter,
      html: toHtml(tree, { allowDangerousHtml: true }),
      deferred: this.#deferred,
      deferredOffsets: this.#deferredOffsets,
      headings,
      links,
      lineStarts: this.#lines.starts,
      files: [...this.#files].sort(),
      reads: [...this.#reads].sort(),
      diagnostics: this.#diagnostics,
    };
  }

  /** Shortcode nodes to Markdown with tokens, and a map back to body offsets. */
  #expand(nodes: readonly ShortcodeNode[], dedent: number, parent: ShortcodeCall | undefined): { text: string; map: SourceMap } {
    const builder = new SourceMapBuilder(this.#body, dedent);
    for (const node of nodes) {
      if (node.kind === 'text') builder.copy(node.start, node.end);
      else if (node.kind === 'escaped') builder.generate(this.#token({ type: 'text', value: node.text }, node.start), node.start);
      else builder.generate(this.#token(this.#callOutput(node, parent), node.tag.start), node.tag.start);
    }
    return builder.finish();
  }

  #token(output: Output | undefined, offset: number): string {
    this.#outputs.push(output);
    this.#outputOffsets.push(offset);
    return token(this.#outputs.length - 1);
  }

  #callOutput(node: CallNode, parent: ShortcodeCall | undefined): Output | undefined {
    if (this.#callOutputs.has(node)) return this.#callOutputs.get(node);
    let output: Output | undefined;
    const definition = node.definition;
    if (definition) {
      const { values, problems } = bindArgs(node.tag, definition);
      const call: ShortcodeCall = { name: node.tag.name, form: node.tag.form, args: node.tag.args, values, offset: node.tag.start, ordinal: node.ordinal };
      if (parent) call.parent = parent;
      for (const p of problems) this.#report({ offset: node.tag.start, length: node.tag.end - node.tag.start, ...p });
      if (definition.parent && !hasAncestor(parent, definition.parent)) {
        this.#report({
          message: `\`${definition.name}\` must be inside \`${definition.parent}\``,
          hint: `Wrap it: {{< ${definition.parent} >}}…{{< /${definition.parent} >}}.`,
          offset: node.tag.start,
          length: node.tag.end - node.tag.start,
        });
      } else if (!problems.some((p) => p.severity !== 'warning')) {
        try {
          output = definition.render(call, this.#context(node, call));
        } catch (e) {
          this.#report({
            message: `Shortcode \`${definition.name}\` failed: ${(e as Error).message}`,
            hint: 'Check the shortcode module and the arguments given to it.',
            offset: node.tag.start,
          });
        }
      }
    }
    this.#callOutputs.set(node, output);
    return output;
  }

  #context(node: CallNode, call: ShortcodeCall): ShortcodeContext {
    const env = this.#env;
    const site = env.site;
    return {
      file: this.#file,
      frontMatter: this.#frontMatter,
      // `pages` is read only by the shortcodes that list or look up pages (a compile that never does depends on no other page).
      site: {
        get pages() {
          return site?.pages ?? [];
        },
        route: site?.pageOf(this.#file)?.route,
        path: site?.pageOf(this.#file)?.path,
        params: env.siteParams ?? {},
      },
      data: (name) => env.data?.get(name) ?? { ok: false, message: `No data folder for data file \`${name}\``, hint: 'Name one in the site config: `data: "data"`.' },
      readFile: (path, argOffset) => {
        const result = env.root.read(path);
        this.#reads.add(path);
        if (result.ok) return escapeLiterals(result.text, (key) => this.#defer(key, argOffset));
        if (result.missing && GENERATED.test(path)) {
          // Made by the docs team's build (Gloo's Makefile, with network access); Hugo renders nothing without it.
          this.#report({
            severity: 'warning',
            once: `generated:${path.replace(/^\/+/, '')}`,
            message: `readfile: generated file \`${path}\` is missing; the pages that read it show nothing in its place`,
            hint: `Looked for ${result.missing.looked.join(' and ')}. Generate it with the docs team's build (e.g. \`make\` in the docs folder) before building, if the pages should show it.`,
            offset: argOffset,
          });
          return '';
        }
        this.#report({ message: result.message, hint: result.hint, offset: argOffset });
        return undefined;
      },
      snippetKey: (path) => {
        const key = SNIPPET.exec(path)?.[1];
        return key && env.snippetKeys.has(key) ? key : undefined;
      },
      deferred: (key) => this.#defer(key, node.tag.start),
      renderInner: (options = {}) => {
        if (!node.children.length) return [];
        const indent = options.dedent ? commonIndent(this.#body.slice(node.innerStart, node.innerEnd)) : 0;
        const { text, map } = this.#expand(node.children, indent, call);
        return this.#renderMarkdown(text, map);
      },
      innerText: () =>
        node.children
          .map((c) => (c.kind === 'text' ? this.#body.slice(c.start, c.end) : c.kind === 'escaped' ? c.text : textOf(this.#callOutput(c, call))))
          .join(''),
      markdownToHtml: (markdown) => {
        // Hugo's markdownify: a lone paragraph loses its <p>.
        const content = significant(markdownToHast(markdown).children as ElementContent[]);
        return toHtml(loneParagraph(content)?.children ?? content, { allowDangerousHtml: true });
      },
      report: (problem) => this.#report({ offset: node.tag.start, length: node.tag.end - node.tag.start, ...problem }),
      uniqueId: (prefix) => {
        const n = (this.#ids.get(prefix) ?? 0) + 1;
        this.#ids.set(prefix, n);
        return `${prefix}-${n}`;
      },
      highlight: (code, lang, options) => highlightToHast(env.highlighter, code, lang, options),
    };
  }

  /** Markdown (with tokens) to HAST content: positions mapped to the file, tokens resolved. */
  #renderMarkdown(text: string, map: SourceMap): ElementContent[] {
    const tree = markdownToHast(text);
    annotate(tree, (offset) => this.#bodyOffset + map.toSource(offset));
    resolveTokens(tree, {
      text: (n) => textOf(this.#outputs[n]),
      flow: (n) => this.#flow(n),
    });
    return tree.children as ElementContent[];
  }

  #flow(n: number): { nodes: ElementContent[]; block: boolean } {
    const output = this.#outputs[n];
    const offset = this.#bodyOffset + this.#outputOffsets[n]!;
    if (!output) return { nodes: [], block: false };
    switch (output.type) {
      case 'text':
        return { nodes: [{ type: 'text', value: output.value }], block: false };
      case 'hast':
        return { nodes: output.children, block: output.block };
      case 'markdown': {
        const tree = markdownToHast(output.value);
        annotate(tree, () => offset);
        // Per-version values in link destinations come back percent-encoded: decode them.
        resolveTokens(tree, { text: (m) => textOf(this.#outputs[m]), flow: (m) => this.#flow(m) });
        const content = significant(tree.children as ElementContent[]);
        const only = loneParagraph(content);
        if (only) return { nodes: only.children, block: false };
        return { nodes: content, block: content.some((c) => c.type === 'element' && BLOCK_TAGS.has(c.tagName)) };
      }
      case 'html': {
        const nodes = fromHtml(output.value, { fragment: true }).children as ElementContent[];
        annotate({ type: 'root', children: nodes } as Root, () => offset);
        return { nodes, block: nodes.some((c) => c.type === 'element' && BLOCK_TAGS.has(c.tagName)) };
      }
    }
  }

  /** Relative links and images to files of the content tree: rewritten to where the build publishes them. */
  #rewriteLocalLinks(tree: Root): void {
    const site = this.#env.site;
    const page = site?.pageOf(this.#file);
    if (!site || !page) return;
    rewriteLocalLinks(tree, {
      resolve: (target) => {
        const found = site.resolve(page, target);
        if (found?.kind === 'file') this.#files.add(found.path);
        return found && `${this.#defer('base', 0)}/${found.path}`;
      },
      missing: (element, target) => {
        const offset = (this.#nodeOffset(element) ?? this.#bodyOffset) - this.#bodyOffset;
        this.#report({
          message: `\`${target}\` is not a file of the content tree`,
          hint: `Put the file next to the page (${page.path}) or fix the path; relative paths start from the page's folder.`,
          offset,
        });
      },
    });
  }

  #checkDuplicateIds(headings: readonly CompiledHeading[]): void {
    const seen = new Map<string, CompiledHeading>();
    for (const h of headings) {
      if (!h.explicitId) continue;
      if (h.explicitId.startsWith(LAYOUT_ID_PREFIX)) {
        this.#report({
          message: `The id \`${h.explicitId}\` starts with \`${LAYOUT_ID_PREFIX}\`, which only the layout's own ids use`,
          hint: `Choose an id without the \`${LAYOUT_ID_PREFIX}\` prefix.`,
          offset: h.offset - this.#bodyOffset,
        });
        continue;
      }
      const first = seen.get(h.explicitId);
      if (first) {
        const at = this.#lines.position(first.offset);
        this.#report({
          message: `Two headings have the id \`${h.explicitId}\` (the first is on line ${at.line})`,
          hint: 'Heading ids must be unique in a page: rename one `{#…}`.',
          offset: h.offset - this.#bodyOffset,
        });
      } else {
        seen.set(h.explicitId, h);
      }
    }
  }

  /**
   * The class of short inline code: decided now, unless its text holds a per-version value (its
   * length is known per version only): then a placeholder that instantiate fills with the class.
   */
  #inlineCodeClass(text: string): string | undefined {
    const perVersion = [...text.matchAll(DEFERRED_PATTERN)].some((m) => !this.#deferred[deferredIndex(m[0])]!.startsWith(LITERAL_PREFIX));
    return perVersion ? this.#defer(`${NOWRAP_PREFIX}${text}`, 0) : nowrapClass(text);
  }

  #defer(key: string, bodyOffset: number): string {
    let index = this.#deferredIndex.get(key);
    if (index === undefined && this.#deferred.length >= MAX_DEFERRED) throw new DeferredLimit(this.#bodyOffset + bodyOffset, key);
    if (index === undefined) {
      index = this.#deferred.push(key) - 1;
      this.#deferredIndex.set(key, index);
      this.#deferredOffsets.push(this.#bodyOffset + bodyOffset);
    }
    return deferredChar(index);
  }

  #nodeOffset(node: Element): number | undefined {
    return (node.data as { src?: number } | undefined)?.src;
  }

  #offsetOf(node: Element): number {
    return this.#nodeOffset(node) ?? this.#bodyOffset;
  }

  /** A problem at a body offset. */
  #report(problem: DiagnosticInput): void {
    const offset = this.#bodyOffset + (problem.offset ?? 0);
    const { line, column } = this.#lines.position(offset);
    const text = this.#raw.slice(offset, offset + Math.max(problem.length ?? 0, 1));
    const extra: { excerpt?: string; hint?: string; once?: string } = { excerpt: excerpt(problem.length ? text : this.#lineAt(offset)) };
    if (problem.hint) extra.hint = problem.hint;
    if (problem.once !== undefined) extra.once = problem.once;
    if (problem.once !== undefined && this.#diagnostics.some((d) => d.once === problem.once)) return;
    this.#diagnostics.push((problem.severity === 'warning' ? warning : error)(this.#file, line, column, problem.message, extra));
  }

  #lineAt(offset: number): string {
    const start = this.#raw.lastIndexOf('\n', offset - 1) + 1;
    const end = this.#raw.indexOf('\n', offset);
    return this.#raw.slice(start, end === -1 ? undefined : end).trim();
  }
}

/** Already highlighted by a shortcode (Shiki's HAST names the class `class`, as a string). */

function hasAncestor(call: ShortcodeCall | undefined, name: string): boolean {
  for (let c = call; c; c = c.parent) if (c.name === name) return true;
  return false;
}

/** Content without whitespace-only text between blocks. */
function significant(content: ElementContent[]): ElementContent[] {
  return content.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
}

/** The content's only node when it is a Markdown paragraph (a raw `<p class=…>` has attributes and stays a block). */
function loneParagraph(content: readonly ElementContent[]): Element | undefined {
  const only = content[0];
  return content.length === 1 && only?.type === 'element' && only.tagName === 'p' && Object.keys(only.properties).length === 0 ? only : undefined;
}

function textOf(output: Output | undefined): string {
  if (!output) return '';
  switch (output.type) {
    case 'text':
      return output.value;
    case 'markdown':
    case 'html':
      return output.value.trim();
    case 'hast':
      return output.text;
  }
}

/** Record on every element the file offset it came from (`data.src`), for messages and the link checker. */
function annotate(tree: Root, toFile: (offset: number) => number): void {
  eachElement(tree, (child) => {
    const start = child.position?.start.offset;
    if (start !== undefined && (child.data as { src?: number } | undefined)?.src === undefined) {
      child.data = { ...child.data, src: toFile(start) } as Element['data'];
    }
  });
}
