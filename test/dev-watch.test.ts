// `npm run dev` keeps seeing a file after an atomic save (write a temporary file, rename it over),
// as sed -i, vim and JetBrains save; and the dev error box shows `code` as code, not as backticks.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { watchProject } from '../src/integration/dev-watch.ts';
import { inlineCode } from '../src/view/inline-code.ts';

function changes(): { count: () => number; next: () => Promise<void>; notify: () => void } {
  let n = 0;
  let waiting: (() => void) | undefined;
  return {
    count: () => n,
    next: () => new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no change seen (after ${n})`)), 3000);
      waiting = () => {
        clearTimeout(timer);
        resolve();
      };
    }),
    notify: () => {
      n++;
      waiting?.();
    },
  };
}

test('a file saved atomically, again and again, is still watched', async (t) => {
  const root = mkdtempSync(join(tmpdir(), 'dev-watch-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, 'content', 'ops'), { recursive: true });
  writeFileSync(join(root, 'content', 'ops', 'page.md'), 'one');
  writeFileSync(join(root, 'docs.config.ts'), 'export default {}');
  const seen = changes();
  const watching = watchProject(root, ['content', 'docs.config.ts', 'missing'], seen.notify, 5);
  t.after(() => watching.close());
  await watching.ready;
  for (const file of [join('content', 'ops', 'page.md'), 'docs.config.ts']) {
    for (let i = 0; i < 3; i++) {
      const next = seen.next();
      const temp = join(root, `${file}.tmp${i}`);
      writeFileSync(temp, `save ${i}`);
      renameSync(temp, join(root, file));
      await next;
      await new Promise((resolve) => setTimeout(resolve, 100)); // an editor's saves are further apart than chokidar's 50 ms throttle
    }
  }
  const next = seen.next();
  writeFileSync(join(root, 'content', 'ops', 'new.md'), 'new');
  await next;
  assert.ok(seen.count() >= 7);
});

test('what the server writes itself inside a watched docs root is not an edit (else every regeneration starts the next)', async (t) => {
  const root = mkdtempSync(join(tmpdir(), 'dev-watch-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  for (const dir of ['content', '.build/dev', 'dist', 'node_modules/x']) mkdirSync(join(root, dir), { recursive: true });
  const seen = changes();
  // The sample's docs root is `.`: the whole project is watched.
  const watching = watchProject(root, ['.'], seen.notify, 5, ['.build', 'dist', 'node_modules']);
  t.after(() => watching.close());
  await watching.ready;
  for (let i = 0; i < 3; i++) {
    writeFileSync(join(root, '.build/dev/site-data.json'), `{"n":${i}}`);
    writeFileSync(join(root, 'dist', `page${i}.html`), 'x');
    writeFileSync(join(root, 'node_modules/x', 'index.js'), `${i}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.equal(seen.count(), 0, 'no change reported for the server\'s own files');
  const next = seen.next();
  writeFileSync(join(root, 'content', 'page.md'), 'an edit');
  await next;
  assert.equal(seen.count(), 1);
});

test('the dev error box shows `backticks` as code', () => {
  assert.equal(inlineCode('Unknown shortcode `tabs2`: did you mean `tabs`? <b>'), 'Unknown shortcode <code>tabs2</code>: did you mean <code>tabs</code>? &lt;b&gt;');
  assert.equal(inlineCode('a `lone backtick'), 'a `lone backtick');
});
