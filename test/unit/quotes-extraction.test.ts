/**
 * Quote extraction and attribution against hand-checked tables
 * (test/fixtures/quotes-seeds.json, test/fixtures/quotes-bbc.json).
 * Prints precision, recall and attribution accuracy; fails below the bars of the issue.
 */
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeSource } from '../../server/src/ingest/analyze-source';
import { extractActors } from '../../server/src/ingest/actors/extract-actors';
import { parseSource } from '../../server/src/ingest/source/parse-source';
import { extractQuotes } from '../../server/src/ingest/quotes/extract-quotes';
import type { SourceQuote } from '../../server/src/domain/quote-types';
import { normalizeForMatch } from '../../server/src/text/normalize';
import { words } from '../../server/src/text/tokenize';
import { BBC_DIR, REPO, SEEDS_DIR } from '../helpers/fixture';

interface Expected {
  text: string;
  speaker: string | null;
  kind: string;
  note?: string;
}

interface Table {
  files: { file: string; quotes: Expected[] }[];
}

function loadTable(name: string): Table {
  return JSON.parse(readFileSync(path.join(REPO, 'test', 'fixtures', name), 'utf8')) as Table;
}

/** Same quotation: equal words, or one inside the other covering at least 80% of it (a boundary word or two). */
function sameQuote(a: string, b: string): boolean {
  const x = words(a).join(' ');
  const y = words(b).join(' ');
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length >= 0.8 * long.length && long.includes(short);
}

function speakerKey(s: string | null): string {
  return s === null
    ? '(none)'
    : normalizeForMatch(s)
        .replace(/['’]s\b/g, '')
        .replace(/^(?:the|a|an) /, '');
}

interface Scores {
  expected: number;
  extracted: number;
  matched: number;
  attributed: number;
  misses: string[];
}

function score(table: Table, dir: string, markedOnly: boolean): Scores {
  const s: Scores = { expected: 0, extracted: 0, matched: 0, attributed: 0, misses: [] };
  for (const { file, quotes } of table.files) {
    const text = readFileSync(path.join(dir, file), 'utf8');
    const found = analyzeSource(`file:///${file}`, file, text).quotes.filter((q) => !markedOnly || q.kind !== 'indirect');
    s.expected += quotes.length;
    s.extracted += found.length;
    const used = new Set<SourceQuote>();
    for (const e of quotes) {
      const hit = found.find((q) => !used.has(q) && sameQuote(q.text, e.text));
      if (!hit) {
        s.misses.push(`${file}: not extracted: ${e.text.slice(0, 70)}`);
        continue;
      }
      used.add(hit);
      s.matched++;
      if (speakerKey(hit.speaker) === speakerKey(e.speaker)) s.attributed++;
      else s.misses.push(`${file}: speaker ${hit.speaker ?? 'null'} ≠ ${e.speaker ?? 'null'}: ${e.text.slice(0, 60)}`);
    }
  }
  return s;
}

function report(name: string, s: Scores): { precision: number; recall: number; attribution: number } {
  const precision = s.matched / s.extracted;
  const recall = s.matched / s.expected;
  // Attribution over every expected quotation: a quotation not extracted counts as wrongly attributed.
  const attribution = s.attributed / s.expected;
  console.log(
    `${name}: ${s.expected} quotations, extraction precision ${precision.toFixed(3)} recall ${recall.toFixed(3)}, ` +
      `attribution accuracy ${attribution.toFixed(3)} (${s.attributed}/${s.expected})`,
  );
  for (const m of s.misses) console.log(`  ${m}`);
  return { precision, recall, attribution };
}

test('seed quotations: extraction and attribution against the hand-checked table', () => {
  const r = report('seeds', score(loadTable('quotes-seeds.json'), SEEDS_DIR, false));
  assert.ok(r.recall >= 0.95, `extraction recall ${r.recall}`);
  assert.ok(r.attribution >= 0.95, `attribution accuracy ${r.attribution}`);
});

test('BBC quotations: extraction and attribution against the hand-checked table', () => {
  const r = report('bbc', score(loadTable('quotes-bbc.json'), BBC_DIR, true));
  assert.ok(r.recall >= 0.95, `extraction recall ${r.recall}`);
  assert.ok(r.attribution >= 0.9, `attribution accuracy ${r.attribution}`);
});

test('extraction stays well under a millisecond per article (all BBC articles)', () => {
  const docs = [];
  for (const section of readdirSync(BBC_DIR)) {
    for (const f of readdirSync(path.join(BBC_DIR, section))) {
      const doc = parseSource(`file:///${f}`, f, readFileSync(path.join(BBC_DIR, section, f), 'utf8'));
      docs.push({ doc, actors: extractActors(doc) });
    }
  }
  for (const d of docs.slice(0, 50)) extractQuotes(d.doc, d.actors); // warm-up
  // CPU time of this process, best of three rounds: other processes on a busy machine do not count.
  let quotes = 0;
  let perArticle = Infinity;
  for (let round = 0; round < 3; round++) {
    quotes = 0;
    const t0 = process.cpuUsage();
    for (const d of docs) quotes += extractQuotes(d.doc, d.actors).length;
    const used = process.cpuUsage(t0);
    perArticle = Math.min(perArticle, (used.user + used.system) / 1000 / docs.length);
  }
  console.log(`extractQuotes: ${docs.length} articles, ${quotes} quotations, ${perArticle.toFixed(3)} ms CPU per article`);
  assert.ok(docs.length > 1000 && quotes > docs.length, 'the BBC corpus should be there and full of quotations');
  // A guard against super-linear rules, not the speed goal (bench/components.ts measures that; load moves this figure).
  assert.ok(perArticle < 3, `${perArticle} ms per article`);
});

test('held-out BBC quotations (articles not used while writing the extractor): figures', () => {
  const r = report('bbc held-out', score(loadTable('quotes-bbc-heldout.json'), BBC_DIR, true));
  assert.ok(r.recall >= 0.9, `extraction recall ${r.recall}`);
  assert.ok(r.attribution >= 0.8, `attribution accuracy ${r.attribution}`);
});

test('second held-out BBC table (checked once, extractor not changed after): figures', () => {
  const r = report('bbc held-out 2', score(loadTable('quotes-bbc-heldout2.json'), BBC_DIR, true));
  assert.ok(r.recall >= 0.9, `extraction recall ${r.recall}`);
  assert.ok(r.attribution >= 0.6, `attribution accuracy ${r.attribution}`);
});
