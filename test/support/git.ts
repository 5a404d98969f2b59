/** Small git repositories for tests: branches of a docs tree, made with the git CLI, and their bundle. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ENV = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com', GIT_AUTHOR_DATE: '2024-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2024-01-01T00:00:00Z' };

export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * A repository with one branch per entry: each branch's files (path → text; `null` deletes) are
 * committed on top of the previous branch's, so later branches share most blobs with earlier ones.
 */
export function gitRepo(branches: [name: string, files: Record<string, string | null>][]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'git-docs-'));
  git(dir, 'init', '--quiet', '--initial-branch', branches[0]![0]);
  branches.forEach(([name, files], i) => {
    if (i > 0) git(dir, 'checkout', '--quiet', '-b', name);
    for (const [file, text] of Object.entries(files)) {
      const full = path.join(dir, file);
      if (text === null) rmSync(full);
      else {
        mkdirSync(path.dirname(full), { recursive: true });
        writeFileSync(full, text);
      }
    }
    git(dir, 'add', '-A');
    git(dir, 'commit', '--quiet', '--allow-empty', '-m', name);
  });
  return dir;
}

/** `git bundle create` of every branch of `repo`, into a new temporary folder. */
export function bundleOf(repo: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'git-bundle-')), 'docs.bundle');
  git(repo, 'bundle', 'create', '--quiet', file, '--branches');
  return file;
}
