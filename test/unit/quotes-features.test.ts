/**
 * Quote completion, hover, definition, misquotes, search and insertion over the seed corpus,
 * driven by `|` cursor fixtures through one check helper. Expected quotations and speakers come
 * from the hand-checked table test/fixtures/quotes-seeds.json, never from the code under test.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem, CompletionList, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { applyEdits, cursor, harness, REPO, type Harness } from '../helpers/fixture';

interface TableQuote {
  text: string;
  speaker: string | null;
  kind: string;
}
const table = JSON.parse(readFileSync(path.join(REPO, 'test', 'fixtures', 'quotes-seeds.json'), 'utf8')) as {
  files: { file: string; quotes: TableQuote[] }[];
};
const seedQuotes = table.files.flatMap((f) => f.quotes.map((q) => ({ ...q, file: f.file })));
const wordsOf = (s: string): string[] => s.split(/\s+/).filter(Boolean);
/** Seed quotations in marks of at least n words. */
const marked = (n: number) => seedQuotes.filter((q) => q.kind !== 'indirect' && wordsOf(q.text).length >= n);

const FIDAN_MISTAKE = seedQuotes.find((q) => q.text.startsWith('It would be a mistake'))!;
const NO_NEGOTIATIONS = seedQuotes.find((q) => q.text.startsWith('There are no negotiations'))!;

let h: Harness;
// The service caches parsed drafts by URI and version: every fixture gets a new version, as an editor would send.
let version = 0;
function at(fixture: string, on: Harness = h) {
  const { text, offset } = cursor(fixture);
  const doc = on.draft(text, ++version);
  return { doc, position: doc.positionAt(offset) };
}
let pandoc: Harness;
before(async () => {
  h = await harness();
  pandoc = await harness(undefined, { corpus: { include: ['**/*'] }, citations: { style: 'pandoc' } });
});

/** The one check helper: completes at the `|` of a fixture and returns the list, the items and the document. */
async function completeAt(
  fixture: string,
  on: Harness = h,
): Promise<{ list: CompletionList | null; items: CompletionItem[]; apply: (i: CompletionItem) => string }> {
  const { doc, position } = at(fixture, on);
  const list = await on.service.completion(doc, position);
  const apply = (i: CompletionItem): string =>
    applyEdits(doc, [{ ...(i.textEdit as TextEdit), newText: newTextOf(i) }, ...(i.additionalTextEdits ?? [])]);
  return { list, items: list?.items ?? [], apply };
}

/** The text an item inserts, with a snippet's cursor stop removed and its escapes undone. */
function newTextOf(i: CompletionItem): string {
  const t = (i.textEdit as TextEdit).newText;
  return i.insertTextFormat === 2 ? t.replace(/\$0/, '').replace(/\\([\\$}])/g, '$1') : t;
}

/** The quotation an item inserts (between the writer's marks). */
function inserted(i: CompletionItem): string {
  const t = newTextOf(i);
  return t.slice(1, t.search(/["\u201d](?:\[[\^@][^\]]+\])?(?:\n|$)/));
}

test('completion: “ plus the first words of every seed quotation of 8+ words offers it first, with its speaker', async () => {
  const quotes = marked(8);
  assert.ok(quotes.length >= 15, `${quotes.length} long seed quotations`);
  for (const q of quotes) {
    const typed = wordsOf(q.text).slice(0, 3).join(' ');
    const { items } = await completeAt(`Draft.\n\nShe said \u201c${typed}|`);
    assert.ok(items.length > 0, `no items for “${typed}`);
    assert.equal(inserted(items[0]), q.text, `first item for “${typed}`);
    assert.ok(items[0].detail!.startsWith(`${q.speaker ?? 'Unattributed'} \u2014 `), `detail ${items[0].detail} for “${typed}`);
  }
});

test('completion: three words from the middle of every seed quotation of 8+ words bring it into the top three', async () => {
  for (const q of marked(8)) {
    const ws = wordsOf(q.text);
    const mid = Math.floor(ws.length / 2) - 1;
    const typed = ws
      .slice(mid, mid + 3)
      .join(' ')
      .replace(/[.,;:!?“”"()]+/g, '');
    const { items } = await completeAt(`\u201c${typed}|`);
    assert.ok(
      items.slice(0, 3).some((i) => inserted(i) === q.text),
      `“${typed}: ${items
        .slice(0, 3)
        .map((i) => i.label)
        .join(' | ')}`,
    );
  }
});

test('completion: speaker name plus a word, and a fragment with a typo, find the quotation', async () => {
  for (const typed of ['fidan mistake', 'mistake at this', 'explain the evnts in syria']) {
    const { items } = await completeAt(`\u201c${typed}|`);
    assert.ok(
      items.slice(0, 3).some((i) => inserted(i) === FIDAN_MISTAKE.text),
      `“${typed}: ${items
        .slice(0, 3)
        .map((i) => i.label)
        .join(' | ')}`,
    );
  }
});

test('completion: the item replaces from the opening mark, cites the source and adds the footnote definition once', async () => {
  const { items, apply, list } = await completeAt('Intro.\n\nTurkey said \u201cmistake at this|');
  assert.equal(list?.isIncomplete, true);
  const item = items[0];
  assert.ok(item.filterText!.startsWith('\u201cmistake at this'), 'filterText starts with what the client filters on');
  assert.equal(item.insertTextFormat, 2, 'at the end of the draft the definition joins the edit as a snippet');
  assert.match((item.textEdit as TextEdit).newText, /\]\$0\n/, 'the cursor stops after the citation marker');
  const out = apply(item);
  assert.match(out, /Turkey said \u201cIt would be a mistake at this time [^\n]*interference\u201d\[\^[^\]]+\]/);
  assert.match(out, /\n\[\^[^\]]+\]: .*seeds\/000_e69ee878f7b3fed3\.txt\n$/);
  assert.equal(typeof item.documentation === 'object' && item.documentation.kind, 'markdown');
  assert.match((item.documentation as { value: string }).value, /\*\*It would be a mistake/);

  const inside = await completeAt('Intro.\n\nTurkey said \u201cmistake at this|\n\nMore to come.\n');
  assert.equal(inside.items[0].insertTextFormat, 1);
  assert.equal(inside.items[0].additionalTextEdits?.length, 1, 'the definition is an additional edit');
  assert.match(inside.apply(inside.items[0]), /interference\u201d\[\^[^\]]+\]\n\nMore to come\.\n\n\[\^[^\]]+\]: /);

  const key = /\[\^([^\]]+)\]/.exec(out)![1];
  const again = await completeAt(`Intro.[^${key}]\n\n\u201cmistake at this|\n\n[^${key}]: Defined.\n`);
  assert.equal(again.items[0].additionalTextEdits, undefined, 'no second definition');
});

test('completion: straight quotes stay straight; Pandoc style cites with [@key] and adds nothing else', async () => {
  const straight = await completeAt('"There are no negotiations|');
  assert.ok(newTextOf(straight.items[0]).startsWith(`"${NO_NEGOTIATIONS.text}"[^`));
  const p = await completeAt('\u201cThere are no negotiations|', pandoc);
  assert.match((p.items[0].textEdit as TextEdit).newText, /^\u201cThere are no negotiations[^\u201d]*\u201d\[@[^\]]+\]$/);
  assert.equal(p.items[0].additionalTextEdits, undefined);
});

test('completion: with nothing typed, or no match yet, the list still opens (Markdown has no quick suggestions)', async () => {
  const empty = await completeAt('A new draft.\n\n\u201c|');
  assert.equal(empty.list?.isIncomplete, true);
  assert.ok(empty.items.length > 0, 'quotations offered after the mark alone');
  const nothing = await completeAt('\u201cWe|');
  assert.ok(nothing.items.length > 0, 'a lone function word keeps the list open');
  assert.ok(inserted(nothing.items[0]).startsWith('We '), `quotations starting as typed come first: ${inserted(nothing.items[0])}`);
});

test('completion: fragments are not offered; nothing outside an open quotation or in code', async () => {
  const frag = await completeAt('\u201cforeign interf|');
  assert.ok(!frag.items.some((i) => inserted(i) === 'foreign interference'), 'a two-word fragment is not offered');
  assert.equal((await completeAt('No quote here mistake|')).list, null);
  assert.equal((await completeAt('\u201cA closed one\u201d and mistake|')).list, null);
  assert.equal((await completeAt('`\u201cmistake at|`')).list, null);
});

async function hoverText(fixture: string): Promise<string | null> {
  const { doc, position } = at(fixture);
  const hover = await h.service.hover(doc, position);
  return hover ? (hover.contents as { value: string }).value : null;
}

test('hover: a verbatim quotation shows speaker, source key and line; an unknown one says so', async () => {
  const found = await hoverText(
    `He said \u201cThere are no |negotiations underway on the normalization of relations with Turkey,\u201d today.`,
  );
  assert.ok(found, 'hover shown');
  assert.match(found, /Faysal Mikdad/);
  assert.match(found, /004\\_397f49fef5c7b515\\\.txt, line \d+/);
  const missing = await hoverText('He said \u201cThe moon is made of |green cheese and always was.\u201d');
  assert.match(missing!, /Not found in the sources/);
});

test('definition: a quotation opens the source at the quotation', async () => {
  const { doc, position } = at(`\u201cSyria must not become a |center for terrorist groups.\u201d`);
  const locations = await h.service.definition(doc, position);
  assert.equal(locations.length, 1);
  assert.match(locations[0].uri, /000_e69ee878f7b3fed3\.txt$/);
  const text = readFileSync(path.join(REPO, 'seeds', '000_e69ee878f7b3fed3.txt'), 'utf8').split('\n');
  assert.ok(text[locations[0].range.start.line].slice(locations[0].range.start.character).startsWith('Syria must not become'));
});

async function misquotes(text: string): Promise<Diagnostic[]> {
  const doc = h.draft(text, ++version);
  return (await h.service.diagnostics(doc)).filter((d) => d.code === 'misquote');
}

test('misquote: an altered seed quotation is flagged with the source wording and speaker; the fix restores it', async () => {
  const altered = 'Araghchi said \u201cSyria must never become a centre for terrorist groups\u201d in Ankara.';
  const found = await misquotes(altered);
  assert.equal(found.length, 1, 'one misquote');
  assert.match(found[0].message as string, /Abbas Araghchi said: \u201cSyria must not become a center for terrorist groups\u201d/);
  const doc = h.draft(altered, ++version);
  const actions = await h.service.codeActions(doc, found[0].range, found, undefined);
  const fix = actions.find((a) => a.title === "Replace with the source's wording")!;
  assert.ok(fix, 'quick fix offered');
  const fixed = applyEdits(doc, fix.edit!.changes![doc.uri]);
  assert.equal(fixed, 'Araghchi said \u201cSyria must not become a center for terrorist groups\u201d in Ankara.');
  assert.equal((await misquotes(fixed)).length, 0, 'fixed text is clean');
});

test('misquote: dropped, added and reordered words are flagged', async () => {
  for (const text of [
    '\u201cThe lack of talks between the regime and opposition has brought the problem to this point\u201d',
    '\u201cThe lack of talks between the regime and the opposition has really brought the problem to this point\u201d',
    '\u201cThe lack of talks between the opposition and the regime has brought the problem to this point\u201d',
  ]) {
    assert.equal((await misquotes(text)).length, 1, text);
  }
});

test('misquote: verbatim quotations in straight or curly marks, case, final punctuation and ellipses are not misquotes', async () => {
  for (const text of [
    `\u201c${NO_NEGOTIATIONS.text}\u201d`,
    `"${NO_NEGOTIATIONS.text}"`,
    `"${NO_NEGOTIATIONS.text.toLowerCase().replace(/^t/, 't')}."`,
    "\u2018We don't want civilians to be killed or cities bombarded or people being displaced\u2019 is not checked, but this is: \u201cWe don't want civilians to be killed or cities bombarded\u201d",
    '\u201cWe don\u2019t want civilians to be killed \u2026 We want these displaced people to be able to go back.\u201d',
    '\u201cWe don\u2019t want civilians to be killed ... The flow of refugees must be reversed\u201d',
  ]) {
    assert.deepEqual(
      (await misquotes(text)).map((d) => d.message),
      [],
      text,
    );
  }
  // An ellipsis still needs each part to match, in order.
  assert.equal(
    (await misquotes('\u201cThe flow of refugees must be reversed \u2026 We don\u2019t want civilians to be killed\u201d')).length,
    1,
  );
});

test('searchQuotes and insertion: the quick pick finds by words and speaker and inserts quote plus citation', async () => {
  const results = await h.service.searchQuotes('fidan mistake', 10);
  const hit = results.find((r) => r.text === FIDAN_MISTAKE.text);
  assert.ok(hit, 'found');
  assert.equal(hit.speaker, 'Hakan Fidan');
  const { doc, position } = at('Turkey objected: |\n');
  const edits = await h.service.quoteInsertEdits(doc, position, hit.id);
  const out = applyEdits(doc, edits);
  assert.ok(out.startsWith(`Turkey objected: \u201c${FIDAN_MISTAKE.text}\u201d[^${hit.key}]\n`), out);
  assert.match(out, new RegExp(`\\n\\[\\^${hit.key}\\]: `));
});
