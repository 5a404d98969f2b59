/**
 * src/cli/run-cli.ts directly: how an entry point ends for the user. Each case runs in a small child
 * process (its exit code becomes the process's; it writes to stderr), never a build.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { environmentFailure } from '../src/cli/run-cli.ts';
import { NODE, REPO } from './support/project.ts';

/** Runs `body` (the main function's body) through cliExitCode in a child process, as the process's exit code. */
function runMain(body: string, env: Record<string, string> = {}) {
  const script = `
    import { cliExitCode } from ${JSON.stringify(path.join(REPO, 'src/cli/run-cli.ts'))};
    import { DiagnosticsError, error } from ${JSON.stringify(path.join(REPO, 'src/util/diagnostics.ts'))};
    void DiagnosticsError; void error;
    process.exitCode = await cliExitCode(async () => { ${body} });`;
  const r = spawnSync(NODE, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, NODE_DEBUG: '', ...env } });
  return { code: r.status, stderr: r.stderr, stdout: r.stdout };
}

test("the main function's exit code is the process's; a usage text ends with code 2", () => {
  assert.deepEqual(runMain('return { exitCode: 0 };'), { code: 0, stderr: '', stdout: '' });
  assert.equal(runMain('return { exitCode: 3 };').code, 3);
  assert.deepEqual(runMain("return { usage: 'usage: build [--out dir]' };"), { code: 2, stderr: 'usage: build [--out dir]\n', stdout: '' });
});

test("a user's mistake (diagnostics) ends with file:line:column, the message and the hint, and no stack trace", () => {
  const r = runMain("throw new DiagnosticsError([error('docs.config.ts', 3, 5, 'unknown key `bse`', { hint: 'did you mean `base`?' })]);");
  assert.equal(r.code, 1);
  assert.match(r.stderr, /docs\.config\.ts/);
  assert.match(r.stderr, /3:5/);
  assert.match(r.stderr, /unknown key `bse`/);
  assert.match(r.stderr, /did you mean `base`\?/);
  assert.doesNotMatch(r.stderr, /internal error|\n\s+at /);
});

test('a failure of the machine says what failed and what to do; anything else is an internal error asking for details', () => {
  const disk = runMain("throw Object.assign(new Error('ENOSPC: no space'), { code: 'ENOSPC', syscall: 'write', path: '/out/x.html' });");
  assert.equal(disk.code, 1);
  assert.equal(disk.stderr, 'error: cannot write /out/x.html: no space left on the device (ENOSPC)\n  hint: Free some space on that file system, or choose another --out.\n');
  const bug = runMain("throw new Error('x is undefined');");
  assert.equal(bug.code, 1);
  assert.match(bug.stderr, /^internal error: x is undefined\n\(this is a bug in the generator, not in your content; run with NODE_DEBUG=docs for details\)\n$/);
  assert.match(runMain("throw new Error('x is undefined');", { NODE_DEBUG: 'docs' }).stderr, /\n\s+at /, 'NODE_DEBUG=docs adds the stack');
});

test('environmentFailure: the code is found through causes; a rename names both paths; other errors are not the machine', () => {
  const denied = Object.assign(new Error('EACCES'), { code: 'EACCES', syscall: 'rename', path: '/a', dest: '/b' });
  assert.equal(environmentFailure(denied), 'error: cannot rename /a → /b: permission denied (EACCES)\n  hint: Check the permissions of that path, or choose another --out.');
  assert.match(environmentFailure(new Error('wrapped', { cause: Object.assign(new Error('x'), { code: 'EROFS' }) }))!, /^error: cannot complete a file operation: the file system is read-only \(EROFS\)/);
  assert.match(environmentFailure(Object.assign(new Error('x'), { code: 'EIO', path: '/dev/sdz' }))!, /^error: cannot use \/dev\/sdz: an input\/output error of the device \(EIO\)/);
  assert.equal(environmentFailure(Object.assign(new Error('x'), { code: 'ENOENT' })), undefined);
  assert.equal(environmentFailure(new TypeError('x')), undefined);
  assert.equal(environmentFailure(undefined), undefined);
});
