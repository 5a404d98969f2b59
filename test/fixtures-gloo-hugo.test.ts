/**
 * The real Gloo Edge docs, each release branch of the bundle built as its
 * team would: from a clone's root, `build --hugo docs`, with no config of
 * ours and nothing but the committed link baseline of that branch
 * (examples/gloo-hugo-baselines/), which lists the broken links the tree
 * already has. Then Hugo's own rendering of the branch (the Solo theme,
 * ../shared/tools/hugo-oracle.sh) against ours: every page Hugo renders is
 * ours at the same URL with every heading id Hugo gives, and the article
 * text stays at the similarity reached (docs/hugo-compatibility.md).
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { compareSites } from '../src/compare/hugo-fidelity.ts';
import { NODE, REPO } from './support/project.ts';
import { NEEDS_SHARED, SHARED } from './support/shared.ts';

const BUNDLE = path.join(SHARED, 'fixtures/gloo-docs.bundle');
const ORACLE = path.join(SHARED, 'tools/hugo-oracle.sh');
const BRANCHES = ['v1.14.x', 'v1.15.x', 'v1.16.x', 'v1.17.x'];
const HAVE_HUGO = spawnSync('hugo', ['version']).status === 0;
/** What every branch reaches today: a page of text lost or garbled anywhere shows here. */
const MEAN_FLOOR = 0.999;

const temp = mkdtempSync(path.join(tmpdir(), 'gloo-hugo-'));
after(() => rmSync(temp, { recursive: true, force: true }));

describe('the real Gloo Edge branches, built with --hugo', { skip: NEEDS_SHARED }, () => {
  for (const branch of BRANCHES) {
    test(`${branch}: builds with only its link baseline, and matches Hugo's pages and heading ids`, { timeout: 600_000 }, () => {
      const clone = path.join(temp, branch);
      execFileSync('git', ['clone', '-q', '-b', branch, BUNDLE, clone]);
      const out = path.join(temp, `${branch}-site`);
      const baseline = path.join(REPO, 'examples/gloo-hugo-baselines', `${branch}.tsv`);
      // One branch is built from this repository with the clone's path, the others from the clone's root, as a
      // team would: the baseline's entries are the same either way (relative to the docs folder's repository).
      const fromRepo = branch === BRANCHES[0];
      const run = spawnSync(NODE, [path.join(REPO, 'src/cli/build.ts'), '--hugo', fromRepo ? path.join(clone, 'docs') : 'docs', '--out', out, '--link-baseline', baseline], {
        cwd: fromRepo ? REPO : clone,
        encoding: 'utf8',
        env: { ...process.env, GITHUB_ACTIONS: '', NODE_DEBUG: '' },
      });
      assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
      assert.match(run.stdout, /Built \d{3} pages in 1 docs versions/);
      assert.doesNotMatch(run.stderr, /error:/, 'no error but the baseline\'s');
      // The clone is untouched: nothing changed, nothing added but (built from its root) the compile cache, where tools keep theirs.
      const status = spawnSync('git', ['status', '--porcelain'], { cwd: clone, encoding: 'utf8' }).stdout;
      if (fromRepo) assert.equal(status, '', 'the clone is untouched');
      else {
        assert.equal(status, '?? node_modules/\n', 'the clone is untouched');
        assert.deepEqual(readdirSync(path.join(clone, 'node_modules'), { recursive: true }).slice().sort().slice(0, 2), ['.cache', '.cache/versioned-docs']);
      }

      if (!HAVE_HUGO) return;
      const hugo = path.join(temp, `${branch}-hugo`);
      execFileSync('bash', [ORACLE, branch, hugo], { stdio: 'ignore' });
      const report = compareSites(hugo, path.join(out, 'gloo-edge', branch));
      assert.equal(report.pageShare, 1, `pages missing: ${report.pages.filter((p) => !p.found).map((p) => p.route).join(', ')}`);
      assert.equal(report.idShare, 1, `heading ids missing: ${report.pages.filter((p) => p.missingIds.length).map((p) => `${p.route} ${p.missingIds.join(' ')}`).join('; ')}`);
      assert.ok(report.meanSimilarity >= MEAN_FLOOR, `mean text similarity ${report.meanSimilarity.toFixed(4)} < ${MEAN_FLOOR}`);
    });
  }
});
