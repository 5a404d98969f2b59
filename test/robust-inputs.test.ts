/**
 * Every bad input a user can commit, through the real `npm run build` path
 * (`node src/cli/build.ts --config <temp project>`): exit code 1, a message
 * naming file:line:column with the offending text and a hint, no stack
 * trace, and the previous dist/ byte for byte as it was. Problems are
 * collected across pages and versions and printed once, grouped by file.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { MAX_DEFERRED } from '../src/markdown/sentinels.ts';
import { buildProject, fakeDist, snapshot, STACK_TRACE, tempProject, writeText } from './support/project.ts';

const temps: string[] = [];
after(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

interface Case {
  name: string;
  /** Files to write into a project holding a copy of the sample changelog and one good page. */
  files?: Record<string, string>;
  config?: string;
  setup?: (dir: string) => void;
  /** Each must appear in stderr. */
  expect: (string | RegExp)[];
}

const page = (body: string, front = 'title: Page') => `---\n${front}\n---\n${body}\n`;

/** A special file no build may read: reading it would block until a writer comes. */
const mkfifo = (file: string) => {
  mkdirSync(path.dirname(file), { recursive: true });
  execFileSync('mkfifo', [file]);
};

/** `levels` anchors, each a list of 9 aliases of the one before: 9^levels values once expanded. */
function aliasBomb(levels: number): string {
  const name = (i: number) => String.fromCharCode(97 + i);
  const lines = ['title: Bomb', `a: &a [${Array(9).fill('"x"').join(',')}]`];
  for (let i = 1; i < levels; i++) lines.push(`${name(i)}: &${name(i)} [${Array(9).fill(`*${name(i - 1)}`).join(',')}]`);
  return [...lines, `aliases: *${name(levels - 1)}`].join('\n');
}

const CASES: Case[] = [
  {
    name: 'malformed front matter',
    files: { 'content/bad.md': '---\ntitle: "unclosed\nweight: 1\n---\nBody\n' },
    expect: [/content\/bad\.md:\d+:\d+: error: Malformed front matter/, /hint: Front matter is YAML/],
  },
  {
    name: 'unknown shortcode',
    files: { 'content/bad.md': page('Intro\n\nUse {{< nosuch arg="1" >}} here.') },
    expect: ['content/bad.md:6:5: error: Unknown shortcode `nosuch`', '{{< nosuch arg="1" >}}', /hint: Known shortcodes: .*notice/],
  },
  {
    name: 'unclosed shortcode',
    files: { 'content/bad.md': page('{{% notice tip %}}\nNever closed.') },
    expect: ['content/bad.md:4:1: error: Unclosed shortcode `notice`', 'hint: Close it with {{% /notice %}}'],
  },
  {
    name: 'mismatched shortcode',
    files: { 'content/bad.md': page('{{< tabs >}}\n{{% tab name="a" %}}\nA\n{{% /notice %}}\n{{< /tabs >}}') },
    expect: ['content/bad.md:7:1: error: Closing tag `/notice` has no opening `notice`', 'content/bad.md:5:1: error: Unclosed shortcode `tab`'],
  },
  {
    name: 'readfile of a missing file',
    files: { 'content/bad.md': page('Version {{< readfile file="static/content/version_nope.md" >}}.') },
    expect: [/content\/bad\.md:4:\d+: error: readfile: file `static\/content\/version_nope\.md` does not exist/, 'hint: Create'],
  },
  {
    name: 'readfile of an absolute path: looked for inside the root, as Hugo does',
    files: { 'content/bad.md': page('{{< readfile file="/etc/hostname" >}}') },
    expect: [/content\/bad\.md:4:\d+: error: readfile: file `\/etc\/hostname` does not exist/, /hint: Create .*content\/etc\/hostname/],
  },
  {
    name: 'readfile with a .. escape',
    files: { 'content/bad.md': page('Text\n{{< readfile file="static/../../../etc/passwd" >}}') },
    expect: [/content\/bad\.md:5:\d+: error: readfile path `static\/\.\.\/\.\.\/\.\.\/etc\/passwd` leaves the docs root/, 'hint: Only files inside the docs root'],
  },
  {
    name: 'readfile of a symbolic link out of the root',
    files: { 'content/bad.md': page('{{< readfile file="static/secret.md" >}}') },
    setup: (dir) => {
      const outside = mkdtempSync(path.join(tmpdir(), 'outside-'));
      temps.push(outside);
      writeFileSync(path.join(outside, 'secret.md'), 'SECRET');
      symlinkSync(path.join(outside, 'secret.md'), path.join(dir, 'static/secret.md'));
    },
    expect: [/content\/bad\.md:4:\d+: error: readfile path `static\/secret\.md` is a symbolic link leading outside the docs root/],
  },
  {
    name: 'invalid changelog YAML file',
    files: { 'changelog/open_source/v1.17.3/broken.yaml': 'changelog:\n  - type: FIX\n    description: [unclosed\n    issueLink: https://github.com/solo-io/gloo/issues/1\n' },
    expect: [/changelog\/open_source\/v1\.17\.3\/broken\.yaml:\d+:\d+: error: YAML syntax error/, 'hint: fix the YAML'],
  },
  {
    name: 'invalid changelog entry',
    files: { 'changelog/open_source/v1.17.3/entry.yaml': 'changelog:\n  - type: FIXX\n    description: Fixed it.\n    issueLink: https://github.com/solo-io/gloo/issues/1\n  - type: NEW_FEATURE\n    description: No link.\n' },
    expect: [
      'changelog/open_source/v1.17.3/entry.yaml:2:11: error: unknown changelog type `FIXX`',
      'hint: did you mean `FIX`?',
      'changelog/open_source/v1.17.3/entry.yaml:5:5: error: NEW_FEATURE entry is missing `issueLink`',
    ],
  },
  {
    name: 'invalid changelog folder name',
    files: { 'changelog/open_source/1.17.99/fix.yaml': 'changelog:\n  - type: NON_USER_FACING\n' },
    expect: ['changelog/open_source/1.17.99: error: folder name `1.17.99` is not a release version', 'hint: did you mean v1.17.99?'],
  },
  {
    name: 'two headings with the same explicit id',
    files: { 'content/bad.md': page('## One {#same}\n\nText\n\n## Two {#same}') },
    expect: ['content/bad.md:8:1: error: Two headings have the id `same` (the first is on line 4)', 'hint: Heading ids must be unique'],
  },
  {
    name: 'a page whose versions: range is not valid semver',
    files: { 'content/bad.md': page('Body', 'title: Page\nversions: ">=1.16 banana"') },
    expect: ['content/bad.md:3:1: error: Front matter `versions: >=1.16 banana` is not a valid semver range', 'hint: Write a range'],
  },
  {
    name: 'a version in the site config that has no data',
    config: "versions: { include: ['v1.17.x', 'v1.99.x'] }",
    expect: [/docs\.config\.ts:2:62: error: docs version v1\.99\.x has no open source release in the changelog/, /hint: docs versions with data: .*v1\.17\.x/],
  },
  {
    name: 'a FIFO as a page: refused at its path, no hang',
    setup: (dir) => mkfifo(path.join(dir, 'content/pipe.md')),
    expect: ['content/pipe.md: error: `content/pipe.md` is a FIFO (named pipe); it is not read'],
  },
  {
    name: 'a FIFO as a changelog file: refused at its path, no hang',
    setup: (dir) => mkfifo(path.join(dir, 'changelog/open_source/v1.17.3/pipe.yaml')),
    expect: ['changelog/open_source/v1.17.3/pipe.yaml: error: `pipe.yaml` is a FIFO (named pipe), not a regular file; it is not read'],
  },
  {
    name: 'a FIFO as a readfile target: refused at the shortcode, no hang',
    files: { 'content/bad.md': page('{{< readfile file="static/pipe.md" >}}') },
    setup: (dir) => mkfifo(path.join(dir, 'static/pipe.md')),
    expect: [/content\/bad\.md:4:\d+: error: readfile: `static\/pipe\.md` is a FIFO \(named pipe\), not a regular file/],
  },
  {
    name: 'a FIFO as a data file: refused, no hang',
    files: { 'content/bad.md': page('{{< protobuf name="x" >}}') },
    config: "versions: { newest: 1 }, data: 'data'",
    setup: (dir) => mkfifo(path.join(dir, 'data/ProtoMap.yaml')),
    expect: [/Data file .*data\/ProtoMap\.yaml is a FIFO \(named pipe\), not a regular file/],
  },
  {
    name: 'two pages on one route: foo.md and foo/_index.md',
    files: { 'content/foo.md': page('A'), 'content/foo/_index.md': page('B') },
    expect: ['content/foo.md:1:1: error: Two pages have the route `/foo/`: content/foo/_index.md and content/foo.md', 'hint: A route has one page'],
  },
  {
    name: 'two pages on one route: foo.md and foo/index.md',
    files: { 'content/foo.md': page('A'), 'content/foo/index.md': page('B') },
    expect: ['content/foo.md:1:1: error: Two pages have the route `/foo/`: content/foo/index.md and content/foo.md'],
  },
  {
    name: 'a YAML alias bomb in front matter (10 levels of 9)',
    files: { 'content/bad.md': page('Body', aliasBomb(10)) },
    expect: ['content/bad.md:4:8: error: Front matter expands to more than 10000 values: YAML aliases repeat the values they name'],
  },
  {
    name: 'a front-matter YAML error is reported on its own line (duplicate title on line 3)',
    files: { 'content/bad.md': '---\ntitle: One\ntitle: Two\nweight: 1\n---\nBody\n' },
    expect: ['content/bad.md:3:1: error: Malformed front matter: duplicated mapping key'],
  },
  {
    name: 'a front-matter YAML error after leading fields (bad indentation on line 4)',
    files: { 'content/bad.md': '---\ntitle: One\nweight: 1\n  bad: indent\n---\nBody\n' },
    expect: [/content\/bad\.md:4:\d+: error: Malformed front matter: bad indentation/],
  },
  {
    name: 'a 200,000-character value in a message: the line is cut at 1,000 characters',
    files: { 'content/bad.md': page('Body', `title: Page\nversions: ">=1.16 ${'banana'.repeat(200_000 / 6)}"`) },
    expect: [/content\/bad\.md:3:1: error: Front matter `versions: >=1\.16 [a-z]+… \(\d+ more characters\)\n/],
  },
  {
    name: 'file names with %, # and ?: refused at the file, nothing linked to a URL that does not reach it',
    files: { 'content/100%25.md': page('A'), 'content/100%.md': page('B'), 'content/a#b.md': page('C'), 'content/why?.md': page('D'), 'content/img/50%.png': 'png', 'content/c#/x.md': page('E') },
    expect: [
      'content/100%25.md: error: `100%25.md` has `%` in its name, which means something else in a URL (an escape such as %20); it is not read',
      'content/100%.md: error: `100%.md` has `%` in its name',
      'hint: Rename it without `%`, `#` or `?`, e.g. `100-percent.md`.',
      'content/a#b.md: error: `a#b.md` has `#` in its name, which means something else in a URL (the start of an anchor)',
      'content/why?.md: error: `why?.md` has `?` in its name, which means something else in a URL (the start of a query)',
      'content/img/50%.png: error: `50%.png` has `%`',
      'content/c#: error: `c#` has `#`',
    ],
  },
  {
    name: `a page with ${MAX_DEFERRED + 10} headings: the limit, and why, at the first heading past it`,
    files: { 'content/bad.md': page(Array.from({ length: MAX_DEFERRED + 10 }, (_, i) => `## H${i}`).join('\n\n')) },
    expect: [
      `content/bad.md:${2 * MAX_DEFERRED + 4}:1: error: This heading is one too many: a page holds at most ${MAX_DEFERRED} headings and per-version values`,
      `## H${MAX_DEFERRED}`,
      `hint: Each one is carried through Markdown as one of ${MAX_DEFERRED} private-use characters`,
    ],
  },
  {
    name: 'two tabs with the same name in one set: reported at the second',
    files: { 'content/bad.md': page('{{< tabs >}}\n{{% tab name="Linux" %}}\nA\n{{% /tab %}}\n{{% tab name="Linux" %}}\nB\n{{% /tab %}}\n{{< /tabs >}}\n\n{{< tabs >}}\n{{% tab name="Linux" %}}\nC\n{{% /tab %}}\n{{< /tabs >}}') },
    expect: [/content\/bad\.md:8:\d+: error: Two tabs of this set are named `Linux`: the second panel could never be shown/, 'hint: Tab names switch panels', '\n1 error(s), 0 warning(s)'],
  },
  {
    name: 'an explicit heading id with the layout\'s prefix',
    files: { 'content/bad.md': page('## Mine {#vd:main}') },
    expect: ['content/bad.md:4:1: error: The id `vd:main` starts with `vd:`, which only the layout\'s own ids use'],
  },
  {
    name: 'script and data URLs in SVG and <base>, broken form, frame, object, embed and refresh targets: each at its line',
    files: {
      'content/bad.md': page(
        [
          'Intro',
          '<form action="/nope-form/"><button formaction="/nope-button/">Go</button></form>',
          '<iframe src="/nope-iframe/"></iframe>',
          '<object data="/nope-object/"></object>',
          '<embed src="/nope-embed/">',
          '<meta http-equiv="refresh" content="0; url=/nope-meta/">',
          '<svg><use href="javascript:alert(1)"></use><use xlink:href="data:image/svg+xml,x"></use><a xlink:href="javascript:alert(2)"><text>t</text></a></svg>',
          '<base href="javascript:alert(3)">',
        ].join('\n\n'),
      ),
    },
    expect: [
      ...['form', 'button', 'iframe', 'object', 'embed', 'meta'].map((what, i) => new RegExp(`content/bad\\.md:${[6, 6, 8, 10, 12, 14][i]}:\\d+: error: Broken link \`/nope-${what}/\``)),
      /content\/bad\.md:16:\d+: error: Broken link `javascript:alert\(1\)`/,
      /content\/bad\.md:16:\d+: error: Broken link `data:image\/svg\+xml,x`/,
      /content\/bad\.md:16:\d+: error: Broken link `javascript:alert\(2\)`/,
      /content\/bad\.md:18:\d+: error: Broken link `javascript:alert\(3\)`/,
    ],
  },
  {
    name: 'a config file that does not load',
    setup: (dir) => writeFileSync(path.join(dir, 'docs.config.ts'), 'export default { versions: { newest: 1 ;\n'),
    expect: [/docs\.config\.ts: error: Config file cannot be loaded/, 'hint: It must be a TypeScript module'],
  },
];

const GOOD_PAGE = page('A good page.\n\n## Section {#section}\n\nSee [the section](#section).', 'title: Good\nweight: 1');

function project(c: Pick<Case, 'files' | 'config' | 'setup'>): { dir: string; before: Map<string, string> } {
  const dir = tempProject({
    copy: ['changelog', 'static'],
    files: { 'content/good.md': GOOD_PAGE, ...c.files },
    config: c.config ?? 'versions: { newest: 1 }',
  });
  temps.push(dir);
  c.setup?.(dir);
  return { dir, before: fakeDist(dir) };
}

async function failingBuild(c: Pick<Case, 'files' | 'config' | 'setup'>): Promise<string> {
  const { dir, before } = project(c);
  const run = await buildProject(dir);
  assert.equal(run.code, 1, `exit code 1\n${run.stdout}\n${run.stderr}`);
  assert.doesNotMatch(run.stderr, STACK_TRACE, 'no stack trace');
  assert.doesNotMatch(run.stderr, /internal error/);
  assert.deepEqual(snapshot(path.join(dir, 'dist')), before, 'the previous dist/ is byte-identical');
  return run.stderr;
}

describe('bad inputs: a clear error, nothing else changes', { concurrency: 3 }, () => {
  for (const c of CASES) {
    test(c.name, async () => {
      const stderr = await failingBuild(c);
      for (const e of c.expect) {
        if (typeof e === 'string') assert.ok(stderr.includes(e), `stderr has ${JSON.stringify(e)}:\n${stderr}`);
        else assert.match(stderr, e);
      }
    });
  }

  test('problems of several pages, files and versions are collected and printed once, grouped by file', async () => {
    const stderr = await failingBuild({
      config: 'versions: { newest: 2 }',
      files: {
        'content/a.md': page('{{< nosuch >}}\n\n{{% notice tip %}}\nopen'),
        'content/b.md': page('## X {#x}\n\n## Y {#x}'),
        'content/c.md': page('{{< readfile file="../outside.md" >}}'),
        'changelog/open_source/v1.17.3/bad.yaml': 'changelog:\n  - type: FIX\n',
      },
    });
    const headers = stderr.split('\n').filter((l) => /^\S/.test(l) && !/^\d+ error/.test(l) && !l.startsWith('Build failed'));
    assert.deepEqual(headers, ['changelog/open_source/v1.17.3/bad.yaml', 'content/a.md', 'content/b.md', 'content/c.md'], stderr);
    assert.match(stderr, /content\/a\.md:4:1: error: Unknown shortcode/);
    assert.match(stderr, /content\/a\.md:6:1: error: Unclosed shortcode `notice`/);
    assert.match(stderr, /content\/b\.md:6:1: error: Two headings/);
    assert.match(stderr, /content\/c\.md:4:\d+: error: readfile path `\.\.\/outside\.md` leaves the docs root/);
    assert.match(stderr, /bad\.yaml:2:5: error: FIX entry is missing `description` and `issueLink`/);
    assert.match(stderr, /\n5 error\(s\), 0 warning\(s\)\n/, 'each problem once, though the pages exist in two versions');
    assert.match(stderr, /Build failed: nothing was written; the previous output is untouched\./);
  });
});

test('symbolic links in content/ (a loop, .., /, a pair pointing at each other, a dangling link): each reported with its target, none followed, the site builds', async () => {
  const dir = tempProject({ copy: ['changelog', 'static'], files: { 'content/good.md': GOOD_PAGE }, config: 'versions: { newest: 1 }' });
  temps.push(dir);
  const links: [string, string][] = [
    ['content/loop', 'loop'],
    ['content/up', '..'],
    ['content/root', '/'],
    ['content/a.md', 'b.md'],
    ['content/b.md', 'a.md'],
    ['content/gone.md', 'nowhere.md'],
    ['content/docs/inner', '../docs'],
  ];
  mkdirSync(path.join(dir, 'content/docs'));
  writeText(dir, 'content/docs/page.md', page('Inside.'));
  for (const [link, target] of links) symlinkSync(target, path.join(dir, link));
  const run = await buildProject(dir);
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.doesNotMatch(run.stderr, /internal error|ELOOP|ENOENT/);
  for (const [link, target] of links) {
    assert.ok(run.stderr.includes(`${link}: warning: \`${link}\` is a symbolic link to \`${target}\`; it is not followed`), `${link} reported:\n${run.stderr}`);
  }
  assert.match(run.stderr, /hint: Hugo does not follow symbolic links inside the content folder either/);
  assert.match(run.stdout, /Built \d+ pages/);
});

test('headings named like the layout\'s parts (Main, Search results, Site nav, {#main}, {#toc-title}): every id of the page is unique', async () => {
  const dir = tempProject({
    copy: ['changelog', 'static'],
    files: { 'content/good.md': page('## Main\n\n## Search results\n\n## Site nav\n\n## Search input\n\n## Other {#main}\n\n## Title {#toc-title}\n\n[Up](#main)', 'title: Good\nweight: 1') },
    config: 'versions: { newest: 1 }',
  });
  temps.push(dir);
  const run = await buildProject(dir);
  assert.equal(run.code, 0, run.stdout + run.stderr);
  const html = readFileSync(path.join(dir, 'dist/gloo-edge/latest/good/index.html'), 'utf8');
  const ids = [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!);
  for (const id of ['main', 'search-results', 'site-nav', 'search-input', 'toc-title']) assert.ok(ids.includes(id), `the page's heading id ${id} is there`);
  assert.ok(ids.includes('vd:main') && ids.includes('vd:site-nav'), 'and the layout\'s own');
  const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
  assert.deepEqual(repeated, [], 'no id twice in the page');
});
