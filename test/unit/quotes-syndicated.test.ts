/**
 * Syndicated copy: the same quotation carried by several sources comes back as one completion item that names
 * the other sources, not as one item per copy. Runs on the store `SOURCED_TEST_STORE` selects.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionList } from 'vscode-languageserver-types';
import { harness } from '../helpers/fixture';

const QUOTE = 'We will rebuild every bridge the river took before the first snow falls';

function article(title: string, outlet: string): string {
  return (
    `${title}\n\nThe regional governor, Mara Ellison, spoke in the flooded town on Tuesday.\n\n` +
    `"${QUOTE}," Ellison said.\n\nSource link: ${outlet}\n`
  );
}

test('one item for a quotation in three sources, naming the two others', async () => {
  const h = await harness({
    'wire/a.txt': article('Governor promises bridges before winter', 'one.example'),
    'wire/b.txt': article('Flood town told bridges will return', 'two.example'),
    'wire/c.txt': article('Bridges to be rebuilt, governor says', 'three.example'),
    'wire/d.txt': 'Other news\n\n"We will meet again next spring in the valley," a farmer said.\n',
  });
  const { doc, position } = h.draftAt('As the governor put it, "We will rebuild every|');
  const list = (await h.service.completion(doc, position)) as CompletionList;
  const copies = list.items.filter((i) => typeof i.label === 'string' && i.label.startsWith('We will rebuild every bridge'));
  assert.equal(copies.length, 1, `one item, got ${copies.length}`);
  assert.match(copies[0].detail ?? '', /\+2 other sources/);
  const doc2 = copies[0].documentation;
  const text = typeof doc2 === 'string' ? doc2 : (doc2?.value ?? '');
  assert.match(text, /Also in 2 other sources/);
  h.service.dispose();
});
