/**
 * One changelog YAML file to entries, with a diagnostic for every problem at
 * the line and column of the offending key or value. The walk works on the
 * YAML syntax tree (not `toJS`) so every value keeps its position.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document, Node, Pair, YAMLMap } from 'yaml';
import { excerpt } from '../util/diagnostics.ts';
import type { Report } from './report.ts';
import { ENTRY_TYPES } from './types.ts';
import type { ChangelogEntry, EntryType, GuideChange, GuideSection } from './types.ts';
import {
  BOOLEAN_FIELDS,
  ENTRY_KEYS,
  FILE_KEYS,
  GUIDE_CHANGES,
  GUIDE_SECTIONS,
  STRING_FIELDS,
  requiredFields,
} from './schema.ts';
import type { BooleanField, StringField } from './schema.ts';
import { didYouMean } from '../util/suggest.ts';

/** Aliases allowed per file: changelogs never need many; an alias bomb ends here. */
export const MAX_ALIAS_COUNT = 20;

/** Organisations that show up in `dependencyRepo` when owner and repo were swapped. */
const KNOWN_OWNERS = new Set(['solo-io', 'envoyproxy']);

export interface ParsedFile {
  entries: ChangelogEntry[];
  releaseStableApi?: boolean;
  /** False when the file could not be read as a changelog at all. */
  usable: boolean;
}

interface Ctx {
  doc: Document;
  file: string;
  lines: string[];
  lc: LineCounter;
  report: Report;
}

function pos(ctx: Ctx, offset: number | undefined): [number, number] {
  if (offset === undefined) return [1, 1];
  const p = ctx.lc.linePos(offset);
  return [p.line, p.col];
}

function problem(ctx: Ctx, node: Node | null | undefined, message: string, hint?: string): void {
  const [line, column] = pos(ctx, node?.range?.[0]);
  const text = ctx.lines[line - 1]?.trim() ?? '';
  ctx.report(ctx.file, line, column, message, {
    ...(text ? { excerpt: excerpt(text) } : {}),
    ...(hint ? { hint } : {}),
  });
}

function deref(ctx: Ctx, node: unknown): Node | null {
  if (isAlias(node)) return (node.resolve(ctx.doc) as Node | undefined) ?? null;
  return (node as Node | null) ?? null;
}

function keyName(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}

/**
 * The canonical key a written key stands for: exact, differing only in case,
 * or a close misspelling (reported, then used when the real key is absent).
 */
function canonicalKeys(
  ctx: Ctx,
  map: YAMLMap,
  known: readonly string[],
  where: string,
): { key: string; pair: Pair }[] {
  const out: { key: string; pair: Pair }[] = [];
  const present = new Set(map.items.map(keyName));
  const taken = new Set<string>();
  for (const pair of map.items) {
    const written = keyName(pair);
    const keyNode = pair.key as Node;
    if (taken.has(written)) continue; // a duplicate key: the YAML error already says so; the first wins
    if (known.includes(written)) {
      taken.add(written);
      out.push({ key: written, pair });
      continue;
    }
    const guess =
      known.find((k) => k.toLowerCase() === written.toLowerCase()) ?? didYouMean(written, known);
    if (guess === undefined) {
      problem(ctx, keyNode, `unknown ${where} \`${written}\``, `known ${where}s: ${known.join(', ')}`);
      continue;
    }
    const used = !present.has(guess) && !taken.has(guess);
    const caseOnly = guess.toLowerCase() === written.toLowerCase();
    problem(
      ctx,
      keyNode,
      caseOnly
        ? `\`${written}\` should be spelled \`${guess}\` (keys are case-sensitive)`
        : `unknown ${where} \`${written}\``,
      `did you mean \`${guess}\`?${used ? ` (read as \`${guess}\` for now)` : ''}`,
    );
    if (used) {
      taken.add(guess);
      out.push({ key: guess, pair });
    }
  }
  return out;
}

function readBoolean(ctx: Ctx, node: Node | null, name: string): boolean | undefined {
  if (isScalar(node) && typeof node.value === 'boolean') return node.value;
  if (isScalar(node) && typeof node.value === 'string') {
    const v = node.value.trim().toLowerCase();
    const meaning = ['yes', 'on', 'true', 'y'].includes(v) ? true : ['no', 'off', 'false', 'n'].includes(v) ? false : undefined;
    if (meaning !== undefined) {
      problem(ctx, node, `\`${name}\` must be true or false, not \`${node.value}\``, `write \`${name}: ${meaning}\` (read as ${meaning} for now)`);
      return meaning;
    }
  }
  problem(ctx, node, `\`${name}\` must be true or false`);
  return undefined;
}

function readString(ctx: Ctx, node: Node | null, name: string): string | undefined {
  if (!isScalar(node) || node.value === null) return undefined; // reported as missing by the caller
  if (typeof node.value === 'string') return node.value.trim() || undefined;
  const text = node.source ?? String(node.value);
  problem(ctx, node, `\`${name}\` must be text, not ${typeof node.value} \`${text}\``, `quote it: ${name}: "${text}"`);
  return String(text);
}

function readType(ctx: Ctx, node: Node | null): EntryType | undefined {
  if (!isScalar(node) || typeof node.value !== 'string' || !node.value.trim()) {
    problem(ctx, node, 'entry `type` must be one of the changelog types', `types: ${ENTRY_TYPES.join(', ')}`);
    return undefined;
  }
  const written = node.value.trim();
  if ((ENTRY_TYPES as readonly string[]).includes(written)) return written as EntryType;
  const guess =
    ENTRY_TYPES.find((t) => t.toLowerCase() === written.toLowerCase()) ?? didYouMean(written, ENTRY_TYPES);
  problem(
    ctx,
    node,
    `unknown changelog type \`${written}\``,
    guess ? `did you mean \`${guess}\`? (read as \`${guess}\` for now)` : `types: ${ENTRY_TYPES.join(', ')}`,
  );
  return guess as EntryType | undefined;
}

function readGuide(ctx: Ctx, node: Node | null): ChangelogEntry['upgradeGuide'] {
  if (!isMap(node)) {
    problem(ctx, node, '`upgradeGuide` must be a mapping like `{section: helm, change: deprecated}`');
    return undefined;
  }
  const fields = canonicalKeys(ctx, node, ['section', 'change'], 'upgradeGuide field');
  const get = (k: string) => {
    const n = deref(ctx, fields.find((f) => f.key === k)?.pair.value);
    return isScalar(n) && typeof n.value === 'string' ? { node: n, value: n.value.trim() } : undefined;
  };
  const section = get('section');
  const change = get('change');
  if (!section || !GUIDE_SECTIONS.includes(section.value as GuideSection)) {
    problem(ctx, section?.node ?? node, `\`upgradeGuide.section\` must be one of ${GUIDE_SECTIONS.join(', ')}`);
    return undefined;
  }
  const allowed = GUIDE_CHANGES[section.value as GuideSection];
  if (!change || !allowed.includes(change.value as GuideChange)) {
    problem(ctx, change?.node ?? node, `\`upgradeGuide.change\` for section ${section.value} must be one of ${allowed.join(', ')}`);
    return undefined;
  }
  return { section: section.value as GuideSection, change: change.value as GuideChange };
}

function checkLink(ctx: Ctx, node: Node | null, link: string): string | undefined {
  if (/^https?:\/\/[^\s]+$/i.test(link)) return link;
  problem(ctx, node, `\`issueLink\` must be an http(s) URL, not \`${excerpt(link, 40)}\``, 'link the GitHub issue, e.g. https://github.com/solo-io/gloo/issues/123');
  return undefined;
}

function readEntry(ctx: Ctx, map: YAMLMap): ChangelogEntry | undefined {
  const [line] = pos(ctx, map.range?.[0]);
  const entry: Partial<ChangelogEntry> & { file: string; line: number } = { file: ctx.file, line };
  let typeSeen = false;
  for (const { key, pair } of canonicalKeys(ctx, map, ENTRY_KEYS, 'field')) {
    const value = deref(ctx, pair.value);
    if (key === 'type') {
      typeSeen = true;
      const t = readType(ctx, value ?? (pair.key as Node));
      if (t) entry.type = t;
    } else if ((STRING_FIELDS as readonly string[]).includes(key)) {
      let text = readString(ctx, value, key);
      if (text !== undefined && key === 'issueLink') text = checkLink(ctx, value, text);
      if (text !== undefined) entry[key as StringField] = text;
      else if (value && !isScalar(value)) problem(ctx, value, `\`${key}\` must be text`);
    } else if ((BOOLEAN_FIELDS as readonly string[]).includes(key)) {
      const b = readBoolean(ctx, value ?? (pair.key as Node), key);
      if (b !== undefined) entry[key as BooleanField] = b;
    } else if (key === 'upgradeGuide') {
      const g = readGuide(ctx, value ?? (pair.key as Node));
      if (g) entry.upgradeGuide = g;
    }
  }
  if (!entry.type) {
    if (!typeSeen) problem(ctx, map, 'changelog entry has no `type`', `add one of: ${ENTRY_TYPES.join(', ')}`);
    return undefined; // without a type nothing can place it
  }
  const missing = requiredFields(entry.type).filter((f) => entry[f] === undefined);
  if (missing.length) {
    problem(
      ctx,
      map,
      `${entry.type} entry is missing ${missing.map((m) => `\`${m}\``).join(' and ')}`,
      entry.type === 'DEPENDENCY_BUMP'
        ? 'a dependency bump names dependencyOwner, dependencyRepo and dependencyTag'
        : 'every entry except NON_USER_FACING and DEPENDENCY_BUMP needs a description and an issueLink',
    );
  }
  if (
    entry.type === 'DEPENDENCY_BUMP' &&
    entry.dependencyOwner !== undefined &&
    entry.dependencyRepo !== undefined &&
    KNOWN_OWNERS.has(entry.dependencyRepo) &&
    !KNOWN_OWNERS.has(entry.dependencyOwner)
  ) {
    const owner = entry.dependencyRepo;
    const repo = entry.dependencyOwner;
    const node = map.items.find((p) => keyName(p) === 'dependencyRepo')?.value as Node | undefined;
    problem(
      ctx,
      node ?? map,
      `dependencyOwner \`${repo}\` and dependencyRepo \`${owner}\` look swapped`,
      `write dependencyOwner: ${owner} and dependencyRepo: ${repo} (read that way for now)`,
    );
    entry.dependencyOwner = owner;
    entry.dependencyRepo = repo;
  }
  return entry as ChangelogEntry;
}

/** Parse and validate one changelog file. `file` is the path used in diagnostics. */
export function parseChangelogFile(source: string, file: string, report: Report): ParsedFile {
  const lc = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const ctx: Ctx = { doc, file, lines: source.split(/\r?\n/), lc, report };
  const none: ParsedFile = { entries: [], usable: false };

  let fatal = false;
  for (const e of [...doc.errors, ...doc.warnings]) {
    const [line, column] = pos(ctx, e.pos[0]);
    const text = ctx.lines[line - 1]?.trim() ?? '';
    const duplicate = e.code === 'DUPLICATE_KEY';
    fatal ||= !duplicate && doc.errors.includes(e as never);
    const key = /^\s*(?:-\s+)?([^:\s]+)\s*:/.exec(ctx.lines[line - 1]?.slice(column - 1) ?? '')?.[1] ?? '';
    ctx.report(file, line, column, duplicate ? `duplicate key \`${key}\` (the first value is used)` : `YAML syntax error: ${e.message}`, {
      ...(text ? { excerpt: excerpt(text) } : {}),
      hint: duplicate ? 'remove one of the two keys' : 'fix the YAML; the file is skipped until it parses',
    });
  }
  if (fatal) return none;
  try {
    doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    ctx.report(file, 1, 1, `too many YAML aliases (more than ${MAX_ALIAS_COUNT}); the file is skipped`, {
      hint: 'changelog files need no anchors or aliases: write the values out',
    });
    return none;
  }

  const top = deref(ctx, doc.contents);
  if (top === null || (isScalar(top) && top.value === null)) {
    ctx.report(file, 1, 1, 'empty changelog file', { hint: 'add a `changelog:` list or delete the file' });
    return none;
  }
  if (!isMap(top)) {
    problem(ctx, top, 'a changelog file must be a mapping with a `changelog` list', 'start the file with `changelog:`');
    return none;
  }
  const result: ParsedFile = { entries: [], usable: true };
  let list: Node | null | undefined;
  for (const { key, pair } of canonicalKeys(ctx, top, FILE_KEYS, 'top-level key')) {
    const value = deref(ctx, pair.value);
    if (key === 'changelog') list = value ?? (pair.key as Node);
    else if (key === 'releaseStableApi') {
      const b = readBoolean(ctx, value ?? (pair.key as Node), key);
      if (b !== undefined) result.releaseStableApi = b;
    }
  }
  if (list === undefined) {
    problem(ctx, top, 'missing `changelog` list', 'a changelog file is `changelog:` followed by a list of entries');
    return { ...result, usable: false };
  }
  if (!isSeq(list)) {
    problem(ctx, list, isScalar(list) && list.value === null ? '`changelog` has no entries' : '`changelog` must be a list of entries', 'write each entry as `- type: …` under `changelog:`');
    return { ...result, usable: false };
  }
  for (const item of list.items) {
    const node = deref(ctx, item);
    if (!isMap(node)) {
      problem(ctx, node ?? list, 'a changelog entry must be a mapping (`- type: …`)');
      continue;
    }
    const entry = readEntry(ctx, node);
    if (entry) result.entries.push(entry);
  }
  return result;
}
