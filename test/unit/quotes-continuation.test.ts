/**
 * Quotations the source runs over several paragraphs (issue 14): typing the first words of a later paragraph
 * offers the quotation from that paragraph on, with the speaker of the whole; the first words of the first
 * paragraph still offer the whole quotation. Invented articles, through the public service.
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { harness, type Harness } from '../helpers/fixture';

const OVER_PARAGRAPHS =
  'Harbour plan approved\n\nThe harbour master, Ines Varga, welcomed the vote on Monday. She said: "We waited eleven years ' +
  'for this decision and the town has been patient.\n\n"Work on the new quay starts in the spring and will take two summers.\n\n' +
  '"Nobody will lose a mooring while the builders are here."\n\nThe council approved the plan by nine votes to two.';
/** The same paragraphs in the style of text that lost its paragraph breaks: `…patient. "Work on…`. */
const RUN_ON =
  'Quarry closes\n\nThe quarry owner, Tom Aske, confirmed the closure. "Stone prices fell by half in two years. ' +
  '"Lorries will stop running through the valley by June." The site employed forty people.';
/** Another source whose whole quotation opens with the same words as a later part above. */
const OTHER = 'Ferry timetable\n\nThe ferry operator said: "Work on the new quay will delay the morning crossing by ten minutes."';

let h: Harness;
let version = 0;
before(async () => {
  h = await harness({ 'sources/harbour.txt': OVER_PARAGRAPHS, 'sources/quarry.txt': RUN_ON, 'sources/ferry.txt': OTHER });
});

/** The items offered after `“` and the typed words: what each inserts between the marks, and the speaker shown. */
async function offered(typed: string): Promise<{ text: string; speaker: string }[]> {
  const text = `Notes.\n\nShe said \u201c${typed}`;
  const doc = h.draft(text, ++version);
  const list = await h.service.completion(doc, doc.positionAt(text.length));
  return (list?.items ?? []).map((i: CompletionItem) => {
    const inserted = (i.textEdit as TextEdit | undefined)?.newText ?? '';
    return { text: inserted.slice(1, inserted.indexOf('\u201d')), speaker: (i.detail ?? '').split(' \u2014 ')[0] };
  });
}

test('the first words of a later paragraph offer the quotation from that paragraph on', async () => {
  const items = await offered('Nobody will lose');
  assert.ok(items.length > 0);
  assert.equal(items[0].text, 'Nobody will lose a mooring while the builders are here.');
  assert.equal(items[0].speaker, 'Ines Varga');
});

test('a middle paragraph is offered with the paragraphs after it', async () => {
  const items = await offered('Work on the new quay starts');
  assert.ok(items[0].text.startsWith('Work on the new quay starts in the spring'), items[0].text);
  assert.ok(items[0].text.endsWith('while the builders are here.'), items[0].text);
});

test('a quotation continued after a sentence end in one paragraph is offered from the continued part', async () => {
  const items = await offered('Lorries will stop');
  assert.equal(items[0]?.text, 'Lorries will stop running through the valley by June.');
  assert.equal(items[0]?.speaker, 'Tom Aske');
});

test('the first words of the first paragraph offer the whole quotation', async () => {
  const items = await offered('We waited eleven');
  assert.ok(items[0].text.startsWith('We waited eleven years'), items[0].text);
  assert.ok(items[0].text.includes('Nobody will lose a mooring'), items[0].text);
});

test('a whole quotation opening as typed ranks before a later part opening the same way', async () => {
  const items = await offered('Work on the');
  assert.ok(items[0].text.startsWith('Work on the new quay will delay'), items[0].text);
  assert.ok(items.some((i) => i.text.startsWith('Work on the new quay starts')));
});
