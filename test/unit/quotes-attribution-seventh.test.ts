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
  {
    kind: '`X, 34, a nurse from Leeds, said …`: the person, not the place in the description',
    article: 'Long waits\n\nIsla Brenn, 34, a nurse from Leeds, said she had waited six hours for a doctor to see her son.',
    typed: 'she had waited six',
    speaker: 'Isla Brenn',
  },
  {
    kind: '`the acting director said`: an -ing word forming a title is no participle',
    article:
      'Loans end\n\nMora Quist, the acting director of the Eastfield Museum, said the loans would end. "We cannot keep them forever," the acting director said.',
    typed: 'We cannot keep them',
    speaker: 'Mora Quist',
  },
  {
    kind: '`Environment Secretary X … The minister said:`: a secretary of state is a minister',
    article:
      'Tree plan\n\nEnvironment Secretary Ada Rooke announced the plan on Monday. The minister said: "We will plant a million trees by the end of the decade."',
    typed: 'We will plant a',
    speaker: 'Ada Rooke',
  },
  {
    kind: '`The prime minister …` naming nobody: `he` does not fall back to another titled person',
    article:
      'Migration plan\n\nHome Secretary Carl Denby is expected to announce the plan. The prime minister on Sunday said the rules would change. "Only those with the skills we need will be granted work permits in future," he said.',
    typed: 'Only those with the',
    speaker: null,
  },
];

runAttributionCases(CASES);
