/** Cite All Supported Claims: threshold, idempotence, inserts only, both citation styles. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, harness } from '../helpers/fixture';

const DRAFT = [
  '# Notes',
  '',
  'Turkey hosts some 3.2 million Syrian refugees, according to UN data.',
  'Araghchi said that destabilising Syria was an Israeli plot.',
  '',
  'The committee in Oslo approved the new bridge tolls on Friday.',
  '',
  'We think this matters.',
  '',
].join('\n');

test('claims cite-all: cites each supported claim once, leaves the unsupported one flagged, and a second run adds nothing', async () => {
  const h = await harness();
  try {
    const doc = h.draft(DRAFT, 1, 'all.md');
    const edits = await h.service.citeAll(doc);
    assert.ok(
      edits.every((e) => e.range.start.line === e.range.end.line && e.range.start.character === e.range.end.character),
      'inserts only',
    );
    const text = applyEdits(doc, edits);
    assert.ok(text.includes('UN data.[^turkey-which-backs-2024]\n'), text);
    assert.ok(text.includes('Israeli plot.[^iran-turkey-warn]\n'), text);
    assert.ok(text.includes('bridge tolls on Friday.\n'), 'no source supports it: left alone');
    assert.equal(text.split('[^turkey-which-backs-2024]:').length - 1, 1);
    assert.equal(text.split('[^iran-turkey-warn]:').length - 1, 1);
    const withoutCitations = text.replace(/\[\^[^\]]+\](?!:)/g, '').replace(/\n*(?:\[\^[^\]]+\]:.*\n?)+$/, '\n');
    assert.equal(withoutCitations, DRAFT, 'the writer text is intact: only markers and definitions were added');
    const again = h.draft(text, 2, 'all.md');
    assert.deepEqual(await h.service.citeAll(again), []);
    const left = (await h.service.findings(again)).filter((f) => f.code === 'unsourced-claim');
    assert.deepEqual(
      left.map((f) => text.slice(f.start, f.end)),
      ['The committee in Oslo approved the new bridge tolls on Friday.'],
    );
  } finally {
    h.service.dispose();
  }
});

test('claims cite-all: the threshold is respected, and Pandoc style adds [@key] without footnote definitions', async () => {
  const strict = await harness(undefined, { corpus: { include: ['**/*'] }, claims: { autoCiteThreshold: 1 } });
  const pandoc = await harness(undefined, { corpus: { include: ['**/*'] }, citations: { style: 'pandoc' } });
  try {
    assert.deepEqual(await strict.service.citeAll(strict.draft(DRAFT, 1, 'strict.md')), []);
    const doc = pandoc.draft(DRAFT, 1, 'pandoc.md');
    const text = applyEdits(doc, await pandoc.service.citeAll(doc));
    assert.ok(text.includes('UN data.[@turkey-which-backs-2024]'));
    assert.ok(!text.includes(']:'), 'no footnote definitions in Pandoc style');
  } finally {
    strict.service.dispose();
    pandoc.service.dispose();
  }
});
