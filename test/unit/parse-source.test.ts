import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSource, parseWrittenDate } from '../../server/src/ingest/source/parse-source';

/** Each case: a source text and the metadata it must yield. Texts are made up, in the shapes real articles take. */
const CASES: { name: string; text: string; title: string; date: string | null; place: string | null; outlet: string | null }[] = [
  {
    name: 'date tag and dateline place',
    text: ' date 2021-03-04 LISBON (Wires): The council voted on Tuesday to close the port. Ships waited.\n\nMore text follows here.',
    title: 'The council voted on Tuesday to close the port',
    date: '2021-03-04',
    place: 'Lisbon',
    outlet: null,
  },
  {
    name: 'title line and byline date',
    text: 'Council closes port after vote\nBy Staff Writer - March 4 2021\n\n(Photo Credit: Someone / Agency)\n\nThe council voted to close the port.\n\nMost Popular',
    title: 'Council closes port after vote',
    date: '2021-03-04',
    place: null,
    outlet: null,
  },
  {
    name: 'source link names the outlet; caption with agency credit is not content',
    text: 'A minister stands beside a ship in the port on May 2, 2020. \u2014 AFP file\nThe minister said the port would reopen.\nSource link: https://www.example-news.com/article/1',
    title: 'The minister said the port would reopen',
    date: null,
    place: null,
    outlet: 'example-news.com',
  },
];

test('parse-source: metadata table', () => {
  for (const c of CASES) {
    const doc = parseSource('file:///w/a.txt', 'a.txt', c.text);
    assert.equal(doc.title, c.title, `${c.name}: title`);
    assert.equal(doc.date, c.date, `${c.name}: date`);
    assert.equal(doc.place, c.place, `${c.name}: place`);
    assert.equal(doc.outlet, c.outlet, `${c.name}: outlet`);
  }
});

test('parse-source: boilerplate lines are not content', () => {
  const text = 'Headline here\n\nSearch\nBody sentence one. Body two.\nDate archive\n(Photo Credit: X / Y)\nMost Popular\n';
  const doc = parseSource('u', 'p', text);
  const contents = doc.paragraphs.map((p) => text.slice(p.start, p.end));
  assert.deepEqual(contents, ['Headline here', 'Body sentence one. Body two.']);
  assert.deepEqual(
    doc.sentences.map((s) => text.slice(s.start, s.end)),
    ['Headline here', 'Body sentence one.', 'Body two.'],
  );
});

test('parse-source: CRLF line ends keep exact offsets', () => {
  const text = 'Title line\r\n\r\nFirst sentence. Second one.\r\nThird line.';
  const doc = parseSource('u', 'p', text);
  assert.deepEqual(
    doc.sentences.map((s) => text.slice(s.start, s.end)),
    ['Title line', 'First sentence.', 'Second one.', 'Third line.'],
  );
});

test('parse-source: headings are short lines without final punctuation', () => {
  const text = 'Title\n\nA body sentence that ends.\n\nA short subheading\n\nMore body.';
  const doc = parseSource('u', 'p', text);
  assert.deepEqual(
    doc.paragraphs.map((p) => p.kind),
    ['title', 'body', 'heading', 'body'],
  );
});

test('parseWrittenDate: written dates', () => {
  const table: [string, string | null][] = [
    ['September 24 2022', '2022-09-24'],
    ['Sept. 4, 2019', '2019-09-04'],
    ['4 March 2020', '2020-03-04'],
    ['no date here', null],
  ];
  for (const [input, expected] of table) assert.equal(parseWrittenDate(input), expected, input);
});
