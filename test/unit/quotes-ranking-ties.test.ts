/**
 * Quotations that match the typed words equally (all open with the same three function words): the order follows
 * the draft's citations, then where each quotation stands in its source (the lead's quotations first), never the
 * order the files happen to be indexed in.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem, CompletionList, TextEdit } from 'vscode-languageserver-types';
import { harness, type Harness } from '../helpers/fixture';

const FILLER = 'The council met again on Thursday evening in the old hall.';

/** An article whose quotation stands in paragraph `at` (1-based, after the title). */
function article(title: string, quote: string, speaker: string, at: number): string {
  const paras = Array.from({ length: 6 }, (_, i) => (i + 1 === at ? `"${quote}," ${speaker} said.` : FILLER));
  return `${title}\n\n${paras.join('\n\n')}\n`;
}

const EARLY = 'It would be a serious error to close the ferry route this winter';
const LATE = 'It would be wrong to raise the harbour fees before the summer';

/** Files named so that the later-paragraph quotation is indexed first. */
const FILES = {
  'a/harbour.txt': article('Harbour fees stay for now', LATE, 'Dana Whitlow', 5),
  'z/ferry.txt': article('Ferry route under review', EARLY, 'Omar Castel', 1),
};

async function complete(h: Harness, draft: string): Promise<CompletionItem[]> {
  const { doc, position } = h.draftAt(draft);
  return ((await h.service.completion(doc, position)) as CompletionList).items;
}

const labels = (items: CompletionItem[]): string[] => items.map((i) => String(i.label)).filter((l) => l.startsWith('It would be'));

test('equal openings: the quotation its source leads with comes first, whatever the file order or wording', async () => {
  // Each quotation in turn stands first in its source, in the file indexed first and in the one indexed last.
  const speaker = (quote: string): string => (quote === EARLY ? 'Omar Castel' : 'Dana Whitlow');
  const cases: [string, string][] = [
    [EARLY, LATE],
    [LATE, EARLY],
  ];
  for (const [lead, other] of cases)
    for (const [first, last] of [
      ['a/one.txt', 'z/two.txt'],
      ['z/one.txt', 'a/two.txt'],
    ]) {
      const h = await harness({
        [first]: article('Harbour fees stay for now', other, speaker(other), 5),
        [last]: article('Ferry route under review', lead, speaker(lead), 1),
      });
      assert.deepEqual(labels(await complete(h, 'She said "It would be|')), [lead, other], `${first} ${last}`);
      h.service.dispose();
    }
});

test('equal openings: a quotation of a source the draft cites comes first', async () => {
  const h = await harness(FILES);
  const items = await complete(h, 'She said "It would be wrong to raise|');
  const key = /\[\^([^\]]+)\]/.exec((items[0].textEdit as TextEdit).newText)?.[1];
  assert.ok(key, 'the inserted quotation cites its source');
  const cites = await complete(h, `The fees stay.[^${key}]\n\nShe said "It would be|\n\n[^${key}]: Harbour fees.\n`);
  assert.deepEqual(labels(cites), [LATE, EARLY]);
  h.service.dispose();
});

test('a typed word the quotation lacks still costs more than the source order', async () => {
  const h = await harness(FILES);
  // `wrong` is only in the later-paragraph quotation; `error` only in the other.
  assert.equal(labels(await complete(h, 'She said "It would be wrong|'))[0], LATE);
  assert.equal(labels(await complete(h, 'She said "It would be a serious eror|'))[0], EARLY);
  h.service.dispose();
});
