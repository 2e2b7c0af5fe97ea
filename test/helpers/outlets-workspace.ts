/**
 * A workspace made only of material written for the tests, none of it from ../shared: five web pages written
 * by hand in the structure of other outlets (test/fixtures/outlet-pages: a local paper with cookie banner,
 * ads and comments; a wire service with JSON-LD and a React state blob; a WordPress site with microdata; a
 * table-layout Windows-1252 page without <p>; a magazine feature with a paywall dialog and a DOI), a
 * two-page PDF from the test generator, a Word memo made by pandoc (test/fixtures/outlet-docs), broken files,
 * and a writer's BibTeX file describing two of the pages (by DOI, and by title).
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { makeDocx } from './make-docx';
import { makePdf } from './make-pdf';
import { FIXTURES_DIR } from './paths';

export const OUTLET_PAGES_DIR = path.join(FIXTURES_DIR, 'outlet-pages');
export const OUTLET_DOCS_DIR = path.join(FIXTURES_DIR, 'outlet-docs');

/** A quotation a writer types, and what its completion must carry (written by hand from the sources). */
export interface ExpectedQuote {
  file: string;
  /** What the writer types after the opening quotation mark. */
  typed: string;
  /** The start of the quotation offered. */
  label: string;
  speaker: string;
  title: string;
  /** Page locator, for the PDF. */
  page?: number;
}

export const OUTLET_QUOTES: ExpectedQuote[] = [
  {
    file: 'valley-courier.html',
    typed: 'We have lost every',
    label: 'We have lost every customer who used to walk over',
    speaker: 'Priya Nandakumar',
    title: 'Bridge closure splits Millbrook traders',
  },
  {
    file: 'harbour-wire.html',
    typed: 'This is not everything',
    label: 'This is not everything we asked for',
    speaker: 'Ingrid Solheim',
    title: 'Port workers back pay deal after three-day strike',
  },
  {
    file: 'northern-ledger.html',
    typed: 'Sunday is the only',
    label: 'Sunday is the only day many working families',
    speaker: 'Rosa Delgado-Finch',
    title: 'Council keeps Sunday library hours after late budget amendment',
  },
  {
    file: 'riverside-gazette.html',
    typed: 'We are not night',
    label: 'We are not night clubs, we are caf\u00e9s',
    speaker: 'Joost Hendriks',
    title: 'Caf\u00e9 owners fight late-night licence limits',
  },
  {
    file: 'longform-review.html',
    typed: 'The first night ashore',
    label: 'The first night ashore I woke at two',
    speaker: 'Alasdair Munro',
    title: 'The last lighthouse keepers',
  },
  {
    file: 'ferry-review.pdf',
    typed: 'The winter timetable will',
    label: 'The winter timetable will keep the early crossing',
    speaker: 'Nadia Farouk',
    title: 'Ferry Timetable Review',
    page: 2,
  },
  {
    file: 'harbour-dredging.docx',
    typed: 'We will keep one',
    label: 'We will keep one berth open for the ferries',
    speaker: 'Oskar Lindqvist',
    title: 'Harbour Dredging Plan',
  },
];

/** Claims a writer makes from each source (factual sentences of it, reworded), and the source's title. */
export const OUTLET_CLAIMS: { claim: string; title: string }[] = [
  {
    claim: 'The stone bridge over the River Wend was closed in January after engineers found cracks in two of its arches.',
    title: 'Bridge closure splits Millbrook traders',
  },
  {
    claim: 'The pay offer raises basic pay for dockers by 6.5% this year and by a further 4% next year.',
    title: 'Port workers back pay deal after three-day strike',
  },
  {
    claim: 'The original budget proposal would have closed every library branch except the central library on Sundays.',
    title: 'Council keeps Sunday library hours after late budget amendment',
  },
  {
    claim: 'The licensing committee set the conditions in April after residents of the Quayside flats complained about noise.',
    title: 'Caf\u00e9 owners fight late-night licence limits',
  },
  {
    claim: 'Between 1980 and 1998 the lighthouse board replaced its keepers station by station.',
    title: 'The last lighthouse keepers',
  },
  {
    claim: 'The dredging works are budgeted at 2.4 million and will be paid from the harbour reserve fund.',
    title: 'Harbour Dredging Plan',
  },
];

/** Text of the boilerplate around the articles (scripts, cookie banners, ads, comments) that must never be indexed. */
export const OUTLET_BOILERPLATE = [
  'We use cookies to improve your experience',
  'Readers who enjoyed this story also read',
  'Sign up for the morning briefing',
  'PW-2025-0602',
  'About time they fixed it',
  'Raiding the reserves again',
  'Readers like you make this magazine possible',
  'You have two free features left this month',
  'The Riverside Gazette has served readers',
  'Advertisement',
];

/** The writer's BibTeX: one entry matches the feature by DOI, one the library story by title, one nothing. */
export const OUTLET_BIB = [
  '@article{carvalho2024keepers,',
  '  title = {The Last Lighthouse Keepers},',
  '  author = {Carvalho, In{\\^e}s},',
  '  journal = {Tidewater Review},',
  '  year = {2024},',
  '  doi = {10.5555/tidewater.2024.0117}',
  '}',
  '@online{ledger-library-2025,',
  '  title = {Council Keeps {Sunday} Library Hours After Late Budget Amendment},',
  '  author = {Kowalczyk, Dmitri},',
  '  year = {2025}',
  '}',
  '@book{tidal-atlas-1999,',
  '  title = {A Tidal Atlas of the Northern Coast},',
  '  author = {Marsh, Elspeth},',
  '  year = {1999}',
  '}',
  '',
].join('\n');

/** Writer's keys and the files their entries describe. */
export const OUTLET_WRITER_KEYS: Record<string, string> = {
  'longform-review.html': 'carvalho2024keepers',
  'northern-ledger.html': 'ledger-library-2025',
};

/** Broken files and the reason each must be skipped with. */
export const OUTLET_BAD_FILES: Record<string, string> = {
  'sources/ferry-review-cut.pdf': 'truncated PDF (no end-of-file marker)',
  'sources/locked.pdf': 'encrypted PDF (needs a password)',
  'sources/photo.html': 'named .html but the content is PNG',
  'sources/noise.html': 'named .html but the content is binary',
  'sources/bomb.docx': 'zip bomb: expands to more than 40 MB',
  'sources/slides.docx': 'named .docx but the content is PDF',
};

const PNG_HEADER = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Deterministic bytes that are no text in any encoding. */
function noise(length: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = 2463534242;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** Creates the workspace (`maxFileSizeKb` 2048 makes the zip-bomb limit 40 MB). */
export async function outletsWorkspace(): Promise<string> {
  const root = mkdtempSync(path.join(tmpdir(), 'sourced-outlets-'));
  const sources = path.join(root, 'sources');
  mkdirSync(sources);
  for (const q of OUTLET_QUOTES.filter((x) => x.file.endsWith('.html')))
    writeFileSync(path.join(sources, q.file), readFileSync(path.join(OUTLET_PAGES_DIR, q.file)));
  const review = await makePdf({
    title: 'Ferry Timetable Review',
    author: 'Nadia Farouk',
    date: new Date('2025-01-15T09:00:00Z'),
    pages: [
      [
        'Ferry Timetable Review',
        '',
        'The operator has reviewed the winter timetable after complaints',
        'about late crossings from commuters on the northern route.',
      ],
      [
        'Commuters asked for an earlier boat on weekdays. \u201cThe winter timetable will keep the',
        'early crossing at six fifteen on every weekday,\u201d said Nadia Farouk, the operations',
        'director.',
      ],
    ],
  });
  writeFileSync(path.join(sources, 'ferry-review.pdf'), review);
  writeFileSync(path.join(sources, 'ferry-review-cut.pdf'), review.subarray(0, Math.floor(review.length / 2)));
  writeFileSync(path.join(sources, 'locked.pdf'), await makePdf({ pages: [['Board minutes, confidential.']], encrypted: true }));
  writeFileSync(path.join(sources, 'slides.docx'), review);
  writeFileSync(path.join(sources, 'harbour-dredging.docx'), readFileSync(path.join(OUTLET_DOCS_DIR, 'harbour-dredging-pandoc.docx')));
  writeFileSync(path.join(sources, 'photo.html'), new Uint8Array([...PNG_HEADER, ...noise(4096)]));
  writeFileSync(path.join(sources, 'noise.html'), noise(8192));
  writeFileSync(
    path.join(sources, 'bomb.docx'),
    makeDocx({ paragraphs: ['Minutes.'], extra: { 'word/media/blank.bin': new Uint8Array(48 * 1024 * 1024) } }),
  );
  writeFileSync(path.join(root, 'library.bib'), OUTLET_BIB);
  return root;
}

/** Settings: the formats under sources/, Pandoc style, Sourced's CSL-JSON file and the writer's BibTeX file. */
export const OUTLETS_SETTINGS = {
  corpus: { include: ['sources/**/*.html', 'sources/**/*.pdf', 'sources/**/*.docx'], maxFileSizeKb: 2048 },
  citations: { style: 'pandoc', bibliography: ['sources.json', 'library.bib'] },
};
