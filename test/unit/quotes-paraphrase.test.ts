/**
 * Reported speech (issue 14, item 4), through the public service: `X said that …` is indexed as a paraphrase and
 * offered in quote completion labelled as one, inserted without quote marks (never as someone's verbatim words);
 * what the completion inserts (a paraphrase, or a quotation of several sentences) is never flagged as an
 * unsourced claim. Invented articles.
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { harness, type Harness } from '../helpers/fixture';

const HARBOUR =
  'Harbour plan approved\n\nThe harbour master, Ines Varga, said that the north quay would reopen before the summer season ' +
  'after eleven years of delays. The council approved the plan by nine votes to two on Monday.\n\n' +
  '"We waited a very long time for this. The town has been patient with us and deserves a working harbour," Varga said.';
/** A quotation in marks opening with the same words as the paraphrase above. */
const FERRY =
  'Ferry timetable\n\nThe ferry operator Tom Aske said: "The north quay would reopen too late for the spring timetable, so we will sail from the south."';

let h: Harness;
let version = 0;
before(async () => {
  h = await harness({ 'sources/harbour.txt': HARBOUR, 'sources/ferry.txt': FERRY });
});

const PREFIX = 'Notes on the harbour.\n\nThe harbour master said \u201c';

async function itemsFor(typed: string): Promise<{ doc: TextDocument; items: CompletionItem[] }> {
  const text = PREFIX + typed;
  const doc = h.draft(text, ++version);
  const list = await h.service.completion(doc, doc.positionAt(text.length));
  return { doc, items: list?.items ?? [] };
}

/** The draft once an item is accepted (its snippet cursor dropped). */
function accept(doc: TextDocument, item: CompletionItem): string {
  const main = item.textEdit as TextEdit;
  const newText = item.insertTextFormat === 2 ? main.newText.replace('$0', '').replace(/\\([\\$}])/g, '$1') : main.newText;
  return TextDocument.applyEdits(doc, [{ ...main, newText }, ...(item.additionalTextEdits ?? [])]);
}

const isParaphrase = (i: CompletionItem): boolean => /paraphrase/i.test(i.detail ?? '');

test('reported speech is offered, labelled as a paraphrase, with its speaker', async () => {
  const { items } = await itemsFor('the north quay would reopen before');
  const item = items.find(isParaphrase);
  assert.ok(item, `a paraphrase among ${items.map((i) => i.label).join(' | ')}`);
  assert.match(item.detail ?? '', /^Ines Varga \u2014 paraphrase/);
  assert.match(item.label, /^the north quay would reopen before the summer season/);
});

test('a paraphrase is inserted without quote marks, in place of the opening mark, with its citation', async () => {
  const { doc, items } = await itemsFor('the north quay would reopen before');
  const item = items.find(isParaphrase);
  assert.ok(item);
  const after = accept(doc, item);
  const line = after.split('\n')[2];
  assert.ok(line.startsWith('The harbour master said the north quay would reopen before the summer season'), line);
  assert.doesNotMatch(line, /[\u201c\u201d"]/);
  assert.match(line, /\[\^[^\]]+\]/);
});

test('a quotation in marks matching as well ranks before the paraphrase', async () => {
  const { items } = await itemsFor('north quay would reopen');
  const verbatim = items.findIndex((i) => !isParaphrase(i) && /spring timetable/.test(i.label));
  const paraphrase = items.findIndex(isParaphrase);
  assert.ok(verbatim >= 0 && paraphrase >= 0, items.map((i) => i.label).join(' | '));
  assert.ok(verbatim < paraphrase);
});

for (const [what, typed, pick] of [
  ['a paraphrase', 'the north quay would reopen before', isParaphrase],
  ['a quotation of several sentences', 'We waited a very', (i: CompletionItem) => !isParaphrase(i)],
] as const) {
  test(`${what} inserted by the completion is never flagged as an unsourced claim`, async () => {
    const { doc, items } = await itemsFor(typed);
    const item = items.find(pick);
    assert.ok(item);
    const after = h.draft(accept(doc, item), ++version);
    // Only what was inserted (the draft's own opening line is another matter).
    const flagged = (await h.service.diagnostics(after)).filter((d) => d.code === 'unsourced-claim' && d.range.end.line >= 2);
    assert.deepEqual(
      flagged.map((f) => after.getText().slice(after.offsetAt(f.range.start), after.offsetAt(f.range.end))),
      [],
    );
  });
}

/** Reported speech without `that`: each case an invented article, the words typed, and the speaker shown. */
const REPORTED: { kind: string; article: string; typed: string; speaker: string }[] = [
  {
    kind: 'a speech verb directly before a clause',
    article: 'Relief fund\n\nPresident Amara Diallo said it was now important to rebuild the coastal towns together.',
    typed: 'it was now important',
    speaker: 'Amara Diallo',
  },
  {
    kind: 'a pronoun opening the reported clause',
    article: 'Forehead advert\n\nLiam Ostrander, from Dunmore, Westshire, said he would wear any logo for thirty days.',
    typed: 'he would wear any',
    speaker: 'Liam Ostrander',
  },
  {
    kind: 'an organisation named with an acronym in parentheses',
    article: 'Growth cut\n\nThe Coastal Monetary Board (CMB) said damage from the storm would cut growth by one point this year.',
    typed: 'damage from the storm',
    speaker: 'Coastal Monetary Board',
  },
];

for (const c of REPORTED) {
  test(`reported speech without that: ${c.kind}`, async () => {
    const one = await harness({ 'sources/article.txt': c.article });
    const text = `Notes.\n\nShe said \u201c${c.typed}`;
    const doc = one.draft(text);
    const items = (await one.service.completion(doc, doc.positionAt(text.length)))?.items ?? [];
    const item = items.find(isParaphrase);
    assert.ok(item, `a paraphrase among ${items.map((i) => i.label).join(' | ')}`);
    assert.ok(item.label.startsWith(c.typed), item.label);
    assert.equal((item.detail ?? '').split(' \u2014 ')[0], c.speaker);
  });
}
