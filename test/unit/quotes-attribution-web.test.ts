/**
 * Speaker attribution, sixth round (issue 14, tuned on the dev4 web pages and invented text in the style of US and
 * international web news): each case an invented article through the public service, with the first words of one
 * quotation and the speaker its completion item must show (null: none).
 */
import { runAttributionCases, type AttributionCase } from '../helpers/attribution-cases';

const CASES: AttributionCase[] = [
  {
    kind: '`said X, the Y of Z` after the quotation',
    article:
      'Strike looms\n\n“We will not back down on pay this year,” said Dana Whitfield, the president of the Orland ' + 'Teachers Union.',
    typed: 'We will not',
    speaker: 'Dana Whitfield',
  },
  {
    kind: 'an abbreviated title and a party-state tag: `said Sen. X (D-Ore.)`',
    article:
      'Budget fight\n\n“The numbers simply do not add up for families,” said Sen. Marcus Delane (D-Ore.), who chairs the ' +
      'budget panel.',
    typed: 'The numbers simply',
    speaker: 'Marcus Delane',
  },
  {
    kind: 'a party-state tag between commas before the verb: `Rep. X, R-Texas, said:`',
    article: 'Budget fight\n\nRep. Alma Cruz, R-Texas, said: “This bill is dead on arrival in the House.”',
    typed: 'This bill is',
    speaker: 'Alma Cruz',
  },
  {
    kind: "an owner's title before an apposed name: `the company's chief executive, X, told`",
    article:
      'Profit warning\n\nShares in Brenmoor fell sharply on Tuesday.\n\n“It was a mistake to expand so quickly,” the ' +
      "company's chief executive, Lena Parkhurst, told reporters.",
    typed: 'It was a mistake',
    speaker: 'Lena Parkhurst',
  },
  {
    kind: 'a relative clause between the name and the verb: `X, who …, said, “…”`',
    article:
      'Profit warning\n\nLena Parkhurst, who founded the firm in a garage in 2009, said, “We grew far too fast for our ' + 'own good.”',
    typed: 'We grew far',
    speaker: 'Lena Parkhurst',
  },
  {
    kind: 'a quotation over paragraphs: a middle paragraph with no closing mark is the speaker’s',
    article:
      'Flood season\n\n“We started the season with nothing,” said Ruth Obermann, a farmer in Dell County.\n\n“Then the ' +
      'rain came, and it did not stop for weeks on end.\n\n“By the end of it we had lost the whole crop,” she said.',
    typed: 'Then the rain',
    speaker: 'Ruth Obermann',
  },
  {
    kind: '`according to X` after a quotation',
    article:
      'Inquiry\n\nThe agency “failed to act on repeated warnings about the bridge,” according to Paul Renwick, a former ' + 'inspector.',
    typed: 'failed to act',
    speaker: 'Paul Renwick',
  },
  {
    kind: '`he said` after a quotation: the person who spoke just before, not a name inside the marks',
    article:
      'Lab notes\n\nIn the spring the physicist Daniel Osterholm was preparing a lecture.\n\n“Who is Mary Quill?” ' +
      'Osterholm recalls asking. “It is one of the most cited papers in the whole field,” he said.',
    typed: 'It is one of',
    speaker: 'Daniel Osterholm',
  },
  {
    kind: 'a quotation with no verb after the speaker’s own in the same paragraph goes on with that speaker',
    article:
      'Lab notes\n\n“It is one of the most cited papers in the whole field,” Daniel Osterholm said. And yet he could ' +
      'find nothing about its author. “Of all the books written on the subject, not one line.”',
    typed: 'Of all the books',
    speaker: 'Daniel Osterholm',
  },
  {
    kind: '`she said` after `said X, an astronomer …`: the person just named, not a man named earlier',
    article:
      'Careers\n\n“We lose them to industry,” Daniel Osterholm said.\n\nMany coders leave research for better pay, said ' +
      'Alicia Goodwin, an astronomer at Clearwater University. “There was no such thing as a data scientist then,” she said.',
    typed: 'There was no such',
    speaker: 'Alicia Goodwin',
  },
  {
    kind: '`X had written, “…”`',
    article:
      'Lab notes\n\nIn the acknowledgments of the paper, Harold Vance had written, “Special thanks are due to Miss Ada ' +
      'Brill for the computations.”',
    typed: 'Special thanks are',
    speaker: 'Harold Vance',
  },
  {
    kind: 'an organisation as the speaker of a statement: `X said in a statement`',
    article: 'Recall\n\n“The safety of our customers is our highest priority,” Brenmoor Foods said in a statement on Friday.',
    typed: 'The safety of',
    speaker: 'Brenmoor Foods',
  },
  {
    kind: 'the speaker in the next short sentence after a full stop: `“…” Mayor X added.`',
    article: 'Vote\n\nThe count went on late into the night. “We are not done yet.” Mayor Lidia Santos added.',
    typed: 'We are not done',
    speaker: 'Lidia Santos',
  },
  {
    kind: '`Gov. X said` with a `Gov.` that ends no sentence',
    article: 'Storm\n\nGov. Carla Benning said Thursday: “Every county will get the help it needs.”',
    typed: 'Every county will',
    speaker: 'Carla Benning',
  },
  {
    kind: '`X, a spokeswoman for Y, said in an email`',
    article: 'Recall\n\n“We are reviewing the complaint,” Jo Merritt, a spokeswoman for Brenmoor Foods, said in an email.',
    typed: 'We are reviewing',
    speaker: 'Jo Merritt',
  },
  {
    kind: '`wrote X, the Y for Z, in an email to`',
    article:
      'Careers\n\n“This is an old story in the history of science,” wrote Janet Lyle, the department head for Westbury ' +
      'University’s history program, in an email.',
    typed: 'This is an old',
    speaker: 'Janet Lyle',
  },
  {
    kind: '`said X, a historian at Y` then a quotation of the same speaker with no verb',
    article:
      'Careers\n\n“It was seen as rote,” said Morgan Hale, a historian at the Lakeshore Institute of Technology. “Working ' +
      'with machines gave it less status, not more.”',
    typed: 'Working with machines',
    speaker: 'Morgan Hale',
  },
  {
    kind: 'an object pronoun after a name is someone else: `X reached out to her` gives X no gender',
    article:
      'Lab notes\n\nDaniel Osterholm reached out to her in the spring. “Who is Mary Quill?” Osterholm recalls asking. ' +
      '“It is one of the most cited papers in the whole field,” he said.',
    typed: 'It is one of',
    speaker: 'Daniel Osterholm',
  },
  {
    kind: '`a question came from a member of the audience: “…”`: the unnamed source the words came from',
    article:
      'Lab notes\n\nAfter the lecture, a question came from a member of the audience: “Did you change the starting ' +
      'values only slightly?”',
    typed: 'Did you change',
    speaker: 'member of the audience',
  },
  {
    kind: '`according to a statement from X`: whoever issued the statement',
    article: 'Merger\n\nThe merger “creates the largest grocer in the region,” according to a statement from Brenmoor.',
    typed: 'creates the largest',
    speaker: 'Brenmoor',
  },
  {
    kind: '`the group said`: a body named before, not an unnamed group',
    article: 'Vote\n\nThe Harbor Alliance opposed the bill. “This is a giveaway to developers,” the group said.',
    typed: 'This is a giveaway',
    speaker: 'Harbor Alliance',
  },
  {
    kind: '`the agency said in a news release`: the agency named before',
    article:
      'Vote\n\nThe Environmental Protection Agency issued new rules. “The rules will save lives,” the agency said in a ' + 'news release.',
    typed: 'The rules will',
    speaker: 'Environmental Protection Agency',
  },
  {
    kind: 'guard: `“…,” the senator told reporters` after `Sen. X (D-Ore.)`',
    article:
      'Vote\n\nSen. Marcus Delane (D-Ore.) voted no.\n\n“This bill does nothing for working families,” the senator ' +
      'told reporters Tuesday.',
    typed: 'This bill does',
    speaker: 'Marcus Delane',
  },
  {
    kind: 'guard: `said Lt. Gov. X` (two abbreviated titles)',
    article: 'Budget\n\n“The budget is balanced for the first time,” said Lt. Gov. Ann Kessington.',
    typed: 'The budget is',
    speaker: 'Ann Kessington',
  },
  {
    kind: 'guard: `U.S. Attorney X said`',
    article: 'Charges\n\n“No one is above the law in this district,” U.S. Attorney Jane Morrow said.',
    typed: 'No one is above',
    speaker: 'Jane Morrow',
  },
  {
    kind: 'a dash then a name with no verb signs the quotation: `“…” — X, a resident.`',
    article: 'Flood\n\n“The water came up to the windows in an hour” — Aled Pryce, a resident.',
    typed: 'The water came',
    speaker: 'Aled Pryce',
  },
  {
    kind: 'guard: `says lead author Dr. X, of the University of Y`',
    article: 'Study\n\n“These results surprised us,” says lead author Dr. Ines Kowalczyk, of the University of Marlow.',
    typed: 'These results surprised',
    speaker: 'Ines Kowalczyk',
  },
  {
    kind: '`“…,” read a statement from X.`: whoever issued the statement',
    article: 'Recall\n\n“We are deeply sorry for the distress caused,” read a statement from Brenmoor Foods.',
    typed: 'We are deeply sorry',
    speaker: 'Brenmoor Foods',
  },
  {
    kind: 'a quotation opening the paragraph after `X issued a statement` is the issuer’s',
    article:
      'Recall\n\nBrenmoor Foods issued a statement on Friday.\n\n“We are deeply sorry for the distress caused to our ' + 'customers.”',
    typed: 'We are deeply sorry',
    speaker: 'Brenmoor Foods',
  },
  {
    kind: 'guard: a quotation over paragraphs with no verb after the speaker’s first quotation',
    article:
      'Rain\n\n“We started with nothing,” said Ruth Obermann. “Then the rain came, day after day.\n\n“And it never ' +
      'stopped, not once, for weeks.”',
    typed: 'And it never stopped',
    speaker: 'Ruth Obermann',
  },
  {
    kind: 'no continuation when someone else spoke since: `His agent told the paper …` then a whole sentence',
    article:
      'Film\n\n“I have no wish to change the story,” Ivo Marchetti said. His agent told a newspaper that Marchetti was ' +
      'happy. “Of course the studio wants to make money, but the director is a real fan.”',
    typed: 'Of course the studio',
    speaker: null,
  },
  {
    kind: '`according to a report published by Acme-based research firm X`: the name after the description',
    article:
      'Phones\n\n“Faster networks will be vital for mobile video,” according to a report published by Westshire-based ' +
      'research firm Analytica.',
    typed: 'Faster networks will',
    speaker: 'Analytica',
  },
  {
    kind: '`said 20-year-old politics student X`: an age opens the description before the name',
    article: 'Rally\n\n“It has been a fantastic few weeks for all of us,” said 20-year-old politics student Nick Varley.',
    typed: 'It has been a',
    speaker: 'Nick Varley',
  },
  {
    kind: '`Dr. X and colleagues conclude that “…”`: the named lead speaks for the team',
    article: 'Study\n\nDr. Ines Kowalczyk and colleagues conclude that “sleep is a modifiable risk factor for diabetes.”',
    typed: 'sleep is a modifiable',
    speaker: 'Ines Kowalczyk',
  },
  {
    kind: '`In his words, “…”`: the person the pronoun points back to',
    article: 'City\n\nTheo Brannigan has studied streets for decades. In his words, “Most streets were built for cars, not people.”',
    typed: 'Most streets were',
    speaker: 'Theo Brannigan',
  },
  {
    kind: '`In the words of planner X, “…”`',
    article: 'City\n\nIn the words of planner Theo Brannigan, “Most streets were built for cars, not people.”',
    typed: 'Most streets were',
    speaker: 'Theo Brannigan',
  },
];

runAttributionCases(CASES);
