/** changelogFiles (src/engine/branches.ts) directly: a changelog folder read from git is the folder a checkout reads from disk. */
import assert from 'node:assert/strict';
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { readChangelogTree } from '../src/changelog/scan.ts';
import { changelogFiles } from '../src/engine/branches.ts';
import { GitRepo } from '../src/git/repo.ts';
import { git, gitRepo } from './support/git.ts';

const fix = 'changelog:\n  - type: FIX\n    issueLink: https://github.com/solo-io/gloo/issues/1\n    description: Fixed.\n';
const dir = gitRepo([
  [
    'main',
    {
      'changelog/v1.17.0/fix.yaml': fix,
      'changelog/v1.17.0/summary.md': 'The summary.\n',
      'changelog/v1.17.1/deeper/nested.yaml': fix,
      'changelog/v1.17.1/.hidden.yaml': 'not: read\n',
      'changelog/.github/x.yaml': 'not: read\n',
      'changelog/validation.yaml': 'allowedLabels: []\n',
      'changelog/v1.17.2/copy.yaml': fix,
    },
  ],
]);
git(dir, 'checkout', '--quiet', 'main');
symlinkSync('../v1.17.0/fix.yaml', path.join(dir, 'changelog/v1.17.2/linked.yaml'));
symlinkSync('../../docs/nowhere.yaml', path.join(dir, 'changelog/v1.17.2/dangling.yaml'));
git(dir, 'add', '-A');
git(dir, 'commit', '--quiet', '-m', 'links');
const repo = GitRepo.open(dir, mkdtempSync(path.join(tmpdir(), 'branch-changelog-')));
after(() => repo.close());

test('the same files, folders and texts as the checkout, dot files left out; a link reads as the file it names', async () => {
  const files = await changelogFiles(repo, repo.treeOf(repo.resolve('main')!, 'changelog')!, async (oid) => (await repo.readBlob(oid)).toString('utf8'));
  const onDisk = readChangelogTree(path.join(dir, 'changelog'))!;
  const dangling = 'v1.17.2/dangling.yaml';
  assert.deepEqual(
    files.filter((f) => f.path !== dangling),
    onDisk.filter((f) => f.path !== dangling),
  );
  assert.deepEqual(files.find((f) => f.path === 'v1.17.2/linked.yaml'), { path: 'v1.17.2/linked.yaml', text: fix });
  assert.match(files.find((f) => f.path === dangling)!.special!, /symbolic link to `\.\.\/\.\.\/docs\/nowhere\.yaml`/);
  assert.match(onDisk.find((f) => f.path === dangling)!.special!, /symbolic link/, 'the checkout does not read it either');
  assert.equal(files.filter((f) => f.text === 'not: read\n').length, 0, 'dot files are not read');
});
