/**
 * Actors, seventh round of issue 14 (tuned on the dev5 labels): titles opening a sentence joined by `and`, a
 * possessive country before an abbreviated office, `appointed X as his <title>`, C-suite titles, party members
 * as roles, organisation names with `in` or a channel number, a sentence-opening word also used in lower case,
 * works whose title opens with a capitalised article. Through the service's hover; every name is made up.
 */
import { runActorCases, type ActorCase } from '../helpers/actor-cases';

const CASES: ActorCase[] = [
  {
    what: '`Screenwriter and producer X` opening a sentence: both titles',
    article: 'Screenwriter and producer Wenna Tallis, best known for a horror film, has died aged 61. Tallis was born in Kent.',
    hover: 'Wenna Tallis',
    card: 'Wenna Tallis',
    role: 'screenwriter and producer',
  },
  {
    what: "`Norway's PM, X,`: an abbreviated office after a country's possessive",
    article: "The strategist helped Norway's PM, Olav Brekke, win four elections. Brekke thanked him.",
    hover: 'Olav Brekke',
    card: 'Olav Brekke',
    role: 'pm',
  },
  {
    what: '`appointed Mr X as his <title>`: the title after `as`',
    article: 'Mr Dunmore appointed Mr Carrick Vell as his elections chief last October. Carrick Vell denied the report.',
    hover: 'Carrick Vell',
    card: 'Carrick Vell',
    role: 'elections chief',
  },
  {
    what: '`X, chief revenue officer at Y`: the whole C-suite title',
    article: 'Tomas Arlen, chief revenue officer at Brightcart Stores, said sales rose. Arlen expects more.',
    hover: 'Tomas Arlen',
    card: 'Tomas Arlen',
    role: 'chief revenue officer',
  },
  {
    what: '`X, a Democrat from Y,`: a party member is a role',
    article: 'Nell Oduya, a Democrat from Westfield, has led the fight. Oduya spoke on Tuesday.',
    hover: 'Nell Oduya',
    card: 'Nell Oduya',
    role: 'democrat',
  },
  {
    what: '`in` inside an organisation name that ends as one',
    article: 'Figures came from the Interactive Crafts in Trade Group which represents web shops. The group counts members.',
    hover: 'Interactive Crafts in Trade Group',
    card: 'Interactive Crafts in Trade Group',
  },
  {
    what: '`Shares in X Holdings`: no name joined by `in` after one word',
    article: 'Shares in Corvane Holdings rose on Monday. Corvane Holdings said demand was strong.',
    hover: 'Corvane Holdings',
    card: 'Corvane Holdings',
  },
  {
    what: "a broadcaster's channel number is part of its name (`KVT Radio 4`)",
    article: "Earlier, she told KVT Radio 4's morning programme that the plan would work.",
    hover: 'KVT Radio 4',
    card: 'KVT Radio 4',
  },
  {
    what: 'a channel word-number after an acronym (`KVT Two`)',
    article: 'The film will be shown on KVT Two next spring, the channel said.',
    hover: 'KVT Two',
    card: 'KVT Two',
  },
  {
    what: 'a two-word name opening a sentence keeps an adjective in -al the text also writes in lower case',
    article: 'Coastal Reserve chairman Odile Marsh has warned on debt. She said the coastal budget was at risk.',
    hover: 'Coastal Reserve',
    card: 'Coastal Reserve',
  },
  {
    what: 'a capitalised `The` inside a sentence opens a work, not a person',
    article: 'Hart made hit films including the Oscar nominee The Glass Orchard and the adaptation The Salt Road in 1983.',
    hover: 'The Glass Orchard',
    card: null,
    notPerson: true,
  },
  {
    what: '`lead study author Dr. X`: the title before an abbreviated honorific',
    article:
      'Lead study author Dr. Imke Sollo, from the Department of Nutrition at Harwick University, and colleagues tracked 2,000 adults.',
    hover: 'Imke Sollo',
    card: 'Imke Sollo',
    role: 'lead study author',
  },
  {
    what: "`the company's vice president of product, X,`: a title with its field after `of`",
    article: "The company's vice president of product, Lise Andvik, told me the phone was made for one hand.",
    hover: 'Lise Andvik',
    card: 'Lise Andvik',
    role: 'vice president of product',
  },
  {
    what: "a channel's number ends the broadcaster's name (`KVT Radio 1 DJ X`)",
    article: 'The prize was presented by KVT Radio 1 DJ Arlo Penhale at a ceremony in Leeds.',
    hover: 'Arlo Penhale',
    card: 'Arlo Penhale',
    role: 'dj',
  },
];

runActorCases('seventh-round actors', CASES);
