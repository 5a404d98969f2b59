/** A redirect page (src/engine/extras.ts): built as a tree, every URL escaped once by the serialiser. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { redirectPage } from '../src/engine/extras.ts';

test('a redirect page sends readers and search engines on: refresh, canonical, a link, noindex', () => {
  const html = redirectPage('/gloo-edge/v1.17.x/guide/');
  assert.match(html, /^<!doctype html>\n<html lang="en">/);
  const tree = fromHtml(html);
  assert.equal(select('meta[http-equiv=refresh]', tree)?.properties.content, '0; url=/gloo-edge/v1.17.x/guide/');
  assert.equal(select('link[rel=canonical]', tree)?.properties.href, '/gloo-edge/v1.17.x/guide/');
  assert.equal(select('meta[name=robots]', tree)?.properties.content, 'noindex');
  assert.equal(select('body a', tree)?.properties.href, '/gloo-edge/v1.17.x/guide/');
  assert.equal(toString(select('body', tree)!).trim(), 'This page has moved to /gloo-edge/v1.17.x/guide/.');
  assert.equal(toString(select('title', tree)!), 'Moved to /gloo-edge/v1.17.x/guide/');
});

test('a URL with quotes and markup stays one attribute value and text', () => {
  const url = '/a/"><script>alert(1)</script>&b';
  const tree = fromHtml(redirectPage(url));
  assert.equal(select('script', tree), undefined);
  assert.equal(select('body a', tree)?.properties.href, url);
  assert.equal(toString(select('body a', tree)!), url);
});
