/**
 * How the HTML reader splits a generated page into blocks (headings, paragraphs) and what the quote extractor
 * then finds in them. All text is invented.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readSourceFile } from '../../server/src/ingest/readers/read-source-file';
import { analyzeSource } from '../../server/src/ingest/analyze-source';

const LIMITS = { maxBytes: 5 * 1024 * 1024, maxExpandedBytes: 100 * 1024 * 1024 };
const FILLER = '<p>' + 'The council met again on Tuesday to go over the figures for the coming year. '.repeat(6) + '</p>';

/** A saved page with the given article body. */
function page(body: string): Uint8Array {
  return new TextEncoder().encode(
    `<html><head><title>Pills sold online</title></head><body><nav><a href="/">Home</a></nav><article><h1>Pills sold online</h1>${body}${FILLER}</article><footer>Contact us</footer></body></html>`,
  );
}

async function blocksOf(body: string): Promise<[string, string][]> {
  const read = await readSourceFile('page.html', page(body), LIMITS);
  assert.ok(read.ok && read.source, 'read');
  return read.source.blocks.filter((b) => b.kind !== 'title').map((b) => [b.kind, b.text.slice(0, 30)]);
}

const CASES: { name: string; body: string; expected: [string, string][] }[] = [
  {
    name: 'a short heading stays a heading',
    body: '<h2>What the council decided</h2><p>It met on Monday.</p>',
    expected: [
      ['heading', 'What the council decided'],
      ['body', 'It met on Monday.'],
    ],
  },
  {
    name: 'a short question stays a heading',
    body: '<h2>Who pays for the bridge?</h2><p>It met on Monday.</p>',
    expected: [
      ['heading', 'Who pays for the bridge?'],
      ['body', 'It met on Monday.'],
    ],
  },
  {
    name: 'a heading that is a sentence of the story is a paragraph',
    body: '<h2>Mara Quill asked people to stay away from the pills sold online.</h2><p>It met on Monday.</p>',
    expected: [
      ['body', 'Mara Quill asked people to sta'],
      ['body', 'It met on Monday.'],
    ],
  },
  {
    name: 'a lede in a heading ending in a quotation is a paragraph',
    body: '<h2>The mother of a student who died has described the pills as \u201ca poison sold as a cure.\u201d</h2><p>It met.</p>',
    expected: [
      ['body', 'The mother of a student who di'],
      ['body', 'It met.'],
    ],
  },
  {
    name: 'a paragraph or a list item that is only a link (a related story) is not article text',
    body:
      '<p>The ferry runs twice a day.</p><p><a href="/a">Island school to close its doors</a></p>' +
      '<ul><li><a href="/b">Harbour fees rise again</a></li><li><a href="/c"><span>Storm</span> <b>warning</b></a></li></ul>' +
      '<p>Tickets cost more from May.</p>',
    expected: [
      ['body', 'The ferry runs twice a day.'],
      ['body', 'Tickets cost more from May.'],
    ],
  },
  {
    name: 'a link inside prose, a paragraph that only starts with one, and a heading that is a link stay',
    body:
      '<p>The <a href="/r">report</a> came out on Monday.</p><p><a href="/m">The mayor</a> spoke first.</p>' +
      '<h2><a href="#s">What comes next</a></h2><p>It met.</p>',
    expected: [
      ['body', 'The report came out on Monday.'],
      ['body', 'The mayor spoke first.'],
      ['heading', 'What comes next'],
      ['body', 'It met.'],
    ],
  },
  {
    name: "a photo's buttons, its place in a gallery and a credit line are not article text",
    body:
      '<p>The ferry runs twice a day.</p><figure><img src="f.jpg"><figcaption>View photo</figcaption></figure>' +
      '<p>Enlarge this image</p><p>Image 2 of 9</p><p>Photo: Lena Marsh/Coast Agency</p><p>Hide caption</p>' +
      '<p>Tickets cost more from May.</p>',
    expected: [
      ['body', 'The ferry runs twice a day.'],
      ['body', 'Tickets cost more from May.'],
    ],
  },
];

test('HTML blocks: sentence headings read as paragraphs, link-only paragraphs and list items left out', async () => {
  for (const c of CASES) assert.deepEqual((await blocksOf(c.body)).slice(0, c.expected.length), c.expected, c.name);
});

test('HTML blocks: "she said" after a sentence set as a heading refers to the person that sentence names', async () => {
  const body =
    '<p>The mother of a student who died after taking pills bought online, Mara, spoke at the inquest on Monday.</p>' +
    '<h2>Mara Quill asked people to stay away from the pills sold online.</h2>' +
    '<p>\u201cNobody told her how dangerous the tablets were,\u201d she said.</p>';
  const read = await readSourceFile('page.html', page(body), LIMITS);
  assert.ok(read.ok && read.source, 'read');
  const a = analyzeSource('file:///w/page.html', 'page.html', read.text, read.source);
  const q = a.quotes.find((x) => x.text.startsWith('Nobody told her'));
  assert.ok(q, `quotes: ${a.quotes.map((x) => x.text).join(' | ')}`);
  assert.equal(q.speaker, 'Mara Quill');
});

test('HTML blocks: a caption keeps its text without the credit at its end; prose that names a photo stays', async () => {
  const body =
    '<figure><img src="f.jpg"><figcaption>Passengers wait at the pier on Monday. (Coast Agency Photo/Lena Marsh)</figcaption></figure>' +
    '<p>See photos of the pier in our gallery, the council said on Monday.</p><p>Source: harbour board</p>';
  const read = await readSourceFile('page.html', page(body), LIMITS);
  assert.ok(read.ok && read.source, 'read');
  const texts = read.source.blocks.filter((b) => b.kind !== 'title').map((b) => b.text);
  assert.deepEqual(texts.slice(0, 2), [
    'Passengers wait at the pier on Monday.',
    'See photos of the pier in our gallery, the council said on Monday.',
  ]);
  assert.ok(!texts.includes('Source: harbour board'), texts.join(' | '));
});
