/**
 * Actors on invented articles, fourth round (issue 14): titles written before a name at the start of a sentence,
 * titles with their field after "of", occupation nouns, "ex-" titles, organisations whose names hold "of the",
 * a possessive or a number word, and one person under a surname. Through the service's hover; every article and
 * name below is made up for this test.
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
  /** The card's name; null: no card. */
  card: string | null;
  /** A role the card must list (lower-case comparison), if any. */
  role?: string;
  /** A card may exist, but not a person's. */
  notPerson?: boolean;
}

const CASES: Case[] = [
  // Titles before the name, opening the sentence.
  {
    what: 'a capitalised field word opening the sentence before a lower-case head stays in the title',
    article: 'Shares fell on Monday. Fund manager Tobias Wrenfield said he would sell more. Wrenfield owns 4%.',
    hover: 'Tobias Wrenfield',
    card: 'Tobias Wrenfield',
    role: 'fund manager',
  },
  {
    what: 'an occupation word alone opening the sentence is the title, not a first name',
    article: 'Cinematographer Idris Vantongeren, who was nominated in 2001, lost again. He said little.',
    hover: 'Idris Vantongeren',
    card: 'Idris Vantongeren',
    role: 'cinematographer',
  },
  {
    what: 'an ombudsman is a title',
    article: 'Pensions ombudsman Marisol Pendry said: "Firms must pay." She wants a new law.',
    hover: 'Marisol Pendry',
    card: 'Marisol Pendry',
    role: 'pensions ombudsman',
  },
  // Titles with their field after "of".
  {
    what: 'a lower-case field after "of" belongs to the title, the employer after "for"',
    article: 'Ravi Osei, director of marketing for Kestrel Media, said sales rose. Osei expects more.',
    hover: 'Ravi Osei',
    card: 'Ravi Osei',
    role: 'director of marketing',
  },
  {
    what: 'a capitalised department after "of" belongs to the title after an owner\'s possessive',
    article: '"It is wrong," Lena Farrow, Greenwell Trust\'s head of Policy Research, said. Ms Farrow wants change.',
    hover: 'Lena Farrow',
    card: 'Lena Farrow',
    role: 'head of policy research',
  },
  // Occupation nouns before a name.
  {
    what: 'a lyricist named after a composer',
    article: 'Composer Anselm Quaye and lyricist Pavel Dunmore were nominated for the song. They lost.',
    hover: 'Pavel Dunmore',
    card: 'Pavel Dunmore',
    role: 'lyricist',
  },
  {
    what: 'a publisher after a participle adjective',
    article: 'The minister spoke of his love for married publisher Oriel Stanway. Mrs Stanway denies it.',
    hover: 'Oriel Stanway',
    card: 'Oriel Stanway',
    role: 'publisher',
  },
  {
    what: 'a nanny before the name',
    article: "He learned of nanny Carmelita Osorio's wait for a visa. Officials said it was routine.",
    hover: 'Carmelita Osorio',
    card: 'Carmelita Osorio',
    role: 'nanny',
  },
  {
    what: 'a dancer in a relative clause',
    article: 'In May the singer married Dorian Fellowes, who had been a dancer on the tour. They live abroad.',
    hover: 'Dorian Fellowes',
    card: 'Dorian Fellowes',
    role: 'dancer',
  },
  // Time of the title.
  {
    what: '"ex-" before a capitalised title keeps the whole title',
    article: 'Documents suggest ex-Home Secretary Bertram Kaye called the plan a gamble. Mr Kaye denied it.',
    hover: 'Bertram Kaye',
    card: 'Bertram Kaye',
    role: 'ex-home secretary',
  },
  {
    what: 'a former international of a country',
    article: 'Former Norway international Dougal Fenner fears the worst. Fenner said: "This is bad news."',
    hover: 'Dougal Fenner',
    card: 'Dougal Fenner',
    role: 'former norway international',
  },
  // Organisations.
  {
    what: 'title words right after "of" belong to the body\'s name, and its word-written acronym joins it',
    article: 'Association of Chief Harbour Officers president Lyle Brannigan said the rules must change. Acho wants longer closures.',
    hover: 'Association of Chief Harbour Officers',
    card: 'Association of Chief Harbour Officers',
  },
  {
    what: 'an acronym written as a word joins the body whose initials it spells',
    article: 'Association of Chief Harbour Officers president Lyle Brannigan said the rules must change. Acho wants longer closures.',
    hover: 'Acho',
    card: 'Association of Chief Harbour Officers',
  },
  {
    what: 'the president of a body whose name holds a title word',
    article: 'Association of Chief Harbour Officers president Lyle Brannigan said the rules must change. Acho wants longer closures.',
    hover: 'Lyle Brannigan',
    card: 'Lyle Brannigan',
    role: 'president',
  },
  {
    what: '"of the" inside a paper\'s name',
    article: 'He said the Herald of the Marshes picked up the story. The Herald of the Marshes denied it.',
    hover: 'Herald of the Marshes',
    card: 'Herald of the Marshes',
  },
  {
    what: 'a station named after an acronym keeps its own card',
    article: 'He told KRBN Radio Westvale on Monday that he was sorry. He later told KRBN it was late.',
    hover: 'KRBN Radio Westvale',
    card: 'KRBN Radio Westvale',
  },
  {
    what: 'a country after a full name is where the person is from, not part of the name',
    article: 'Three players took part: Ilse Marenko of Norway and Pia Okafor. Marenko is fuming about it.',
    hover: 'Marenko',
    card: 'Ilse Marenko',
  },
  {
    what: "a possessive inside an organisation's name is hovered whole",
    article: "The Women's Rowing Association cleared her. The Women's Rowing Association said the rules allow it.",
    hover: "Women's Rowing Association",
    card: "Women's Rowing Association",
  },
  // One word, typed by default: a pronoun of its own clause says it is a person.
  {
    what: 'a person named in full in one article',
    article: 'Lenka Varga of Slovakia lost on Monday. Varga said she was tired.',
    hover: 'Lenka Varga',
    card: 'Lenka Varga',
  },
  {
    what: 'a surname alone opening a clause with her own pronoun is that person, in another article',
    article: 'The match lasted three hours, and the final set was long. It ended when Varga held her nerve to win.',
    hover: 'Varga',
    card: 'Lenka Varga',
  },
  {
    what: 'a one-word title before a pronoun that is not its own is no person',
    article: 'She hurt her knee filming a video for her song Gleamfall, leading her to cancel the tour.',
    hover: 'Gleamfall',
    card: null,
    notPerson: true,
  },
  {
    what: '"its" after a name typed person by a title before it makes it an organisation',
    article:
      'German football club and former European champion Harrowgate Athletic has warned it may fold. ' +
      'Harrowgate Athletic has missed rent payments on its Meadow Lane ground. ' +
      "Fund manager Ivo Brandt - Harrowgate Athletic's largest investor - said he wants a say.",
    hover: 'Harrowgate Athletic',
    card: 'Harrowgate Athletic',
    notPerson: true,
  },
  // Second dev3 batch.
  {
    what: 'a peer known by title and one name keeps the title in the name',
    article: 'The book says he met Downing Street adviser Baroness Penhallow on Monday. Baroness Penhallow declined to comment.',
    hover: 'Baroness Penhallow',
    card: 'Baroness Penhallow',
    role: 'adviser',
  },
  {
    what: "a modifier opening an owner's name is no title: the head after the owner is",
    article: 'He met then Home Office Minister Lord Tregarth in March. Lord Tregarth said nothing.',
    hover: 'Lord Tregarth',
    card: 'Lord Tregarth',
    role: 'minister',
  },
  {
    what: 'a conjunction opening the sentence is no part of an "ex-" title',
    article: 'But ex-foreign secretary Ivo Brandt says all the advice should be published. Mr Brandt said it was wrong.',
    hover: 'Ivo Brandt',
    card: 'Ivo Brandt',
    role: 'ex-foreign secretary',
  },
  {
    what: 'a QC in an apposition',
    article: 'In his new book, Philippa Sandoe, a QC and law professor, suggests the answer was written elsewhere.',
    hover: 'Philippa Sandoe',
    card: 'Philippa Sandoe',
    role: 'qc',
  },
  {
    what: 'an associate before an apposed name',
    article: 'She received a call from a Kestrel associate, Marc Dunmore, who said the family had left.',
    hover: 'Marc Dunmore',
    card: 'Marc Dunmore',
    role: 'associate',
  },
  {
    what: 'a name whose initials the text uses is one name even when its first word is a title word',
    article: 'US engineering group General Turbines has posted a jump in sales. GT is the largest firm in its field.',
    hover: 'General Turbines',
    card: 'General Turbines',
  },
  {
    what: "a party named by its members' plural is no person",
    article: 'But the Harbour Democrats say they want the advice published. The Harbour Democrats will vote on Monday.',
    hover: 'Harbour Democrats',
    card: null,
    notPerson: true,
  },
  // Appositions in other outlets' prose (invented probes, not from any labelled set).
  {
    what: 'an agent noun after an article, closed by "who", is the title',
    article: '"People depend on it," said Lena Marwick, a librarian who has worked at the branch for 20 years.',
    hover: 'Lena Marwick',
    card: 'Lena Marwick',
    role: 'librarian',
  },
  {
    what: 'an agent noun after an article, closed by a comma, keeps its describing word',
    article: 'Tobias Kell, 54, a retired welder, said he was pleased. Kell has lived there since 1990.',
    hover: 'Tobias Kell',
    card: 'Tobias Kell',
    role: 'retired welder',
  },
  {
    what: 'a councilmember before the name is the title, not part of the name',
    article: 'Councilmember Ray Okonkwo-Hale voted against it. Okonkwo-Hale said the plan was wrong.',
    hover: 'Ray Okonkwo-Hale',
    card: 'Ray Okonkwo-Hale',
    role: 'councilmember',
  },
  {
    what: 'a one-word name after "told" is the listener, no person by that alone',
    article: 'Mr Sandoe told Nightline the government had prepared a team. In a statement to Nightline, Lord Hale said no.',
    hover: 'Nightline',
    card: null,
    notPerson: true,
  },
  {
    what: 'a possessive after "in" is an owner, not a place',
    article:
      "Brannock Tilley's film failed to win. She starred in Brannock Tilley's film. " + 'Tilley had previously received three nominations.',
    hover: 'Tilley',
    card: 'Brannock Tilley',
  },
];

let h: Harness;
let n = 0;
before(async () => {
  const files: Record<string, string> = {};
  CASES.forEach((c, i) => (files[`evidence-more/${String(i).padStart(2, '0')}.txt`] = `A headline\n\n${c.article}\n`));
  h = await harness(files);
});
after(() => h.service.dispose());

async function card(name: string): Promise<{ name: string; type: string; roles: string[] } | null> {
  const text = `Notes.\n\nWe read about ${name} today.\n`;
  const doc = h.draft(text, 1, `evidence-more-${n++}.md`);
  const hover = await h.service.hover(doc, doc.positionAt(text.indexOf(name) + 1));
  const value = hover ? (hover.contents as MarkupContent).value.replace(/\\([\\`*_{}[\]()#+\-.!|<>~'])/g, '$1') : '';
  const head = /^\*\*(.+?)\*\*\s*\n\s*\n\*([^*]+)\*/.exec(value);
  if (!head) return null;
  return { name: head[1], type: head[2].trim(), roles: [...value.matchAll(/^- (.+?): /gm)].map((m) => m[1].toLowerCase()) };
}

for (const c of CASES) {
  test(`actors evidence, more: ${c.what}`, async () => {
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
