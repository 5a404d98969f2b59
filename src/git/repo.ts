/**
 * A git repository read through git's plumbing, never through a checkout or
 * a worktree: `for-each-ref` for the refs, `ls-tree -r -z` for a folder's
 * files, and one long-lived `git cat-file --batch` process for the blobs.
 *
 * A bundle file is fetched once into a bare repository in our cache folder
 * (git reads objects from a bundle only that way); it is fetched again only
 * when the bundle file changes. A repository path (a clone, a bare
 * repository) is read in place and never written to.
 */
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface TreeEntry {
  /** `100644`, `100755`, `120000` (symbolic link). */
  mode: string;
  oid: string;
  /** Path inside the listed folder, with `/`. */
  path: string;
}

export class GitError extends Error {}

export class GitRepo {
  /** The git directory (or work tree) commands run in. */
  readonly dir: string;
  /** What the user named: the repository path or the bundle file. */
  readonly source: string;
  #batch: BlobBatch | undefined;
  #refs: Map<string, string> | undefined;

  private constructor(dir: string, source: string) {
    this.dir = dir;
    this.source = source;
  }

  /** Opens a repository path, or fetches a bundle file into `<cacheDir>/repos/`. */
  static open(source: string, cacheDir: string): GitRepo {
    if (!existsSync(source)) throw new GitError(`no such repository or bundle: ${source}`);
    if (statSync(source).isDirectory()) {
      try {
        git(source, ['rev-parse', '--git-dir']);
      } catch {
        throw new GitError(`${source} is not a git repository`);
      }
      return new GitRepo(source, source);
    }
    return new GitRepo(fetchBundle(source, cacheDir), source);
  }

  /**
   * Every branch and tag by short name (`v1.17.x`), and the commit it points at.
   * Remote-tracking branches (`origin/v1.16.x`, as a CI checkout has them) answer to their
   * short name too when no local branch has it.
   */
  refs(): Map<string, string> {
    if (this.#refs) return this.#refs;
    const out = git(this.dir, ['for-each-ref', '--format=%(refname)%00%(objectname)%00%(*objectname)', 'refs/heads', 'refs/tags', 'refs/remotes']);
    const heads = new Map<string, string>();
    const tags = new Map<string, string>();
    const remotes = new Map<string, string>();
    for (const line of out.split('\n').filter(Boolean)) {
      const [name, oid, peeled] = line.split('\0') as [string, string, string];
      const commit = peeled || oid;
      if (name.startsWith('refs/heads/')) heads.set(name.slice(11), commit);
      else if (name.startsWith('refs/tags/')) tags.set(name.slice(10), commit);
      else if (name.startsWith('refs/remotes/') && !name.endsWith('/HEAD')) {
        const short = name.slice(13);
        remotes.set(short, commit);
        const bare = short.slice(short.indexOf('/') + 1);
        if (!remotes.has(bare)) remotes.set(bare, commit);
      }
    }
    this.#refs = new Map([...remotes, ...tags, ...heads]);
    return this.#refs;
  }

  /** The commit a ref name (or a commit id) points at; undefined when there is none. */
  resolve(ref: string): string | undefined {
    const known = this.refs().get(ref);
    if (known) return known;
    if (/^[0-9a-f]{7,40}$/i.test(ref)) {
      try {
        return git(this.dir, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).trim();
      } catch {
        return undefined;
      }
    }
    return undefined;
  }

  /** The tree id of `folder` in `commit` (`''` = the root), or undefined when it is not a folder there. */
  treeOf(commit: string, folder: string): string | undefined {
    const clean = folder.replace(/^\/+|\/+$/g, '');
    try {
      if (!clean) return git(this.dir, ['rev-parse', '--verify', '--quiet', `${commit}^{tree}`]).trim() || undefined;
      const [mode, type, oid] = git(this.dir, ['ls-tree', '-z', commit, '--', clean]).split('\t')[0]!.split(' ');
      return mode && type === 'tree' ? oid : undefined;
    } catch {
      return undefined;
    }
  }

  /** Every file under a tree (recursively), paths relative to it; submodules are left out. */
  listTree(tree: string): TreeEntry[] {
    const out = git(this.dir, ['ls-tree', '-r', '-z', '--full-tree', tree]);
    const entries: TreeEntry[] = [];
    for (const record of out.split('\0')) {
      if (!record) continue;
      const tab = record.indexOf('\t');
      const [mode, type, oid] = record.slice(0, tab).split(' ') as [string, string, string];
      if (type !== 'blob') continue;
      entries.push({ mode, oid, path: record.slice(tab + 1) });
    }
    return entries;
  }

  /** A blob's bytes, from the long-lived `git cat-file --batch` process. */
  readBlob(oid: string): Promise<Buffer> {
    this.#batch ??= new BlobBatch(this.dir);
    return this.#batch.read(oid);
  }

  /** A file of a commit as text, or undefined when it does not exist. */
  async readFile(commit: string, file: string): Promise<string | undefined> {
    let oid: string;
    try {
      oid = git(this.dir, ['rev-parse', '--verify', '--quiet', `${commit}:${file}`]).trim();
    } catch {
      return undefined;
    }
    return oid ? (await this.readBlob(oid)).toString('utf8') : undefined;
  }

  close(): void {
    this.#batch?.close();
    this.#batch = undefined;
  }
}

function git(dir: string, args: string[]): string {
  return execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * A bundle is fetched into `<cacheDir>/repos/<hash of its path>.git`, a bare repository of ours;
 * again only when the bundle's size or modification time changed since.
 */
function fetchBundle(bundle: string, cacheDir: string): string {
  const full = path.resolve(bundle);
  const id = createHash('sha256').update(full).digest('hex').slice(0, 16);
  const dir = path.join(cacheDir, 'repos', `${id}.git`);
  const stat = statSync(full);
  const stamp = `${full}\0${stat.size}\0${stat.mtimeMs}`;
  const stampFile = path.join(dir, 'versioned-docs-bundle');
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return dir;
  try {
    execFileSync('git', ['bundle', 'verify', '--quiet', full], { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    throw new GitError(`${bundle} is not a readable git bundle: ${String((e as { stderr?: Buffer }).stderr ?? '').trim().split('\n')[0]}`);
  }
  const temp = `${dir}.${process.pid}.tmp`;
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(path.dirname(dir), { recursive: true });
  execFileSync('git', ['init', '--quiet', '--bare', temp], { stdio: 'ignore' });
  // Branches stay branches, tags stay tags: the refs read the same as in the bundle's own repository.
  execFileSync('git', ['-C', temp, 'fetch', '--quiet', '--no-write-fetch-head', full, '+refs/heads/*:refs/heads/*', '+refs/tags/*:refs/tags/*'], { stdio: ['ignore', 'pipe', 'pipe'] });
  writeFileSync(path.join(temp, 'versioned-docs-bundle'), stamp);
  rmSync(dir, { recursive: true, force: true });
  renameSync(temp, dir);
  return dir;
}

/** `git cat-file --batch`: one process answers every blob request in order. */
class BlobBatch {
  readonly #process: ChildProcessWithoutNullStreams;
  readonly #waiting: { oid: string; resolve: (b: Buffer) => void; reject: (e: Error) => void }[] = [];
  #buffer: Buffer = Buffer.alloc(0);
  #failed: Error | undefined;

  constructor(dir: string) {
    this.#process = spawn('git', ['-C', dir, 'cat-file', '--batch'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.#process.stdout.on('data', (chunk: Buffer) => {
      this.#buffer = this.#buffer.length ? Buffer.concat([this.#buffer, chunk]) : chunk;
      this.#drain();
    });
    const fail = (e: Error) => {
      this.#failed = e;
      for (const w of this.#waiting.splice(0)) w.reject(e);
    };
    this.#process.on('error', fail);
    this.#process.on('exit', (code) => {
      if (this.#waiting.length) fail(new GitError(`git cat-file stopped (exit code ${code})`));
    });
  }

  read(oid: string): Promise<Buffer> {
    if (this.#failed) return Promise.reject(this.#failed);
    return new Promise((resolve, reject) => {
      this.#waiting.push({ oid, resolve, reject });
      this.#process.stdin.write(`${oid}\n`);
    });
  }

  #drain(): void {
    while (this.#waiting.length) {
      const newline = this.#buffer.indexOf(10);
      if (newline < 0) return;
      const header = this.#buffer.subarray(0, newline).toString('utf8');
      const waiter = this.#waiting[0]!;
      if (header.endsWith(' missing')) {
        this.#waiting.shift();
        this.#buffer = this.#buffer.subarray(newline + 1);
        waiter.reject(new GitError(`object ${waiter.oid} is missing from the repository`));
        continue;
      }
      const size = Number(header.split(' ')[2]);
      const end = newline + 1 + size;
      if (this.#buffer.length < end + 1) return;
      this.#waiting.shift();
      waiter.resolve(Buffer.from(this.#buffer.subarray(newline + 1, end)));
      this.#buffer = this.#buffer.subarray(end + 1);
    }
  }

  close(): void {
    this.#process.stdin.end();
  }
}
