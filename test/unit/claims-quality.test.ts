/**
 * Quality of the claim check against hand-labelled drafts about the seeds and
 * about BBC articles (indexed together with every article of the listed BBC
 * sections as distractors):
 *   test/fixtures/claims-labelled.json — the set the rules were tuned on;
 *   test/fixtures/claims-heldout.json  — written afterwards, never tuned on.
 * Prints precision, recall and F1 of `unsourced-claim` and the top-1 / top-3
 * accuracy of the preferred citation for each set and both together; fails
 * when the combined F1 or top-1 is below 0.85.
 * Run: npx tsx --test test/unit/claims-quality.test.ts
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { bbcFiles, harness, REPO, seedFiles } from '../helpers/fixture';
import type { Finding, UnsourcedClaim } from '../../server/src/domain/findings';

interface Label {
  sentence: string;
  claim: boolean;
  cited: boolean;
  support: string[];
}
interface LabelledDraft {
  name: string;
  corpus: string;
  text: string;
  sentences: Label[];
}
interface LabelledSet {
  bbcSections: string[];
  drafts: LabelledDraft[];
}
interface Tally {
  sentences: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  ranked: number;
  top1: number;
  top3: number;
  gold: number;
  errors: string[];
}

const load = (name: string): LabelledSet => JSON.parse(readFileSync(path.join(REPO, 'test/fixtures', name), 'utf8')) as LabelledSet;
const SETS: [string, LabelledSet][] = [
  ['tuned', load('claims-labelled.json')],
  ['held-out', load('claims-heldout.json')],
];
const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const empty = (): Tally => ({ sentences: 0, tp: 0, fp: 0, fn: 0, tn: 0, ranked: 0, top1: 0, top3: 0, gold: 0, errors: [] });

function figures(t: Tally): { precision: number; recall: number; f1: number; top1: number; top3: number } {
  const precision = t.tp / (t.tp + t.fp || 1);
  const recall = t.tp / (t.tp + t.fn || 1);
  return {
    precision,
    recall,
    f1: (2 * precision * recall) / (precision + recall || 1),
    top1: t.top1 / (t.ranked || 1),
    top3: t.top3 / (t.ranked || 1),
  };
}

function report(name: string, t: Tally): void {
  const f = figures(t);
  console.log(
    `${name}: ${t.sentences} sentences  unsourced-claim TP ${t.tp} FP ${t.fp} FN ${t.fn} TN ${t.tn}  precision ${pct(f.precision)}  recall ${pct(f.recall)}  F1 ${pct(f.f1)}`,
  );
  console.log(
    `${name}: preferred citation over ${t.ranked} flagged claims: top-1 ${pct(f.top1)}  top-3 ${pct(f.top3)}` +
      `  (over all ${t.gold} unsourced claims, misses counting as wrong: top-1 ${pct(t.top1 / (t.gold || 1))}  top-3 ${pct(t.top3 / (t.gold || 1))})`,
  );
  for (const e of t.errors) console.log(`  ${e}`);
}

test(
  'claims quality: claims that no source supports are flagged and at most half are offered a citation',
  { timeout: 180_000 },
  async () => {
    const files = { ...seedFiles() };
    for (const section of ['business', 'politics', 'sport']) Object.assign(files, bbcFiles(section));
    const h = await harness(files);
    try {
      const { sentences } = JSON.parse(readFileSync(path.join(REPO, 'test/fixtures/claims-unsupported.json'), 'utf8')) as {
        sentences: string[];
      };
      let offered = 0;
      for (const [i, sentence] of sentences.entries()) {
        const found = (await h.service.findings(h.draft(`${sentence}\n`, 1, `unsupported-${i}.md`))).filter(
          (f): f is UnsourcedClaim => f.code === 'unsourced-claim',
        );
        assert.equal(found.length, 1, `flagged: ${sentence}`);
        if (found[0].candidates.length) {
          offered++;
          console.log(`  false support: ${sentence} -> ${found[0].candidates.map((c) => `${c.key}:${c.score}`).join(', ')}`);
        }
      }
      console.log(`unsupported claims: ${sentences.length - offered} of ${sentences.length} say "no source in the corpus supports it"`);
      assert.ok(offered <= sentences.length / 2, `${offered} unsupported claims were offered a citation`);
    } finally {
      h.service.dispose();
    }
  },
);

test('claims quality: unsourced-claim F1 and preferred-citation accuracy on the labelled sets', { timeout: 180_000 }, async () => {
  const files = { ...seedFiles() };
  for (const section of new Set(SETS.flatMap(([, s]) => s.bbcSections))) Object.assign(files, bbcFiles(section));
  const h = await harness(files);
  console.log(`claims quality: ${Object.keys(files).length} sources indexed`);
  const all = empty();
  for (const [name, set] of SETS) {
    const t = empty();
    for (const draft of set.drafts) {
      const findings: Finding[] = await h.service.findings(h.draft(draft.text, 1, `${draft.name}.md`));
      const unsourced = findings.filter((f): f is UnsourcedClaim => f.code === 'unsourced-claim');
      for (const label of draft.sentences) {
        const start = draft.text.indexOf(label.sentence);
        assert.ok(start >= 0, `labelled sentence not in draft ${draft.name}: ${label.sentence}`);
        assert.equal(draft.text.indexOf(label.sentence, start + 1), -1, `labelled sentence occurs twice: ${label.sentence}`);
        const end = start + label.sentence.length;
        const hit = unsourced.find((f) => f.start < end && f.end > start);
        const gold = label.claim && !label.cited;
        t.sentences++;
        if (gold && hit) t.tp++;
        else if (gold) {
          t.fn++;
          t.errors.push(`missed   [${draft.corpus}] ${label.sentence}`);
        } else if (hit) {
          t.fp++;
          t.errors.push(`spurious [${draft.corpus}] ${label.sentence}`);
        } else t.tn++;
        if (!gold || label.support.length === 0) continue;
        t.gold++;
        if (!hit) continue;
        t.ranked++;
        const paths = hit.candidates.map((c) => c.path);
        if (paths[0] && label.support.includes(paths[0])) t.top1++;
        else
          t.errors.push(
            `top-1 wrong [${draft.corpus}] ${label.sentence} -> ${hit.candidates.map((c) => `${c.path}:${c.score}`).join(', ') || 'none'}`,
          );
        if (paths.slice(0, 3).some((p) => label.support.includes(p))) t.top3++;
      }
    }
    report(name, t);
    for (const k of ['sentences', 'tp', 'fp', 'fn', 'tn', 'ranked', 'top1', 'top3', 'gold'] as const) all[k] += t[k];
  }
  h.service.dispose();
  report('combined', all);
  const f = figures(all);
  assert.ok(all.sentences >= 60, 'at least 60 labelled sentences');
  assert.ok(f.f1 >= 0.85, `F1 ${pct(f.f1)} below 85%`);
  assert.ok(f.top1 >= 0.85, `top-1 ${pct(f.top1)} below 85%`);
});
