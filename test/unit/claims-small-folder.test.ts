/**
 * A folder of a few short sources: every word there is in more than 5 % of the sentences, which on a big corpus
 * marks a word too common to search for. A claim copied from one of them must still name that source.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness } from '../helpers/fixture';

const SOURCES: Record<string, string> = {
  'sources/ferries.txt':
    'Harbour council approves new ferry budget\n\nThe Harbour council voted on Tuesday to spend 4.2 million on two electric ferries for the northern crossing.\n\n"We cannot wait another winter," said council leader Mara Quinlan.\n',
  'sources/strike.txt':
    'Rail strike called off\n\nTrain drivers called off a planned strike after the operator offered a pay rise of 6 per cent over two years.\n',
  'sources/meals.txt':
    'School meals study\n\nA study of 40 schools found that free breakfasts raised attendance by three per cent in the first term.\n',
};

/** Each claim (copied or paraphrased from one source) with the source that supports it. */
const CASES: { claim: string; source: string }[] = [
  {
    claim: 'The Harbour council voted on Tuesday to spend 4.2 million on two electric ferries for the northern crossing.',
    source: 'sources/ferries.txt',
  },
  {
    claim: 'A study of 40 schools found that free breakfasts raised attendance by three per cent in the first term.',
    source: 'sources/meals.txt',
  },
  {
    claim: 'Train drivers called off their strike once the operator offered a 6 per cent pay rise over two years.',
    source: 'sources/strike.txt',
  },
];

test('claims in a three-source folder: an uncited claim names the source it comes from', async () => {
  const h = await harness(SOURCES);
  try {
    for (const [i, { claim, source }] of CASES.entries()) {
      const found = await h.service.findings(h.draft(`# Notes\n\n${claim}\n`, 1, `small-${i}.md`));
      const unsourced = found.filter((f) => f.code === 'unsourced-claim');
      assert.equal(unsourced.length, 1, claim);
      const first = unsourced[0].candidates?.[0];
      assert.equal(first?.path, source, `${claim}: the supporting source is offered first`);
    }
  } finally {
    h.service.dispose();
  }
});
