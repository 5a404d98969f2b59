/** A small Hugo docs repository of our own, laid out as Gloo's: `docs/` (the Hugo folder) and `changelog/` beside it. */
import { docsRoot } from './pipeline.ts';

const DOCS_TOML = `baseURL = "https://docs.example.com"
title = "Example Docs"
ignoreFiles = [ "README.md$"]
[params]
logoPath="/img/logo.png"

[[menu.shortcuts]]
name = "<i class='fa fa-github'></i> Github Repo"
url = "https://github.com/example/repo"
weight = 10

[[menu.shortcuts]]
name = "Slack"
url = "https://slack.example.com"
weight = 5
`;

const CHANGELOG = 'changelog/v1.2.0/feature.yaml';

/** A repository like Gloo's: `docs/` (the Hugo folder) and `changelog/` beside it. */
export function hugoRepo(extra: Record<string, string | Uint8Array> = {}): string {
  return docsRoot({
    'docs/docs.toml': DOCS_TOML,
    'docs/build-docs.sh': '#!/bin/bash\n  echo "DocsVersion: /example/$1" >> $yamlFile\n',
    'docs/content/_index.md': '---\ntitle: Home\n---\nWelcome.\n',
    'docs/content/README.md': '# not a page\n',
    'docs/content/img/logo.png': new Uint8Array([137, 80, 78, 71]),
    'docs/content/extra.css': 'body {}\n',
    'docs/content/guides/_index.md': '---\ntitle: Guides\nmenuTitle: All guides\nweight: 2\n---\n',
    // solo-kit writes a blank line before the front matter
    'docs/content/guides/api/github.com/acme/upstream.proto.sk.md': '\n---\ntitle: "upstream.proto"\nweight: 5\n---\n\n##### Source File: [github.com/acme/upstream.proto](https://github.com/acme/upstream.proto)\n',
    'docs/content/guides/toml.md': '+++\ntitle = "From TOML"\nweight = 3\n+++\nBody.\n',
    'docs/content/guides/json.md': '{\n  "title": "From JSON",\n  "weight": 4\n}\nBody.\n',
    'docs/content/static/_index.md': '---\nhidden: true\n---\n',
    'docs/content/static/content/version_geoss_latest.md': '1.2.3',
    [CHANGELOG]: 'changelog:\n  - type: NEW_FEATURE\n    description: A feature.\n    issueLink: https://github.com/example/repo/issues/1\n',
    ...extra,
  });
}

