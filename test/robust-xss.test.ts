/**
 * Untrusted text stays text: changelog descriptions and prose, and front
 * matter (title, linkTitle, description), carrying `<script>`, event
 * handlers, `javascript:` and `data:` URLs are built into a site with
 * `npm run build`, served on 127.0.0.1 and opened in headless Chromium:
 * nothing may run (no `window.__pwned`, no dialog, no script URL or
 * on* attribute anywhere in the DOM), and the text shows literally.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { CHROMIUM, HAVE_CHROMIUM, launchChromium } from './support/browser.ts';
import { serveStatic, type StaticServer } from '../src/cli/serve.ts';
import { buildProject, tempProject } from './support/project.ts';

if (!HAVE_CHROMIUM) {
  console.error(`\n${'!'.repeat(72)}\n!! ${CHROMIUM} is missing: the untrusted-text browser tests are SKIPPED.\n!! Install Debian's chromium (apt-get install chromium); .ci/run does.\n${'!'.repeat(72)}\n`);
}

const PWN = 'window.__pwned=1';
const SCRIPT = `<script>${PWN}</script>`;
const IMG = `<img src=x onerror="${PWN}">`;
const SVG = `<svg onload="${PWN}"></svg>`;
const TITLE = `Evil ${SCRIPT} title`;

const yaml = (text: string) => JSON.stringify(text);
const hostile = [
  `${SCRIPT} plain`,
  `${IMG} ${SVG} <a href="javascript:${PWN}">a</a>`,
  `[js link](javascript:${PWN}) [data link](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+) ![img](javascript:${PWN})`,
  `<iframe src="javascript:${PWN}"></iframe> <details open ontoggle="${PWN}">x</details> "><script>${PWN}</script>`,
];

const dir = tempProject({
  config: 'versions: { newest: 1 }',
  files: {
    'content/evil.md': [
      '---',
      `title: ${yaml(TITLE)}`,
      `linkTitle: ${yaml(`Nav ${IMG}`)}`,
      `description: ${yaml(`Desc "><script>${PWN}</script> ${SVG} javascript:${PWN}`)}`,
      'weight: 99',
      '---',
      '',
      '## A heading',
      '',
      'Plain body.',
      '',
    ].join('\n'),
    'changelog/open_source/v1.18.0-beta3/evil.yaml': [
      'changelog:',
      ...hostile.map((d, i) => `  - type: ${i % 2 ? 'FIX' : 'NEW_FEATURE'}\n    issueLink: https://github.com/solo-io/gloo/issues/${9900 + i}\n    description: ${yaml(d)}`),
      '  - type: HELM',
      '    issueLink: https://github.com/solo-io/gloo/issues/9990',
      `    description: ${yaml(`Helm ${IMG}`)}`,
      '    upgradeGuide: {section: helm, change: new}',
    ].join('\n'),
    'changelog/open_source/v1.18.0-beta3/summary.md': `Summary ${SCRIPT} ${IMG} [x](javascript:${PWN})\n`,
    'changelog/enterprise/v1.18.0-beta3/evil.yaml': [
      'changelog:',
      '  - type: DEPENDENCY_BUMP',
      '    dependencyOwner: solo-io',
      '    dependencyRepo: gloo',
      '    dependencyTag: v1.18.0-beta3',
      ...hostile.map((d, i) => `  - type: FIX\n    issueLink: https://github.com/solo-io/solo-projects/issues/${9900 + i}\n    description: ${yaml(d)}`),
    ].join('\n'),
  },
});

let server: StaticServer | undefined;
let browser: Browser | undefined;
let built: { code: number | null; stdout: string; stderr: string } | undefined;

before(async () => {
  if (!HAVE_CHROMIUM) return;
  built = await buildProject(dir);
  if (built.code !== 0) return;
  server = await serveStatic(path.join(dir, 'dist'));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Open a page, let scripts and images settle, and report anything that ran or could run. */
async function visit(urlPath: string): Promise<{ pwned: unknown; dialogs: string[]; dangerous: string[]; text: string }> {
  const context = await browser!.newContext();
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  try {
    const response = await page.goto(`${server!.origin}${urlPath}`, { waitUntil: 'load' });
    assert.equal(response?.status(), urlPath.includes('/no/such/') ? 404 : 200, urlPath);
    await page.waitForTimeout(300);
    const found = await page.evaluate(() => {
      const dangerous: string[] = [];
      for (const el of Array.from(document.querySelectorAll('*'))) {
        for (const a of Array.from(el.attributes)) {
          const v = a.value.trim().toLowerCase();
          if (a.name.startsWith('on')) dangerous.push(`${el.tagName} ${a.name}`);
          if (['href', 'src', 'action', 'formaction', 'data'].includes(a.name) && /^(?:javascript|data|vbscript):/.test(v)) dangerous.push(`${el.tagName} ${a.name}=${v.slice(0, 40)}`);
        }
      }
      return { pwned: (window as unknown as { __pwned?: unknown }).__pwned, dangerous, text: document.body.textContent ?? "" };
    });
    return { ...found, dialogs };
  } finally {
    await context.close();
  }
}

describe('untrusted text in a built site, in Chromium', { skip: !HAVE_CHROMIUM && `${CHROMIUM} missing` }, () => {
  test('the hostile project builds (the text is data, not an error)', () => {
    assert.equal(built?.code, 0, `${built?.stdout}\n${built?.stderr}`);
  });

  const pages: [string, RegExp][] = [
    ['/gloo-edge/latest/evil/', /Evil <script>window\.__pwned=1<\/script> title/],
    ['/gloo-edge/latest/', /Nav <img src=x onerror="window\.__pwned=1">/],
    ['/gloo-edge/latest/reference/changelog/open_source/', /js link/],
    ['/gloo-edge/latest/reference/changelog/open_source/#compareversions_v1.17.0...v1.18.0-beta3', /./],
    ['/gloo-edge/latest/reference/changelog/open_source/#chronological', /./],
    ['/gloo-edge/latest/reference/changelog/enterprise/', /js link/],
    ['/gloo-edge/latest/operations/upgrading/upgrade_steps/', /Helm/],
    ['/gloo-edge/latest/no/such/page/', /./],
  ];
  for (const [urlPath, shows] of pages) {
    test(`nothing runs on ${urlPath}`, async (t) => {
      if (built?.code !== 0) return t.skip('build failed');
      const seen = await visit(urlPath);
      assert.equal(seen.pwned, undefined, 'window.__pwned was never set');
      assert.deepEqual(seen.dialogs, [], 'no dialog opened');
      assert.deepEqual(seen.dangerous, [], 'no event-handler attribute or script/data URL in the DOM');
      assert.match(seen.text, shows);
    });
  }
});
