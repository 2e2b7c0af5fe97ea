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
  {
    kind: "a participle with a colon (`…, warning: “…”`) after a verb that names no speaker: the clause's subject",
    article:
      'Report row\n\nOpposition leader Ana Brightwater renewed calls for the report to be published, warning: ' +
      '"This issue will not go away." "These revelations show how this government operates."',
    typed: 'This issue will',
    speaker: 'Ana Brightwater',
  },
  {
    kind: "a quotation after one of the subject's own goes on with it",
    article:
      'Report row\n\nOpposition leader Ana Brightwater renewed calls for the report to be published, warning: ' +
      '"This issue will not go away." "These revelations show how this government operates."',
    typed: 'These revelations show',
    speaker: 'Ana Brightwater',
  },
  {
    kind: 'a quotation opening its sentence after a named subject who repeated calls: that person (after an owner and title)',
    article:
      'Report row\n\nHarbour party foreign affairs spokesman Tomas Delling repeated his calls for a vote. ' +
      '"The public interest can only be served by the fullest disclosure of the whole advice."',
    typed: 'The public interest',
    speaker: 'Tomas Delling',
  },
  {
    kind: "the prime minister's official spokesman, with a participle: that unnamed source, not another spokesman",
    article:
      'Report row\n\nHarbour party spokesman Tomas Delling said: "We want a vote." ' +
      'The prime minister\'s official spokesman also rejected the claims, saying: "The minister made it clear the words were his own."',
    typed: 'The minister made',
    speaker: "prime minister's official spokesman",
  },
  {
    kind: "the prime minister's spokesman after the quotation",
    article:
      'Report row\n\nLord Hale spoke first on Monday.\n\n"The minister made it clear the words were his own," the prime ' +
      "minister's official spokesman said.",
    typed: 'The minister made',
    speaker: "prime minister's official spokesman",
  },
  {
    kind: 'guard: a quotation after a sentence about a person who did not take a stand stays unattributed',
    article: 'Match report\n\nStriker Tomas Delling scored twice on Saturday. "The pitch was a disgrace and should be dug up."',
    typed: 'The pitch was',
    speaker: null,
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
