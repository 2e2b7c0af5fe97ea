/**
 * Quality of the claim check against the hand-labelled set in
 * test/fixtures/claims-labelled.json (drafts about the seeds and about BBC
 * articles, indexed together with a few hundred BBC distractors). Prints
 * precision, recall and F1 of `unsourced-claim` and the top-1 / top-3
 * accuracy of the preferred citation; fails below F1 0.85 or top-1 0.85.
 * Run: npx tsx --test test/unit/claims-quality.test.ts
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { bbcFiles, harness, REPO, seedFiles } from '../helpers/fixture';
import type { Finding, UnsourcedClaim } from '../../server/src/service/findings';

interface Label { sentence: string; claim: boolean; cited: boolean; support: string[] }
interface LabelledDraft { name: string; corpus: string; text: string; sentences: Label[] }
interface LabelledSet { bbcSections: string[]; drafts: LabelledDraft[] }

const set = JSON.parse(readFileSync(path.join(REPO, 'test/fixtures/claims-labelled.json'), 'utf8')) as LabelledSet;

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

test('claims quality: unsourced-claim F1 and preferred-citation accuracy on the labelled set', { timeout: 120_000 }, async () => {
  const files = { ...seedFiles() };
  for (const section of set.bbcSections) Object.assign(files, bbcFiles(section));
  const h = await harness(files);
  let tp = 0, fp = 0, fn = 0, tn = 0;
  let ranked = 0, top1 = 0, top3 = 0, goldWithSupport = 0;
  const errors: string[] = [];
  for (const draft of set.drafts) {
    const doc = h.draft(draft.text, 1, `${draft.name}.md`);
    const findings: Finding[] = await h.service.findings(doc);
    if (process.env.DEBUG_CLAIMS) console.log(JSON.stringify(findings.map((f) => [f.code, f.start, f.end, (f as UnsourcedClaim).candidates?.length])));
    const unsourced = findings.filter((f): f is UnsourcedClaim => f.code === 'unsourced-claim');
    for (const label of draft.sentences) {
      const start = draft.text.indexOf(label.sentence);
      assert.ok(start >= 0, `labelled sentence not in draft ${draft.name}: ${label.sentence}`);
      assert.equal(draft.text.indexOf(label.sentence, start + 1), -1, `labelled sentence occurs twice: ${label.sentence}`);
      const end = start + label.sentence.length;
      const hit = unsourced.find((f) => f.start < end && f.end > start);
      const gold = label.claim && !label.cited;
      if (gold && hit) tp++;
      else if (gold) { fn++; errors.push(`missed   [${draft.corpus}] ${label.sentence}`); }
      else if (hit) { fp++; errors.push(`spurious [${draft.corpus}] ${label.sentence}`); }
      else tn++;
      if (gold && label.support.length) {
        goldWithSupport++;
        if (hit) {
          ranked++;
          const paths = hit.candidates.map((c) => c.path);
          if (paths[0] && label.support.includes(paths[0])) top1++;
          else errors.push(`top-1 wrong [${draft.corpus}] ${label.sentence} -> ${hit.candidates.map((c) => `${c.path}:${c.score}`).join(', ') || 'none'}`);
          if (paths.slice(0, 3).some((p) => label.support.includes(p))) top3++;
        }
      }
    }
  }
  h.service.dispose();
  const precision = tp / (tp + fp || 1);
  const recall = tp / (tp + fn || 1);
  const f1 = (2 * precision * recall) / (precision + recall || 1);
  const top1Acc = top1 / (ranked || 1);
  const top3Acc = top3 / (ranked || 1);
  const sentences = set.drafts.reduce((n, d) => n + d.sentences.length, 0);
  console.log(`claims quality: ${sentences} labelled sentences in ${set.drafts.length} drafts, ${Object.keys(files).length} sources indexed`);
  console.log(`  unsourced-claim: TP ${tp} FP ${fp} FN ${fn} TN ${tn}  precision ${pct(precision)}  recall ${pct(recall)}  F1 ${pct(f1)}`);
  console.log(`  preferred citation (over ${ranked} flagged claims): top-1 ${pct(top1Acc)}  top-3 ${pct(top3Acc)}`);
  console.log(`  preferred citation (over all ${goldWithSupport} unsourced claims, a missed claim counting as wrong): top-1 ${pct(top1 / (goldWithSupport || 1))}  top-3 ${pct(top3 / (goldWithSupport || 1))}`);
  for (const e of errors) console.log(`  ${e}`);
  assert.ok(sentences >= 60, 'at least 60 labelled sentences');
  assert.ok(f1 >= 0.85, `F1 ${pct(f1)} below 85%`);
  assert.ok(top1Acc >= 0.85, `top-1 ${pct(top1Acc)} below 85%`);
});
