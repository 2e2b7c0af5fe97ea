/**
 * What a claim's evidence reads from a persistent store: a candidate passage's words come from the passage index's
 * postings, so a claim with no figures or dates reads the text of no more sources than it shows, and the answers
 * are the memory store's. Sentences of the seed sources (taken at run time) serve as claims.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { openSqliteDatabase } from '../../server/src/node/sqlite-database';
import { analyzeSource } from '../../server/src/ingest/analyze-source';
import { createKnowledge } from '../../server/src/store/memory/knowledge';
import { SqliteStore } from '../../server/src/store/sqlite/sqlite-store';
import { retrieveEvidence } from '../../server/src/features/claims/retrieve-evidence';
import { extractFigures } from '../../server/src/features/claims/number-check';
import { datesOf } from '../../server/src/features/claims/sentence-facts';
import type { SourceStore } from '../../server/src/store/source-store';
import { terms } from '../../server/src/text/tokenize';
import { seedFiles } from '../helpers/fixture';

const analyses = (): ReturnType<typeof analyzeSource>[] =>
  Object.entries(seedFiles()).map(([rel, text]) => analyzeSource('file:///ws/' + rel, rel, text));

/** A saved SQLite store of the seeds, reopened with a cache of one source (every other read goes to its row). */
function reopenedStore(root: string): SqliteStore {
  const file = path.join(root, 'index.sqlite');
  const first = new SqliteStore(openSqliteDatabase(file), 'build');
  for (const a of analyses()) first.put(a, null);
  first.saveIndexes();
  first.close();
  return new SqliteStore(openSqliteDatabase(file), 'build', 1);
}

/** Every sentence of every source, as plain text. */
function sentencesOf(k: SourceStore): string[] {
  return [...k.sources.all()].flatMap((u) => u.doc.sentences.map((s) => u.doc.text.slice(s.start, s.end)));
}

const show = (k: SourceStore, claim: string): string =>
  JSON.stringify(retrieveEvidence(k, claim).map((e) => [e.key, e.sentenceIndex, e.passage, e.score]));

test("passage index: a sentence's terms read from the postings are those of its text, and its neighbours' ids are the source's", () => {
  const root = mkdtempSync(path.join(tmpdir(), 'sourced-passages-'));
  const store = reopenedStore(root);
  const { sources } = store;
  let checked = 0;
  for (const unit of sources.all()) {
    const { doc } = unit;
    const ids = unit.sentenceIds;
    assert.equal(sources.sentenceId(unit, -1), undefined);
    assert.equal(sources.sentenceId(unit, ids.length), undefined);
    doc.sentences.forEach((s, i) => {
      const id = sources.sentenceId(unit, i);
      assert.equal(id, ids[i]);
      if (id === undefined) return;
      const own = new Set(terms(doc.text.slice(s.start, s.end)));
      const next = doc.sentences[i + 1];
      const others = next ? terms(doc.text.slice(next.start, next.end)).filter((t) => !own.has(t)) : [];
      for (const t of own) assert.ok(sources.sentences.contains(t, id), `sentence ${i} holds ${t}`);
      for (const t of others) assert.ok(!sources.sentences.contains(t, id), `sentence ${i} does not hold ${t}`);
      checked += others.length;
    });
  }
  assert.ok(checked > 100, 'terms absent from a sentence were checked too');
  store.close();
  rmSync(root, { recursive: true, force: true });
});

test('claims: evidence from a reopened SQLite store is the memory store’s, and a claim without figures or dates reads at most the sources it can show', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'sourced-passages-'));
  const memory = createKnowledge();
  for (const a of analyses()) memory.sources.add(a);
  const store = reopenedStore(root);
  const rowsRead = new Set<number>();
  const body = store.body.bind(store);
  store.body = (row: number) => {
    rowsRead.add(row);
    return body(row);
  };
  const claims = sentencesOf(memory).filter((c) => terms(c).length >= 4);
  let plain = 0;
  let withEvidence = 0;
  for (const claim of claims) {
    rowsRead.clear();
    const expected = show(memory, claim);
    assert.equal(show(store, claim), expected, claim);
    if (expected !== '[]') withEvidence++;
    if (extractFigures(claim).length > 0 || datesOf(claim).length > 0) continue;
    plain++;
    assert.ok(rowsRead.size <= 3, `${rowsRead.size} sources read for a claim that shows at most three`);
  }
  assert.ok(plain > 20 && withEvidence > 20, `${plain} claims without figures or dates, ${withEvidence} with evidence`);
  store.close();
  rmSync(root, { recursive: true, force: true });
});
