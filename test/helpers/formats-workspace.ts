/**
 * A workspace of real and generated sources for the format tests: saved web pages (copied at run time from
 * ../shared into a temporary folder, never into the repository), a generated PDF memo and Word memo, broken
 * files, and a writer's BibTeX file describing one of the pages.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { makeDocx } from './make-docx';
import { makePdf, makeScannedPdf } from './make-pdf';
import { WEB_NEWS_PAGES_DIR } from './web-news';

/** Pages put in the workspace: English news pages from six outlets. */
export const WORKSPACE_PAGES = ['bbc-1', 'guardian-1', 'aclu', 'nytimes-1', 'seattletimes-1', 'herald-sun-1'];

export const PDF_MEMO = {
  title: 'Budget Review Memo',
  author: 'Jane Roe',
  pages: [
    [
      'Quarterly Budget Review',
      '',
      'The finance committee met on Tuesday. \u201cWe will hold the line on capital',
      'spending accord-',
      'ing to the plan we published in spring,\u201d said Jane Roe, the committee chair.',
      '',
      'Roe said the review of the transport budget would end in May, and that the',
    ],
    ['council would publish its figures then. \u201cNo project will be cancelled without a', 'public hearing,\u201d said Jane Roe.'],
  ],
};

export const WORD_MEMO = {
  title: 'Memo on the Water Supply',
  author: 'Ana Lee',
  paragraphs: [
    '# Water Supply',
    '\u201cWe cannot wait another winter for the new pipes,\u201d said Ana Lee, the utility director.',
    'The works start in March.',
  ],
};

/** The writer's BibTeX entry for the BBC page (matched by its URL), and its key. */
export const WRITER_KEY = 'obama-bbc-interview';
export const WRITER_BIB = `@article{${WRITER_KEY},\n  title = {Interview on gun laws},\n  author = {{BBC News}},\n  journal = {BBC News},\n  year = {2015},\n  url = {http://www.bbc.com/news/world-us-canada-33646704}\n}\n@book{unrelated2001,\n  title = {A Book Nobody Indexed},\n  author = {Doe, John},\n  year = {2001}\n}\n`;

/** Files that must be skipped, with the reason each must get. */
export const BAD_FILES: Record<string, string> = {
  'sources/cut.pdf': 'truncated PDF (no end-of-file marker)',
  'sources/secret.pdf': 'encrypted PDF (needs a password)',
  'sources/scan.pdf': 'scanned, no text (the PDF has no text layer)',
  'sources/fake.html': 'named .html but the content is PDF',
  'sources/bomb.docx': 'zip bomb: expands to more than 40 MB',
  'sources/scans.docx': 'larger than sourced.corpus.maxFileSizeKb (2255 KB > 2048 KB)',
};

/** Bytes that do not compress (a fixed pseudo-random sequence), so a file holding them has a known size. */
function noise(length: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = 12345;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** Creates the workspace; `maxFileSizeKb` 2048 makes the bomb limit 40 MB. */
export async function formatsWorkspace(): Promise<string> {
  const root = mkdtempSync(path.join(tmpdir(), 'sourced-formats-'));
  const sources = path.join(root, 'sources');
  mkdirSync(sources);
  for (const name of WORKSPACE_PAGES)
    writeFileSync(path.join(sources, `${name}.html`), readFileSync(path.join(WEB_NEWS_PAGES_DIR, name, 'source.html')));
  const memo = await makePdf({ ...PDF_MEMO, date: new Date('2024-03-05T10:00:00Z') });
  writeFileSync(path.join(sources, 'memo.pdf'), memo);
  writeFileSync(path.join(sources, 'water.docx'), makeDocx({ ...WORD_MEMO, created: '2024-02-01T09:00:00Z' }));
  writeFileSync(path.join(sources, 'cut.pdf'), memo.subarray(0, Math.floor(memo.length * 0.6)));
  writeFileSync(path.join(sources, 'secret.pdf'), await makePdf({ pages: [['A memo that needs a password.']], encrypted: true }));
  writeFileSync(path.join(sources, 'scan.pdf'), await makeScannedPdf());
  writeFileSync(path.join(sources, 'fake.html'), memo);
  writeFileSync(
    path.join(sources, 'bomb.docx'),
    makeDocx({ paragraphs: ['Short memo.'], extra: { 'word/media/zeros.bin': new Uint8Array(48 * 1024 * 1024) } }),
  );
  // A memo with 2.2 MB of photographs: over the 2048 KB limit on its own, not a bomb.
  writeFileSync(
    path.join(sources, 'scans.docx'),
    makeDocx({ paragraphs: ['A memo with its photographs.'], extra: { 'word/media/photo.bin': noise(2.2 * 1024 * 1024) } }),
  );
  writeFileSync(path.join(root, 'refs.bib'), WRITER_BIB);
  return root;
}

/** Settings for the workspace: the new formats under sources/, Pandoc style with the writer's BibTeX file. */
export const FORMATS_SETTINGS = {
  corpus: { include: ['sources/**/*.html', 'sources/**/*.pdf', 'sources/**/*.docx'], maxFileSizeKb: 2048 },
  citations: { style: 'pandoc', bibliography: ['sources.json', 'refs.bib'] },
};
