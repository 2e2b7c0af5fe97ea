/**
 * Actors on invented articles in the style of US and international web news (issue 14, sixth round): titles and
 * party-state tags around a legislator's name, `a <title> named X`, `the <title> X, <title> of Y`, maiden names,
 * photo credits. Through the service's hover; every article and name below is made up for this test.
 */
import { runActorCases, type ActorCase } from '../helpers/actor-cases';

const CASES: ActorCase[] = [
  {
    what: '`a <title> named X`: the title is the role',
    article: 'Orders came from the office of a meteorologist named Edmund Harlow Vance. Vance ran the project.',
    hover: 'Edmund Harlow Vance',
    card: 'Edmund Harlow Vance',
    role: 'meteorologist',
  },
  {
    what: '`the <title> X`: an article and a lower-case title before the name',
    article: 'In the fall, the geophysicist Daniel Osterholm was preparing a lecture. Osterholm knew the paper well.',
    hover: 'Daniel Osterholm',
    card: 'Daniel Osterholm',
    role: 'geophysicist',
  },
  {
    what: '`, co-director of Acme’s X Center,` after the name',
    article:
      'In the fall, the geophysicist Daniel Osterholm, co-director of Westbury’s Harlow Center, was preparing a ' +
      'lecture. Osterholm knew the paper well.',
    hover: 'Daniel Osterholm',
    card: 'Daniel Osterholm',
    role: 'co-director',
  },
  {
    what: '`Sen. X (D-Ore.)`: the tag is no part of the name',
    article: '“The numbers do not add up,” said Sen. Marcus Delane (D-Ore.), who chairs the panel. Delane voted no.',
    hover: 'Marcus Delane',
    card: 'Marcus Delane',
    role: 'sen',
  },
  {
    what: '`Rep. X, R-Texas,`: the tag is no name and no organisation',
    article: 'Rep. Alma Cruzado, R-Texas, said the bill was dead. Cruzado leads the caucus.',
    hover: 'Alma Cruzado',
    card: 'Alma Cruzado',
    role: 'rep',
  },
  {
    what: '`X Y, née Z`: the maiden name is the same person',
    article:
      'Osterholm found a wedding notice. He was able to get Mary Quillon, née Brightwater, on the phone. Brightwater ' +
      'had programmed the machine in 1961. Mary Brightwater was 22 then.',
    hover: 'Mary Brightwater',
    card: 'Mary Quillon',
  },
  {
    what: '`X Y, née Z` after the maiden name: the married name joins the person named first',
    article:
      'Ada Brentwood programmed the machine in 1961. She later married a physicist. Osterholm was able to get Ada ' +
      'Quellmark, née Brentwood, on the phone.',
    hover: 'Ada Quellmark',
    card: 'Ada Brentwood',
  },
  {
    what: 'a photo credit line `First Last/Agency` names a person',
    article: 'The console is small.\n\nJorvin Haldane/Pressline\n\nIt weighs eight pounds.',
    hover: 'Jorvin Haldane',
    card: 'Jorvin Haldane',
  },
  {
    what: "`the company's chief executive, X,`",
    article: "Shares in Brenmoor fell. The company's chief executive, Lena Parkhurst, apologised to staff.",
    hover: 'Lena Parkhurst',
    card: 'Lena Parkhurst',
    role: 'chief executive',
  },
  {
    what: '`X, an astronomer at Y and an expert in Z`',
    article: 'Coders leave for industry, said Alicia Goodwin, an astronomer at Clearwater University and an expert in data.',
    hover: 'Alicia Goodwin',
    card: 'Alicia Goodwin',
    role: 'astronomer',
  },
  {
    what: '`X, the department head for Y’s Z program,`',
    article: '“This is an old story,” wrote Janet Lyle, the department head for Westbury University’s history program, in an email.',
    hover: 'Janet Lyle',
    card: 'Janet Lyle',
    role: 'department head',
  },
  {
    what: 'a US spelling of an occupation: `X, a pediatrician at Y`',
    article: 'Dr. Joan Meriwether, a pediatrician at Lakeview Hospital, said the cases rose. Meriwether was worried.',
    hover: 'Joan Meriwether',
    card: 'Joan Meriwether',
    role: 'pediatrician',
  },
  {
    what: '`Attorney General X` before the name',
    article: 'Attorney General Raymond Fulbright said on Monday that charges were likely. Fulbright declined to say more.',
    hover: 'Raymond Fulbright',
    card: 'Raymond Fulbright',
    role: 'attorney general',
  },
  {
    what: '`the White House press secretary, X,`',
    article: 'The White House press secretary, Dana Whitcombe, said the plan was final. Whitcombe took no questions.',
    hover: 'Dana Whitcombe',
    card: 'Dana Whitcombe',
    role: 'press secretary',
  },
  {
    what: '`X, 42, an emergency room nurse,`',
    article: 'Carla Benitez, 42, an emergency room nurse, said the ward was full. Benitez has worked there for years.',
    hover: 'Carla Benitez',
    card: 'Carla Benitez',
    role: 'nurse',
  },
  {
    what: '`a graduate student named X`',
    article: 'A colleague remembered that a graduate student named Sarah Quillon had studied there. Quillon later left.',
    hover: 'Sarah Quillon',
    card: 'Sarah Quillon',
    role: 'graduate student',
  },
  {
    what: '`White House chief of staff X`: the office is `chief of staff`',
    article: 'White House chief of staff Kara Linwood met the senators. Linwood said little.',
    hover: 'Kara Linwood',
    card: 'Kara Linwood',
    role: 'chief of staff',
  },
  {
    what: 'the signature of an embedded post, `— First Last (@handle) date`, names a person',
    article:
      'The talks failed.\n\nWe will keep fighting for every family.\n\n— Lidia Santovar (@lidiasantovar) March 3, 2018' +
      '\n\nThe mayor posted it late.',
    hover: 'Lidia Santovar',
    card: 'Lidia Santovar',
  },
  {
    what: '`X, a 28-year-old nurse,`: the age is no part of the title',
    article: 'Carla Benitez, a 28-year-old nurse, said the ward was full. Benitez has worked there for years.',
    hover: 'Carla Benitez',
    card: 'Carla Benitez',
    role: 'nurse',
  },
];

runActorCases('web-style actors', CASES);
