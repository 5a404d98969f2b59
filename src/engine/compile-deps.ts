/**
 * What a page's compile asked of its environment, so a compiled page can be
 * reused in another tree (another git ref's docs) that gives the same
 * answers: the same page read the same way compiles to the same result.
 *
 * A recording environment wraps the content index (`pages`, `pageOf`,
 * `pageByPath`, `resolve`), the data files and the docs root; every question
 * is kept with a hash of its answer. depsHold() asks the questions again of
 * another environment. Answers are memoised per environment, so checking
 * hundreds of pages costs one evaluation per distinct question.
 */
import { createHash } from 'node:crypto';
import type { CompileEnv } from '../markdown/compile.ts';
import type { DataFiles } from '../markdown/data-files.ts';
import type { DocsRoot } from '../markdown/docs-root.ts';
import type { SiteIndex } from '../markdown/site-index.ts';

/** A question (`kind\0args`) and the hash of its answer. */
export type Dep = [question: string, answer: string];

const memos = new WeakMap<CompileEnv, Map<string, string>>();

/**
 * The hash of an answer, with the tree's own location left out: an answer may hold an absolute path in the
 * docs root or the data folder, and two trees (snapshots of two refs) that hold the same files answer the
 * same. (Messages name files relative to each tree's project folder: the same in every tree.)
 */
function hash(value: unknown, env: CompileEnv): string {
  let text = JSON.stringify(value) ?? 'undefined';
  for (const [dir, name] of [[env.root.dir, '<root>'], [env.data?.dir, '<data>']] as const) {
    if (dir) text = text.replaceAll(dir, name);
  }
  return createHash('sha256').update(text).digest('base64url').slice(0, 22);
}

/** The answer's hash to a question, asked of `env`. */
function answer(env: CompileEnv, question: string): string {
  let memo = memos.get(env);
  if (!memo) memos.set(env, (memo = new Map()));
  let found = memo.get(question);
  if (found === undefined) {
    found = hash(evaluate(env, question), env);
    memo.set(question, found);
  }
  return found;
}

function evaluate(env: CompileEnv, question: string): unknown {
  const [kind, a = '', b = ''] = question.split('\0');
  const site = env.site;
  switch (kind) {
    case 'pages':
      return site?.pages;
    case 'pageOf':
      return site?.pageOf(a);
    case 'pageByPath':
      return site?.pageByPath(a);
    case 'resolve': {
      const page = site?.pageByPath(a);
      return page && site?.resolve(page, b);
    }
    case 'data':
      return env.data?.get(a);
    case 'read':
      return env.root.read(a);
    default:
      return `unknown question ${kind}`;
  }
}

/** An environment that answers as `env` does and records each question; `deps()` lists them. */
export function recordingEnv(env: CompileEnv): { env: CompileEnv; deps: () => Dep[] } {
  const asked = new Set<string>();
  const ask = <T>(question: string, value: () => T): T => {
    asked.add(question);
    return value();
  };
  const site = env.site;
  const recorded: CompileEnv = { ...env };
  if (site) {
    const wrapper = {
      contentDir: site.contentDir,
      get pages() {
        return ask('pages', () => site.pages);
      },
      pageOf: (file: string) => ask(`pageOf\0${file}`, () => site.pageOf(file)),
      pageByPath: (p: string) => ask(`pageByPath\0${p}`, () => site.pageByPath(p)),
      resolve: (page: Parameters<SiteIndex['resolve']>[0], target: string) => ask(`resolve\0${page.path}\0${target}`, () => site.resolve(page, target)),
    };
    recorded.site = wrapper as unknown as SiteIndex;
  }
  if (env.data) {
    const data = env.data;
    recorded.data = { dir: data.dir, get: (name: string) => ask(`data\0${name}`, () => data.get(name)) } as unknown as DataFiles;
  }
  const root = env.root;
  recorded.root = { dir: root.dir, read: (file: string) => ask(`read\0${file}`, () => root.read(file)) } as unknown as DocsRoot;
  return { env: recorded, deps: () => [...asked].sort().map((q): Dep => [q, answer(env, q)]) };
}

/** True when `env` answers every recorded question as the environment the page was compiled in did. */
export function depsHold(deps: readonly Dep[], env: CompileEnv): boolean {
  return deps.every(([question, hashed]) => answer(env, question) === hashed);
}
