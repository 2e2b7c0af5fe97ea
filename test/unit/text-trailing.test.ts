/** The end-anchored scans of `text/trailing-text.ts`: what the patterns they replace matched, written out by hand. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { afterLastStop, trailingLowerWords } from '../../server/src/text/trailing-text';

const STOPS: [string, number, string][] = [
  ['The pier opened. Then the harbour master ', 0, ' Then the harbour master '],
  ['No stop at all here', 0, 'No stop at all here'],
  ['Was it open? Yes! It was', 0, ' It was'],
  ['First line\nsecond line', 0, 'second line'],
  ['Ends with a stop.', 0, ''],
  ['One. Two three', 4, ' Two three'],
  ['One. Two three', 9, 'three'],
  ['', 0, ''],
];

test('afterLastStop: the text after the last full stop, ! ? or line break of the range', () => {
  for (const [text, from, expected] of STOPS) assert.equal(afterLastStop(text, from, text.length), expected, JSON.stringify(text));
});

const WORDS: [string, string][] = [
  ['said the harbour master ', 'the harbour master '],
  ['Mayor of the old town \t', 'the old town \t'],
  ['a new chief ', 'a new chief '],
  ['Xabc def ', 'abc def '],
  ['chief executive', ''],
  ['Acme Harbour ', 'arbour '],
  ['the harbour, master ', 'master '],
  ['', ''],
];

test('trailingLowerWords: up to three lower-case words, each followed by blanks, ending the text', () => {
  for (const [text, expected] of WORDS) assert.equal(trailingLowerWords(text, 3), expected, JSON.stringify(text));
});
