/**
 * The output folder: what may be replaced, where the new site is staged, and
 * how it is swapped in without a moment where the output is missing.
 *
 * The output path (`dist/`) is a symbolic link to one build folder inside
 * `.<name>.builds/` beside it. A new site is laid out in a fresh folder
 * there (same file system as the output: no EXDEV), marked as ours, and a
 * new link replaces the old one with one atomic rename(2). Readers see the
 * old site or the new one, never none. Folders left over by an interrupted
 * build (a stage, the link not yet renamed, old builds) are removed by the
 * next build before it starts (recoverOutput, under the build lock).
 *
 * Only an output this generator wrote may be replaced: a missing path, an
 * empty folder, our link, or a folder holding our marker file. Anything
 * else (content/, the generator's source, a user's folder) is refused
 * before any file is touched.
 */
import { existsSync, lstatSync, readdirSync, readlinkSync, statSync } from 'node:fs';
import { cp, mkdir, readdir, readlink, rename, rm, rmdir, symlink, unlink, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { error, type Diagnostic } from '../util/diagnostics.ts';

/** The file every build folder of ours holds (and the builds folder itself). */
export const MARKER = '.versioned-docs-output';
const MARKER_TEXT = 'This folder was written by versioned-docs; a build replaces it.\n';

/**
 * Every file-system step of staging and swapping, in order. A fault-injection hook
 * (DOCS_FAULT_SWAP=<step>, read only here) kills the process with SIGKILL right after
 * the named step: the test suite proves the output survives a kill after each one.
 * `DOCS_FAULT_SWAP=<step>:<code>` (ENOSPC, EACCES, …) makes the step fail as the system
 * would instead: the suite proves such a failure is reported as what it is.
 */
export const SWAP_STEPS = [
  'recover',
  'builds-dir',
  'stage-dir',
  'stage-fill',
  'marker',
  'link',
  'migrate',
  'rename',
  'cleanup',
] as const;
export type SwapStep = (typeof SWAP_STEPS)[number];
const FAULT_ENV = 'DOCS_FAULT_SWAP';

async function step<T>(name: SwapStep, where: string, action: () => Promise<T>): Promise<T> {
  const [at, code] = (process.env[FAULT_ENV] ?? '').split(':');
  if (at === name && code) throw Object.assign(new Error(`${code}: injected fault, ${name} ${where}`), { code, syscall: 'write', path: where });
  const result = await action();
  if (at === name) process.kill(process.pid, 'SIGKILL');
  return result;
}

/** Where an output folder's builds live: `.<name>.builds/` beside it. */
export function buildsDir(outDir: string): string {
  return path.join(path.dirname(outDir), `.${path.basename(outDir)}.builds`);
}

/** The build folder the output link points at (inside buildsDir(outDir)), or undefined when the output is no such link. */
export function linkedBuild(outDir: string): string | undefined {
  try {
    if (!lstatSync(outDir).isSymbolicLink()) return undefined;
    const target = path.resolve(path.dirname(outDir), readlinkSync(outDir));
    return path.dirname(target) === buildsDir(outDir) ? target : undefined;
  } catch {
    return undefined;
  }
}

/** A file the build keeps in its work folder about one output folder (`<name>-<hash of outDir>.<ext>`): each output its own. */
export function outputRecord(work: string, outDir: string, name: string, ext: string): string {
  return path.join(work, `${name}-${createHash('sha256').update(outDir).digest('hex').slice(0, 16)}.${ext}`);
}

const linkTemp = (outDir: string) => path.join(path.dirname(outDir), `.${path.basename(outDir)}.next`);

const hasMarker = (dir: string) => {
  try {
    return statSync(path.join(dir, MARKER)).isFile();
  } catch {
    return false;
  }
};

type OutputState = { kind: 'missing' } | { kind: 'empty' } | { kind: 'link'; target: string } | { kind: 'folder' };

function relativeForUser(projectDir: string, p: string): string {
  const rel = path.relative(projectDir, p);
  if (rel === '') return '.';
  return !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}

/**
 * What the output path is now, or a diagnostic saying why this generator must not replace it.
 * `projectDir` is where the config lives (messages name paths relative to it).
 */
export function inspectOutput(outDir: string, projectDir: string): OutputState | Diagnostic {
  const shown = relativeForUser(projectDir, outDir);
  const refuse = (why: string, hint: string) => error(shown, 0, 0, `Refusing to replace the output folder \`${shown}\`: ${why}`, { hint });
  const rel = path.relative(outDir, projectDir);
  if (rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))) {
    return refuse('it contains the project', 'Choose an output folder of its own, e.g. `--out dist`.');
  }
  let info;
  try {
    info = lstatSync(outDir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw e;
  }
  const notOurs = 'Only a missing or empty folder, or one a previous build wrote (it holds the file ' + MARKER + '), is replaced. Choose another --out, or move the folder away yourself.';
  if (info.isSymbolicLink()) {
    const target = path.resolve(path.dirname(outDir), readlinkSync(outDir));
    if (path.dirname(target) === buildsDir(outDir) && hasMarker(target)) return { kind: 'link', target };
    if (path.dirname(target) === buildsDir(outDir) && !existsSync(target)) return { kind: 'link', target };
    return refuse(`it is a symbolic link to ${target}, not to a build of ours`, notOurs);
  }
  if (!info.isDirectory()) return refuse('it is a file, not a folder', notOurs);
  if (hasMarker(outDir)) return { kind: 'folder' };
  if (readdirSync(outDir).length === 0) return { kind: 'empty' };
  return refuse('it holds files that no build of this generator wrote', notOurs);
}

/**
 * Undo what an interrupted build left (run under the build lock, before anything else):
 * a new link not yet renamed over a missing output is put in place; a leftover link,
 * stale stages and builds no link points to are removed.
 */
export async function recoverOutput(outDir: string): Promise<void> {
  const builds = buildsDir(outDir);
  const next = linkTemp(outDir);
  const pending = lstatOrUndefined(next);
  if (pending?.isSymbolicLink() && !lstatOrUndefined(outDir)) {
    // Killed while migrating a real folder to a link: the new link is ready, the old folder moved away.
    await step('recover', outDir, () => rename(next, outDir));
  } else if (pending?.isSymbolicLink()) {
    await step('recover', next, () => unlink(next));
  }
  if (!existsSync(builds) || !hasMarker(builds)) return;
  const current = lstatOrUndefined(outDir)?.isSymbolicLink() ? path.basename(await readlink(outDir)) : undefined;
  for (const name of await readdir(builds)) {
    if (name === MARKER || name === current) continue;
    await step('cleanup', path.join(builds, name), () => rm(path.join(builds, name), { recursive: true, force: true }));
  }
}

function lstatOrUndefined(p: string) {
  try {
    return lstatSync(p);
  } catch {
    return undefined;
  }
}

/** A fresh folder beside the output to lay the new site out in. */
export async function createStage(outDir: string): Promise<string> {
  const builds = buildsDir(outDir);
  if (existsSync(builds) && !hasMarker(builds)) {
    throw new OutputRefused(error(builds, 0, 0, `Refusing to write into \`${builds}\`: it exists and no build of this generator made it`, { hint: 'Move that folder away, or choose another --out.' }));
  }
  await step('builds-dir', builds, async () => {
    await mkdir(builds, { recursive: true });
    await writeFile(path.join(builds, MARKER), MARKER_TEXT);
  });
  const stage = path.join(builds, `build-${Date.now().toString(36)}-${process.pid}`);
  await step('stage-dir', stage, () => mkdir(stage));
  return stage;
}

/**
 * Move a site laid out elsewhere (Astro writes through its own folder in the generator, which may
 * be on another file system than the output) into the stage beside the output: one rename where
 * both are on one file system, a copy where they are not (EXDEV).
 */
export async function moveIntoStage(built: string, stage: string): Promise<void> {
  try {
    await step('stage-fill', stage, () => rename(built, stage));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    await step('stage-fill', stage, () => cp(built, stage, { recursive: true, verbatimSymlinks: true }));
    await rm(built, { recursive: true, force: true });
  }
}

/** Thrown when the output turned out not to be ours at swap time. */
export class OutputRefused extends Error {
  readonly diagnostic: Diagnostic;
  constructor(diagnostic: Diagnostic) {
    super(diagnostic.message);
    this.diagnostic = diagnostic;
  }
}

/**
 * Make the staged site the output: mark it, point a new link at it, and rename the link
 * over the output in one atomic step. An empty or marked real folder (from before outputs
 * were links) is first moved into the builds folder; that one-time move is the only
 * moment the output path is missing, and recoverOutput completes it.
 */
export async function swapIn(outDir: string, stage: string, projectDir: string): Promise<void> {
  const state = inspectOutput(outDir, projectDir);
  if ('severity' in state) throw new OutputRefused(state);
  await step('marker', path.join(stage, MARKER), () => writeFile(path.join(stage, MARKER), MARKER_TEXT));
  const next = linkTemp(outDir);
  const taken = lstatOrUndefined(next);
  if (taken && !taken.isSymbolicLink()) {
    throw new OutputRefused(error(next, 0, 0, `Refusing to replace \`${next}\`: the swap needs that name for its link, and no build of this generator made it`, { hint: 'Move it away, or choose another --out.' }));
  }
  if (taken) await unlink(next);
  await step('link', next, () => symlink(path.relative(path.dirname(outDir), stage), next));
  if (state.kind === 'empty') await step('migrate', outDir, () => rmdir(outDir));
  if (state.kind === 'folder') await step('migrate', outDir, () => rename(outDir, path.join(buildsDir(outDir), `previous-${process.pid}`)));
  await step('rename', outDir, () => rename(next, outDir));
  await recoverOutput(outDir);
}
