/** Figures in prose and the number-mismatch check. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractFigures, figureConflicts, figureValues } from '../../server/src/features/claims/number-check';
import { harness } from '../helpers/fixture';

test('claims number: figures with scales, separators, currency and percent; bare years are not figures', () => {
  const text = 'Some 3.2 million Syrian refugees, 8,835 square kilometers, \u00a3546m profit, a 15% rise, 400 people in 2024.';
  const figures = extractFigures(text).map((f) => [f.text, f.value, f.percent, f.thing[0]]);
  assert.deepEqual(figures, [
    ['3.2 million', 3_200_000, false, 'syrian'],
    ['8,835', 8835, false, 'square'],
    ['\u00a3546m', 546_000_000, false, 'profit'],
    ['15%', 15, true, 'rise'],
    ['400', 400, false, 'people'],
  ]);
});

test('claims number: the values alone (what passage ranking reads) are those of the figures, years left out', () => {
  const text = 'Some 3.2 million Syrian refugees, \u00a3546m profit, a 15% rise, seven boats and 400 people in 2024.';
  assert.deepEqual(figureValues(text), [3_200_000, 546_000_000, 15, 7, 400]);
  assert.deepEqual(figureValues('No figures here, only 1995.'), []);
});

test('claims number: a different figure for the same counted thing conflicts; the same value or another thing does not', () => {
  const source = ['Turkey is already hosting some 3.2 million Syrian refugees, according to UN data.'];
  const [c] = figureConflicts('Turkey hosts 3.6 million Syrian refugees.', source);
  assert.deepEqual([c?.found.text, c?.expected.text], ['3.6 million', '3.2 million']);
  assert.deepEqual(figureConflicts('Turkey hosts 3.2 million Syrian refugees.', source), []);
  assert.deepEqual(figureConflicts('Turkey has 12 border crossings with Syria.', source), []);
  assert.deepEqual(figureConflicts('Prices rose 4%.', ['Prices rose 4.0 million times.']), [], 'percent and count are different things');
});

test('claims number: an uncited sentence is checked against its best passage, a cited one against the cited source', async () => {
  const h = await harness();
  try {
    const uncited = 'Over 500 people have been killed in the offensive so far, according to a Syrian war monitor.\n';
    const found = await h.service.findings(h.draft(uncited, 1, 'n1.md'));
    const mismatch = found.find((f) => f.code === 'number-mismatch');
    assert.ok(mismatch && mismatch.code === 'number-mismatch');
    assert.deepEqual(
      [uncited.slice(mismatch.start, mismatch.end), mismatch.expected, mismatch.key],
      ['500', '400', 'turkey-chief-diplomat'],
    );
    assert.ok(
      found.some((f) => f.code === 'unsourced-claim'),
      'still unsourced as well',
    );

    const cited = 'Turkey is hosting 3.5 million Syrian refugees.[@turkey-which-backs-2024]\n';
    const m2 = (await h.service.findings(h.draft(cited, 1, 'n2.md'))).find((f) => f.code === 'number-mismatch');
    assert.ok(m2 && m2.code === 'number-mismatch');
    assert.equal(m2.expected, '3.2 million');

    const right = 'Turkey is hosting 3.2 million Syrian refugees.[@turkey-which-backs-2024]\n';
    assert.equal((await h.service.findings(h.draft(right, 1, 'n3.md'))).filter((f) => f.code === 'number-mismatch').length, 0);
  } finally {
    h.service.dispose();
  }
});

// Invented draft / source pairs: [what, draft, source, the draft's wrong figure, the source figure the fix writes].
const PAIRINGS: [string, string, string, string, string | null][] = [
  [
    'the figure ends both clauses; the sentence before it pairs them',
    'Three cups was the safe limit, and he had drunk nine.',
    'The doctor said three cups was the safe limit \u2013 and he had drunk seven, his brother told reporters later.',
    'nine',
    'seven',
  ],
  [
    'a rate per unit pairs with the rate, not with the other sum of money',
    'The ferry ticket now costs \u00a34.50 per crossing.',
    'The operator made \u00a32 million last year and wants to raise the fare from the current \u00a33.20 per crossing.',
    '\u00a34.50',
    '\u00a33.20',
  ],
  [
    'a currency figure pairs with the same currency and counted words',
    'The club could cancel the transfer by paying a $35 million release fee to the player.',
    'Under the contract the club may cancel the transfer by paying a $25 million release fee, and it owes \u20ac10 million in wages.',
    '$35 million',
    '$25 million',
  ],
  [
    'a year pairs with the year of the same event (words before it in common)',
    'The old mill on the river was finally closed by its owners in 1987.',
    'After years of losses the old mill on the river was finally closed by its owners in 1984, and the town declined.',
    '1987',
    '1984',
  ],
  [
    'a year does not pair with a year of another event',
    'The band was formed in 1995 and split in 2001.',
    'The band was formed in 1995 in Leeds. It released three albums before it split in 2002.',
    '2001',
    null,
  ],
  [
    'different things do not pair',
    'The museum has 40 rooms on three floors.',
    'The museum drew 9,000 visitors in its first week.',
    '40',
    null,
  ],
];

for (const [what, draft, source, wrong, right] of PAIRINGS) {
  test(`claims number: ${what}`, () => {
    const conflicts = figureConflicts(draft, [source]);
    const c = conflicts.find((x) => x.found.text === wrong);
    assert.equal(c?.expected.text ?? null, right, JSON.stringify(conflicts.map((x) => [x.found.text, x.expected.text])));
  });
}

test('claims number: a hedged sentence (no claim) still gets its wrong figure checked against the best passage', async () => {
  const h = await harness();
  try {
    const text = 'Over 500 people could have been killed in the offensive so far.\n';
    const m = (await h.service.findings(h.draft(text, 1, 'n4.md'))).find((f) => f.code === 'number-mismatch');
    assert.ok(m && m.code === 'number-mismatch', 'flagged');
    assert.equal(m.expected, '400');
  } finally {
    h.service.dispose();
  }
});
