/**
 * Dates from git: the day of the last commit of each file under some folders, read with one `git log`
 * (deterministic: commit dates, not file times). Outside a git work tree, or without git, there are none.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

function git(cwd: string, args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
}

/** Answers by folders and HEAD commit: the dev server asks on every edit, and only a commit changes them. */
const memo = new Map<string, Map<string, string>>();

/** File (relative to `cwd`, `/`-separated) → `YYYY-MM-DD` of its newest commit, for the files under `dirs`. */
export function gitDates(cwd: string, dirs: readonly string[]): Map<string, string> {
  const dates = new Map<string, string>();
  if (dirs.length === 0) return dates;
  let log: string;
  let key: string;
  try {
    key = JSON.stringify([cwd, dirs, git(cwd, ['rev-parse', 'HEAD']).trim()]);
    const known = memo.get(key);
    if (known) return known;
    log = git(cwd, ['log', '--format=%x00%cs', '--name-only', '--no-renames', '--relative', '--', ...dirs]);
  } catch {
    return dates;
  }
  let date = '';
  for (const line of log.split('\n')) {
    if (line.startsWith('\0')) date = line.slice(1);
    else if (line && date && !dates.has(line)) dates.set(line, date); // newest commit first
  }
  if (memo.size >= 8) memo.clear();
  memo.set(key, dates);
  return dates;
}

/** The newest date of any file in `dir` (relative to the same `cwd` as `dates`). */
export function folderDate(dates: ReadonlyMap<string, string>, dir: string): string | undefined {
  const prefix = `${dir.split(path.sep).join('/').replace(/\/$/, '')}/`;
  let newest: string | undefined;
  for (const [file, date] of dates) if (file.startsWith(prefix) && (!newest || date > newest)) newest = date;
  return newest;
}
