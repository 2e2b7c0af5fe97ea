/**
 * The HTML reader on pages written by hand in the structure of other outlets (test/fixtures/outlet-pages):
 * title, authors, date and outlet as written in each page, its quotations whole (curly quotes of a
 * Windows-1252 page included), and none of its boilerplate (scripts, cookie banners, ad labels, comments,
 * paywall dialogs) in the text. And the region read — Readability on the part of the page holding most
 * paragraph text — gives the same article and metadata as reading the whole page, on these pages and on
 * the 20 saved pages of ../shared/corpora/web-news.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { readSourceFile } from '../../server/src/ingest/readers/read-source-file';
import { readHtml } from '../../server/src/ingest/readers/html-reader';
import { OUTLET_BOILERPLATE, OUTLET_PAGES_DIR, OUTLET_QUOTES } from '../helpers/outlets-workspace';
import { webNewsPages } from '../helpers/web-news';

const LIMITS = { maxBytes: 5 * 1024 * 1024, maxExpandedBytes: 100 * 1024 * 1024 };

/** Metadata as written in each page (by hand, from its markup). */
const EXPECTED: Record<string, { authors: string[]; date: string | null; outlet: string | null }> = {
  'valley-courier.html': { authors: ['Harriet Osei'], date: '2025-03-14', outlet: 'The Valley Courier' },
  'harbour-wire.html': { authors: ['Lukas Brandt', 'Maria Okafor'], date: '2025-06-02', outlet: 'Harbour Wire' },
  'northern-ledger.html': { authors: ['Dmitri Kowalczyk'], date: '2025-02-20', outlet: null },
  'riverside-gazette.html': { authors: ['Colette Vermeulen'], date: null, outlet: null },
  'longform-review.html': { authors: ['Ines Carvalho'], date: '2024-11-03', outlet: 'Tidewater Review' },
};

const bytesOf = (file: string): Uint8Array => new Uint8Array(readFileSync(path.join(OUTLET_PAGES_DIR, file)));

test('outlet pages: title, authors, date and outlet as written; quotations whole; no boilerplate', async () => {
  const pages = OUTLET_QUOTES.filter((q) => q.file.endsWith('.html'));
  assert.equal(pages.length, Object.keys(EXPECTED).length);
  for (const q of pages) {
    const read = await readSourceFile(q.file, bytesOf(q.file), LIMITS);
    assert.ok(read.ok && read.source, `${q.file}: read`);
    const meta = read.source.meta;
    assert.equal(meta.title, q.title, `${q.file}: title`);
    assert.deepEqual(meta.authors, EXPECTED[q.file].authors, `${q.file}: authors`);
    assert.equal(meta.date, EXPECTED[q.file].date, `${q.file}: date`);
    assert.equal(meta.outlet, EXPECTED[q.file].outlet, `${q.file}: outlet`);
    const text = read.text.replace(/\s+/g, ' ');
    assert.ok(new RegExp(`[\u201c"]${q.label}`).test(text), `${q.file}: quotation with its opening mark`);
    for (const junk of OUTLET_BOILERPLATE) assert.ok(!text.includes(junk), `${q.file}: boilerplate indexed: ${junk}`);
  }
});

test('HTML region read: the same article and metadata as the whole page', () => {
  const pages = [
    ...webNewsPages().map((p) => ({ name: p.name, html: p.html })),
    ...OUTLET_QUOTES.filter((q) => q.file.endsWith('.html')).map((q) => ({ name: q.file, html: bytesOf(q.file) })),
  ];
  for (const page of pages) assert.deepEqual(readHtml(page.html), readHtml(page.html, undefined, true), `${page.name}: region = whole`);
});

test('a Windows-1252 text file keeps its curly quotes and dashes', async () => {
  // “Yes – now,” she said. €5 — in Windows-1252 bytes (0x93, 0x96, 0x94, 0x80, 0x97), not valid UTF-8.
  const bytes = new Uint8Array([0x93, 0x59, 0x65, 0x73, 0x20, 0x96, 0x20, 0x6e, 0x6f, 0x77, 0x2c, 0x94, 0x20, 0x80, 0x35, 0x20, 0x97]);
  const read = await readSourceFile('note.txt', bytes, LIMITS);
  assert.ok(read.ok);
  assert.equal(read.text, '\u201cYes \u2013 now,\u201d \u20ac5 \u2014');
});
