/**
 * The HTML reader's replacements of Readability helpers (`html-readability.ts`) on invented markup: each answer
 * is written out by hand, and Readability's own helper is asked the same question on the same element.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { withDomShortcuts } from '../../server/src/ingest/readers/html-readability';
import type { DomNode } from '../../server/src/ingest/readers/html-dom';

type Helpers = Record<string, (...args: unknown[]) => unknown>;

interface Case {
  markup: string;
  expected: boolean;
}

/** The element with id "x" in a page made of the markup, with the original and the replaced helpers. */
function helpers(markup: string): { element: unknown; original: Helpers; replaced: Helpers } {
  const doc = parseHTML(`<html><head><title>T</title></head><body>${markup}</body></html>`).document;
  const original = new Readability<DomNode>(doc) as unknown as Helpers;
  const replaced = withDomShortcuts(new Readability<DomNode>(doc)) as unknown as Helpers;
  return { element: doc.getElementById('x'), original, replaced };
}

const WITHOUT_CONTENT: Case[] = [
  { markup: '<div id="x"></div>', expected: true },
  { markup: '<div id="x">  \n\t </div>', expected: true },
  { markup: '<div id="x"><br><hr></div>', expected: true },
  { markup: '<div id="x"><span> </span></div>', expected: false },
  { markup: '<div id="x"><div><p>\u00a0</p></div></div>', expected: false },
  { markup: '<div id="x"><div><p> </p></div><span></span></div>', expected: false },
  { markup: '<div id="x"><div><div></div></div>word</div>', expected: false },
  { markup: '<div id="x"><p></p><p><em>deep <b>text</b></em></p></div>', expected: false },
  { markup: '<div id="x"><!-- a comment --></div>', expected: true },
  { markup: '<div id="x">text</div>', expected: false },
  { markup: '<div id="x"><img src="a.png"></div>', expected: false },
];

test('Readability shortcuts: an element without content is one with no text but white space and no children but <br> and <hr>', () => {
  for (const { markup, expected } of WITHOUT_CONTENT) {
    const { element, original, replaced } = helpers(markup);
    assert.equal(replaced._isElementWithoutContent.call(replaced, element), expected, markup);
    assert.equal(original._isElementWithoutContent.call(original, element), expected, `${markup} (Readability's own)`);
  }
});

const BYLINES: Case[] = [
  { markup: '<div id="x" class="byline">By Ada Quill</div>', expected: true },
  { markup: '<a id="x" rel="author" href="#">Ada Quill</a>', expected: true },
  { markup: '<span id="x" itemprop="author">Ada Quill</span>', expected: true },
  { markup: '<div id="x" class="byline">   </div>', expected: false },
  { markup: `<div id="x" class="author-box">${'A long biography of the writer. '.repeat(5)}</div>`, expected: false },
  { markup: '<div id="x" class="story">By Ada Quill</div>', expected: false },
];

test('Readability shortcuts: a byline looks like one by class, rel or itemprop and has 1 to 99 characters of text', () => {
  for (const { markup, expected } of BYLINES) {
    const { element, original, replaced } = helpers(markup);
    const match = (el: { className: string; id: string }): string => `${el.className} ${el.id}`;
    const matchString = match(element as { className: string; id: string });
    assert.equal(replaced._isValidByline.call(replaced, element, matchString), expected, markup);
    assert.equal(original._isValidByline.call(original, element, matchString), expected, `${markup} (Readability's own)`);
  }
});
