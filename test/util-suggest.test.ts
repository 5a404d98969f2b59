/** The one did-you-mean: edit distance with swaps, and the closest candidate only when it is close and unique. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { didYouMean, editDistance } from '../src/util/suggest.ts';

test('editDistance counts an insertion, a deletion, a substitution and a swap of neighbours as one', () => {
  assert.equal(editDistance('base', 'base'), 0);
  assert.equal(editDistance('bse', 'base'), 1);
  assert.equal(editDistance('basse', 'base'), 1);
  assert.equal(editDistance('bawe', 'base'), 1);
  assert.equal(editDistance('baes', 'base'), 1);
  assert.equal(editDistance('kitten', 'sitting'), 3);
  assert.equal(editDistance('', 'abc'), 3);
  assert.equal(editDistance('ca', 'abc'), 3);
});

test('didYouMean: the closest candidate, case-insensitively, only when close and not tied', () => {
  assert.equal(didYouMean('baes', ['root', 'base', 'product']), 'base');
  assert.equal(didYouMean('PRODUCT', ['root', 'base', 'product']), 'product');
  assert.equal(didYouMean('colour', ['root', 'base', 'product']), undefined, 'nothing close');
  assert.equal(didYouMean('cat', ['bat', 'hat']), undefined, 'a tie');
  assert.equal(didYouMean('x', []), undefined);
});
