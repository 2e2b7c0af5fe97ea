/**
 * Extraction and attribution rules on small invented articles: one case per rule of docs/quotes.md.
 * Each case is an article and the quotations expected in it (text prefix → kind and speaker).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeSource } from '../../server/src/ingest/analyze-source';
import type { SourceQuote } from '../../server/src/domain/quote-types';

interface Case {
  name: string;
  article: string;
  /** Expected quotations in order: [start of the quoted words, kind, speaker]. */
  quotes: [string, SourceQuote['kind'], string | null][];
}

const TITLE = 'Council debates new harbour plan\n\n';

const CASES: Case[] = [
  {
    name: '“…,” said X with a title; apostrophes inside words are no marks',
    article: TITLE + '\u201cWe don\u2019t accept the council\u2019s figures at all,\u201d said Transport Minister Lena Okafor.',
    quotes: [['We don\u2019t accept', 'direct', 'Lena Okafor']],
  },
  {
    name: '“…,” X said / added, surname resolved to the full name, pronoun to the last person',
    article:
      TITLE +
      'Harbour director Tomas Berglund opened the meeting.\n\n' +
      '"The plan will cost far more than anyone admits," Berglund said.\n\n' +
      '"We will publish every invoice from now on," he added.',
    quotes: [
      ['The plan will cost', 'direct', 'Tomas Berglund'],
      ['We will publish', 'direct', 'Tomas Berglund'],
    ],
  },
  {
    name: 'X said: “…” and X told reporters: “…”',
    article:
      TITLE +
      'Mayor Ines Duarte said: \u201cThe harbour belongs to everyone who lives here.\u201d\n\n' +
      'Opposition leader Karl Weiss told reporters: \u201cThis vote was rushed through without any debate.\u201d',
    quotes: [
      ['The harbour belongs', 'direct', 'Ines Duarte'],
      ['This vote was rushed', 'direct', 'Karl Weiss'],
    ],
  },
  {
    name: 'apposition after the verb, and before it',
    article:
      TITLE +
      '"Nobody asked the fishermen what they need," said Marta Velin, the union\u2019s general secretary.\n\n' +
      'The port\u2019s chief engineer, Jonas Pike, said the quay "cannot carry heavier cranes without new piles".',
    quotes: [
      ['Nobody asked the fishermen', 'direct', 'Marta Velin'],
      ['cannot carry heavier cranes', 'partial', 'Jonas Pike'],
    ],
  },
  {
    name: 'organisations and unnamed sources speak',
    article:
      TITLE +
      'The Environment Agency said the dredging "must stop during the spawning season".\n\n' +
      'A council finance source said the budget was "already overspent by a third".',
    quotes: [
      ['must stop during', 'partial', 'Environment Agency'],
      ['already overspent by a third', 'partial', 'council finance source'],
    ],
  },
  {
    name: 'according to X',
    article: TITLE + 'The project is "two years behind schedule and still growing", according to Auditor General Petra Lund.',
    quotes: [['two years behind schedule', 'partial', 'Petra Lund']],
  },
  {
    name: 'a quotation over paragraphs keeps its speaker; a reopened quotation in one paragraph is one quotation',
    article:
      TITLE +
      'Councillor Abel Moreno said: "The first phase went well and came in on budget.\n\n' +
      '"The second phase is where the money disappears. "Nobody wants to say so out loud."\n\n' +
      'The meeting ended at midnight.',
    quotes: [
      [
        'The first phase went well and came in on budget. The second phase is where the money disappears. Nobody wants to say so out loud.',
        'direct',
        'Abel Moreno',
      ],
    ],
  },
  {
    name: 'single quotes in a heading; fragments of up to three words are kept as fragments',
    article:
      'Harbour plan \u2018a waste of money\u2019\n\n' +
      'Residents called the scheme a \u201cwhite elephant\u201d on Monday, while campaigners said it was \u201cdoomed\u201d.',
    quotes: [
      ['a waste of money', 'partial', null],
      ['white elephant', 'fragment', 'Residents'],
      ['doomed', 'fragment', 'campaigners'],
    ],
  },
  {
    name: 'indirect speech: “…, he said.” and “X said that …”',
    article:
      TITLE +
      'Treasurer Olga Brandt presented the accounts on Tuesday.\n\n' +
      'The reserves will be empty by the end of next year, she said.\n\n' +
      'Olga Brandt also said that the council would need to borrow to finish the work.',
    quotes: [
      ['The reserves will be empty', 'indirect', 'Olga Brandt'],
      ['the council would need to borrow', 'indirect', 'Olga Brandt'],
    ],
  },
  {
    name: 'never guess from a distant sentence: an unattributed quotation far from any speaker is null',
    article:
      TITLE +
      'Mayor Ines Duarte opened the session in the morning.\n\n' +
      'The debate then moved to the cost of the new breakwater and the timing of the tenders.\n\n' +
      'Several residents filled the public gallery during the afternoon.\n\n' +
      'Later a banner in the hall read \u201cSave our harbour from the developers\u201d as the vote began.',
    quotes: [['Save our harbour', 'partial', null]],
  },
  {
    name: '“the minister” resolves to the last person with that title',
    article:
      TITLE +
      'Finance Minister Rafael Ortiz visited the port on Friday with two aides.\n\n' +
      '"We cannot write a blank cheque for this harbour," the minister said.',
    quotes: [['We cannot write a blank cheque', 'direct', 'Rafael Ortiz']],
  },
];

/** The check helper: extracts the article's quotations and compares text start, kind and speaker in order. */
function check(c: Case): void {
  const found = analyzeSource('file:///case.txt', 'case.txt', c.article).quotes.map((q) => [q.text, q.kind, q.speaker] as const);
  assert.equal(found.length, c.quotes.length, `${c.name}: ${JSON.stringify(found)}`);
  c.quotes.forEach(([start, kind, speaker], i) => {
    const [text, k, s] = found[i];
    assert.ok(text.startsWith(start), `${c.name}: quotation ${i} is ${JSON.stringify(text)}`);
    assert.equal(k, kind, `${c.name}: kind of ${JSON.stringify(start)}`);
    assert.equal(s, speaker, `${c.name}: speaker of ${JSON.stringify(start)}`);
  });
}

for (const c of CASES) test(`extraction: ${c.name}`, () => check(c));
