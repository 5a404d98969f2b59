/**
 * Temporary projects for build tests: a copy of the sample's inputs (or
 * hand-written files) with a config of the test's own, built through the
 * real entry point (`node src/cli/build.ts --config …`), and byte-level
 * snapshots of output folders.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import { MARKER } from '../../src/engine/output.ts';

export const REPO = path.resolve(import.meta.dirname, '../..');
export const NODE = path.join(REPO, 'node_modules/.bin/node');
/** The sample's inputs a build reads. */
export const SAMPLE_INPUTS = ['content', 'static', 'changelog', 'data'];

export interface ProjectOptions {
  /** Folders of this repository to copy in (default: the sample's inputs). */
  copy?: readonly string[];
  /** Files to write (path → text), after copying. */
  files?: Record<string, string>;
  /** Config fields as TypeScript source, spread over the repository's docs.config.ts. */
  config?: string;
}

/** A fresh project folder; its config is `<dir>/docs.config.ts`. */
export function tempProject(options: ProjectOptions = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'docs-project-'));
  for (const name of options.copy ?? SAMPLE_INPUTS) {
    const from = path.join(REPO, name);
    if (existsSync(from)) cpSync(from, path.join(dir, name), { recursive: true });
  }
  for (const [name, text] of Object.entries(options.files ?? {})) writeText(dir, name, text);
  writeText(
    dir,
    'docs.config.ts',
    `import sample from ${JSON.stringify(path.join(REPO, 'docs.config.ts'))};\n` +
      `export default { ...sample, ${options.config ?? ''} };\n`,
  );
  return dir;
}

/** A maker of {@link tempProject}s that are removed when the test file ends. */
export function tempProjects(): (options?: ProjectOptions) => string {
  const made: string[] = [];
  after(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });
  return (options = {}) => {
    const dir = tempProject(options);
    made.push(dir);
    return dir;
  };
}

export function writeText(dir: string, name: string, text: string | Buffer): void {
  mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
  writeFileSync(path.join(dir, name), text);
}

export function readText(dir: string, name: string): string {
  return readFileSync(path.join(dir, name), 'utf8');
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The signal that ended the process, if one did. */
  signal?: NodeJS.Signals | null;
}

/**
 * Run a script of this repository (`src/cli/build.ts`) with Node 22, from the repository root. Not as
 * under GitHub Actions (where the tests themselves may run) unless `env` says so.
 */
export function runScript(script: string, args: readonly string[], timeoutMs = 120_000, env: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, [path.join(REPO, script), ...args], { cwd: REPO, env: { ...process.env, NODE_DEBUG: '', GITHUB_ACTIONS: '', GITHUB_STEP_SUMMARY: '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, signal });
    });
  });
}

/** `npm run build -- --config <dir>/docs.config.ts` for a temp project. */
export function buildProject(dir: string, extra: readonly string[] = [], env: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  return runScript('src/cli/build.ts', ['--config', path.join(dir, 'docs.config.ts'), ...extra], 120_000, env);
}

/** Every file under `dir` (relative, `/`) with the SHA-256 of its bytes. */
export function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string) => {
    for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(child);
      else out.set(child, createHash('sha256').update(readFileSync(path.join(dir, child))).digest('hex'));
    }
  };
  walk('');
  return out;
}

/** A stand-in previous output of ours (it holds our marker): a few files whose bytes a failed build must not change. */
export function fakeDist(dir: string): Map<string, string> {
  const dist = path.join(dir, 'dist');
  writeText(dist, MARKER, 'a previous build\n');
  writeText(dist, 'index.html', '<!doctype html><title>previous build</title>');
  writeText(dist, 'gloo-edge/latest/index.html', '<!doctype html><p>previous</p>');
  writeText(dist, 'gloo-edge/feeds/open_source.xml', '<feed/>');
  return snapshot(dist);
}

/** A JavaScript stack frame in output: never shown to a user. */
export const STACK_TRACE = /^\s+at .+(?:\(|\s)(?:file:|node:|\/).*:\d+:\d+\)?$/m;
