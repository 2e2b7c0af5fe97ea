/** The reader pool: files read in worker threads, a file over its time limit skipped, the pool still serving after. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
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
