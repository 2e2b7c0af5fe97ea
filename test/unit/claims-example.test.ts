/**
 * Acceptance on examples/report.md: every uncited factual sentence is flagged
 * and its preferred citation is an article that supports it; no heading,
 * question, hedged opinion, cited or suppressed sentence is flagged; the wrong
 * toll is caught. The table is hand-written from reading the seeds.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { harness, REPO } from '../helpers/fixture';

const S0 = 'seeds/000_e69ee878f7b3fed3.txt';
const S1 = 'seeds/001_364f92249d520d82.txt';
const S2 = 'seeds/002_d00c5ce0b9dbff16.txt';
const S3 = 'seeds/003_cd46b5f38dceadf1.txt';

/** Uncited factual sentences of the example and the seeds that support each. */
const FLAGGED: [string, string[]][] = [
  ["Turkey's foreign minister rejected any suggestion that foreign interference was behind the offensive.", [S0, S1]],
  ['He said the lack of talks between the regime and the opposition had brought the problem to this point.', [S0]],
  ['Turkey hosts some 3.2 million Syrian refugees, according to UN data.', [S0]],
  ['Araghchi said that destabilising Syria was an Israeli plot.', [S1]],
  ['Blinken and Fidan discussed the need for de-escalation in a telephone call on Sunday.', [S2]],
  ['Erdogan said the ultimate target of the opposition march was Damascus.', [S3]],
];

/** Sentences that must not be flagged: headings, framing, a question, hedges, cited and suppressed sentences. */
const NOT_FLAGGED = [
  'Turkey, Iran and the offensive in northern Syria',
  'This briefing looks at how Ankara and Tehran responded to the rebel offensive in northern Syria.',
  "Ankara's line",
  '\u201cDamascus must reconcile with its own people and the legitimate opposition,\u201d Fidan added.',
  'We think Ankara will not let the offensive stall.',
  'Iran and Turkey agreed that Syria should not become a safe haven for terrorist groups.',
  'What will Moscow do next?',
  'In our view, much remains uncertain.',
  'Ankara is the big winner of the week.',
];

test('claims example: every uncited factual sentence is flagged with a supporting preferred citation, nothing else is', async () => {
  const text = readFileSync(path.join(REPO, 'examples/report.md'), 'utf8');
  const h = await harness();
  try {
    const findings = await h.service.findings(h.draft(text, 1, 'report.md'));
    const unsourced = findings.filter((f) => f.code === 'unsourced-claim');
    for (const [sentence, support] of FLAGGED) {
      const start = text.indexOf(sentence);
      assert.ok(start >= 0, `in the example: ${sentence}`);
      const f = unsourced.find((x) => x.start === start);
      assert.ok(f && f.code === 'unsourced-claim', `flagged: ${sentence}`);
      assert.ok(support.includes(f.candidates[0]?.path ?? ''), `preferred citation supports "${sentence}": ${f.candidates[0]?.path}`);
    }
    assert.equal(unsourced.length, FLAGGED.length, 'nothing else is flagged');
    for (const sentence of NOT_FLAGGED) {
      const start = text.indexOf(sentence);
      assert.ok(start >= 0, `in the example: ${sentence}`);
      assert.ok(!unsourced.some((f) => f.start < start + sentence.length && f.end > start), `not flagged: ${sentence}`);
    }
    const mismatch = findings.find((f) => f.code === 'number-mismatch');
    assert.ok(mismatch && mismatch.code === 'number-mismatch');
    assert.deepEqual([text.slice(mismatch.start, mismatch.end), mismatch.expected, mismatch.key], ['500', '400', 'turkey-chief-diplomat']);
    assert.deepEqual(
      findings.filter((f) => f.code === 'unknown-citation'),
      [],
    );
  } finally {
    h.service.dispose();
  }
});
