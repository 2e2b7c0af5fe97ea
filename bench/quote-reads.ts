/**
 * Quote ranking on a bench database, opened directly (no file check, no actor rebuild):
 * `npx tsx bench/quote-reads.ts <index-v3.sqlite> <workload.json>`. For the workload's 200 queries and 200 three-word
 * openings it prints wall and CPU time per query, the quotation lists read from the database (cache misses), how
 * often the quotation sought is in the first three (ten for openings; the ranking alone, not the items) and a hash
 * of every answer (quotations, sources, tiers, "also in" counts), so that two versions can be compared on one
 * database. The buildId must be the bench's (`bench`).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { openSqliteDatabase } from '../server/src/node/sqlite-database';
import { SqliteStore } from '../server/src/store/sqlite/sqlite-store';
import { rankQuotes } from '../server/src/features/quotes/rank-quotes';
import { normalizeForMatch } from '../server/src/text/normalize';
import type { Workload } from './workload';

let reads = 0;
// Counts the reads that reach the database: the store's private row read, wrapped for this script only.
const proto = SqliteStore.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
const blob = proto.blob;
proto.blob = function (this: unknown, statement: unknown, row: unknown) {
  if (((statement as { source?: string }).source ?? '').includes('quotes')) reads++;
  return blob.call(this, statement, row);
};

const percentile = (values: number[], p: number): number =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil(p * values.length) - 1)];
const fixed = (n: number): string => n.toFixed(1);

/** One query: what is typed, and the quotation it should find (its first six words, as the bench checks). */
interface Query {
  typed: string;
  quote: string;
}

function run(store: SqliteStore, label: string, queries: Query[], top: number): void {
  const wall: number[] = [];
  const cpu: number[] = [];
  const perQuery: number[] = [];
  const hash = createHash('sha1');
  let found = 0;
  for (const { typed: text, quote } of queries) {
    const before = reads;
    const t = performance.now();
    const c = process.cpuUsage();
    const hits = rankQuotes(store, text, { limit: 30, minWords: 4, paraphrases: true });
    const used = process.cpuUsage(c);
    wall.push(performance.now() - t);
    cpu.push((used.user + used.system) / 1000);
    perQuery.push(reads - before);
    const want = normalizeForMatch(quote.split(/\s+/).slice(0, 6).join(' '));
    if (hits.slice(0, top).some((h) => normalizeForMatch(h.quote.text).includes(want))) found++;
    for (const h of hits) hash.update(`${h.quote.text}|${h.unit.doc.path}|${h.alsoIn.length}|${h.tier}\n`);
    hash.update('--\n');
  }
  const total = perQuery.reduce((a, b) => a + b, 0);
  console.log(
    `${label}: wall p50 ${fixed(percentile(wall, 0.5))} p95 ${fixed(percentile(wall, 0.95))} | CPU p50 ${fixed(percentile(cpu, 0.5))} p95 ${fixed(percentile(cpu, 0.95))} total ${fixed(cpu.reduce((a, b) => a + b, 0))} ms | lists read ${total} (p95 ${percentile(perQuery, 0.95)}, max ${Math.max(...perQuery)}) | found in the first ${top}: ${found} | answers ${hash.digest('hex').slice(0, 12)}`,
  );
}

const [file, workloadFile] = process.argv.slice(2);
const t0 = performance.now();
const store = new SqliteStore(openSqliteDatabase(file), 'bench');
console.log(`open: ${store.openNote}, ${Math.round(performance.now() - t0)} ms, ${store.quotes.size} quotations`);
const workload = JSON.parse(readFileSync(workloadFile, 'utf8')) as Workload;
run(store, 'queries', workload.quotes, 3);
run(
  store,
  'openings',
  workload.quotes.map((q) => ({ typed: q.quote.split(/\s+/).slice(0, 3).join(' '), quote: q.quote })),
  10,
);
store.close();
