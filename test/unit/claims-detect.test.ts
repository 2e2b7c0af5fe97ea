/** The claim rules, sentence by sentence: a hand-written table of claims and non-claims with the rule expected to decide. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifySentence, namedActors, plainSentence } from '../../server/src/features/claims/detect-claims';

const CLAIMS: [string, string][] = [
  ['Turkey hosts some 3.2 million Syrian refugees.', 'figure'],
  ['The talks took place in mid-November.', 'date'],
  ['The minister said the border would stay open.', 'attribution'],
  ['According to the agency, the border stays open.', 'attribution'],
  ['“We will not allow it,” the spokesman told reporters.', 'attribution'],
  ['It was the largest protest in the capital this decade.', 'comparison'],
  ['Rebels captured the airport after a short battle.', 'actor and event'],
  ['They seized the town within hours.', 'actor and event'],
  ['The alliance is led by a former militant commander in Idlib.', 'actor and event'],
  ['The committee is based in Geneva.', 'actor and state'],
  ['The agreement links Paris, Berlin and Rome.', 'named actors'],
  ['The minister said the deal could collapse.', 'attribution'],
  ['The firm paid 2bn euros to leave a deal that could have forced a takeover.', 'figure'],
  ['It allows tenants to swap flats without asking the landlord.', 'actor and event'],
  ['She runs the clinic on the edge of the old harbour.', 'actor and event'],
  ['A new study investigates how quickly river ice forms in the spring.', 'research finding'],
  ['The survey of coastal towns found wide gaps in flood insurance.', 'research finding'],
];

const NOT_CLAIMS: [string, string][] = [
  ['What will the government do next?', 'question'],
  ['Will the ceasefire hold, and for how long?', 'question'],
  ['We think the government has run out of patience.', 'first-person view'],
  ['I believe the ceasefire will not last.', 'first-person view'],
  ['In our view, the risks are underestimated.', 'framing phrase'],
  ['This briefing looks at how the region responded.', 'document framing'],
  ['The next section sets out the options for donors.', 'document framing'],
  ['Much remains uncertain.', 'too short'],
  ['Much about the offensive remains uncertain.', 'open question'],
  ['It is too early to say whether the talks will resume.', 'open question'],
  ['The coalition seems to be losing its grip on the north.', 'hedged analysis'],
  ['The fighting could swell the flow of refugees.', 'hedged analysis'],
  ['The term safe zone refers to an area protected from attack.', 'definition'],
  ['First, some background on the conflict.', 'transition'],
  ['Consider the numbers.', 'too short'],
  ['The numbers matter here.', 'no checkable content'],
  ['This report looks at how the river ice forms.', 'document framing'],
  ['A new study may change how we think about river ice.', 'hedged analysis'],
  ['A good study takes patience and a quiet desk.', 'no checkable content'],
];

test('claims detect: checkable sentences are claims, each for the expected reason', () => {
  for (const [sentence, reason] of CLAIMS) assert.deepEqual(classifySentence(sentence), { claim: true, reason }, sentence);
});

test('claims detect: questions, hedges, framing, definitions and transitions are not claims', () => {
  for (const [sentence, reason] of NOT_CLAIMS) assert.deepEqual(classifySentence(sentence), { claim: false, reason }, sentence);
});

test('claims detect: an attribution outweighs a hedge in the reported words, not the writer\u2019s own framing', () => {
  assert.equal(classifySentence('The situation is likely to worsen, the UN warned on Monday.').claim, true);
  assert.equal(classifySentence('We think the situation is likely to worsen, as the UN warned.').claim, false);
});

test('claims detect: Markdown is read as plain words (citations, links, emphasis, comments, code)', () => {
  assert.equal(
    plainSentence('The *minister* [said](https://example.org) it.[^a-1] <!-- note --> Then `code` [see @key, p. 2] ended.'),
    'The minister said it. Then ended.',
  );
});

test('claims detect: named actors are runs of capitalised words; a common opener is not one', () => {
  assert.deepEqual(namedActors('The Syrian National Army opened a front near Tal Rifaat.'), ['Syrian National Army', 'Tal Rifaat']);
  assert.deepEqual(namedActors('However, the talks went on.'), []);
  assert.deepEqual(namedActors("Ankara's view, however, changed."), ['Ankara']);
});
