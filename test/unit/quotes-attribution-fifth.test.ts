/**
 * Speaker attribution, fifth round (issue 14, tuned on the dev3 articles): more failure kinds, each an invented
 * article through the public service, with the first words of one quotation and the speaker its completion item
 * must show (null: none).
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { harness, speakerShown, type Harness } from '../helpers/fixture';

interface Case {
  kind: string;
  article: string;
  /** The first words of the quotation, as typed after `“`. */
  typed: string;
  speaker: string | null;
}

const CASES: Case[] = [
  {
    kind: '`it said` in the next paragraph goes to a club a title before its name made look like a person',
    article:
      'Club near collapse\n\nGerman football club and former European champion Harrowgate Athletic has warned it will go ' +
      'bankrupt if talks fail.\n\nThe company\'s shares tumbled after it said it has "entered a dire profitability and ' +
      'financial situation". Harrowgate Athletic has missed rent payments on its Meadow Lane ground.',
    typed: 'entered a dire',
    speaker: 'Harrowgate Athletic',
  },
];

const harnesses: Harness[] = [];
before(async () => {
  for (const c of CASES) harnesses.push(await harness({ 'sources/article.txt': c.article }));
});

for (const [i, c] of CASES.entries()) {
  test(`attribution: ${c.kind}`, async () => {
    const shown = await speakerShown(harnesses[i], c.typed);
    assert.notEqual(shown, undefined, `the quotation “${c.typed}…” is offered`);
    assert.equal(shown, c.speaker);
  });
}
