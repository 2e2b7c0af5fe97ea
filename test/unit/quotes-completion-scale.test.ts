/**
 * Quote retrieval at corpus scale: every BBC article indexed (about 10,000 quotations), 300 quotations
 * of 8+ words drawn with a fixed seed; typing their first four words, or three words from their middle,
 * must find them. Prints hit rates and CPU time per query.
 */
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createKnowledge } from '../../server/src/store/memory/knowledge';
import { rankQuotes } from '../../server/src/features/quotes/rank-quotes';
import type { SourceQuote } from '../../server/src/domain/quote-types';
import { analyzeSource } from '../../server/src/ingest/analyze-source';
import { words } from '../../server/src/text/tokenize';
import { BBC_DIR } from '../helpers/fixture';

const SAMPLE = 300;

test('completion ranking over all BBC quotations: first words find the quotation first, middle words in the top three', () => {
  const k = createKnowledge();
  for (const section of readdirSync(BBC_DIR)) {
    for (const f of readdirSync(path.join(BBC_DIR, section))) {
      const rel = `${section}/${f}`;
      k.sources.add(analyzeSource(`file:///bbc/${rel}`, rel, readFileSync(path.join(BBC_DIR, rel), 'utf8')));
    }
  }
  const long: SourceQuote[] = [];
  for (const unit of k.sources.all()) for (const q of unit.quotes) if (q.kind !== 'indirect' && words(q.text).length >= 8) long.push(q);
  let seed = 7;
  const random = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const sample = Array.from({ length: SAMPLE }, () => long[Math.floor(random() * long.length)]);
  const same = (a: string, b: string): boolean => words(a).join(' ') === words(b).join(' ');
  const cpu: number[] = [];
  const rank = (typed: string): SourceQuote[] => {
    const t0 = process.cpuUsage();
    const out = rankQuotes(k, typed, { limit: 30, minWords: 4 }).map((r) => r.quote);
    const used = process.cpuUsage(t0);
    cpu.push((used.user + used.system) / 1000);
    return out;
  };
  let prefixFirst = 0;
  let middleTop3 = 0;
  for (const q of sample) {
    const ws = q.text.split(/\s+/);
    if (same(rank(ws.slice(0, 4).join(' '))[0]?.text ?? '', q.text)) prefixFirst++;
    const mid = Math.floor(ws.length / 2) - 1;
    const middle = ws
      .slice(mid, mid + 3)
      .join(' ')
      .replace(/[.,;:!?"“”()]+/g, '');
    if (
      rank(middle)
        .slice(0, 3)
        .some((r) => same(r.text, q.text))
    )
      middleTop3++;
  }
  cpu.sort((a, b) => a - b);
  const p95 = cpu[Math.floor(cpu.length * 0.95)];
  console.log(
    `${k.quotes.size} quotations indexed; ${SAMPLE} sampled: first four words → first ${(prefixFirst / SAMPLE).toFixed(3)}, ` +
      `three middle words → top three ${(middleTop3 / SAMPLE).toFixed(3)}; CPU per query median ${cpu[cpu.length >> 1].toFixed(2)} ms, p95 ${p95.toFixed(2)} ms`,
  );
  assert.ok(prefixFirst / SAMPLE >= 0.9, 'first words');
  assert.ok(middleTop3 / SAMPLE >= 0.85, 'middle words');
  assert.ok(p95 < 50, `p95 ${p95} ms CPU per query`);
});
