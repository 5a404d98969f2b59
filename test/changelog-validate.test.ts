/**
 * Every validation rule of the loader, each on a small temporary changelog
 * tree: the message, the position, the severity per mode, and what lenient
 * mode keeps.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { loadChangelog } from '../src/changelog/load.ts';
import { docsRoot as tree } from './support/pipeline.ts';
import type { Diagnostic } from '../src/util/diagnostics.ts';
import type { Product } from '../src/changelog/types.ts';


function load(files: Record<string, string>, strict = true, product: Product = 'open_source') {
  const root = tree(files);
  return loadChangelog([{ product, dir: 'cl' }], { strict, root });
}

function only(diagnostics: Diagnostic[]): Diagnostic {
  assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics, null, 2));
  return diagnostics[0]!;
}

const ok = `changelog:
  - type: FIX
    issueLink: https://github.com/solo-io/gloo/issues/1
    description: Fixed it.
`;

test('a valid file gives no diagnostics and entries with file and line', () => {
  const { releases, diagnostics } = load({ 'cl/v1.2.3/a.yaml': ok + '  - type: NON_USER_FACING\n' });
  assert.deepEqual(diagnostics, []);
  assert.equal(releases.length, 1);
  const r = releases[0]!;
  assert.deepEqual([r.version, r.tag, r.minor, r.prerelease, r.unreleased], ['1.2.3', 'v1.2.3', '1.2', false, false]);
  assert.deepEqual(r.entries.map((e) => [e.type, e.file, e.line]), [
    ['FIX', 'cl/v1.2.3/a.yaml', 2],
    ['NON_USER_FACING', 'cl/v1.2.3/a.yaml', 5],
  ]);
  assert.equal(r.entries[0]!.description, 'Fixed it.');
});

test('YAML syntax error: line and column, file skipped', () => {
  const { releases, diagnostics } = load({ 'cl/v1.2.3/a.yaml': 'changelog:\n  - type: FIX\n    description: [oops\n' });
  const d = diagnostics.find((x) => /YAML syntax error/.test(x.message));
  assert.ok(d, JSON.stringify(diagnostics));
  assert.equal(d.severity, 'error');
  assert.equal(d.file, 'cl/v1.2.3/a.yaml');
  assert.ok(d.line >= 3 && d.column >= 1, `${d.line}:${d.column}`);
  assert.deepEqual(releases[0]!.entries, []);
});

test('a billion-laughs alias bomb ends in a diagnostic, fast', () => {
  const bomb = [
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
    'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
    'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
    'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
    'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
    'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
    'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
    'h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]',
    'changelog: [*h,*h,*h,*h,*h,*h,*h,*h,*h]',
  ].join('\n');
  const start = Date.now();
  const { diagnostics } = load({ 'cl/v1.2.3/a.yaml': bomb });
  assert.ok(Date.now() - start < 2000);
  assert.match(only(diagnostics).message, /too many YAML aliases/);
});

test('unknown type, with a did-you-mean when close', () => {
  const { releases, diagnostics } = load({
    'cl/v1.2.3/a.yaml': 'changelog:\n  - type: BUGFIX\n    description: x\n    issueLink: https://x.io/1\n  - type: fix\n    description: y\n    issueLink: https://x.io/2\n',
  });
  assert.equal(diagnostics.length, 2);
  assert.equal(diagnostics[0]!.message, 'unknown changelog type `BUGFIX`');
  assert.deepEqual([diagnostics[0]!.line, diagnostics[0]!.column], [2, 11]);
  assert.equal(diagnostics[1]!.message, 'unknown changelog type `fix`');
  assert.match(diagnostics[1]!.hint!, /did you mean `FIX`/);
  assert.equal(diagnostics[1]!.line, 5);
  // BUGFIX is dropped, fix is read as FIX
  assert.deepEqual(releases[0]!.entries.map((e) => e.type), ['FIX']);
});

test('entry without a type', () => {
  const d = only(load({ 'cl/v1.2.3/a.yaml': 'changelog:\n  - description: x\n' }).diagnostics);
  assert.equal(d.message, 'changelog entry has no `type`');
  assert.deepEqual([d.line, d.column], [2, 5]);
});

test('missing fields per type', () => {
  const { releases, diagnostics } = load(
    {
      'cl/v1.2.3/a.yaml': [
        'changelog:',
        '  - type: NEW_FEATURE',
        '    description: no link',
        '  - type: HELM',
        '    issueLink: https://github.com/solo-io/gloo/issues/2',
        '  - type: DEPENDENCY_BUMP',
        '    dependencyOwner: solo-io',
        '  - type: NON_USER_FACING',
        '  - type: BREAKING_CHANGE',
        '',
      ].join('\n'),
    },
    false,
  );
  assert.deepEqual(
    diagnostics.map((d) => [d.severity, d.line, d.message]),
    [
      ['warning', 2, 'NEW_FEATURE entry is missing `issueLink`'],
      ['warning', 4, 'HELM entry is missing `description`'],
      ['warning', 6, 'DEPENDENCY_BUMP entry is missing `dependencyRepo` and `dependencyTag`'],
      ['warning', 9, 'BREAKING_CHANGE entry is missing `description` and `issueLink`'],
    ],
  );
  // lenient keeps the entries
  assert.equal(releases[0]!.entries.length, 5);
});

test('unknown fields, with did-you-mean hints; close misspellings are read in lenient mode', () => {
  const { releases, diagnostics } = load(
    {
      'cl/v1.2.3/a.yaml': [
        'changelog:',
        '  - type: FIX',
        '    issueLink: https://github.com/solo-io/gloo/issues/3',
        '    ressolvesIssue: false',
        '    descrption: typo',
        '    colour: blue',
        '',
      ].join('\n'),
    },
    false,
  );
  assert.deepEqual(
    diagnostics.map((d) => [d.line, d.column, d.message]),
    [
      [4, 5, 'unknown field `ressolvesIssue`'],
      [5, 5, 'unknown field `descrption`'],
      [6, 5, 'unknown field `colour`'],
    ],
  );
  assert.match(diagnostics[0]!.hint!, /did you mean `resolvesIssue`/);
  assert.match(diagnostics[1]!.hint!, /did you mean `description`/);
  assert.match(diagnostics[2]!.hint!, /known fields:/);
  assert.equal(diagnostics[0]!.excerpt, 'ressolvesIssue: false');
  const e = releases[0]!.entries[0]!;
  assert.equal(e.resolvesIssue, false);
  assert.equal(e.description, 'typo');
});

test('a misspelling is not read over the real field', () => {
  const { releases } = load(
    { 'cl/v1.2.3/a.yaml': ok.replace('Fixed it.', 'real') + '    descrption: other\n' },
    false,
  );
  assert.equal(releases[0]!.entries[0]!.description, 'real');
});

test('changelog not a list, missing, empty; top level not a mapping; empty file', () => {
  const cases: [string, RegExp, number][] = [
    ['changelog: just text\n', /`changelog` must be a list of entries/, 1],
    ['changelog:\n', /`changelog` has no entries/, 1],
    ['releaseStableApi: true\n', /missing `changelog` list/, 1],
    ['- type: FIX\n', /must be a mapping with a `changelog` list/, 1],
    ['', /empty changelog file/, 1],
    ['changelog:\n  - just a string\n', /a changelog entry must be a mapping/, 2],
  ];
  for (const [text, message, line] of cases) {
    const d = only(load({ 'cl/v1.2.3/a.yaml': text }).diagnostics);
    assert.match(d.message, message, text);
    assert.equal(d.line, line, text);
  }
});

test('booleans, text fields and links are checked', () => {
  const { releases, diagnostics } = load(
    {
      'cl/v1.2.3/a.yaml': [
        'changelog:',
        '  - type: FIX',
        '    issueLink: javascript:alert(1)',
        '    resolvesIssue: yes',
        '    description: 42',
        '',
      ].join('\n'),
    },
    false,
  );
  const msgs = diagnostics.map((d) => `${d.line}: ${d.message}`);
  assert.deepEqual(msgs, [
    '3: `issueLink` must be an http(s) URL, not `javascript:alert(1)`',
    '4: `resolvesIssue` must be true or false, not `yes`',
    '5: `description` must be text, not number `42`',
    '2: FIX entry is missing `issueLink`',
  ]);
  const e = releases[0]!.entries[0]!;
  assert.equal(e.issueLink, undefined);
  assert.equal(e.resolvesIssue, true);
  assert.equal(e.description, '42');
});

test('upgradeGuide is validated', () => {
  const guide = (s: string) => `changelog:\n  - type: HELM\n    issueLink: https://x.io/1\n    description: d\n    upgradeGuide: ${s}\n`;
  const good = load({ 'cl/v1.2.3/a.yaml': guide('{section: helm, change: deprecated}') });
  assert.deepEqual(good.diagnostics, []);
  assert.deepEqual(good.releases[0]!.entries[0]!.upgradeGuide, { section: 'helm', change: 'deprecated' });
  for (const [value, message] of [
    ['{section: docs, change: new}', /`upgradeGuide.section` must be one of features, helm, crd, cli/],
    ['{section: cli, change: removed}', /`upgradeGuide.change` for section cli must be one of new, changed/],
    ['{section: helm, change: changed}', /for section helm must be one of new, deprecated, removed/],
    ['helm', /`upgradeGuide` must be a mapping/],
  ] as const) {
    const { releases, diagnostics } = load({ 'cl/v1.2.3/a.yaml': guide(value) }, false);
    assert.match(only(diagnostics).message, message, value);
    assert.equal(only(diagnostics).line, 5);
    assert.equal(releases[0]!.entries[0]!.upgradeGuide, undefined);
  }
});

test('folder names that are not semver are reported and skipped', () => {
  const { releases, diagnostics } = load({
    'cl/1.2.3/a.yaml': ok,
    'cl/v1.2/a.yaml': ok,
    'cl/notes/a.yaml': ok,
    'cl/v1.2.4-beta1/a.yaml': ok,
  });
  assert.deepEqual(releases.map((r) => r.version), ['1.2.4-beta1']);
  assert.deepEqual(
    diagnostics.map((d) => [d.file, d.message]),
    [
      ['cl/1.2.3', 'folder name `1.2.3` is not a release version; the folder is ignored'],
      ['cl/notes', 'folder name `notes` is not a release version; the folder is ignored'],
      ['cl/v1.2', 'folder name `v1.2` is not a release version; the folder is ignored'],
    ],
  );
  assert.equal(diagnostics[0]!.hint, 'did you mean v1.2.3?');
});

test('files that are not named like YAML are reported and, when they parse, kept in lenient mode', () => {
  const strict = load({ 'cl/v1.2.3/a.yam': ok, 'cl/v1.2.3/b': ok });
  assert.deepEqual(
    strict.diagnostics.map((d) => [d.severity, d.file, d.message]),
    [
      ['error', 'cl/v1.2.3/a.yam', '`a.yam` is not named like a YAML file (read as YAML anyway)'],
      ['error', 'cl/v1.2.3/b', '`b` is not named like a YAML file (read as YAML anyway)'],
    ],
  );
  assert.equal(strict.diagnostics[0]!.hint, 'rename it to a.yaml');
  assert.equal(strict.diagnostics[1]!.hint, 'rename it to b.yaml');
  const lenient = load({ 'cl/v1.2.3/a.yam': ok }, false);
  assert.equal(only(lenient.diagnostics).severity, 'warning');
  assert.equal(lenient.releases[0]!.entries.length, 1);
});

test('stray files, other Markdown files and nested folders are reported and ignored', () => {
  const { releases, diagnostics } = load({
    'cl/validation.yaml': 'allowedLabels:\n  - rc\n',
    'cl/v1.2.3/a.yml': ok,
    'cl/v1.2.3/notes.md': '# notes',
    'cl/v1.2.3/sub/b.yaml': ok,
  });
  assert.deepEqual(
    diagnostics.map((d) => [d.file, d.message]),
    [
      ['cl/v1.2.3/notes.md', 'Markdown file `notes.md` is not read'],
      ['cl/v1.2.3/sub', 'unexpected folder inside a release folder; it is ignored'],
      ['cl/validation.yaml', 'stray file outside a release folder: `validation.yaml` is ignored'],
    ],
  );
  assert.equal(releases[0]!.entries.length, 1);
});

test('summary.md and closing.md are read as prose; UNRELEASED marks a release', () => {
  const { releases, diagnostics } = load({
    'cl/v1.2.3/a.yaml': ok,
    'cl/v1.2.3/summary.md': '\nBig release.\n',
    'cl/v1.2.3/closing.md': 'Thanks!\n',
    'cl/v1.2.4/a.yaml': ok,
    'cl/v1.2.4/UNRELEASED': '',
  });
  assert.deepEqual(diagnostics, []);
  const [r124, r123] = releases;
  assert.deepEqual([r124!.version, r124!.unreleased], ['1.2.4', true]);
  assert.deepEqual([r123!.summary, r123!.closing, r123!.unreleased], ['Big release.', 'Thanks!', false]);
});

test('duplicate keys: the first value is used', () => {
  const { releases, diagnostics } = load(
    { 'cl/v1.2.3/a.yaml': ok.replace('    description: Fixed it.\n', '    description: first\n    description: second\n') },
    false,
  );
  const d = only(diagnostics);
  assert.equal(d.message, 'duplicate key `description` (the first value is used)');
  assert.equal(d.line, 5);
  assert.equal(releases[0]!.entries[0]!.description, 'first');
});

test('enterprise: ossVersion from the gloo bump, swapped owner/repo warned and accepted', () => {
  const bump = (owner: string, repo: string, tag: string) =>
    `changelog:\n  - type: DEPENDENCY_BUMP\n    dependencyOwner: ${owner}\n    dependencyRepo: ${repo}\n    dependencyTag: ${tag}\n`;
  const { releases, diagnostics } = load(
    {
      'cl/v1.17.4/a.yaml': bump('solo-io', 'gloo', 'v1.17.9'),
      'cl/v1.17.3/a.yaml': bump('gloo', 'solo-io', 'v1.17.7'),
      'cl/v1.17.2/a.yaml': bump('solo-io', 'envoy-gloo', 'v1.29.0'),
      'cl/v1.17.1/a.yaml': bump('solo-io', 'gloo', 'latest'),
    },
    false,
    'enterprise',
  );
  assert.deepEqual(
    releases.map((r) => [r.version, r.ossVersion]),
    [['1.17.4', '1.17.9'], ['1.17.3', '1.17.7'], ['1.17.2', undefined], ['1.17.1', undefined]],
  );
  assert.deepEqual(
    diagnostics.map((d) => [d.file, d.line, d.message]),
    [
      ['cl/v1.17.3/a.yaml', 4, 'dependencyOwner `gloo` and dependencyRepo `solo-io` look swapped'],
      ['cl/v1.17.1/a.yaml', 2, 'open source dependency tag `latest` is not a version'],
    ],
  );
});

test('a missing changelog folder is reported', () => {
  const root = tree({});
  const { releases, diagnostics } = loadChangelog([{ product: 'enterprise', dir: 'nope' }], { strict: true, root });
  assert.deepEqual(releases, []);
  assert.equal(only(diagnostics).message, 'changelog folder not found for enterprise');
});

test('an unreadable entry in a release folder is a diagnostic, not a crash', () => {
  const root = tree({ 'cl/v1.2.3/a.yaml': ok, 'elsewhere/keep.txt': '' });
  fs.symlinkSync(path.join(root, 'elsewhere'), path.join(root, 'cl/v1.2.3/link.yaml'));
  const { releases, diagnostics } = loadChangelog([{ product: 'open_source', dir: 'cl' }], { strict: true, root });
  assert.equal(only(diagnostics).message, '`link.yaml` is a folder, not a regular file; it is not read');
  assert.equal(releases[0]!.entries.length, 1);
});
