/**
 * Speaker attribution, fourth round (issue 14): more failure kinds, each an invented article through the public
 * service, with the first words of one quotation and the speaker its completion item must show (null: none).
 */
import { runAttributionCases, type AttributionCase } from '../helpers/attribution-cases';

const CASES: AttributionCase[] = [
  {
    kind: 'a relative apposed with a comma before the name: the named relative speaks',
    article:
      'Crash victim named\n\nMaya Reyes, 19, died in the crash on the coast road on Friday night.\n\n' +
      'Her father, Tom Reyes, said: "She was the light of our family and we will miss her every day."',
    typed: 'She was the light',
    speaker: 'Tom Reyes',
  },
  {
    kind: 'a relative apposed with a comma, trailing after the quotation',
    article:
      'Crash victim named\n\nMaya Reyes, 19, died in the crash on the coast road on Friday night.\n\n' +
      '"She was the light of our family," her father, Tom Reyes, said.',
    typed: 'She was the light',
    speaker: 'Tom Reyes',
  },
  {
    kind: 'as the audit states: the organisation that issued the audit',
    article:
      'Hospital waits grow\n\nA new audit published on Monday by the Northshire Health Board looked at waiting times in ten hospitals.\n\n' +
      'As the audit states: "Patients wait longer in the north than anywhere else in the region."',
    typed: 'Patients wait longer',
    speaker: 'Northshire Health Board',
  },
  {
    kind: 'as the committee has pointed out: the committee named before',
    article:
      'Agency criticised\n\nThe Harbour Transport Committee met on Tuesday to question the agency.\n\n' +
      'As the committee has pointed out, the agency is "nowhere near ready for the new timetable".',
    typed: 'nowhere near ready',
    speaker: 'Harbour Transport Committee',
  },
  {
    kind: 'a demonym before an occupation is a description of the player last named',
    article:
      'Striker stays\n\nRiverton striker Paulo Mendes has signed a new contract until 2030.\n\n' +
      '"I am very happy to stay here with my friends," the Brazilian striker said.',
    typed: 'I am very happy',
    speaker: 'Paulo Mendes',
  },
  {
    kind: 'a demonym noun alone is a description of the person last named',
    article:
      'Title for Harper\n\nJack Harper won the final in four sets on Sunday.\n\n' +
      '"It was the best day of my whole career," the New Zealander said.',
    typed: 'It was the best',
    speaker: 'Jack Harper',
  },
  {
    kind: 'an unnamed user who wrote is nobody the text names',
    article:
      'Forehead advert sold\n\nA man from Leeds has sold advertising space on his forehead.\n\n' +
      'One user wrote on a forum: "Take this chance before somebody else does it first."',
    typed: 'Take this chance',
    speaker: null,
  },
  {
    kind: 'a place at the start of a sentence is no speaker',
    article:
      'Storm closes port\n\nThe storm closed the port of Harbourtown for two days.\n\n' +
      'In Harbourtown, "the whole town stopped working for two days", local trader Ana Lopes said.',
    typed: 'the whole town',
    speaker: 'Ana Lopes',
  },
  {
    kind: 'a quotation opening a paragraph is not attributed from the next paragraph',
    article:
      'Budget row\n\nThe council met on Thursday.\n\n"We cannot keep paying for this forever and ever."\n\n' +
      'Mayor Ines Carvalho said the budget would be cut.',
    typed: 'We cannot keep paying',
    speaker: null,
  },
  {
    kind: 'a standfirst quotation with its speaker named in the body',
    article:
      'Mayor plans new bridge\n\nThe mayor says the town needs "a bridge that lasts a hundred years".\n\n' +
      'Mayor Ines Carvalho presented the plan on Thursday.',
    typed: 'a bridge that lasts',
    speaker: 'Ines Carvalho',
  },
  {
    kind: 'a report said: the organisation that spoke just before in the paragraph',
    article:
      'Floods slow growth\n\nThe Regional Development Fund cut its forecast on Monday. "The damage will be felt for years to come," the fund said. ' +
      'Exports are expected to fall. "Farming has been hit hardest of all, and fishing too," the report said.',
    typed: 'Farming has been hit',
    speaker: 'Regional Development Fund',
  },
  {
    kind: 'a report said with nobody speaking in its paragraph stays unattributed',
    article:
      'Floods slow growth\n\nThe Regional Development Fund cut its forecast on Monday, the Harbour Gazette reported.\n\n' +
      'Exports are expected to fall. "Farming has been hit hardest of all, and fishing too," the report said.',
    typed: 'Farming has been hit',
    speaker: null,
  },
  {
    kind: 'words outside the marks in the first person go on from the person who just spoke',
    article:
      'Games deal\n\nAcme chief Rosa Lindqvist said the firm was looking at games makers. Games are "a big business", the paper quoted Ms Lindqvist as saying. ' +
      'We "would love to be part of it one day".',
    typed: 'would love to be',
    speaker: 'Rosa Lindqvist',
  },
  {
    kind: 'his sales pitch adds: the person the possessive points to',
    article:
      'Forehead for sale\n\nTom Okoro is selling space on his forehead to advertisers. On the auction site, Mr Okoro calls himself "an ordinary man". ' +
      'His sales pitch adds: "Take this chance to put your brand on my face."',
    typed: 'Take this chance',
    speaker: 'Tom Okoro',
  },
  {
    kind: 'a description after the verb is the person acting, not the one named as an object',
    article:
      'Quarter-final set\n\nAfter a slow start, Lena Brandt grew in confidence and won in an hour. She will now meet Carla Moreau.\n\n' +
      '"I played really well today and I am ready for her," said the 23-year-old.',
    typed: 'I played really well',
    speaker: 'Lena Brandt',
  },
  {
    kind: 'a headline quotation takes the speaker of the body quotation that repeats its words',
    article:
      'Pills "Burned Her From The Inside", Mother Says\n\nA student died after taking herbal capsules bought online.\n\n' +
      '"She was burning from the inside," her mother, Joan Pryce, said in a statement.',
    typed: 'Burned Her From',
    speaker: 'Joan Pryce',
  },
  {
    kind: 'a standfirst quotation takes the speaker of the later body quotation that repeats it',
    article:
      'Student dies after taking herbal capsules\n\nThe mother of a student has described how her daughter was "truly on fire from the inside".\n\n' +
      'The student was taken to hospital in April.\n\n"She was truly on fire from the inside," her mother, Joan Pryce, said in a statement.',
    typed: 'truly on fire from',
    speaker: 'Joan Pryce',
  },
  {
    kind: 'a hyphenated agent noun before the name after the verb',
    article:
      'Campaign backs bill\n\nThe Open Hall Campaign said the bill was a start. "We believe this bill is a good basis for more work," said co-ordinator Nia Ballard.',
    typed: 'We believe this bill',
    speaker: 'Nia Ballard',
  },
  {
    kind: 'quoted as saying: an organisation name and an agent noun before the person',
    article:
      'Staff mourn\n\nA shrine appeared outside the offices. "We are grieving for a company we loved," the agency quoted Acme worker Dan Ruiz as saying.',
    typed: 'We are grieving for',
    speaker: 'Dan Ruiz',
  },
  {
    kind: 'an opening conjunction before a title preamble: the name is the subject, so he is that person',
    article:
      'Runner may race\n\nThe team will be named on Friday. Tessa Gray has not decided yet.\n\n' +
      'But Northshire Athletics chief Owen Pike believes it is likely Gray will race. He said: "It is worth a try, and she knows it."',
    typed: 'It is worth a',
    speaker: 'Owen Pike',
  },
  {
    kind: 'a name after “but” opens a clause of its own, even with a verb before it in the sentence',
    article:
      'Hopes for the cup\n\nCoach Pierre Lamy was unhappy. They have ground out wins so far this year but captain Marc Olivier sees hope ahead. ' +
      '"I get the feeling we are getting better," he said.',
    typed: 'I get the feeling',
    speaker: 'Marc Olivier',
  },
  {
    kind: 'a capitalised word opening a sentence (`Others`) is no speaker',
    article: 'Market rally\n\nBrokers were cheerful on Monday. Others continued to warn that the "bubble may burst at any time now".',
    typed: 'bubble may burst at',
    speaker: null,
  },
  {
    kind: 'the Harbourtown MP: the person described, not a word opening the sentence before',
    article:
      'Minister speaks\n\nHarbour Office minister Rhian Wells spoke on Tuesday. Permits could also be made harder to get, she told a Harbour inquiry.\n\n' +
      '"The threat is most likely to come from a small group," the Harbourtown MP told the committee.',
    typed: 'The threat is most',
    speaker: 'Rhian Wells',
  },
  {
    kind: 'as X has pointed out, with on and and inside the organisation’s name',
    article:
      'Press freedom\n\nThe bill would let agencies read metadata. But, as the Joint Committee on Courts and Security has pointed out, ' +
      'it would also be used "to trace the people who talk to reporters".',
    typed: 'to trace the people',
    speaker: 'Joint Committee on Courts and Security',
  },
  {
    kind: 'as the report states, with the issuer named paragraphs before',
    article:
      'Born lucky\n\nA new report released on Monday by the Centre on Work and Family calls that into question.\n\n' +
      'The report looked at ten countries.\n\nIt found wide gaps.\n\nAmong its findings: class matters.\n\n' +
      'As the report states: "Where you are born counts for more here than in other rich lands."',
    typed: 'Where you are born',
    speaker: 'Centre on Work and Family',
  },
  {
    kind: 'a relative clause with a list between commas before the verb: the description before it speaks',
    article:
      'Theatre appeal\n\nThe actor Sean Doyle backed the appeal on Monday.\n\n' +
      'The award-winning actor, whose films include Red Harbour, Grey Hills and Star Lanes: The Return, said: "The theatre is too important to lose."',
    typed: 'The theatre is too',
    speaker: 'Sean Doyle',
  },
  {
    kind: 'an adverb between the name and the verb',
    article:
      'Smoke on stage\n\nA player smelled smoke. Ravi Menon immediately told the director: "I start shouting and waving at everyone."',
    typed: 'I start shouting and',
    speaker: 'Ravi Menon',
  },
  {
    kind: 'laughs closes a quotation like said',
    article: 'Smoke on stage\n\nThe smoke was only paint. "Nobody was hurt, it was not a big drama," laughs Ravi Menon.',
    typed: 'Nobody was hurt, it',
    speaker: 'Ravi Menon',
  },
  {
    kind: 'a title of something opening the sentence, apposed to the name: he is that person',
    article:
      'Content panel\n\nLord Hale opened the meeting on Monday.\n\n' +
      'Head of the division, Aaron Vance, spoke about new platforms. "How bold can I be in this new world?" he said.',
    typed: 'How bold can I',
    speaker: 'Aaron Vance',
  },
  {
    kind: 'a standfirst set as a heading takes the speaker of the body quotation repeating it',
    file: 'sources/article.md',
    article:
      '# Student dies after taking herbal capsules\n\n## Her mother says she was "truly on fire from the inside" at the end\n\n' +
      'The student was taken to hospital in April.\n\n"She was truly on fire from the inside," her mother, Joan Pryce, said in a statement.\n',
    typed: 'truly on fire from',
    speaker: 'Joan Pryce',
  },
  {
    kind: 'a crosshead later in the article keeps no speaker: it sums up a section in the editor’s words',
    file: 'sources/article.md',
    article:
      '# Student dies after taking herbal capsules\n\nThe student was taken to hospital in April.\n\n' +
      '"She was truly on fire from the inside," her mother, Joan Pryce, said in a statement.\n\n## "She was on fire from the inside"\n\nMore text here.\n',
    typed: 'She was on fire',
    speaker: null,
  },
];

runAttributionCases(CASES);
