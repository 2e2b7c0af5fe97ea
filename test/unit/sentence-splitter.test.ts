import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitSentences } from '../../server/src/text/sentence-splitter';

/** Each case: a paragraph and the sentences it must split into. */
const CASES: [string, string[]][] = [
  ['One. Two.', ['One.', 'Two.']],
  ['U.S. Secretary of State Antony Blinken spoke. He left.', ['U.S. Secretary of State Antony Blinken spoke.', 'He left.']],
  ['Dr. Smith arrived on Sept. 5 with Mr. Jones.', ['Dr. Smith arrived on Sept. 5 with Mr. Jones.']],
  ['George W. Bush won. The vote was close.', ['George W. Bush won.', 'The vote was close.']],
  ['It grew 3.2 million. Then it fell.', ['It grew 3.2 million.', 'Then it fell.']],
  ['\u201cWe will win.\u201d He smiled.', ['\u201cWe will win.\u201d', 'He smiled.']],
  ['\u201cWe will win,\u201d he said. \u201cNo doubt.\u201d', ['\u201cWe will win,\u201d he said.', '\u201cNo doubt.\u201d']],
  ['Who knew? \u201cNobody,\u201d she said.', ['Who knew?', '\u201cNobody,\u201d she said.']],
  ['Is it over?\u201d he asked.', ['Is it over?\u201d he asked.']],
  ['A heading without a full stop', ['A heading without a full stop']],
  ['They moved to the U.S. The talks stalled.', ['They moved to the U.S.', 'The talks stalled.']],
  ['The city fell.[^key] The army left.', ['The city fell.[^key]', 'The army left.']],
  ['The city fell.[@key, p. 2] Next.', ['The city fell.[@key, p. 2]', 'Next.']],
  ['Wait... what happened? Nothing.', ['Wait... what happened?', 'Nothing.']],
  ['I left. I came back.', ['I left.', 'I came back.']],
  ['Prices rose 5% in Jan. and fell in Feb.', ['Prices rose 5% in Jan. and fell in Feb.']],
  ['  Leading and trailing space.  ', ['Leading and trailing space.']],
  ['', []],
];

test('sentence splitter: table of paragraphs', () => {
  for (const [input, expected] of CASES) {
    const got = splitSentences(input).map((s) => input.slice(s.start, s.end));
    assert.deepEqual(got, expected, `splitting ${JSON.stringify(input)}`);
  }
});

test('sentence splitter: spans index into the original text within a range', () => {
  const text = 'XX First one. Second one. YY';
  const spans = splitSentences(text, 3, 25);
  assert.deepEqual(
    spans.map((s) => text.slice(s.start, s.end)),
    ['First one.', 'Second one.'],
  );
});
