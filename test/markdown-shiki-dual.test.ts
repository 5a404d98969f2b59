/**
 * Both themes' colours from one tokenization (src/markdown/shiki-dual.ts): every block comes out byte for
 * byte as Shiki's own two passes write it, and the one pass is what the build uses.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { toHtml } from 'hast-util-to-html';
import { highlightToHast, highlightTwoPasses, LANGUAGES, loadHighlighter, THEMES } from '../src/markdown/highlight.ts';
import { loadDualTheme } from '../src/markdown/shiki-dual.ts';
import { walkFiles } from '../src/util/walk.ts';
import { REPO } from './support/project.ts';

const highlighter = await loadHighlighter();

/** A few lines of each language: keywords, strings, numbers, comments, markup, indentation and blank lines. */
const SAMPLES: Record<string, string> = {
  bash: '#!/bin/bash\n# install\nexport NAME="gloo"  # quoted\nfor v in 1 2; do\n  echo "${NAME}-$v" | grep -q x && kubectl apply -f - <<EOF\nkind: Gateway\nEOF\ndone',
  shellscript: 'if [ -z "$1" ]; then exit 1; fi\nhelm upgrade --install gloo gloo/gloo --set crds.create=true',
  shellsession: '$ glooctl check\nChecking deployments... OK\n$ echo $((1 + 2))\n3',
  yaml: 'apiVersion: gateway.solo.io/v1\nkind: VirtualService  # a comment\nmetadata:\n  name: "default"\n  labels: { app: gloo }\nspec:\n  virtualHost:\n    domains:\n    - \'*\'\n    routes:\n      - matchers:\n         - prefix: /\n        options:\n          timeout: 15s\n          retries: { attempts: 3, enabled: true, ratio: 0.5, none: null }\n---\nanchor: &a [1, 2]\nalias: *a\ntext: |\n  multi\n  line\n',
  json: '{\n  "name": "gloo",\n  "replicas": 3,\n  "enabled": true,\n  "ratio": 1.5e3,\n  "tags": ["a", null]\n}',
  go: 'package main\n\nimport "fmt"\n\n// Main says hi.\nfunc main() {\n\tx := map[string]int{"a": 1}\n\tfor k, v := range x {\n\t\tfmt.Printf("%s=%d\\n", k, v)\n\t}\n}',
  javascript: "// a comment\nconst re = /ab+c/gi;\nexport default async function f(a = 1, ...rest) {\n  return `${a} ${rest.length}` ?? null;\n}\nclass A extends B { #x = 0; static y() {} }",
  typescript: 'interface Options<T> { readonly a?: T; b: string | number }\nexport const f = <T,>(o: Options<T>): T | undefined => o.a as T;\nenum E { A = 1 }\ndeclare module "x" {}',
  html: '<!DOCTYPE html>\n<html lang="en">\n<!-- a comment -->\n<body class="x"><a href="/a?b=c&amp;d">link</a><script>let x = 1;</script><style>p { color: red }</style></body>\n</html>',
  css: '@media (max-width: 600px) {\n  .shiki span:hover > a::before { color: #fff !important; margin: 0 1.5em; }\n}\n/* comment */\n:root { --x: calc(100% - 2px); }',
  toml: '[params]\ntitle = "Gloo"  # comment\nweight = 10\nenabled = true\ndate = 1979-05-27T07:32:00Z\n[[menu.main]]\nname = \'Docs\'',
  proto: 'syntax = "proto3";\npackage gloo.solo.io;\n// A message.\nmessage Settings {\n  string name = 1 [(extproto.hash) = true];\n  repeated google.protobuf.Duration timeouts = 2;\n  oneof x { bool a = 3; }\n}',
  diff: 'diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1,3 +1,3 @@\n context\n-removed line\n+added line\n\\ No newline at end of file',
  markdown: '# Title\n\nSome **bold**, _italic_, ***both***, ~~struck~~ and `code` with a [link](https://x.io "t").\n\n> quote\n\n- item\n  1. nested\n\n```yaml\na: 1\n```\n\n<div>html</div>\n\n| a | b |\n|---|---|\n| 1 | 2 |',
  python: 'import os\n\n@decorator\ndef f(a: int = 1, *args, **kw) -> str:\n    """Doc string."""\n    return f"{a!r} {os.sep}"  # comment\n\nclass A(B):\n    pass',
  dockerfile: 'FROM golang:1.22 AS build\n# comment\nARG VERSION=1.0\nRUN go build -o /out ./... && \\\n    echo "${VERSION}"\nCOPY --from=build /out /bin/\nENTRYPOINT ["/bin/gloo"]',
  ini: '; comment\n[section]\nkey = value\nnumber=3\nquoted = "a b"',
  xml: '<?xml version="1.0"?>\n<!-- c -->\n<root xmlns:x="urn:x"><x:item id="1">text &amp; more<![CDATA[raw]]></x:item></root>',
  sql: "SELECT a, COUNT(*) AS n FROM t WHERE b = 'x' AND c > 3 -- comment\nGROUP BY a ORDER BY n DESC;",
  rust: '/// Docs.\n#[derive(Debug)]\npub struct A<\'a> { x: &\'a str }\nfn main() { let v: Vec<u8> = vec![1, 2]; println!("{:?}", v); }',
  java: '@Override\npublic final class A<T> extends B implements C {\n  private static final int X = 0x1F; // c\n  public String f(String s) { return "a" + s; }\n}',
};

/** Shiki's two passes and the one pass, serialised, for a block. */
const both = (code: string, lang: string | undefined, options = {}) => [toHtml(highlightToHast(highlighter, code, lang, options)), toHtml(highlightTwoPasses(highlighter, code, lang, options))];

test('every language, with and without line numbers and highlighted lines: the bytes of Shiki\'s two passes', () => {
  assert.deepEqual(Object.keys(SAMPLES).sort(), [...LANGUAGES].sort(), 'a sample for every language loaded');
  for (const [lang, code] of Object.entries(SAMPLES)) {
    for (const options of [{}, { lineNumbers: true, highlightLines: [1, 3] }]) {
      const [one, two] = both(code, lang, options);
      assert.equal(one, two, `${lang} ${JSON.stringify(options)}`);
    }
  }
  // Both themes' colours really differ, and the font styles are there.
  const [markdown] = both(SAMPLES.markdown!, 'markdown');
  assert.match(markdown!, /--shiki-light:#24292E;--shiki-dark:#E1E4E8/);
  assert.match(markdown!, /--shiki-light-font-style:italic;--shiki-dark:#E1E4E8;--shiki-dark-font-style:italic/);
  assert.match(markdown!, /--shiki-light-font-weight:bold/);
});

test("every code block of the sample's pages and of the guide's seed: the bytes of Shiki's two passes", () => {
  const files = [...walkFiles(path.join(REPO, 'content')).map((e) => e.full), path.join(REPO, '../shared/seed/upgrade_steps.md')].filter((f) => f.endsWith('.md'));
  let blocks = 0;
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const m of text.matchAll(/^ *```+ *([\w-]*)[^\n]*\n([\s\S]*?)\n *```/gm)) {
      blocks++;
      const [one, two] = both(m[2]!, m[1] || undefined);
      assert.equal(one, two, `${path.relative(REPO, file)}: a ${m[1] || 'plain'} block`);
    }
  }
  assert.ok(blocks >= 20, `${blocks} blocks`);
});

test('the build highlights in one pass: Shiki tokenizes a block once; themes whose rules differ are not paired', async () => {
  const calls: string[] = [];
  const original = highlighter.codeToTokensBase;
  highlighter.codeToTokensBase = ((code, options) => {
    calls.push(String(options?.theme));
    return original.call(highlighter, code, options);
  }) as typeof original;
  try {
    highlightToHast(highlighter, `echo "one pass, not memoised: ${Date.now()}"`, 'bash');
  } finally {
    highlighter.codeToTokensBase = original;
  }
  assert.equal(calls.length, 1, 'one tokenization');
  assert.match(calls[0]!, /^versioned-docs-dual-/);

  assert.ok(await loadDualTheme(highlighter, THEMES));
  await highlighter.loadTheme('min-light');
  assert.equal(await loadDualTheme(highlighter, { light: 'min-light', dark: THEMES.dark }), undefined);
});

