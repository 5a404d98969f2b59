/** `expand`, `alert`, `mermaid`: block shortcodes with rendered Markdown or kept source. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { render } from './support/pipeline.ts';

const tree = (html: string) => fromHtml(html, { fragment: true });

test('expand: a <details> with the title as summary and the inner Markdown rendered', async () => {
  const source = [
    '8. Check the changes.',
    '   {{% expand "Expand for an example" %}}',
    '   This example uses [a link]({{< versioned_link_path fromRoot="/a/" >}}):',
    '   * one',
    '   * two',
    '',
    '     ```yaml',
    '     kind: X',
    '     ```',
    '   {{% /expand %}}',
    '',
    '9. Next.',
  ].join('\n');
  const result = await render(source);
  assert.deepEqual(result.diagnostics, []);
  const t = tree(result.html);
  const details = select('ol > li details.expand', t);
  assert.ok(details, 'the details element sits in the list item');
  assert.equal(details.properties.open, undefined);
  assert.equal(toString(select('summary', details)!), 'Expand for an example');
  assert.equal(select('a', details)!.properties.href, '/gloo-edge/v1.17.x/a/');
  assert.equal(selectAll('li', details).length, 2);
  assert.equal(select('pre', details)!.properties.dataLanguage, 'yaml');
  assert.equal(selectAll('ol > li', t).length, 2, 'the numbered list is intact');
});

test('expand: a default title and the open flag', async () => {
  const result = await render('{{% expand %}}Hidden **text**{{% /expand %}}\n\n{{% expand "Shown" "true" %}}x{{% /expand %}}\n');
  assert.deepEqual(result.diagnostics, []);
  const [first, second] = selectAll('details', tree(result.html));
  assert.equal(toString(select('summary', first!)!), 'Expand me...');
  assert.ok(select('strong', first!));
  assert.ok('open' in second!.properties);
});

test('alert: a callout like notice, docdock and Docsy spellings', async () => {
  const result = await render('{{% alert theme="warning" %}}Mind **this**.{{% /alert %}}\n\n{{% alert title="Note" color="info" %}}See [x](https://example.com).{{% /alert %}}\n');
  assert.deepEqual(result.diagnostics, []);
  const [warning, note] = selectAll('aside.alert', tree(result.html));
  assert.deepEqual(warning!.properties.className, ['alert', 'alert-warning']);
  assert.equal(warning!.properties.role, 'note');
  assert.ok(select('strong', warning!));
  assert.equal(toString(select('.alert-title', note!)!), 'Note');
  assert.equal(select('a', note!)!.properties.href, 'https://example.com');
});

test('alert: an unknown theme is an error listing the valid ones', async () => {
  const result = await render('{{% alert theme="loud" %}}x{{% /alert %}}\n');
  assert.match(result.diagnostics[0]!.message, /`loud` is not a valid value for `theme`/);
  assert.match(result.diagnostics[0]!.hint!, /`warning`/);
});

test('mermaid: the source kept as text in <pre class="mermaid"> with the marker the site loads Mermaid for', async () => {
  const source = 'Flow:\n\n{{< mermaid align="center" >}}\n  graph LR\n    A[Client] -->|"v{{< readfile file="static/content/version_geoss_latest.md" >}}"| B(<b>Gloo</b>)\n{{< /mermaid >}}\n';
  const result = await render(source);
  assert.deepEqual(result.diagnostics, []);
  const pre = select('pre.mermaid', tree(result.html))!;
  assert.equal(pre.properties.dataNeeds, 'mermaid');
  assert.equal(pre.properties.dataAlign, 'center');
  assert.equal(toString(pre), 'graph LR\n  A[Client] -->|"v1.17.33"| B(<b>Gloo</b>)');
  assert.doesNotMatch(result.html, /<b>/, 'the diagram source is escaped, not HTML');
  assert.doesNotMatch(result.html, /shiki/, 'not treated as code to highlight');
});

test('mermaid: an empty diagram is an error', async () => {
  const result = await render('{{< mermaid >}}\n{{< /mermaid >}}\n');
  assert.match(result.diagnostics[0]!.message, /mermaid: the diagram is empty/);
});
