/**
 * The link check's memory of what it read: each HTML file's facts (its ids and links, as
 * readHtml gives them) by the SHA-256 of the file's bytes, kept in one file of the build's work
 * folder between checks. A file whose bytes were seen before is not parsed again; resolving the
 * links against every page's ids still runs over the whole site (a changed page can break links
 * to it), so a check with the cache gives what a check without it gives.
 *
 * The cache is keyed by the extractor too (html.ts, the URL attribute table, this file, and the
 * installed htmlparser2 and entities): a change to any of them empties it. An unreadable or
 * foreign file counts as an empty cache. Saving keeps only the entries this check used.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { readCacheValue, writeCacheValue } from '../util/cache-file.ts';
import type { HtmlFacts } from './html.ts';
import { packFacts, unpackFacts } from './facts-pack.ts';

/** Bumped when the saved layout changes. */
const FORMAT = 1;

/** What the facts of a file depend on besides its bytes: the extractor's code and its parser's versions. */
function extractorVersion(): string {
  const hash = createHash('sha256').update(`${FORMAT}\0`);
  for (const source of ['./html.ts', '../util/url-attributes.ts', './facts-cache.ts']) hash.update(readFileSync(new URL(source, import.meta.url))).update('\0');
  for (const name of ['htmlparser2', 'entities']) hash.update(`${name}@${installedVersion(name)}\0`);
  return hash.digest('hex');
}

/** The version of an installed package: its package.json, found above its entry point. */
function installedVersion(name: string): string {
  let dir = path.dirname(createRequire(import.meta.url).resolve(name));
  for (;;) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      const json = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (json.name === name && json.version) return json.version;
    }
    const up = path.dirname(dir);
    if (up === dir) return 'unknown';
    dir = up;
  }
}

let versionMemo: string | undefined;

/** The saved form: the facts packed (facts-pack.ts), each page's under the hash of its file's bytes. */
interface Saved {
  version: string;
  strings: string[];
  entries: [hash: string, ids: Uint32Array, links: Uint32Array][];
}

/** The hash a file's facts are kept under. */
export function factsKey(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('base64url');
}

export class FactsCache {
  /** Files whose facts came from the cache, and files parsed, since it was opened. */
  reused = 0;
  parsed = 0;
  readonly #file: string;
  readonly #version: string;
  readonly #strings: string[] = [];
  readonly #saved = new Map<string, [Uint32Array, Uint32Array]>();
  /** The entries this check used (hit or added): what save() keeps. */
  readonly #used = new Map<string, HtmlFacts>();

  private constructor(file: string, version: string) {
    this.#file = file;
    this.#version = version;
  }

  /** The cache kept in `file` (an empty one when there is none, or it is unreadable or of another extractor). */
  static async open(file: string): Promise<FactsCache> {
    versionMemo ??= extractorVersion();
    const cache = new FactsCache(file, versionMemo);
    const saved = await readCacheValue<Saved>(file);
    if (saved?.version !== versionMemo || !Array.isArray(saved.strings) || !Array.isArray(saved.entries)) return cache;
    cache.#strings.push(...saved.strings);
    for (const [hash, ids, links] of saved.entries) cache.#saved.set(hash, [ids, links]);
    return cache;
  }

  /** The facts kept under `key` (factsKey of a file's bytes), if any: counted as reused. */
  lookup(key: string): HtmlFacts | undefined {
    let facts = this.#used.get(key);
    if (!facts) {
      const saved = this.#saved.get(key);
      facts = saved ? unpackFacts(this.#strings, saved[0], saved[1]) : undefined;
      if (!facts) return undefined;
      this.#used.set(key, facts);
    }
    this.reused++;
    return facts;
  }

  /** The facts of a file just parsed, kept under `key`: counted as parsed. */
  add(key: string, facts: HtmlFacts): void {
    this.parsed++;
    this.#used.set(key, facts);
  }

  /** Writes the entries this check used (and only those), whole (src/util/cache-file.ts), unless the file holds just those already. */
  async save(): Promise<void> {
    // Nothing parsed, every saved entry used: the file already holds exactly this.
    if (this.parsed === 0 && this.#used.size === this.#saved.size) return;
    const keys = [...this.#used.keys()];
    const { strings, pages } = packFacts(this.#used.values());
    const entries: Saved['entries'] = pages.map(([ids, links], i) => [keys[i]!, ids, links]);
    const saved: Saved = { version: this.#version, strings, entries };
    await writeCacheValue(this.#file, saved);
  }
}
