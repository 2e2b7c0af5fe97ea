/**
 * Speaker attribution, seventh round of issue 14 (tuned on the dev5 labels): a relative clause with a speech verb
 * makes a name act, a role subject naming no one leaves `she` to its person, a document owned by a person speaks
 * for them and `it added` goes on with it. Through the service's completion; every article is made up.
 */
import { runAttributionCases, type AttributionCase } from '../helpers/attribution-cases';

const CASES: AttributionCase[] = [
  {
    kind: '`a nomination for X, 49, who told …` then `she said`: the name in the relative clause, not the last subject',
    article:
      'Awards list out\n\nCora Venn was nominated for best actress for her role in the drama. Peter Lusk has already been made favourite for the role that won him a prize.\n\nAnd it is the first nomination for actress Ida Pell, chosen for her role in a war film. It is also a debut nomination for Venn, 49, who told a radio station she had not thought the film would win. "It was an extraordinary time making the film and I cannot believe it," she said.',
    typed: 'It was an extraordinary',
    speaker: 'Cora Venn',
  },
  {
    kind: '`The minister told delegates …` with no minister named, then `she said`: the person last acting',
    article:
      'Pay plans\n\nMs Harlow also announced a new drive to help women into engineering.\n\nThe minister told delegates that the pay gap was wrong.\n\n"It is simply wrong to assume someone cannot do a job because of their sex," she said.\n\nGrace Harlow has led the plans since May.',
    typed: 'It is simply wrong',
    speaker: 'Grace Harlow',
  },
  {
    kind: "`Mr X's statement said:`: the statement's owner",
    article:
      'Adviser denies report\n\nMarcus Teale denied the report on Monday. Mr Teale\'s statement said: "The party has been making an impact on the issues that matter over the past week."',
    typed: 'The party has been',
    speaker: 'Marcus Teale',
  },
  {
    kind: "`It added:` after `Mr X's statement said:`: the statement goes on, not the paper named before",
    article:
      'Adviser denies report\n\nThe Morning Lantern on Monday said Marcus Teale had warned the leader. Mr Teale\'s statement said: "The party has been making an impact on the issues over the past week." It added: "Our rivals will be wanting to distract attention from the issues."',
    typed: 'Our rivals will be',
    speaker: 'Marcus Teale',
  },
];

runAttributionCases(CASES);
