/** src/changelog/schema.ts directly, and as a changelog author meets it through the file parser. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ENTRY_KEYS, GUIDE_CHANGES, GUIDE_SECTIONS, requiredFields } from '../src/changelog/schema.ts';
import { parseChangelogFile } from '../src/changelog/parse-file.ts';

function parse(yaml: string) {
  const messages: string[] = [];
  const parsed = parseChangelogFile(yaml, 'changelog/v1.17.0/a.yaml', (_file, line, column, message) => {
    messages.push(`${line}:${column} ${message}`);
  });
  return { parsed, messages };
}

test('required fields per type: user-facing entries need a description and an issue, bumps the dependency, internal ones nothing', () => {
  for (const t of ['FIX', 'NEW_FEATURE', 'BREAKING_CHANGE', 'HELM', 'UPGRADE'] as const) {
    assert.deepEqual([...requiredFields(t)].sort(), ['description', 'issueLink'], t);
  }
  assert.deepEqual([...requiredFields('DEPENDENCY_BUMP')].sort(), ['dependencyOwner', 'dependencyRepo', 'dependencyTag']);
  assert.deepEqual(requiredFields('NON_USER_FACING'), []);
});

test('the keys an entry may have and the guide placements (REFERENCE.md section 4)', () => {
  assert.deepEqual(
    [...ENTRY_KEYS].sort(),
    ['dependencyOwner', 'dependencyRepo', 'dependencyTag', 'description', 'issueLink', 'resolvesIssue', 'skipCI', 'type', 'upgradeGuide'],
  );
  assert.deepEqual(GUIDE_SECTIONS, ['features', 'helm', 'crd', 'cli']);
  assert.deepEqual(GUIDE_CHANGES.cli, ['new', 'changed']);
  for (const s of ['features', 'helm', 'crd'] as const) assert.deepEqual(GUIDE_CHANGES[s], ['new', 'deprecated', 'removed']);
});

test('through the parser: a FIX without an issue link and a bump without a tag are reported; NON_USER_FACING needs nothing', () => {
  const { messages } = parse(
    'changelog:\n  - type: FIX\n    description: Fixed.\n  - type: DEPENDENCY_BUMP\n    dependencyOwner: solo-io\n    dependencyRepo: gloo\n  - type: NON_USER_FACING\n',
  );
  assert.equal(messages.length, 2, messages.join('\n'));
  assert.ok(messages.some((m) => m.includes('issueLink')), messages.join('\n'));
  assert.ok(messages.some((m) => m.includes('dependencyTag')), messages.join('\n'));
});

test('through the parser: an unknown key and a guide change the section does not have are reported', () => {
  const { messages } = parse(
    'changelog:\n  - type: NON_USER_FACING\n    descripton: x\n  - type: NON_USER_FACING\n    upgradeGuide: { section: cli, change: removed }\n',
  );
  assert.equal(messages.length, 2, messages.join('\n'));
  assert.ok(messages.some((m) => m.startsWith('3:') && m.includes('descripton')), messages.join('\n'));
  assert.ok(messages.some((m) => m.startsWith('5:') && m.includes('section cli must be one of new, changed')), messages.join('\n'));
});
