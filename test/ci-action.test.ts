/**
 * The composite action (action.yml) run locally, step by step, on a temporary copy of the sample:
 * every `run:` step as the runner runs it (bash -eo pipefail, its env and working directory, the
 * `${{ }}` expressions it uses, $GITHUB_OUTPUT read back into step outputs); only the `uses:` steps
 * for setup-node, the cache service and the artifact service are skipped. Two runs: the second,
 * with one page changed, compiles that page alone from the cache the first one left.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { readText, REPO, tempProject, writeText } from './support/project.ts';

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  shell?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
  'working-directory'?: string;
}

const action = parse(readFileSync(path.join(REPO, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; steps: Step[] };
};

const REAL_NPM = spawnSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).stdout.trim();

/** The services a local run cannot reach: the only steps it skips. */
const SKIPPED = ['actions/setup-node@v4', 'actions/cache/restore@v4', 'actions/cache/save@v4', 'actions/upload-artifact@v4'];

interface ActionRun {
  outputs: Record<string, Record<string, string>>;
  logs: { step: string; status: number | null; stdout: string; stderr: string }[];
  summary: string;
}

/** Run the action's steps with `inputs` in `workspace`, as GitHub's runner would, minus the skipped services. */
function runAction(workspace: string, inputs: Record<string, string>): ActionRun {
  const values: Record<string, string> = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, v.default ?? '']));
  Object.assign(values, inputs);
  const outputs: Record<string, Record<string, string>> = {};
  const scratch = mkdtempSync(path.join(tmpdir(), 'ci-action-'));
  // A guard, not a stand-in: `npm ls` is the real one; `npm ci` would reinstall this repository's node_modules.
  const bin = path.join(scratch, 'bin');
  writeText(scratch, 'bin/npm', `#!/bin/sh\n[ "$1" = ls ] && exec ${JSON.stringify(REAL_NPM)} "$@"\necho "npm $* refused in the local action run" >&2; exit 99\n`);
  chmodSync(path.join(bin, 'npm'), 0o755);
  const summary = path.join(scratch, 'step-summary.md');
  writeFileSync(summary, '');
  const expression = (text: string) =>
    text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expr: string) => {
      let m: RegExpMatchArray | null;
      if ((m = /^inputs\.([\w-]+)$/.exec(expr))) return values[m[1]!] ?? '';
      if (expr === 'github.action_path') return REPO;
      if (expr === 'github.workspace') return workspace;
      if ((m = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expr))) return outputs[m[1]!]?.[m[2]!] ?? '';
      throw new Error(`action.yml uses an expression the local run does not know: ${expr}`);
    });
  const logs: ActionRun['logs'] = [];
  for (const [i, step] of action.runs.steps.entries()) {
    if (step.uses) {
      assert.ok(SKIPPED.includes(step.uses), `only the service steps may be skipped, not ${step.uses}`);
      if (step.with) Object.values(step.with).forEach((v) => expression(String(v))); // their expressions must resolve too
      continue;
    }
    assert.equal(step.shell, 'bash', `step ${i}: composite run steps need a shell`);
    const outputFile = path.join(scratch, `output-${i}`);
    writeFileSync(outputFile, '');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expression(String(v))])),
      PATH: `${bin}:${process.env.PATH}`,
      GITHUB_ACTIONS: 'true',
      GITHUB_ACTION_PATH: REPO,
      GITHUB_WORKSPACE: workspace,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summary,
      RUNNER_OS: 'Linux',
    };
    const cwd = path.resolve(workspace, expression(step['working-directory'] ?? '.'));
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', expression(step.run!)], { cwd, env, encoding: 'utf8', timeout: 180_000 });
    logs.push({ step: step.name ?? `#${i}`, status: result.status, stdout: result.stdout, stderr: result.stderr });
    if (step.id) {
      outputs[step.id] = Object.fromEntries(
        readFileSync(outputFile, 'utf8')
          .split('\n')
          .filter((l) => l.includes('='))
          .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
      );
    }
    if (result.status !== 0) break;
  }
  return { outputs, logs, summary: readFileSync(summary, 'utf8') };
}

function git(cwd: string, ...args: string[]): void {
  const r = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { cwd, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
}

const workspace = tempProject();
git(workspace, 'init', '-q');
git(workspace, 'add', '-A');
git(workspace, 'commit', '-qm', 'docs');

test('action.yml is a composite action whose skipped steps are only the service steps', () => {
  assert.equal(action.runs.using, 'composite');
  assert.deepEqual(action.runs.steps.filter((s) => s.uses).map((s) => s.uses), SKIPPED);
  assert.deepEqual(Object.keys(action.inputs).sort(), ['args', 'artifact-name', 'config', 'hugo', 'link-baseline', 'out', 'working-directory']);
});

let firstKey = '';

test('a first run installs nothing twice, builds with the github reporter and fills the cache folder', () => {
  const run = runAction(workspace, { config: 'docs.config.ts' });
  for (const log of run.logs) assert.equal(log.status, 0, `${log.step}: ${log.stderr}${log.stdout}`);
  assert.deepEqual(run.logs.map((l) => l.step), ['Install the generator', 'Compile cache key', 'Build']);
  const key = run.outputs.key!;
  assert.match(key.key!, /^versioned-docs-Linux-[0-9a-f]{16}-[0-9a-f]{16}$/);
  assert.ok(key.key!.startsWith(key.prefix!), 'restore-keys fall back to the newest cache of the same generator');
  assert.equal(key.dir, path.join(workspace, 'node_modules/.cache/versioned-docs'));
  assert.ok(readdirSync(path.join(key.dir!, 'compile')).filter((f) => f.endsWith('.bin')).length >= 10);
  assert.ok(existsSync(path.join(workspace, 'dist/gloo-edge/latest/index.html')), 'the artifact path holds the site');
  assert.match(run.summary, /^## versioned-docs build: passed$/m);
  assert.match(run.summary, /^\| Compile cache \| 0 of 10 pages from the cache, 10 compiled \|$/m);
  firstKey = key.key!;
});

test('a second run with one page changed restores under a new key and compiles that page alone', () => {
  const page = 'content/reference/support.md';
  writeText(workspace, page, `${readText(workspace, page)}\nOne more paragraph.\n`);
  git(workspace, 'commit', '-qam', 'edit one page');
  const run = runAction(workspace, { config: 'docs.config.ts' });
  for (const log of run.logs) assert.equal(log.status, 0, `${log.step}: ${log.stderr}${log.stdout}`);
  assert.notEqual(run.outputs.key!.key, firstKey);
  assert.ok(firstKey.startsWith(run.outputs.key!.prefix!), 'the first run\'s cache matches the restore key');
  assert.match(run.summary, /^\| Compile cache \| 9 of 10 pages from the cache, 1 compiled \|$/m);
  assert.match(run.summary, /### Slowest pages to compile\n\n\| Page \| Compile time \|\n\|---\|---\|\n\| content\/reference\/support\.md \| \d+ ms \|\n+$/);
});
