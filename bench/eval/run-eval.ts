/**
 * `npm run eval`: the quality table of issue 14 on the hand-labelled real articles (dev and test halves) and on
 * the older seed and BBC-sample fixtures, each figure measured through the public service. Quotes and actors are
 * measured on a small corpus (the seeds, the saved web pages and the labelled BBC articles: a writer's folder);
 * claims on a large one that adds every BBC article (2,095) as distractors for the quick fix.
 * `--misses` also lists every miss (use it on dev only: the test half is for reporting, not for tuning).
 */
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { createService, MemoryCorpus, MemoryLogger, type SourcedService } from '../../server/src/service';
import { bbcFiles, BBC_DIR, seedFiles } from '../../test/helpers/fixture';
import { WEB_PAGES_DIR } from '../../test/helpers/shared-data';
import { articleSet, fixtureSet, type EvalSet } from './labels';
import { measure, type Figures, type Ratio } from './measure';
import { webArticleText } from './web-text';

function corpusFiles(sets: EvalSet[], allBbc: boolean): Record<string, string> {
  const files = seedFiles();
  if (allBbc) for (const section of readdirSync(BBC_DIR).sort()) Object.assign(files, bbcFiles(section));
  for (const page of readdirSync(WEB_PAGES_DIR).sort()) files[`web/${page}.txt`] = webArticleText(path.join(WEB_PAGES_DIR, page));
  for (const file of sets.flatMap((s) => s.files)) {
    const m = /^bbc\/([^/]+)\/(.+)$/.exec(file);
    if (m) Object.assign(files, bbcFiles(m[1], [m[2]]));
  }
  return files;
}

async function started(files: Record<string, string>): Promise<SourcedService> {
  const service = createService({ corpus: new MemoryCorpus(files), config: { corpus: { include: ['**/*'] } }, logger: new MemoryLogger() });
  await service.start();
  return service;
}

const show = (r: Ratio): string => (r.all ? `${(r.hit / r.all).toFixed(2)} (${r.hit}/${r.all})` : 'n/a');

function f1(c: Figures['claims']): string {
  if (c.tp + c.fp + c.fn === 0) return 'n/a';
  const p = c.tp / (c.tp + c.fp || 1);
  const r = c.tp / (c.tp + c.fn || 1);
  return `${((2 * p * r) / (p + r || 1)).toFixed(2)} (P ${p.toFixed(2)} R ${r.toFixed(2)})`;
}

const ROWS: [string, (f: Figures) => string, string][] = [
  ['quote completion, first words, top-1', (f) => show(f.firstTop1), '≥ .98'],
  ['quote completion, words from the middle, top-3', (f) => show(f.middleTop3), '≥ .95'],
  ['speaker shown with the completed quote', (f) => show(f.speaker), '≥ .90'],
  ['actor name recall (hover finds the actor; people, organisations)', (f) => show(f.nameRecall), '≥ .95'],
  ['actor role recall (card shows the role)', (f) => show(f.roleRecall), '≥ .85'],
  ['person cards on things that are not actors', (f) => show(f.falsePersonCards), '≤ .05'],
  ['unsourced-claim F1', (f) => f1(f.claims), '≥ .90'],
  ['quick fix cites the right source, top-1', (f) => show(f.quickFixTop1), '≥ .90'],
  ['number-mismatch recall, right figure in the fix', (f) => show(f.numberRecall), '≥ .90'],
  ['(extra) place recall', (f) => show(f.placeRecall), ''],
  ['(extra) alias recall (hover on an alias finds the actor)', (f) => show(f.aliasRecall), ''],
];

async function main(): Promise<void> {
  const listMisses = process.argv.includes('--misses');
  const t0 = Date.now();
  const sets: EvalSet[] = [
    articleSet('dev'),
    articleSet('test'),
    articleSet('dev2'),
    articleSet('dev3'),
    articleSet('dev4'),
    articleSet('dev5'),
    fixtureSet('seeds'),
    fixtureSet('bbc'),
  ];
  const smallFiles = corpusFiles(sets, false);
  const small = await started(smallFiles);
  const large = await started(corpusFiles(sets, true));
  const results: Figures[] = [];
  for (const set of sets) results.push(await measure(small, large, set));
  small.dispose();
  large.dispose();
  console.log(`| figure | ${sets.map((s) => s.name).join(' | ')} | goal |`);
  console.log(`|---|${sets.map(() => '---').join('|')}|---|`);
  for (const [label, cell, goal] of ROWS) console.log(`| ${label} | ${results.map(cell).join(' | ')} | ${goal} |`);
  console.log(
    `\nquotes and actors over ${Object.keys(smallFiles).length} sources, claims over those and every BBC article; ${((Date.now() - t0) / 1000).toFixed(0)} s.`,
  );
  if (listMisses) {
    sets.forEach((s, i) => {
      if (s.name === 'test') return;
      console.log(`\nmisses on ${s.name}:`);
      for (const m of results[i].misses) console.log(`  ${m}`);
    });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
