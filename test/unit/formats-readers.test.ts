/**
 * The format readers on real saved pages (../shared/corpora/web-news, expected text and metadata from its
 * hand-checked suite) and on PDF and Word files generated here, checked against what was put in.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readSourceFile } from '../../server/src/ingest/readers/read-source-file';
import { readBibliography } from '../../server/src/ingest/readers/bibliography-reader';
import { analyzeSource } from '../../server/src/ingest/analyze-source';
import { pageAt } from '../../server/src/domain/source-pages';
import { isoDate } from '../../server/src/ingest/readers/clean-text';
import { makeDocx } from '../helpers/make-docx';
import { PDF_MEMO } from '../helpers/formats-workspace';
import { makePdf, makeScannedPdf } from '../helpers/make-pdf';
import { tokenF1, webNewsPages } from '../helpers/web-news';

const LIMITS = { maxBytes: 5 * 1024 * 1024, maxExpandedBytes: 100 * 1024 * 1024 };
const pages = webNewsPages();

/** Inline scripts' opening text, to prove none of it reaches the index. */
function scriptSnippets(html: Uint8Array): string[] {
  const text = new TextDecoder().decode(html);
  return [...text.matchAll(/<script(?![^>]*ld\+json)[^>]*>([\s\S]*?)<\/script>/gi)]
    .map((m) => m[1].trim().replace(/\s+/g, ' ').slice(0, 40))
    .filter((s) => s.length >= 40);
}

test('web pages: article text close to the expected text, title as hand-checked, no script text', async () => {
  assert.equal(pages.length, 20);
  for (const page of pages) {
    const read = await readSourceFile(`${page.name}.html`, page.html, LIMITS);
    assert.ok(read.ok && read.source, `${page.name}: read`);
    const body = read.source.blocks
      .filter((b) => b.kind !== 'title')
      .map((b) => b.text)
      .join('\n');
    assert.ok(tokenF1(body, page.expectedText) >= 0.95, `${page.name}: text F1 ${tokenF1(body, page.expectedText).toFixed(3)}`);
    assert.equal(read.source.meta.title, page.expected.title?.replace(/\s+/g, ' ').trim(), `${page.name}: title`);
    if (page.expected.publishedTime) assert.equal(read.source.meta.date, isoDate(page.expected.publishedTime), `${page.name}: date`);
    if (page.expected.siteName) assert.equal(read.source.meta.outlet, page.expected.siteName, `${page.name}: outlet`);
    for (const snippet of scriptSnippets(page.html)) {
      assert.ok(!read.text.replace(/\s+/g, ' ').includes(snippet), `${page.name}: script text indexed: ${snippet}`);
    }
    assert.ok(!/\u00ad|\u00a0/.test(read.text), `${page.name}: soft hyphens and NBSP normalised`);
  }
});

test('web pages: soft hyphens, non-breaking spaces and line breaks inside markup do not split a quotation', async () => {
  const html =
    '<html><head><title>Council vote</title></head><body><article><h1>Council vote</h1>' +
    '<p>The mayor said \u201cwe will re\u00adbuild the\u00a0bridge<br>\n   before winter\u201d on Monday, according to <a href="#">the minutes</a>.</p>' +
    '<p>' +
    'More text about the vote and the bridge. '.repeat(20) +
    '</p></article></body></html>';
  const read = await readSourceFile('vote.html', new TextEncoder().encode(html), LIMITS);
  assert.ok(read.ok && read.source);
  assert.ok(read.text.includes('\u201cwe will rebuild the bridge before winter\u201d'), read.text.slice(0, 200));
});

test('web pages: hidden parts (display:none, visibility:hidden, hidden, aria-hidden) are not article text; indentation changes nothing', async () => {
  const para = (text: string): string => `<p>${text} ${'The council met again to discuss the new bridge over the river. '.repeat(4)}</p>`;
  const hidden = [
    '<div style="color: red; display : none">Hidden by display.</div>',
    '<div style="visibility:hidden">Hidden by visibility.</div>',
    '<div hidden>Hidden by the attribute.</div>',
    '<div aria-hidden="true">Hidden from readers.</div>',
  ];
  const body = `<article><h1>Council vote</h1>${para('First.')}${hidden.join('')}${para('Second.')}<div style="display: block">${para('Shown.')}</div></article>`;
  const flat = `<html><head><title>Council vote</title></head><body>${body}</body></html>`;
  // The same page with every tag on its own indented line, as saved pages are written.
  const indented = flat.replace(/></g, '>\n        <');
  const reads = [];
  for (const html of [flat, indented]) {
    const read = await readSourceFile('vote.html', new TextEncoder().encode(html), LIMITS);
    assert.ok(read.ok && read.source);
    for (const h of ['display', 'visibility', 'attribute', 'readers'])
      assert.ok(!read.text.includes(`Hidden by ${h}`) && !read.text.includes('Hidden from'), read.text);
    assert.ok(read.text.includes('Second.') && read.text.includes('Shown.'), 'a style that does not hide keeps its text');
    reads.push(read.source);
  }
  assert.deepEqual(reads[1], reads[0], 'the indented page reads as the flat one');
});

/** The shared PDF memo, with a page number printed at the foot of its last page (the reader must not take it for text). */
const MEMO_PAGES = [...PDF_MEMO.pages.slice(0, -1), [...(PDF_MEMO.pages.at(-1) ?? []), '', String(PDF_MEMO.pages.length)]];

test('PDF: text with page numbers, lines and hyphenation joined, a quotation across a page break is one, document info', async () => {
  const bytes = await makePdf({
    pages: MEMO_PAGES,
    title: PDF_MEMO.title,
    author: PDF_MEMO.author,
    date: new Date('2024-03-05T10:00:00Z'),
  });
  const read = await readSourceFile('memo.pdf', bytes, LIMITS);
  assert.ok(read.ok && read.source, read.ok ? '' : read.reason);
  assert.deepEqual(read.source.meta.authors, ['Jane Roe']);
  assert.equal(read.source.meta.title, 'Budget Review Memo');
  assert.equal(read.source.meta.date, '2024-03-05');
  assert.deepEqual(
    read.source.blocks.map((b) => [b.kind, b.text.slice(0, 24), b.page]),
    [
      ['title', 'Budget Review Memo', 1],
      ['heading', 'Quarterly Budget Review', 1],
      ['body', 'The finance committee me', 1],
      ['body', 'Roe said the review of t', 1],
    ],
    'paragraphs split at the gaps; the page-2 paragraph continues the last one of page 1',
  );
  const a = analyzeSource('file:///w/memo.pdf', 'memo.pdf', read.text, read.source);
  assert.equal(a.doc.title, 'Budget Review Memo');
  assert.ok(
    a.doc.text.includes(
      '\u201cWe will hold the line on capital spending according to the plan we published in spring,\u201d said Jane Roe',
    ),
  );
  assert.ok(
    a.doc.text.includes('would end in May, and that the council would publish its figures then.'),
    'paragraph joined across the page break',
  );
  assert.ok(!/\n2$/.test(a.doc.text), 'the page number is not text');
  const first = a.quotes.find((q) => q.text.startsWith('We will hold the line'));
  assert.ok(first, `quotes: ${a.quotes.map((q) => q.text).join(' | ')}`);
  assert.equal(first.speaker, 'Jane Roe');
  assert.equal(pageAt(a.doc.pageStarts, first.start), 1);
  const second = a.quotes.find((q) => q.text.startsWith('No project will be cancelled'));
  assert.ok(second, 'the quotation on page 2 is found');
  assert.equal(pageAt(a.doc.pageStarts, second.start), 2);
});

test('PDF: a quotation that runs over a page break is one quotation, on the page where it starts', async () => {
  const bytes = await makePdf({
    pages: [
      ['Harbour Report', '', 'The harbour master said: \u201cThe new pier will open to ferries in', 'the first week of'],
      ['June, and to cargo ships a month later.\u201d'],
    ],
    title: 'Harbour Report',
  });
  const read = await readSourceFile('harbour.pdf', bytes, LIMITS);
  assert.ok(read.ok && read.source);
  const a = analyzeSource('file:///w/harbour.pdf', 'harbour.pdf', read.text, read.source);
  const q = a.quotes.find((x) => x.text.startsWith('The new pier'));
  assert.ok(q, a.doc.text);
  assert.equal(q.text, 'The new pier will open to ferries in the first week of June, and to cargo ships a month later.');
  assert.equal(pageAt(a.doc.pageStarts, q.start), 1);
  assert.equal(pageAt(a.doc.pageStarts, a.doc.text.indexOf('June')), 2);
});

test('PDF: scanned, encrypted and truncated files are skipped with a reason', async () => {
  const scanned = await readSourceFile('scan.pdf', await makeScannedPdf(), LIMITS);
  assert.deepEqual(scanned.ok ? null : scanned.reason.startsWith('scanned, no text'), true);
  const encrypted = await readSourceFile('secret.pdf', await makePdf({ pages: [['Secret text of the memo.']], encrypted: true }), LIMITS);
  assert.equal(encrypted.ok ? null : encrypted.reason, 'encrypted PDF (needs a password)');
  const whole = await makePdf({ pages: MEMO_PAGES });
  const truncated = await readSourceFile('cut.pdf', whole.subarray(0, Math.floor(whole.length * 0.6)), LIMITS);
  assert.equal(truncated.ok ? null : truncated.reason, 'truncated PDF (no end-of-file marker)');
});

test('DOCX: text with headings, core properties for title, author and date; a quotation carries its speaker', async () => {
  const bytes = makeDocx({
    paragraphs: [
      '# Water Supply',
      '\u201cWe cannot wait another winter for the new pipes,\u201d said Ana Lee, the utility director.',
      'The works start in March.',
    ],
    title: 'Memo on the Water Supply',
    author: 'Ana Lee',
    created: '2024-02-01T09:00:00Z',
  });
  const read = await readSourceFile('memo.docx', bytes, LIMITS);
  assert.ok(read.ok && read.source, read.ok ? '' : read.reason);
  assert.deepEqual(read.source.meta, {
    title: 'Memo on the Water Supply',
    authors: ['Ana Lee'],
    outlet: null,
    date: '2024-02-01',
    url: null,
    doi: null,
    language: null,
  });
  assert.deepEqual(
    read.source.blocks.map((b) => b.kind),
    ['title', 'heading', 'body', 'body'],
  );
  const a = analyzeSource('file:///w/memo.docx', 'memo.docx', read.text, read.source);
  const q = a.quotes.find((x) => x.text.startsWith('We cannot wait'));
  assert.equal(q?.speaker, 'Ana Lee');
});

test('bad files: binary named .html, PDF named .docx, zip bomb and oversized .docx are skipped with a reason', async () => {
  const pdf = await makePdf({ pages: [['Some text for the file.']] });
  const binary = await readSourceFile('page.html', pdf, LIMITS);
  assert.equal(binary.ok ? null : binary.reason, 'named .html but the content is PDF');
  const png = await readSourceFile('page.html', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), LIMITS);
  assert.equal(png.ok ? null : png.reason, 'named .html but the content is PNG');
  const notZip = await readSourceFile('memo.docx', pdf, LIMITS);
  assert.equal(notZip.ok ? null : notZip.reason, 'named .docx but the content is PDF');
  const bomb = makeDocx({ paragraphs: ['Short memo.'], extra: { 'word/media/zeros.bin': new Uint8Array(3 * 1024 * 1024) } });
  const bombRead = await readSourceFile('bomb.docx', bomb, { maxBytes: 64 * 1024, maxExpandedBytes: 1024 * 1024 });
  assert.ok(bomb.length < 64 * 1024, 'the bomb is small on disk');
  assert.equal(bombRead.ok ? null : bombRead.reason, 'zip bomb: expands to more than 1 MB');
  const big = await readSourceFile('big.docx', makeDocx({ paragraphs: ['x'.repeat(10)] }), { maxBytes: 100, maxExpandedBytes: 1000 });
  assert.match(big.ok ? '' : big.reason, /^larger than sourced\.corpus\.maxFileSizeKb/);
});

test('bibliography: BibTeX and CSL-JSON entries read with their keys and fields', async () => {
  const bib =
    '@article{roe2024budget,\n  title = {Quarterly {Budget} Review},\n  author = {Roe, Jane and Doe, John},\n' +
    '  journal = {City Gazette},\n  year = {2024}, month = mar, day = 5,\n  url = {https://example.org/budget}\n}\n';
  const read = await readBibliography(bib, 'refs.bib');
  assert.ok(read.ok);
  assert.deepEqual(read.entries, [
    {
      key: 'roe2024budget',
      title: 'Quarterly Budget Review',
      authors: ['Roe, Jane', 'Doe, John'],
      container: 'City Gazette',
      date: '2024-03-05',
      url: 'https://example.org/budget',
      doi: null,
      type: 'article-journal',
      file: 'refs.bib',
    },
  ]);
  const csl = await readBibliography(
    JSON.stringify([{ id: 'lee-water', type: 'report', title: 'Memo on the Water Supply', DOI: '10.1234/w.1' }]),
    'library.json',
  );
  assert.ok(csl.ok);
  assert.equal(csl.entries[0]?.key, 'lee-water');
  assert.equal(csl.entries[0]?.doi, '10.1234/w.1');
  const broken = await readBibliography('@article{oops, title = {unclosed', 'broken.bib');
  assert.equal(broken.ok, false);
});
