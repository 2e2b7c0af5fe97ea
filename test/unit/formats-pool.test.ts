/** The reader pool: files read in worker threads, a file over its time limit skipped, the pool still serving after. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ReaderPool } from '../../server/src/node/reader-pool';
import { makePdf } from '../helpers/make-pdf';

const LIMITS = { maxBytes: 1024 * 1024, maxExpandedBytes: 20 * 1024 * 1024 };

test('reader pool: a file over the time limit is skipped with the reason, the next file is read', { timeout: 120_000 }, async () => {
  const pdf = await makePdf({
    pages: [['Harbour Report', '', '\u201cThe pier opens in June,\u201d said the harbour master.']],
    title: 'Harbour Report',
  });
  const slow = new ReaderPool({ size: 1, timeoutMs: 1 });
  try {
    const late = await slow.read('late.pdf', pdf, LIMITS);
    assert.deepEqual(late, { ok: false, reason: 'reading took longer than 1 ms' });
  } finally {
    slow.dispose();
  }
  const pool = new ReaderPool({ size: 1, timeoutMs: 60_000 });
  try {
    const read = await pool.read('report.pdf', pdf, LIMITS);
    assert.ok(read.ok && read.source?.meta.title === 'Harbour Report', JSON.stringify(read));
    const copy = await pool.read('copy.pdf', new Uint8Array(pdf), LIMITS);
    assert.strictEqual(copy, read, 'the same content is served from the content-hash cache');
  } finally {
    pool.dispose();
  }
});

test(
  'reader pool: files queued on one worker at once (PDFs read asynchronously, pages at once) each get their own result',
  { timeout: 120_000 },
  async () => {
    const pdfs = await Promise.all(
      [1, 2, 3].map((n) =>
        makePdf({
          pages: [[`Report ${n}`, '', `\u201cThe pier opens in June ${n},\u201d said the harbour master.`]],
          title: `Report ${n}`,
        }),
      ),
    );
    const page = (n: number): Uint8Array =>
      new TextEncoder().encode(
        `<html><head><title>Page ${n}</title></head><body><p>The pier opens in June, said the harbour master, page ${n}.</p></body></html>`,
      );
    const pool = new ReaderPool({ size: 1, timeoutMs: 20_000 });
    try {
      const files = [
        { name: 'a.pdf', bytes: pdfs[0], title: 'Report 1' },
        { name: 'a.html', bytes: page(1), title: 'Page 1' },
        { name: 'b.pdf', bytes: pdfs[1], title: 'Report 2' },
        { name: 'b.html', bytes: page(2), title: 'Page 2' },
        { name: 'c.html', bytes: page(3), title: 'Page 3' },
        { name: 'c.pdf', bytes: pdfs[2], title: 'Report 3' },
      ];
      const reads = await Promise.all(files.map((f) => pool.read(f.name, f.bytes, LIMITS)));
      assert.deepEqual(
        reads.map((r) => (r.ok ? r.source?.meta.title : r.reason)),
        files.map((f) => f.title),
      );
    } finally {
      pool.dispose();
    }
  },
);

test(
  'reader pool: files queued behind one that overruns go back to the queue, each read or skipped on its own',
  { timeout: 120_000 },
  async () => {
    const pdf = await makePdf({ pages: [['Harbour Report', '', 'The pier opens in June.']], title: 'Harbour Report' });
    const pool = new ReaderPool({ size: 1, timeoutMs: 1 });
    try {
      const copies = [0, 1, 2].map((n) => Uint8Array.from([...pdf, 0x0a, 0x25, 0x30 + n]));
      const reads = await Promise.all(copies.map((bytes, n) => pool.read(`memo-${n}.pdf`, bytes, LIMITS)));
      assert.deepEqual(
        reads.map((r) => (r.ok ? 'read' : r.reason)),
        ['reading took longer than 1 ms', 'reading took longer than 1 ms', 'reading took longer than 1 ms'],
      );
    } finally {
      pool.dispose();
    }
  },
);

test(
  'reader pool: a worker answering a job with a result of another kind fails that job with the reason',
  { timeout: 60_000 },
  async () => {
    // A worker that answers every job as if it were an analysis: its answers must be refused, not taken by their shape.
    const script = path.join(mkdtempSync(path.join(os.tmpdir(), 'sourced-pool-')), 'wrong-worker.js');
    writeFileSync(
      script,
      "const { parentPort } = require('node:worker_threads');\n" +
        "parentPort.on('message', (job) => parentPort.postMessage({ id: job.id, kind: 'analyse', result: { ok: false, reason: 'none' } }));\n",
    );
    const pool = new ReaderPool({ size: 1, timeoutMs: 20_000, workerScript: script });
    try {
      const read = await pool.read('page.html', new TextEncoder().encode('<p>Harbour news</p>'), LIMITS);
      assert.deepEqual(read, { ok: false, reason: 'reader answered a read job with a result of kind analyse' });
      const analysed = await pool.analyse('file:///notes.txt', 'notes.txt', 'The pier opens.', undefined);
      assert.deepEqual(analysed, { ok: false, reason: 'none' }, 'an answer of the job’s own kind is taken');
    } finally {
      pool.dispose();
    }
  },
);
