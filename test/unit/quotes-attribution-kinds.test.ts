/**
 * Speaker attribution on the failure kinds of issue 14, through the public service: each case is an invented
 * article, the first words of one of its quotations, and the speaker the completion item must show (null: it
 * must show no speaker). Every article is its own source, so a case cannot borrow a name from another.
 */
import { runAttributionCases, type AttributionCase } from '../helpers/attribution-cases';

const CASES: AttributionCase[] = [
  {
    kind: 'a descriptor after the verb is the person last named, not the tournament in the headline',
    article:
      'Okafor wins through at the Riverside Open\n\nLagos-born Okafor beat the top seed in three sets on Tuesday.\n\n' +
      '"I felt strong from the very first point," said the world number three.',
    typed: 'I felt strong',
    speaker: 'Okafor',
  },
  {
    kind: 'a descriptive prefix is no part of the name',
    article: 'Harbour race won\n\nOslo-based Ingrid Halvorsen took the lead early. "The wind turned just in time for us," Halvorsen said.',
    typed: 'The wind turned',
    speaker: 'Ingrid Halvorsen',
  },
  {
    kind: 'an event’s name is never the speaker',
    article:
      'Final day at the Kingsbury Masters\n\nThe Kingsbury Masters ended in heavy rain on Sunday.\n\n' +
      '"Nobody wanted to play in water like that," the Kingsbury Masters said.',
    typed: 'Nobody wanted to',
    speaker: null,
  },
  {
    kind: 'a pronoun never reaches forward to the next paragraph',
    article:
      'Study published\n\nThe report was published on Monday after two years of work.\n\n"This changes nothing about the plan," she said.\n\n' +
      'Dr Hannah Price, who led the study, disagreed with the council.',
    typed: 'This changes nothing',
    speaker: null,
  },
  {
    kind: 'the statement read in part: the organisation that issued it',
    article:
      'Power cut in Port Amble\n\nThe Amble Harbour Trust issued a statement on Sunday evening. The statement read in part: ' +
      '"We are working with the council to restore power to every home."',
    typed: 'We are working',
    speaker: 'Amble Harbour Trust',
  },
  {
    kind: 'the company said: the organisation last named',
    article:
      'Profits rise\n\nShares in Corvel Holdings rose on Monday after strong results. "Our customers stayed with us through a hard year," the company said.',
    typed: 'Our customers stayed',
    speaker: 'Corvel Holdings',
  },
  {
    kind: 'a role before the name with an apposition: the person, not the organisation',
    article:
      'Minister resigns\n\nThe Minister of Works, Ada Eze, resigned on Friday.\n\n"I leave this office with my head held high," the minister said.',
    typed: 'I leave this',
    speaker: 'Ada Eze',
  },
  {
    kind: 'a pronoun goes to the subject apposed to a description, the nearest person before it',
    article:
      'Minister resigns\n\nThe Minister of Works, Ada Eze, resigned on Friday.\n\n"I leave this office with my head held high," Eze said.\n\n' +
      'Her deputy, Tunde Bello, will take over next week. "It is a sad day for the ministry," he said.',
    typed: 'It is a',
    speaker: 'Tunde Bello',
  },
  {
    kind: 'a headline quotation with its own speech verb, resolved in the article',
    article:
      "'We will not give up this fight,' says union leader\n\nUnion leader Carla Mendes said the strike would go on.\n\n" +
      '"We will not give up this fight," Mendes told a rally.',
    typed: 'We will not',
    speaker: 'Carla Mendes',
  },
  {
    kind: 'the paper quoted X as saying: the person quoted, not the paper',
    article:
      'Maker eyes games\n\nAccording to the Harbour Courier, the group is looking at several firms. ' +
      'Games are "a very big business now", the paper quoted Mr Tomas Berglund as saying.',
    typed: 'a very big',
    speaker: 'Tomas Berglund',
  },
  {
    kind: 'words in the first person go on from the person who just spoke',
    article:
      'Fish prices fall\n\n"I was shocked to see prices at that level," said Paolo Ferri, a fish buyer in the port. ' +
      'The price is "as low as I have ever seen in thirty years."',
    typed: 'as low as',
    speaker: 'Paolo Ferri',
  },
  {
    kind: 'a name before “from” an organisation is the speaker, not the organisation',
    article:
      'Phones lost\n\nMany owners forget their numbers. "We are a nation of forgetful people now," Dana Whitlow from Corvel Labs said.',
    typed: 'We are a',
    speaker: 'Dana Whitlow',
  },
  {
    kind: 'a description never points at a person named after a preposition',
    article:
      'Try ruled out\n\nMarek Stolz was puzzled that his try had been ruled out by referee Ivo Brandt. ' +
      '"I was behind the ball the whole time," said the home player.',
    typed: 'I was behind',
    speaker: 'Marek Stolz',
  },
  {
    kind: 'a plain description before the name after the verb',
    article: 'Payout agreed\n\n"This is a momentous day for every family," said asbestos sufferer Rhona Vail, who leads a victims group.',
    typed: 'This is a',
    speaker: 'Rhona Vail',
  },
  {
    kind: 'a pronoun goes to the nearest compatible person: she is not the man named last',
    article:
      'Council vote\n\nCouncillor Ana Ruiz proposed the plan on Monday. Mr Tomas Berg, the treasurer, opposed it.\n\n' +
      '"We cannot afford to wait another year," she said.',
    typed: 'We cannot afford',
    speaker: 'Ana Ruiz',
  },
  {
    kind: 'a name after an opening adverbial is the sentence’s subject, so he is that person',
    article:
      'Vote campaign\n\n"We will win this vote easily," said Petr Lind of the No campaign.\n\n' +
      'On Wednesday, Mr Karel Vesely attacked the No campaign in public. "The campaign is being run by a tiny clique," he said.',
    typed: 'The campaign is',
    speaker: 'Karel Vesely',
  },
  {
    kind: 'a name after its title words is the sentence’s subject',
    article:
      'Powers debated\n\n"There is still an emergency," said Ida Holm.\n\n' +
      'Opposition home affairs spokesman Jonas Berg was worried about the plan. He warned: "History shows what happens next."',
    typed: 'History shows what',
    speaker: 'Jonas Berg',
  },
  {
    kind: 'someone new who shouts is nobody the text names',
    article:
      'Politician attacked\n\nLars Dahl was leaving the studio when it happened. He said the man shouted: "You have insulted all of us here today."',
    typed: 'You have insulted',
    speaker: null,
  },
  {
    kind: 'a first name alone is the one full name the document gives it, even in a heading',
    article:
      'Student dies after taking pills\n\n"The pills were still in her system when she arrived," her mother, Ana, said in a statement.\n\n' +
      'Ana Kowal urged people to stay away from the pills\n\nThe shop that sold them has closed.',
    typed: 'The pills were',
    speaker: 'Ana Kowal',
  },
  {
    kind: '“and” before a title joins two clauses, not two speakers',
    article:
      'Striker ruled out\n\nVolk hurt his knee in the defeat at Amberley and manager Rui Serrano said: "He cannot run at all this week."',
    typed: 'He cannot run',
    speaker: 'Rui Serrano',
  },
  {
    kind: 'a title with “of” before the name still makes it the subject',
    article:
      'Match to finish\n\n"We will play the last minutes next month," said club president Ivo Kranjc.\n\n' +
      'Harbour City director of sport Emil Varga praised the crowd. "I would like to thank every fan who stayed," he said.',
    typed: 'I would like',
    speaker: 'Emil Varga',
  },
  {
    kind: 'a quotation closed by a future “he will say”',
    article:
      'Speech tonight\n\nMinister Jana Ruzicka is to speak in Leeds tonight. "We have not solved this problem by any means," she will say.',
    typed: 'We have not',
    speaker: 'Jana Ruzicka',
  },
  {
    kind: 'plain words describing the name after the quotation (“…,” investment bank X said)',
    article:
      'Brewer warns\n\nProfits fell by a fifth. "We remain cautious about the next two years," investment bank Halden Brothers said.',
    typed: 'We remain cautious',
    speaker: 'Halden Brothers',
  },
  {
    kind: 'a speech still to be given (“…,” he was due to say)',
    article:
      'Leader to speak\n\nOpposition leader Marta Quist will speak in Leeds tonight.\n\n"This country deserves far better than it gets," she was due to say.',
    typed: 'This country deserves',
    speaker: 'Marta Quist',
  },
  {
    kind: 'she after an unnamed spokeswoman is the spokeswoman, not the woman named before',
    article:
      'Books to be scanned\n\n"The goal is to unlock the libraries of the world," said Dana Pike, who leads the project. ' +
      'A spokeswoman for Harbour University said the scanned books would include novels and poetry. ' +
      '"Important works that are out of print will be available to all," she said.',
    typed: 'Important works that',
    speaker: 'spokeswoman for Harbour University',
  },
  {
    kind: 'a statement on her website (a document, any article) speaks for the person it is about',
    article:
      'Champion to return\n\nTennis star Mira Kovac will return from injury at the Harbour event in February. ' +
      '"Mira had considered returning to action much sooner," a statement on her website said.',
    typed: 'Mira had considered',
    speaker: 'Mira Kovac',
  },
  {
    kind: 'the magazine: the name the text gave as a magazine, not the last organisation named',
    article:
      'Best gadgets\n\nThe list was drawn up by Gizmo Monthly magazine. The Corvel radio from 1957 is at number 13. ' +
      '"Who can forget the crackle of that first radio?" asked the magazine.',
    typed: 'Who can forget',
    speaker: 'Gizmo Monthly',
  },
  {
    kind: 'a title used alone after “the” (the archbishop added) is the person with that title',
    article:
      'Release welcomed\n\nArchbishop Ambrose Nwosu welcomed the release of the four men on Tuesday. ' +
      'The archbishop added: "We are grateful, but the others must be freed as well."',
    typed: 'We are grateful',
    speaker: 'Ambrose Nwosu',
  },
  {
    kind: 'an opening participle clause is no subject: the name after its comma speaks',
    article:
      'Detentions condemned\n\nReferring to the detentions in Corvel, Bishop Ana Oyelaran told reporters: "It is utterly unacceptable to hold them."',
    typed: 'It is utterly',
    speaker: 'Ana Oyelaran',
  },
  {
    kind: 'he after a role that acted in the sentence before is the person with that role',
    article:
      'Debate\n\nOpposition leader Karl Hobb attacked the prime minister, Ian Vance. "He has no plan at all," said Mr Vance in reply.\n\n' +
      'The opposition leader countered that such deals had been made twice. He declared: "He is the prime minister of deals."',
    typed: 'He is the',
    speaker: 'Karl Hobb',
  },
  {
    kind: 'a bare word after a title-like verb (`Riverton host Dunmore`) is no person: he is the coach named before',
    article:
      'Cup tie\n\nRiverton coach Piotr Kowalski has criticised the fixture list.\n\nRiverton host Dunmore in the cup on Friday, ' +
      'but the Pole has had a hard week with four players away. "We have one training session before the game," he told reporters.',
    typed: 'We have one',
    speaker: 'Piotr Kowalski',
  },
  {
    kind: 'a name before its own finite verb acts, after an opening phrase without a comma',
    article:
      'Agency chief stays\n\nCouncil leader Emeka Okoro defended the agency. Director Tom Vance’s departure was reported widely.\n\n' +
      'On the morning programme Mr Okoro was asked why Mr Vance had been allowed to go. He replied: "The director chose to move on and a new one is coming."',
    typed: 'The director chose',
    speaker: 'Emeka Okoro',
  },
  {
    kind: 'a name after a verb of its clause is in what was said, not the one speaking',
    article:
      'Agency chief stays\n\nDirector Tom Vance was said to have resigned in May.\n\nBut committee member Ian Black said he was "amazed" ' +
      'Mr Vance was still in post. "We were told he was leaving within weeks," he said.',
    typed: 'We were told',
    speaker: 'Ian Black',
  },
  {
    kind: 'an owner with connectors before the source noun: she is the whole unnamed source',
    article:
      'Bridge closed\n\nA Department for Roads and Bridges spokeswoman confirmed the bridge would stay shut until spring. ' +
      '"No date was ever given for the reopening," she said.',
    typed: 'No date was',
    speaker: 'Department for Roads and Bridges spokeswoman',
  },
  {
    kind: 'a spokesman for an organisation named with of and and, a parenthesised acronym and a relative clause',
    article:
      'Card fraud\n\nBanker Ruth Malone said fraud had fallen. A spokesman for the Association of Card and Cheque Clearing (Acca) ' +
      'which represents the payments industry said the risk was small. "There is no reason for concern," he said.',
    typed: 'There is no',
    speaker: 'spokesman for Association of Card and Cheque Clearing',
  },
  {
    kind: 'a spokesman with no owner speaks for the organisation acting last, not for the person who spoke before',
    article:
      'Relay service\n\n"The service changed my life," said user Owen Pryce.\n\nThe Telecoms Authority says it will review the rules next year. ' +
      'But a spokesman said its powers were limited. "Any change would be for the government to make," he said.',
    typed: 'Any change would',
    speaker: 'Telecoms Authority spokesman',
  },
  {
    kind: 'an article and a plain word before the title after the verb',
    article: 'Rugby\n\nWales beat the champions.\n\n"The whole country wants us back at the top," said a proud coach Idris Vaughan.',
    typed: 'The whole country',
    speaker: 'Idris Vaughan',
  },
  {
    kind: 'titles joined by and after the verb',
    article: 'Results\n\nProfits rose.\n\n"We had a very strong second half," said chairman and chief executive officer Lena Brand.',
    typed: 'We had a',
    speaker: 'Lena Brand',
  },
  {
    kind: 'a trailing name with a long apposition before the verb',
    article:
      'Cheese\n\nThe court heard the case.\n\n"Our farmers have made this cheese for a century," Karl Erik Moen, a spokesman for the Nordic Dairy Board, told the BBC.',
    typed: 'Our farmers have',
    speaker: 'Karl Erik Moen',
  },
  {
    kind: 'a trailing name with its employer after a comma and no closing comma',
    article:
      'Spending\n\nShoppers spent more.\n\n"Consumers are still buying despite the prices," Emma Ferrand, from Capel Finance told reporters.',
    typed: 'Consumers are still',
    speaker: 'Emma Ferrand',
  },
  {
    kind: 'an indefinite role with a modifier is an unnamed source',
    article:
      'Jobs\n\nUnemployment rose again.\n\n"These figures are a warning for the whole economy," a government minister said on television.',
    typed: 'These figures are',
    speaker: 'government minister',
  },
  {
    kind: 'a speech verb opening its sentence has the speaker after it',
    article: 'Squad news\n\nThe winger is fit again.\n\nSaid Riverton assistant coach Dai Pryce: "He adds to the depth of the squad."',
    typed: 'He adds to',
    speaker: 'Dai Pryce',
  },
  {
    kind: 'an apposition ending in a title with no closing comma, and a title word ending in -ing',
    article:
      'Health targets\n\nThe minister set a new target.\n\nOwain Rhys, Harbour Party health spokesman said: "It is the same target as five years ago." ' +
      'Later, Acme managing director Sian Lloyd said: "Our staff are ready for the change."',
    typed: 'It is the same',
    speaker: 'Owain Rhys',
  },
  {
    kind: 'a statement from an organisation, with a participle phrase, read',
    article:
      'Player sacked\n\nRiverton have sacked their striker. A statement from Riverton explaining the decision read: "The club has a zero tolerance policy."',
    typed: 'The club has',
    speaker: 'Riverton',
  },
];

runAttributionCases(CASES);
