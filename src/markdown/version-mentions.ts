/**
 * "Use the drop-down menu … to select **v1.16.x**": a page telling readers to
 * pick a docs version in the version menu. The version named (a snippet value
 * such as `geoss_n-1_minor`, or literal text) is written as the menu writes it
 * (`v1.16.x`, the docs version id) and linked to that version's copy of the
 * page. A version the site does not carry is never presented as selectable:
 * the words become "go to the v1.13.x docs (not in this site's version menu
 * …)", linked to its archived docs when the config names them, else to its
 * releases in the changelog; and the build warns at the sentence's line.
 */
import semver from 'semver';
import { escapeHtml } from '../util/escape.ts';
import { warning, type Diagnostic } from '../util/diagnostics.ts';
import { positionIn } from './sourcemap.ts';
import { deferredIndex } from './sentinels.ts';

/** The version menu as a page sees it (one docs version of the site). */
export interface VersionMenu {
  /** The docs versions the menu offers. */
  versions: readonly { id: string; minor: string }[];
  /** The page in docs version `id` (its copy of this page, else that version's home). */
  href(id: string): string;
  /** Where the releases of a minor line the site does not carry are listed (changelog anchor), if anywhere. */
  releasesHref(minor: string): string | undefined;
  /** The archived docs of a docs version the site does not carry (config `archivedDocs`), if named. */
  archiveHref(id: string): string | undefined;
  /** The docs version id of a minor line: `1.13` → `v1.13.x`. */
  idOf(minor: string): string;
  /** The page's Markdown source, to report each mention at its line. */
  source: string;
}

const TAGS = '(?:<(?:strong|b|em|code)>)*';
const CLOSE_TAGS = '(?:</(?:strong|b|em|code)>)*';
/**
 * Optional "use the drop-down menu … to " lead, the verb, inline tags, `v`, the version (a deferred
 * value's placeholder, or digits written as a docs version: `v1.16`, `v1.16.x`, `1.16.x`), `.x`, closing tags.
 */
const MENTION = new RegExp(
  `(?<lead>\\buse the (?:drop-?down|version)(?: menu)?[^<.\\n]{0,80}?\\s+to\\s+)?\\b(?<verb>select|choose|pick)\\s+(?<open>${TAGS})(?:v?(?<version>[\\u{F0000}-\\u{FFFFD}])|v(?<literal>\\d+\\.\\d+(?:\\.\\d+)?)|(?<bare>\\d+\\.\\d+)(?=\\.x))(?:\\.x)?(?![\\w.-]*\\d)(?<close>${CLOSE_TAGS})`,
  'giu',
);
const CODE_BLOCK = /(<pre[\s>][\s\S]*?<\/pre>)/;
/** Fenced code in Markdown source (its mentions are left alone, as code blocks are). */
const FENCE = /^ {0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?^ {0,3}\1/gm;
const VERB = /\b(?:select|choose|pick)\s/i;
/** The same mentions in Markdown source: the verb, emphasis, `v`, a shortcode or digits. */
const SOURCE_MENTION = /\b(?:select|choose|pick)\s+[*_`]*(?:v?\{\{|v\d|\d+\.\d+\.x)/gi;

/** A cheap test before the pass: does the page's HTML contain a verb at all? */
export function mayMentionVersions(html: string): boolean {
  return VERB.test(html);
}

/**
 * Rewrites the version mentions of one page's compiled HTML (placeholders still in it) for one docs
 * version. `value(i)` is deferred value `i` when it is a version snippet, else undefined (not a version).
 */
export function rewriteVersionMentions(
  html: string,
  menu: VersionMenu,
  value: (index: number) => string | undefined,
  where: { file: string; lineStarts: readonly number[]; fallbackOffset: (index: number) => number },
): { html: string; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const fences = [...menu.source.matchAll(FENCE)].map((m) => [m.index, m.index + m[0].length] as const);
  const sourceOffsets = [...menu.source.matchAll(SOURCE_MENTION)].map((m) => m.index).filter((at) => !fences.some(([from, to]) => at >= from && at < to));
  let nth = -1;
  const rewrite = (whole: string, ...args: unknown[]) => {
    const groups = args.at(-1) as { lead?: string; verb: string; open: string; version?: string; literal?: string; bare?: string; close: string };
    nth += 1; // the nth mention in the source too (SOURCE_MENTION)
    const deferred = groups.version === undefined ? undefined : deferredIndex(groups.version);
    const text = deferred === undefined ? (groups.literal ?? groups.bare) : value(deferred);
    const parsed = text === undefined ? null : semver.coerce(text);
    if (!parsed) return whole;
    const minor = `${parsed.major}.${parsed.minor}`;
    const id = menu.idOf(minor);
    const carried = menu.versions.find((v) => {
      const m = semver.coerce(v.minor);
      return m !== null && m.major === parsed.major && m.minor === parsed.minor;
    });
    const label = escapeHtml(carried?.id ?? id);
    if (carried) {
      return `${groups.lead ?? ''}${groups.verb} ${groups.open}<a class="version-ref" href="${escapeHtml(menu.href(carried.id))}">${label}</a>${groups.close}`;
    }
    const offset = sourceOffsets[nth] ?? (deferred === undefined ? 0 : where.fallbackOffset(deferred));
    const { line, column } = positionIn(where.lineStarts, offset);
    const archive = menu.archiveHref(id);
    const releases = menu.releasesHref(minor);
    // With the archive named in the config, readers are sent to it: nothing left for the writer to do
    // (the oldest version's guide always names the line before it).
    if (!archive) {
      diagnostics.push(
        warning(where.file, line, column, `The page tells readers to select ${id} in the version menu, which does not offer it (it offers ${menu.versions.map((v) => v.id).join(', ')})`, {
          excerpt: menu.source.slice(offset, offset + 60).split('\n')[0],
          hint: `Readers are told that ${id} is not in this site${releases ? ' and sent to its releases in the changelog' : ''}; add it to the site's versions, or name where old docs live with \`archivedDocs\` in the config.`,
        }),
      );
    }
    const lead = groups.lead ?? '';
    const go = /^[A-Z]/.test(lead || groups.verb) ? 'Go to' : 'go to';
    const name = `${groups.open}${label}${groups.close}`;
    if (archive) return `${go} the <a class="version-ref" href="${escapeHtml(archive)}">${name} docs</a> (archived, not in this site’s version menu)`;
    const note = releases ? `not in this site’s version menu; see <a class="version-ref" href="${escapeHtml(releases)}">its releases in the changelog</a>` : 'not in this site’s version menu';
    return `${go} the ${name} docs (${note})`;
  };
  // Code blocks are left as they are ("SELECT v1.2 …" in SQL is no instruction to a reader).
  const out = html.split(CODE_BLOCK).map((part, i) => (i % 2 === 1 ? part : part.replace(MENTION, rewrite))).join('');
  return { html: out, diagnostics };
}
