/**
 * No input can hang or crash the parser, the compiler or the changelog
 * loader: property-based tests (fast-check) with random and adversarial
 * input, and the classic bombs (100,000 unclosed `{{<`, deep nesting, huge
 * lines, invalid UTF-8, billion-laughs aliases). Every run ends in a result
 * or a diagnostic. Linear growth is shown by bench/parser-scaling.ts, not
 * timed here.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { loadChangelog } from '../src/changelog/load.ts';
import { parseChangelogFile } from '../src/changelog/parse-file.ts';
import { reporter } from '../src/changelog/report.ts';
import type { Diagnostic } from '../src/util/diagnostics.ts';
import { excessiveNesting, MAX_NESTING } from '../src/markdown/limits.ts';
import type { CompileEnv } from '../src/markdown/compile.ts';
import { createEnv, renderSource } from '../src/markdown/render.ts';
import { lex, MAX_ERRORS } from '../src/shortcodes/parse.ts';
import { Registry } from '../src/shortcodes/registry.ts';
import { parseShortcodes } from '../src/shortcodes/tree.ts';
import { docsRoot, V117 } from './support/pipeline.ts';
import { writeText } from './support/project.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20240611);
const registry = new Registry();
const lookup = (name: string) => registry.get(name);

/** Pieces that make shortcode-heavy Markdown: tags (good, broken, escaped), Markdown syntax, odd characters. */
const fragment = fc.oneof(
  fc.constantFrom(
    '{{<', '{{%', '>}}', '%}}', '{{', '}}', '{{< /', '{{</*', '*/>}}', '"', '`', '=', '/', '\n', '\n\n', ' ', '\t',
    '{{< notice tip >}}', '{{< /notice >}}', '{{% notice warning %}}', '{{% /notice %}}',
    '{{< tabs >}}', '{{< /tabs >}}', '{{% tab name="a" %}}', '{{% tab name="b" codelang="yaml" %}}', '{{% /tab %}}',
    '{{< readfile file="static/content/version_geoss_latest.md" markdown="true" >}}',
    '{{< readfile file="snippet.md" markdown="true" >}}', '{{< readfile file="../x" >}}', '{{< readfile file="/etc/passwd" >}}',
    '{{% versioned_link_path fromRoot="/operations/#x" %}}', '{{< versioned_link_path fromRoot="/a" />}}',
    '{{< highlight yaml "hl_lines=1" >}}', '{{< /highlight >}}', '{{< nosuch a=b >}}', '{{< a b="c >}}', '{{< a="b" c >}}',
    '# ', '## ', '### Title {#id}', '{#dup}', '- ', '1. ', '> ', '```', '```yaml\n', '    ', '[x](', ')', '](#a)', '![i](',
    '<div>', '</div>', '<script>', '<!--', '-->', '*', '_', '|a|b|\n|-|-|\n', '&amp;', '\\', '\uD800', '\uFFFD', '😀', '\u0000',
  ),
  fc.string({ maxLength: 12 }),
);
const markdownish = fc.array(fragment, { maxLength: 60 }).map((parts) => parts.join(''));

function checkTokens(source: string): void {
  const { tokens, errors } = lex(source);
  let at = 0;
  for (const t of tokens) {
    assert.ok(t.start >= at && t.end > t.start && t.end <= source.length, `token ${t.kind} at ${t.start}-${t.end} in order and in bounds`);
    at = t.end;
  }
  for (const e of errors) assert.ok(e.offset >= 0 && e.offset <= source.length && e.message && e.hint);
}

function checkDiagnostics(diagnostics: readonly Diagnostic[], lines: number): void {
  for (const d of diagnostics) {
    assert.ok(d.message.length > 0);
    assert.ok(d.line >= 0 && d.line <= lines + 1, `line ${d.line} within the file (${lines} lines): ${d.message}`);
    assert.ok(d.column >= 0);
  }
}

describe('shortcode parser', () => {
  test('lex: any text gives ordered, in-bounds tokens and explained errors', () => {
    fc.assert(fc.property(markdownish, (s) => checkTokens(s)), { numRuns: 400, seed: SEED });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => checkTokens(s)), { numRuns: 200, seed: SEED });
  });

  test('parseShortcodes: any text gives a tree whose text nodes stay inside the source', () => {
    fc.assert(
      fc.property(markdownish, (s) => {
        const { nodes, errors } = parseShortcodes(s, lookup, 'hint');
        const walk = (list: typeof nodes) => {
          for (const n of list) {
            if (n.kind === 'call') {
              assert.ok(n.innerStart <= n.innerEnd && n.innerEnd <= s.length);
              walk(n.children);
            } else assert.ok(n.start >= 0 && n.end <= s.length);
          }
        };
        walk(nodes);
        for (const e of errors) assert.ok(e.offset >= 0 && e.offset <= s.length);
      }),
      { numRuns: 400, seed: SEED },
    );
  });

  test('100,000 unclosed `{{<`, deep nesting, stray closers, a huge tag: results, not hangs', () => {
    const unclosed = '{{< '.repeat(100_000);
    const lexed = lex(unclosed);
    assert.equal(lexed.errors.length, MAX_ERRORS + 1, 'the first thousand problems, then a note');
    assert.match(lexed.errors[0]!.message, /Unterminated shortcode tag/);
    assert.match(lexed.errors[MAX_ERRORS]!.message, /More than 1000 shortcode problems in this page; the rest are not listed/);
    assert.equal(parseShortcodes(unclosed, lookup, 'hint').errors.length, MAX_ERRORS + 1);

    const nested = '{{< a >}}'.repeat(50_000) + '{{< /b >}}'.repeat(50_000) + '{{< /a >}}';
    const tree = parseShortcodes(nested, lookup, 'hint');
    assert.equal(tree.errors.length, MAX_ERRORS + 1);
    assert.match(tree.errors[0]!.message, /Unknown shortcode `a`/);
    const stray = parseShortcodes('{{< a >}}'.repeat(500) + '{{< /b >}}'.repeat(400) + '{{< /a >}}', () => ({ name: 'a', inner: 'optional' }) as never, 'hint');
    assert.equal(stray.errors.filter((e) => e.message.includes('Closing tag `/b` has no opening')).length, 400);

    const hugeTag = `{{< notice ${'x="1" '.repeat(50_000)}>}}`;
    assert.ok(parseShortcodes(hugeTag, lookup, 'hint').nodes.length > 0);
  });
});

describe('whole compile (renderSource)', () => {
  let env: CompileEnv;
  let root: string;
  before(async () => {
    root = docsRoot({ 'snippet.md': 'Snippet **text** {{< nested >}}', 'static/content/version_geoss_latest.md': '1.17.33' });
    env = await createEnv({ root });
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  const compile = (source: string) => {
    const result = renderSource(env, 'page.md', source, V117);
    assert.equal(typeof result.html, 'string');
    checkDiagnostics(result.diagnostics, source.split('\n').length);
    return result;
  };

  test('any shortcode-laden Markdown compiles to HTML and diagnostics, never a throw', () => {
    fc.assert(fc.property(markdownish, (s) => void compile(s)), { numRuns: 150, seed: SEED });
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => void compile(`---\ntitle: ${JSON.stringify(s)}\n---\n${s}`)),
      { numRuns: 60, seed: SEED },
    );
  });

  test('adversarial pages end in a result or a diagnostic', () => {
    const cases: [string, string, RegExp | undefined][] = [
      ['100,000 unclosed {{<', '{{< '.repeat(100_000), /Unterminated shortcode tag/],
      ['deeply nested notices', '{{% notice tip %}}\n'.repeat(2000) + 'x\n' + '{{% /notice %}}\n'.repeat(2000), undefined],
      ['block quotes 5,000 deep', `${'>'.repeat(5000)} x`, /Blocks nested \d+ deep/],
      ['list items 10,000 deep on one line', `${'- '.repeat(10_000)}x`, /Blocks nested \d+ deep/],
      ['list items 500 deep across lines', Array.from({ length: 500 }, (_, i) => `${' '.repeat(i * 2)}- x`).join('\n'), /Blocks nested \d+ deep/],
      ['a 500 kB line', 'word '.repeat(100_000), undefined],
      ['20,000 nested brackets', `${'['.repeat(20_000)}x${']'.repeat(20_000)}(y)`, /square brackets in one block/],
      ['100,000 closing brackets', `x${']'.repeat(100_000)}`, /square brackets in one block/],
      ['brackets spread over many blocks', '[a] [b](c) ]]\n\n'.repeat(5000), undefined],
      ['lone surrogates and NULs', '\uD800\uDC00\uDFFF\u0000# h\u0000\n'.repeat(1000), undefined],
      ['malformed front matter', '---\ntitle: [unclosed\n---\nbody', /Malformed front matter/],
      ['front matter alias bomb', `---\na: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n---\nbody`, undefined],
    ];
    for (const [name, source, expected] of cases) {
      const started = performance.now();
      const result = compile(source);
      if (process.env.FUZZ_VERBOSE) console.log(name, Math.round(performance.now() - started), 'ms');
      if (expected) assert.ok(result.diagnostics.some((d) => expected.test(d.message)), `${name}: ${result.diagnostics.map((d) => d.message).slice(0, 3).join('; ')}`);
    }
  });

  test('the nesting limit counts what Markdown nests and nothing real reaches it', () => {
    assert.equal(excessiveNesting('- a\n  - b\n    - c\n> > quote\n\n1. x\n   1. y\n'), undefined);
    assert.equal(excessiveNesting(`${'> '.repeat(MAX_NESTING)}x`), undefined);
    assert.equal(excessiveNesting(`${'> '.repeat(MAX_NESTING + 1)}x`)?.depth, MAX_NESTING + 1);
    const stairs = Array.from({ length: 100 }, (_, i) => `${' '.repeat(i * 2)}- x`).join('\n');
    assert.equal(excessiveNesting(stairs)?.offset, stairs.split('\n').slice(0, MAX_NESTING).join('\n').length + 1);
    const flat = Array.from({ length: 10_000 }, () => '- x\n  - y').join('\n');
    assert.equal(excessiveNesting(flat), undefined, 'many lists, none deep');
  });
});

describe('changelog loader', () => {
  const parse = (text: string) => {
    const diagnostics: Diagnostic[] = [];
    const parsed = parseChangelogFile(text, 'changelog/open_source/v1.0.0/x.yaml', reporter(true, diagnostics));
    checkDiagnostics(diagnostics, text.split('\n').length);
    return { parsed, diagnostics };
  };
  const yamlish = fc
    .array(
      fc.oneof(
        fc.constantFrom(
          'changelog:\n', '  - type: FIX\n', '  - type: NEW_FEATURE\n', '    description: ', '    issueLink: https://github.com/o/r/issues/1\n',
          '    issueLink: javascript:alert(1)\n', '    resolvesIssue: maybe\n', '    dependencyOwner: envoyproxy\n', '    dependencyRepo: solo-io\n',
          '    dependencyTag: v1.2.3\n', '    upgradeGuide: {section: helm, change: new}\n', 'releaseStableApi: yes\n', '&a ', '*a', '*b ', '<<: *a\n',
          '{', '}', '[', ']', ': ', '- ', '"', "'", '|\n', '>-\n', '\t', '#', '\n', '!!binary ', '!!js/function ', '? ', '%YAML 1.2\n---\n', '...\n',
        ),
        fc.string({ maxLength: 10 }),
      ),
      { maxLength: 40 },
    )
    .map((parts) => parts.join(''));

  test('any YAML-ish text gives entries or diagnostics, never a throw', () => {
    fc.assert(fc.property(yamlish, (s) => void parse(s)), { numRuns: 300, seed: SEED });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => void parse(s)), { numRuns: 150, seed: SEED });
  });

  test('bombs: billion laughs, deep nesting, huge lines, 100,000 `{{<` in a description', () => {
    const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      laughs.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const bomb = parse(`${laughs.join('\n')}\nchangelog:\n  - type: FIX\n    description: *j\n    issueLink: https://x.io/1\n`);
    assert.equal(bomb.parsed.usable, false);
    assert.match(bomb.diagnostics.map((d) => d.message).join('\n'), /too many YAML aliases/);

    const deep = parse(`changelog: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`);
    assert.ok(deep.diagnostics.length > 0);
    const deepMaps = parse(`changelog:\n${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i + 2)}k${i}:`).join('\n')}\n`);
    assert.ok(deepMaps.diagnostics.length > 0);
    const unclosed = parse(`changelog: ${'{'.repeat(50_000)}\n`);
    assert.ok(unclosed.diagnostics.some((d) => /YAML syntax error/.test(d.message)));

    const huge = parse(`changelog:\n  - type: FIX\n    description: ${'x'.repeat(2_000_000)}\n    issueLink: https://github.com/o/r/issues/1\n`);
    assert.equal(huge.parsed.entries.length, 1);
    const shortcodes = parse(`changelog:\n  - type: FIX\n    description: "${'{{< '.repeat(100_000)}"\n    issueLink: https://github.com/o/r/issues/1\n`);
    assert.equal(shortcodes.parsed.entries.length, 1);
  });

  test('folders: invalid UTF-8, odd names and stray files load with diagnostics', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'changelog-fuzz-'));
    try {
      writeText(dir, 'changelog/open_source/v1.0.0/bytes.yaml', Buffer.from([0x63, 0x68, 0x61, 0xff, 0xfe, 0x3a, 0x0a, 0xc3, 0x28, 0x80, 0x0a]));
      writeText(dir, 'changelog/open_source/v1.0.0/ok.yaml', 'changelog:\n  - type: FIX\n    description: "\uFFFD fixed"\n    issueLink: https://github.com/o/r/issues/1\n');
      writeText(dir, 'changelog/open_source/v1.0.0/summary.md', Buffer.from([0xff, 0xff, 0x0a]));
      writeText(dir, 'changelog/open_source/v1.0/x.yaml', 'changelog: []\n');
      writeText(dir, 'changelog/open_source/v01.2.3-/x.yaml', 'changelog: []\n');
      writeText(dir, 'changelog/open_source/stray.yaml', 'changelog: []\n');
      writeText(dir, 'changelog/open_source/v2.0.0/nested/deeper.yaml', 'changelog: []\n');
      const result = loadChangelog([{ product: 'open_source', dir: 'changelog/open_source' }], { strict: true, root: dir });
      assert.deepEqual(result.releases.map((r) => r.version), ['2.0.0', '1.0.0']);
      const messages = result.diagnostics.map((d) => `${d.file}: ${d.message}`).join('\n');
      assert.match(messages, /bytes\.yaml: /);
      assert.match(messages, /v1\.0: folder name `v1\.0` is not a release version/);
      assert.match(messages, /stray\.yaml: stray file/);
      assert.match(messages, /nested: unexpected folder/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
