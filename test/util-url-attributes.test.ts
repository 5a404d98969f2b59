/** src/util/url-attributes.ts directly: which attributes hold URLs, and a refresh page's target. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DATA_URL_ELEMENTS, HAST_PROPERTY, URL_ATTRIBUTES, refreshTarget } from '../src/util/url-attributes.ts';

test('links, images, scripts, frames, media, forms and SVG links are all covered', () => {
  assert.deepEqual(URL_ATTRIBUTES.a, ['href', 'xlink:href']);
  assert.ok(URL_ATTRIBUTES.img!.includes('src'));
  assert.ok(URL_ATTRIBUTES.video!.includes('poster'));
  assert.ok(URL_ATTRIBUTES.use!.includes('xlink:href'));
  assert.deepEqual(URL_ATTRIBUTES.form, ['action']);
  assert.deepEqual(URL_ATTRIBUTES.object, ['data']);
  assert.equal(URL_ATTRIBUTES.div, undefined);
});

test('every attribute has its hast property name', () => {
  for (const attrs of Object.values(URL_ATTRIBUTES)) for (const a of attrs) assert.ok(HAST_PROPERTY[a], a);
  assert.equal(HAST_PROPERTY['xlink:href'], 'xLinkHref');
  assert.equal(HAST_PROPERTY.formaction, 'formAction');
});

test('only image elements may carry data: URLs', () => {
  assert.ok(DATA_URL_ELEMENTS.has('img'));
  assert.ok(!DATA_URL_ELEMENTS.has('a'));
  assert.ok(!DATA_URL_ELEMENTS.has('iframe'));
});

test('the target of a meta refresh, quoted or not, with spaces and either separator', () => {
  assert.equal(refreshTarget('0; url=/gloo-edge/latest/'), '/gloo-edge/latest/');
  assert.equal(refreshTarget(' 0 ; URL = "/x/" '), '/x/');
  assert.equal(refreshTarget("5,url='https://solo.io/'"), 'https://solo.io/');
  assert.equal(refreshTarget('0.5;url=/y/'), '/y/');
  assert.equal(refreshTarget('0'), undefined);
  assert.equal(refreshTarget('url=/x/'), undefined);
});
