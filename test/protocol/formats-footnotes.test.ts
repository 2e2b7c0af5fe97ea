/**
 * The formats in footnote style, through the built server, as a writer who does not use Pandoc sees them: a PDF
 * quotation on page 2 is offered with its speaker, title and page, and its footnote says "p. 2"; a Word
 * quotation with its speaker and title; a saved page described by the writer's .bib is cited with the writer's
 * key and its footnote carries the page's author, title, outlet and address; the .bib is unchanged. All text
 * is invented. Needs `npm run build`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { completeAtEnd, insertedText, startServer } from '../helpers/lsp-client';
import { makeDocx } from '../helpers/make-docx';
import { makePdf } from '../helpers/make-pdf';

const FILLER = 'The island council spent most of its Tuesday meeting on the ferry contract and the timetable for the year. ';
const PAGE = `<!doctype html><html lang="en"><head><title>Island Post | News</title>
<meta property="og:title" content="Council backs new ferry contract"><meta property="og:site_name" content="Island Post">
<link rel="canonical" href="https://islandpost.example/news/ferry-contract"></head>
<body><nav><a href="/">Home</a></nav><article><h1>Council backs new ferry contract</h1><p class="byline">By Petra Lind</p>
<p>${FILLER.repeat(3)}</p><p>\u201cWe will keep every route open through the winter months,\u201d said councillor Tomas Hale after the vote.</p>
<p>${FILLER.repeat(2)}</p></article></body></html>`;
const BIB =
  '@article{lind2025ferry,\n  title = {Council backs new ferry contract},\n  author = {Lind, Petra},\n  journal = {Island Post},\n' +
  '  year = {2025},\n  url = {https://islandpost.example/news/ferry-contract/}\n}\n';

async function workspace(): Promise<string> {
  const root = mkdtempSync(path.join(tmpdir(), 'sourced-footnotes-'));
  const sources = path.join(root, 'sources');
  mkdirSync(sources);
  const pdf = await makePdf({
    title: 'Harbour Dredging Review',
    author: 'Olu Bankole',
    date: new Date('2025-05-01T00:00:00Z'),
    pages: [
      ['Dredging Review', '', 'The port authority met in April to review the dredging works along the', 'eastern quay.'],
      ['', '\u201cThe channel must be deepened before the autumn storms arrive,\u201d said Olu', 'Bankole, the harbour master.'],
    ],
  });
  writeFileSync(path.join(sources, 'harbour.pdf'), pdf);
  const memo = [
    '# Ferry timetable',
    '\u201cNo crossing will be cut before the summer season,\u201d said Ines Okafor, the operations chief.',
    'The board meets in June.',
  ];
  writeFileSync(
    path.join(sources, 'ferry.docx'),
    makeDocx({ title: 'Ferry Timetable Memo', author: 'Ines Okafor', created: '2025-02-03T09:00:00Z', paragraphs: memo }),
  );
  writeFileSync(path.join(sources, 'island.html'), PAGE);
  writeFileSync(path.join(root, 'library.bib'), BIB);
  return root;
}

const SETTINGS = {
  corpus: { include: ['sources/**/*.html', 'sources/**/*.pdf', 'sources/**/*.docx'] },
  citations: { style: 'footnote', bibliography: ['sources.json', 'library.bib'] },
};

test(
  'formats in footnote style: page, speaker and title of a PDF and a Word quotation; the writer\u2019s key for a page',
  { timeout: 120_000 },
  async () => {
    const root = await workspace();
    const session = await startServer({ workspace: root, settings: SETTINGS });
    try {
      const status = await session.whenReady(90_000);
      assert.equal(status.sources, 3);

      const pdf = (await completeAtEnd(session, root, 'He said \u201cThe channel must'))
        .slice(0, 3)
        .find((i) => i.label.startsWith('The channel must be deepened'));
      assert.ok(pdf, 'the PDF quotation is in the top 3');
      assert.equal(pdf.detail, 'Olu Bankole \u2014 Harbour Dredging Review (2025-05-01), p. 2');
      assert.match(insertedText(pdf), /\]: Olu Bankole\. Harbour Dredging Review\. 2025-05-01\. p\. 2\./);

      const word = (await completeAtEnd(session, root, 'She said \u201cNo crossing will'))
        .slice(0, 3)
        .find((i) => i.label.startsWith('No crossing will be cut'));
      assert.ok(word, 'the Word quotation is in the top 3');
      assert.equal(word.detail, 'Ines Okafor \u2014 Ferry Timetable Memo (2025-02-03)');
      assert.match(insertedText(word), /\]: Ines Okafor\. Ferry Timetable Memo\. 2025-02-03\./);

      const page = (await completeAtEnd(session, root, 'He said \u201cWe will keep'))
        .slice(0, 3)
        .find((i) => i.label.startsWith('We will keep every route'));
      assert.ok(page, 'the page quotation is in the top 3');
      assert.equal(page.detail, 'Tomas Hale \u2014 Council backs new ferry contract');
      const inserted = insertedText(page);
      assert.match(inserted, /\[\^lind2025ferry\]/, 'cited with the writer\u2019s key');
      assert.match(
        inserted,
        /\[\^lind2025ferry\]: Petra Lind\. Council backs new ferry contract\. Island Post\. https:\/\/islandpost\.example\/news\/ferry-contract\./,
      );

      assert.deepEqual(
        (await completeAtEnd(session, root, 'As reported [@lin')).map((i) => i.label),
        ['lind2025ferry'],
      );
      assert.equal(readFileSync(path.join(root, 'library.bib'), 'utf8'), BIB, 'the writer\u2019s .bib is unchanged');
      assert.equal(session.process.exitCode, null, 'the server is still running');
    } finally {
      await session.close();
    }
  },
);
