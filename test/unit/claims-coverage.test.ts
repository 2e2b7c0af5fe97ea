/** What counts as sourced, citation scope and suppression comments, through the service's findings. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { harness, type Harness } from '../helpers/fixture';

const CLAIM = 'Turkey hosts some 3.2 million Syrian refugees, according to UN data.';
const OTHER = 'Iran has sent thousands of fighters to Syria since the conflict broke out.';
const KEY = 'turkey-which-backs-2024';
const FILE = 'seeds/000_e69ee878f7b3fed3.txt';

let h: Harness;
let drafts = 0;
before(async () => {
  h = await harness();
});
after(() => h.service.dispose());

/** The flagged sentences' texts. */
async function flagged(text: string, service = h.service): Promise<string[]> {
  const doc = h.draft(text, 1, `coverage-${++drafts}.md`);
  const found = await service.findings(doc);
  return found.filter((f) => f.code === 'unsourced-claim').map((f) => text.slice(f.start, f.end));
}

test('claims coverage: footnote, Pandoc and locator citations in or right after the sentence count as sourced', async () => {
  assert.deepEqual(await flagged(`${CLAIM}\n`), [CLAIM]);
  assert.deepEqual(await flagged(`${CLAIM}[^${KEY}]\n`), []);
  assert.deepEqual(await flagged(`${CLAIM} [^${KEY}]\n`), []);
  assert.deepEqual(await flagged(`${CLAIM}[@${KEY}]\n`), []);
  assert.deepEqual(await flagged(`${CLAIM} [see @${KEY}, p. 2]\n`), []);
  assert.deepEqual(await flagged(`${CLAIM.replace(/\.$/, '')} [@${KEY}; @iran-turkey-warn].\n`), []);
});

test('claims coverage: a link to a corpus file counts, a link to a web page does not', async () => {
  assert.deepEqual(await flagged(`${CLAIM.replace('UN data', `[UN data](${FILE})`)}\n`), []);
  const web = CLAIM.replace('UN data', '[UN data](https://example.org/un)');
  assert.deepEqual(await flagged(`${web}\n`), [web]);
});

test('claims coverage: a citation covers only its own sentence in sentence scope', async () => {
  assert.deepEqual(await flagged(`${OTHER} ${CLAIM}[^${KEY}]\n`), [OTHER]);
  assert.deepEqual(await flagged(`${CLAIM}[^${KEY}] ${OTHER}\n`), [OTHER]);
});

test('claims coverage: in paragraph scope a citation closing the paragraph covers it, and no other paragraph', async () => {
  const p = await harness(undefined, { corpus: { include: ['**/*'] }, claims: { citationScope: 'paragraph' } });
  try {
    assert.deepEqual(await flagged(`${OTHER} ${CLAIM}[^${KEY}]\n\n${OTHER}\n`, p.service), [OTHER]);
    const text = `${OTHER} ${CLAIM}[^${KEY}]\n\n${OTHER}\n`;
    const found = (await p.service.findings(p.draft(text))).filter((f) => f.code === 'unsourced-claim');
    assert.equal(found.length, 1);
    assert.ok(found[0].start > text.indexOf('\n\n'), 'only the second paragraph is flagged');
  } finally {
    p.service.dispose();
  }
});

test('claims coverage: <!-- sourced-ignore --> suppresses the next sentence only, inline, on its own line, or opening a line', async () => {
  assert.deepEqual(await flagged(`${OTHER} <!-- sourced-ignore --> ${CLAIM}\n`), [OTHER]);
  assert.deepEqual(await flagged(`<!-- sourced-ignore -->\n${CLAIM} ${OTHER}\n`), [OTHER]);
  assert.deepEqual(await flagged(`<!-- sourced-ignore --> ${CLAIM} ${OTHER}\n`), [OTHER]);
  assert.deepEqual(await flagged(`- <!-- sourced-ignore --> ${CLAIM}\n- ${OTHER}\n`), [OTHER]);
});

test('claims coverage: the block form suppresses every sentence between start and end', async () => {
  const text = `<!-- sourced-ignore-start -->\n\n${CLAIM}\n\n> ${OTHER}\n\n<!-- sourced-ignore-end -->\n\n${OTHER}\n`;
  const found = (await h.service.findings(h.draft(text, 1, `coverage-${++drafts}.md`))).filter((f) => f.code === 'unsourced-claim');
  assert.equal(found.length, 1);
  assert.ok(found[0].start > text.indexOf('sourced-ignore-end'));
});

test('claims coverage: headings, front matter, code and definitions are never claims; block quotes and list items are prose', async () => {
  const text = [
    '---',
    `summary: ${CLAIM}`,
    '---',
    '',
    `# ${CLAIM}`,
    '',
    '```',
    CLAIM,
    '```',
    '',
    `\`${CLAIM}\``,
    '',
    `[ref]: https://example.org "${CLAIM}"`,
    '',
    `> ${CLAIM}`,
    '',
    `- ${OTHER}`,
    '',
  ].join('\n');
  const found = (await h.service.findings(h.draft(text, 1, `coverage-${++drafts}.md`))).filter((f) => f.code === 'unsourced-claim');
  assert.deepEqual(
    found.map((f) => text.slice(f.start, f.end)),
    [CLAIM, OTHER],
  );
  assert.ok(found[0].start > text.indexOf('> '), 'the block quote, not the heading or the code');
});

test('claims coverage: insertAt is right after the final punctuation, before a closing line break', async () => {
  const text = `Intro line.\n\n${CLAIM}\n`;
  const f = (await h.service.findings(h.draft(text, 1, `coverage-${++drafts}.md`))).find((x) => x.code === 'unsourced-claim');
  assert.ok(f && f.code === 'unsourced-claim');
  assert.equal(f.insertAt, text.indexOf(CLAIM) + CLAIM.length);
});

test('claims coverage: severity ignore turns the check off', async () => {
  const p = await harness(undefined, { corpus: { include: ['**/*'] }, claims: { severity: 'ignore' } });
  try {
    assert.equal((await p.service.diagnostics(p.draft(`${CLAIM}\n`))).filter((d) => d.code === 'unsourced-claim').length, 0);
    assert.equal((await h.service.diagnostics(h.draft(`${CLAIM}\n`))).filter((d) => d.code === 'unsourced-claim').length, 1);
  } finally {
    p.service.dispose();
  }
});

// A quotation of several sentences as the quote completion inserts it: one citation after the closing mark.
const QUOTATIONS: [string, string, string[]][] = [
  [
    'curly marks, footnote after the closing mark',
    `The minister spoke on Monday: \u201cWe sent 400 soldiers to the border last week. They will stay there until March.\u201d[^${KEY}]\n`,
    [],
  ],
  [
    'straight marks, Pandoc citation after the closing mark',
    `The minister spoke on Monday: "We sent 400 soldiers to the border last week. They will stay there until March." [@${KEY}]\n`,
    [],
  ],
  [
    'a quotation with no citation leaves every sentence flagged',
    '\u201cWe sent 400 soldiers to the border last week. They will stay there until March.\u201d the minister said on Monday.\n',
    ['\u201cWe sent 400 soldiers to the border last week.', 'They will stay there until March.\u201d the minister said on Monday.'],
  ],
  [
    'a citation inside the quotation covers only its own sentence',
    `\u201cWe sent 400 soldiers to the border last week.[^${KEY}] They will stay there until March, the minister said on Monday.\n`,
    ['They will stay there until March, the minister said on Monday.'],
  ],
];

for (const [what, text, want] of QUOTATIONS) {
  test(`claims coverage: multi-sentence quotation, ${what}`, async () => {
    assert.deepEqual(await flagged(text), want);
  });
}
