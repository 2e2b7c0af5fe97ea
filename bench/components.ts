/**
 * Where cold-index time and memory go, per article: parse, actor extraction, quote extraction, the source index
 * (tokenising + postings), and each listener index. `node --expose-gc --import tsx bench/components.ts [size]`
 * (default: the 2,095 BBC articles). Prints a Markdown table; run it on a quiet machine for stable figures.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { ActorIndex } from '../server/src/store/memory/actors/actor-index';
import type { DocumentActors } from '../server/src/domain/actor-types';
import { extractActors } from '../server/src/ingest/actors/extract-actors';
import { extractQuotes } from '../server/src/ingest/quotes/extract-quotes';
import { QuoteIndex } from '../server/src/store/memory/quote-index';
import type { SourceQuote } from '../server/src/domain/quote-types';
import { parseSource } from '../server/src/ingest/source/parse-source';
import type { SourceDocument } from '../server/src/domain/source-document';
import { SourceIndex } from '../server/src/store/memory/source-index';
import { corpusFiles, corpusFor } from './corpora';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc --import tsx bench/components.ts');
const heapMb = (): number => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1048576;
};

function stage<T>(label: string, rows: string[][], n: number, run: () => T): T {
  const before = heapMb();
  const t = performance.now();
  const out = run();
  const ms = performance.now() - t;
  const mb = heapMb() - before;
  rows.push([
    label,
    (ms / n).toFixed(3),
    ((mb * 1024) / n).toFixed(2),
    ((ms / n) * 100).toFixed(0),
    (((mb / n) * 100_000) / 1024).toFixed(2),
  ]);
  return out;
}

const size = Number(process.argv[2] ?? 2095);
const files = corpusFiles(corpusFor(size));
const n = files.length;
const rows: string[][] = [];
// A warm-up pass so that JIT compilation is not charged to the first stage.
for (const f of files.slice(0, 300)) {
  const d = parseSource('file:///w', 'w', readFileSync(f, 'utf8'));
  extractQuotes(d, extractActors(d));
}
const texts = stage('read (sync, page cache)', rows, n, () => files.map((f) => readFileSync(f, 'utf8')));
const docs: SourceDocument[] = stage('parse (paragraphs, sentences, metadata)', rows, n, () =>
  texts.map((t, i) => parseSource(`file:///${i}`, `p/${i}.txt`, t)),
);
const actors: DocumentActors[] = stage('extractActors', rows, n, () => docs.map((d) => extractActors(d)));
const quotes: SourceQuote[][] = stage('extractQuotes', rows, n, () => docs.map((d, i) => extractQuotes(d, actors[i])));
const sources = new SourceIndex();
stage('SourceIndex.add (tokenise, postings, keys)', rows, n, () =>
  docs.forEach((doc, i) => sources.add({ doc, actors: actors[i], quotes: quotes[i] })),
);
const units = [...sources.all()];
const quoteIndex = new QuoteIndex();
stage('QuoteIndex.unitAdded', rows, n, () => units.forEach((u) => quoteIndex.unitAdded(u)));
const actorIndex = new ActorIndex();
stage('ActorIndex (add + first lookup: lazy build)', rows, n, () => {
  units.forEach((u) => actorIndex.unitAdded(u));
  return actorIndex.size;
});
console.log(
  `${n} articles · ${docs.reduce((a, d) => a + d.sentences.length, 0)} sentences · ${quoteIndex.size} quotes · ${actorIndex.size} actors\n`,
);
console.log('| stage | ms / article | KB heap / article | s at 100,000 | GB at 100,000 |');
console.log('|---|---:|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
