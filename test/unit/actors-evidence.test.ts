/**
 * Actors on invented articles, through the service's hover: one person under several names, organisations that
 * share a word, roles written in the ways news prose writes them, and capitalised things that are not people.
 * Every article and name below is made up for this test.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { harness, type Harness } from '../helpers/fixture';

interface Case {
  what: string;
  article: string;
  /** The name hovered in a draft. */
  hover: string;
  /** The card's name; null: no card, or a card that is not a person's (`notPerson`). */
  card: string | null;
  /** A role the card must list (lower-case comparison), if any. */
  role?: string;
  /** A card may exist, but not a person's. */
  notPerson?: boolean;
}

const CASES: Case[] = [
  // One person under several names.
  {
    what: 'a nickname in quotes after "known as" is the same person',
    article:
      'Teodora Vasquez, known as "The Anvil", won the final on Sunday. Vasquez said she was tired. ' +
      'The Anvil has now won four titles, and Vasquez will defend them next spring.',
    hover: 'The Anvil',
    card: 'Teodora Vasquez',
  },
  {
    what: 'a nickname in quotes between first name and surname is the same person',
    article: 'Rufus "Tank" Odhiambo scored twice. Odhiambo told reporters the team was ready. Tank was later substituted.',
    hover: 'Tank',
    card: 'Rufus Odhiambo',
  },
  {
    what: 'a surname alone is the full-named person',
    article: 'Marguerite Oyelaran led the inquiry. Oyelaran said the report would be published in May.',
    hover: 'Oyelaran',
    card: 'Marguerite Oyelaran',
  },
  {
    what: 'an organisation is not merged into another that contains its name',
    article:
      'Eastbrook reported higher profits on Tuesday. The lender said Eastbrook Capital, its investment arm, lost money. ' +
      'Eastbrook Capital will cut 200 jobs, while Eastbrook plans to hire.',
    hover: 'Eastbrook',
    card: 'Eastbrook',
  },
  {
    what: 'the longer organisation keeps its own card',
    article:
      'Eastbrook reported higher profits on Tuesday. The lender said Eastbrook Capital, its investment arm, lost money. ' +
      'Eastbrook Capital will cut 200 jobs, while Eastbrook plans to hire.',
    hover: 'Eastbrook Capital',
    card: 'Eastbrook Capital',
  },
  // Organisations' names.
  {
    what: 'a name that begins with a word never an actor alone',
    article: 'The Southern Growers Union is facing two legal challenges. Farmers backed the Southern Growers Union.',
    hover: 'Southern Growers Union',
    card: 'Southern Growers Union',
  },
  {
    what: '"on" and "and" inside a committee\'s name',
    article: 'The Standing Committee on Fisheries and Forests met on Monday and said the quota would stay.',
    hover: 'Standing Committee on Fisheries and Forests',
    card: 'Standing Committee on Fisheries and Forests',
  },
  {
    what: "a country's body is not a title waiting for a name",
    article: 'Farmers want the Welsh Executive to act. Ministers said the Welsh Executive would meet.',
    hover: 'Welsh Executive',
    card: 'Welsh Executive',
  },
  {
    what: 'the body that issued a code, not the code',
    article: 'Phone makers signed the Coastal Commission Code of Practice last year, officials said.',
    hover: 'Coastal Commission',
    card: 'Coastal Commission',
  },
  {
    what: 'a sentence-opening name followed by "has" is the subject',
    article: 'Zentrovia has a market value of about $3bn. Analysts expect more.',
    hover: 'Zentrovia',
    card: 'Zentrovia',
  },
  {
    what: 'a hyphenated surname is found by the hover',
    article: 'The relay was won by Tomas Ridley-Kane, who ran the last leg. Ridley-Kane said he was tired.',
    hover: 'Tomas Ridley-Kane',
    card: 'Tomas Ridley-Kane',
  },
  {
    what: 'a possessive name before an ordinal is a name, not a numbered word',
    article: "The record fell again on Sunday. It was Varnakova's 11th world record since 2003, and Varnakova said she was happy.",
    hover: 'Varnakova',
    card: 'Varnakova',
  },
  {
    what: "a common word ending an institution's name after a connector stays",
    article: 'The Royal Society for Blind People (RSBP) welcomed the plan. The RSBP said costs must fall.',
    hover: 'Royal Society for Blind People',
    card: 'Royal Society for Blind People',
  },
  {
    what: 'a brand written in camel case with a lower-case first letter',
    article: 'Shares in zPlex rose on Monday after zPlex said sales doubled.',
    hover: 'zPlex',
    card: 'zPlex',
  },
  {
    what: 'a short name joins the same company with its legal form, whichever comes first',
    article: 'Shares in Korvale rose 5% on Monday. Korvale Holdings, which owns the chain, said profits rose.',
    hover: 'Korvale',
    card: 'Korvale Holdings',
  },
  // Roles.
  {
    what: "an organisation's possessive before a title in an apposition",
    article: "The charity's country director, Ilse Brandvold, said the camps were full. Brandvold asked for more tents.",
    hover: 'Ilse Brandvold',
    card: 'Ilse Brandvold',
    role: 'country director',
  },
  {
    what: 'a party word before a lower-case title, after the name',
    article: 'Harlan Petty, a Republican senator from the state, opposed the bill. Petty said it cost too much.',
    hover: 'Harlan Petty',
    card: 'Harlan Petty',
    role: 'republican senator',
  },
  {
    what: 'a party word before a lower-case title, before the name',
    article: 'The bill was opposed by a Democratic congresswoman, Lucinda Farraday, who called it reckless.',
    hover: 'Lucinda Farraday',
    card: 'Lucinda Farraday',
    role: 'democratic congresswoman',
  },
  {
    what: 'Professor X of Y gives the title and its institution',
    article: 'Professor Anneliese Okoro of Westmarch University said the results were clear. Okoro led the study.',
    hover: 'Anneliese Okoro',
    card: 'Anneliese Okoro',
    role: 'professor',
  },
  {
    what: '"former" is kept before a lower-case title',
    article: 'The plan was criticised by former minister Dariusz Welk, who said it was rushed.',
    hover: 'Dariusz Welk',
    card: 'Dariusz Welk',
    role: 'former minister',
  },
  {
    what: '"former" is kept before a capitalised title and an apposed name',
    article: 'The former Prime Minister, Osric Haldane, said the plan was rushed. Haldane left early.',
    hover: 'Osric Haldane',
    card: 'Osric Haldane',
    role: 'former prime minister',
  },
  {
    what: 'a title with "of" before an apposed name',
    article: 'The Minister of Works, Ada Ezeilo, opened the bridge on Friday. Ezeilo said it cost less than planned.',
    hover: 'Ada Ezeilo',
    card: 'Ada Ezeilo',
    role: 'minister of works',
  },
  {
    what: 'a capitalised office with "of" after the name',
    article: 'Ada Ezeilo, the Minister of Works, opened the bridge. Ezeilo said it cost less than planned.',
    hover: 'Ada Ezeilo',
    card: 'Ada Ezeilo',
    role: 'minister of works',
  },
  {
    what: '"Former" opening the sentence before a country and a title',
    article: 'Former Velorian President Carlo Menzies spoke at the opening. Menzies praised the builders.',
    hover: 'Carlo Menzies',
    card: 'Carlo Menzies',
    role: 'former',
  },
  {
    what: 'an honorific that is an office is the role',
    article: 'Prof Ines Varga said the results were clear. Varga led the study for a decade.',
    hover: 'Ines Varga',
    card: 'Ines Varga',
    role: 'professor',
  },
  {
    what: 'an age between the name and the apposition',
    article: 'Kimberly Ashe, 45, a teacher from the town, was hurt. Ashe was taken to hospital.',
    hover: 'Kimberly Ashe',
    card: 'Kimberly Ashe',
    role: 'teacher',
  },
  {
    what: 'a title opening the sentence before an apposed name keeps a post-nominal title too',
    article: 'Scottish Finance Minister, Tam Bellweather MSP, said the budget was fair. Bellweather left early.',
    hover: 'Tam Bellweather',
    card: 'Tam Bellweather',
    role: 'msp',
  },
  {
    what: 'a family word after a possessive introduces the person',
    article: 'Eloisa Parrish, 21, died in April. Her mother, Fiona, said she was kind. Fiona Parrish asked for help.',
    hover: 'Fiona Parrish',
    card: 'Fiona Parrish',
    role: 'mother',
  },
  {
    what: 'an apposition between dashes',
    article: "Dennis Hobbay \u2013 the club's head coach \u2013 said little. Hobbay left early.",
    hover: 'Dennis Hobbay',
    card: 'Dennis Hobbay',
    role: 'head coach',
  },
  {
    what: 'a local councillor',
    article: 'Lia Brandvik, a councillor for the ward, objected to the plan. Brandvik said it was too big.',
    hover: 'Lia Brandvik',
    card: 'Lia Brandvik',
    role: 'councillor',
  },
  {
    what: 'a title after "who was appointed"',
    article: 'Pia Lornefeld, who was appointed chief executive in 2010, left the firm. Lornefeld said nothing.',
    hover: 'Pia Lornefeld',
    card: 'Pia Lornefeld',
    role: 'chief executive',
  },
  {
    what: 'a title after "who serves as"',
    article: 'Ugo Brantley, who serves as finance minister, agreed with the plan. Brantley spoke later.',
    hover: 'Ugo Brantley',
    card: 'Ugo Brantley',
    role: 'finance minister',
  },
  {
    what: 'a time adverb before an apposed title, and two titles joined by "and"',
    article: 'Mo Fennimore, now founder and chief executive of Zentrovia, said no. Fennimore left.',
    hover: 'Mo Fennimore',
    card: 'Mo Fennimore',
    role: 'founder and chief executive',
  },
  {
    what: 'a title stated with "is"',
    article: 'Pia Lorrimer is chief executive of Brightwater Holdings. Lorrimer joined in 2010.',
    hover: 'Pia Lorrimer',
    card: 'Pia Lorrimer',
    role: 'chief executive',
  },
  // Capitalised things that are not people.
  {
    what: 'an apposition with no article: a title word, then ordinary words before the head',
    article: 'Prices rose. "It will pass," said Idris Kovalenko, senior market strategist at Brightfen Capital, on Monday.',
    hover: 'Idris Kovalenko',
    card: 'Idris Kovalenko',
    role: 'senior market strategist',
  },
  {
    what: "a country's possessive right after the comma of an apposition",
    article: "Output will not change, Halvard Mbeki, Peru's oil minister, told a news agency on Friday.",
    hover: 'Halvard Mbeki',
    card: 'Halvard Mbeki',
    role: 'oil minister',
  },
  {
    what: 'an owner then a lower-case title in an apposition, no article',
    article: 'Saskia Thorvald, Quillmere chief economist, said rates would stay high. Quillmere lends to families.',
    hover: 'Saskia Thorvald',
    card: 'Saskia Thorvald',
    role: 'chief economist',
  },
  {
    what: "an owner's possessive before a country word and a title: the country stays in the title",
    article: "Brackenridge Weekly's US editor Ottilie Marsh said the season was dull. She expects little.",
    hover: 'Ottilie Marsh',
    card: 'Ottilie Marsh',
    role: 'us editor (brackenridge weekly)',
  },
  {
    what: 'after "the late", a capitalised word before a full name is what the person was',
    article: 'He said he could have met the fate of the late Wombler Dario Ncube, who was attacked at home.',
    hover: 'Dario Ncube',
    card: 'Dario Ncube',
    role: 'wombler',
  },
  {
    what: 'a capitalised title, the name, then "of" and a police force',
    article: 'Detective Inspector Rowena Achterberg of Fellmouth Valley Police said a ladder was used. Police are appealing.',
    hover: 'Rowena Achterberg',
    card: 'Rowena Achterberg',
    role: 'detective inspector (fellmouth valley police)',
  },
  {
    what: 'the force after "of" keeps its last word',
    article: 'Detective Inspector Rowena Achterberg of Fellmouth Valley Police said a ladder was used. Police are appealing.',
    hover: 'Fellmouth Valley Police',
    card: 'Fellmouth Valley Police',
  },
  {
    what: '"who was formerly" keeps "former" in the title',
    article: 'Lucan Ferreira, who was formerly chairman of Dunmore Mills, bought the site. Dunmore Mills closed in 2001.',
    hover: 'Lucan Ferreira',
    card: 'Lucan Ferreira',
    role: 'former chairman',
  },
  {
    what: 'a title after "who <verb> <name> as"',
    article: 'Sales held up, said Kemal Oduya, who follows Grantholm as a managing director at Pellow Securities.',
    hover: 'Kemal Oduya',
    card: 'Kemal Oduya',
    role: 'managing director',
  },
  {
    what: 'an abbreviated honorific with its dot is the role',
    article: 'The bill will pass, Sen. Marisol Aguerre said on Tuesday. Aguerre has backed it for years.',
    hover: 'Marisol Aguerre',
    card: 'Marisol Aguerre',
    role: 'senator',
  },
  {
    what: "a competition's scope opening the sentence stays in the title",
    article: 'She won the World title in March. World indoor champion, Benedikt Oyelaran, faded badly and finished fourth.',
    hover: 'Benedikt Oyelaran',
    card: 'Benedikt Oyelaran',
    role: 'world indoor champion',
  },
  {
    what: 'a surname two people share belongs to the one named before every use of it',
    article:
      'Singer Lorcan Vetterli tackled a burglar at his home. "I acted on impulse," Vetterli said. "It could have been worse," ' +
      'Vetterli added. Later his wife Perpetua Vetterli listed the stolen rings.',
    hover: 'Vetterli',
    card: 'Lorcan Vetterli',
  },
  {
    what: 'a shorter form of an organisation named after the full name joins it',
    article: 'A survey by Quorndale Tech Magazine found readers unhappy. "Prices will drop," said the editor of Quorndale Tech.',
    hover: 'Quorndale Tech',
    card: 'Quorndale Tech Magazine',
  },
  {
    what: 'a party\'s name without "Party" joins it, whichever comes first',
    article: 'Ashgrove MPs met on Monday. The Ashgrove Party said the rift must end, and Ashgrove peers agreed.',
    hover: 'Ashgrove',
    card: 'Ashgrove Party',
  },
  {
    what: 'two newspapers listed with "and" are two organisations',
    article: 'A scan of the Tarrow Bay Times and Tarrow Bay Daily News bears this out, one critic said.',
    hover: 'Tarrow Bay Daily News',
    card: 'Tarrow Bay Daily News',
  },
  {
    what: 'an acronym in parentheses after "and" names the whole run',
    article:
      'The body, known as the Conference of Fenland Ports and Harbour Authorities (CFPHA), is doing research. CFPHA will report soon.',
    hover: 'CFPHA',
    card: 'Conference of Fenland Ports and Harbour Authorities',
  },
  {
    what: 'a name only ever written after "the" with no person evidence is an organisation, not a person',
    article: 'Coach Ulrich Penhallow told the Evening Clarion that the deal was close. Penhallow is happy.',
    hover: 'Evening Clarion',
    card: 'Evening Clarion',
  },
  {
    what: "an organisation's last word that is also a common word stays when the rest is no name of its own",
    article: 'Soldiers of the Crimson Watch will come home in May, and the Crimson Watch will then be merged.',
    hover: 'Crimson Watch',
    card: 'Crimson Watch',
  },
  {
    what: 'a one-word company ending like an adjective, before "have"',
    article: 'The survey found that Quadrix and Brontelli have been offering lower prices to customers who call to cancel.',
    hover: 'Brontelli',
    card: 'Brontelli',
  },
  {
    what: 'capitals that spell the initials of an organisation named before them join it',
    article: 'According to the Lantern Daily Courier, the deal is close. Mr Orr later told the LDC that it was off.',
    hover: 'LDC',
    card: 'Lantern Daily Courier',
  },
  {
    what: 'a name in a byline is a person, and the title after its comma is the role',
    article: 'By Wilhelmina Oakes, Transport correspondent\n\nTrains ran late all week, the operator said. Oakes rode six of them.',
    hover: 'Wilhelmina Oakes',
    card: 'Wilhelmina Oakes',
    role: 'transport correspondent',
  },
  {
    what: 'a name in a picture credit is a person',
    article: 'Photo\n\nCredit Anselm Brightwater\n\nThe sale is a complicated beast, showing how deal structures differ.',
    hover: 'Anselm Brightwater',
    card: 'Anselm Brightwater',
  },
  {
    what: 'a country before the name an acronym spells stays in the name',
    article: 'Chargers waste power, said the US Kettering Efficiency Agency (KEA). According to the KEA, adaptors are the worst.',
    hover: 'US Kettering Efficiency Agency',
    card: 'US Kettering Efficiency Agency',
  },
  {
    what: 'the name without its country is an alias',
    article: 'Chargers waste power, said the US Kettering Efficiency Agency (KEA). The Kettering Efficiency Agency will report.',
    hover: 'Kettering Efficiency Agency',
    card: 'US Kettering Efficiency Agency',
  },
  {
    what: '"former" is kept before a party word and a capitalised title',
    article: 'It was a mistake, said former Verdant MP Ottoline Gasparyan, who lost her seat in 2001.',
    hover: 'Ottoline Gasparyan',
    card: 'Ottoline Gasparyan',
    role: 'former verdant mp',
  },
  {
    what: '"former" is kept before a nationality and a lower-case title',
    article: 'Former Chilean president Aurelio Pichardo-Baeza said the vote was fair. He spoke in Lima.',
    hover: 'Aurelio Pichardo-Baeza',
    card: 'Aurelio Pichardo-Baeza',
    role: 'former chilean president',
  },
  {
    what: 'a one-word band after "duo" is not a person',
    article: 'He rose to fame as one half of pop duo Zephyrine! in the 1980s before going solo.',
    hover: 'Zephyrine',
    card: null,
    notPerson: true,
  },
  {
    what: 'no article: ordinary words and "and" before a head that names an employer after it',
    article: 'The rules are too strict, said Ingrid Oyawale, standards and regulatory liaison for Tessaline, on Monday.',
    hover: 'Ingrid Oyawale',
    card: 'Ingrid Oyawale',
    role: 'standards and regulatory liaison',
  },
  {
    what: 'a two-word name after "the" and before a plain noun is a thing: no card',
    article: 'The festival staged the Ottoline Marchbanks play twice, and critics liked the set.',
    hover: 'Ottoline Marchbanks',
    card: null,
  },
  {
    what: 'a one-word name opening the sentence, listed with "and" before another name',
    article: 'Awards season is here. Quillon and the Harbour Gazette have kept their focus on the industry this week.',
    hover: 'Quillon',
    card: 'Quillon',
  },
  {
    what: 'a video game',
    article: 'Sales of the Galaxy Raiders game rose last year. Players of Galaxy Raiders spend hours on it, the company said.',
    hover: 'Galaxy Raiders',
    card: null,
    notPerson: true,
  },
  {
    what: 'a work named in quote marks',
    article: 'The studio released "Harbour Lights" in May. Critics said "Harbour Lights" was its best work so far.',
    hover: 'Harbour Lights',
    card: null,
    notPerson: true,
  },
  {
    what: 'a weather phenomenon',
    article: 'Storm Belinda brought floods to the coast. Forecasters said Storm Belinda would weaken by Monday.',
    hover: 'Storm Belinda',
    card: null,
    notPerson: true,
  },
  {
    what: 'a tennis tournament named after its place',
    article: 'She won at Queensmoor last summer and hopes to defend the title at Queensmoor in June, her coach said.',
    hover: 'Queensmoor',
    card: null,
    notPerson: true,
  },
  {
    what: 'a historical era',
    article: 'The castle was built in the Late Bronze Age. Tools from the Late Bronze Age were found nearby.',
    hover: 'Late Bronze Age',
    card: null,
    notPerson: true,
  },
  {
    what: 'a person with no title still gets a person card when a pronoun refers back',
    article: 'Fenwick Abara opened the shop in 1990. He still works there every day and his daughter helps.',
    hover: 'Fenwick Abara',
    card: 'Fenwick Abara',
  },
];

let h: Harness;
let n = 0;
before(async () => {
  const files: Record<string, string> = {};
  CASES.forEach((c, i) => (files[`evidence/${String(i).padStart(2, '0')}.txt`] = `A headline\n\n${c.article}\n`));
  h = await harness(files);
});
after(() => h.service.dispose());

async function card(name: string): Promise<{ name: string; type: string; roles: string[] } | null> {
  const text = `Notes.\n\nWe read about ${name} today.\n`;
  const doc = h.draft(text, 1, `evidence-${n++}.md`);
  const hover = await h.service.hover(doc, doc.positionAt(text.indexOf(name) + 1));
  const value = hover ? (hover.contents as MarkupContent).value.replace(/\\([\\`*_{}[\]()#+\-.!|<>~'])/g, '$1') : '';
  const head = /^\*\*(.+?)\*\*\s*\n\s*\n\*([^*]+)\*/.exec(value);
  if (!head) return null;
  return { name: head[1], type: head[2].trim(), roles: [...value.matchAll(/^- (.+?): /gm)].map((m) => m[1].toLowerCase()) };
}

for (const c of CASES) {
  test(`actors evidence: ${c.what}`, async () => {
    const got = await card(c.hover);
    if (c.notPerson) {
      assert.notEqual(got?.type, 'person', `${c.hover} → ${JSON.stringify(got)}`);
      return;
    }
    assert.equal(got?.name ?? null, c.card, `${c.hover} → ${JSON.stringify(got)}`);
    if (c.role)
      assert.ok(
        got?.roles.some((r) => r.includes(c.role ?? '')),
        `${c.hover}: ${c.role} not in ${JSON.stringify(got?.roles)}`,
      );
  });
}
