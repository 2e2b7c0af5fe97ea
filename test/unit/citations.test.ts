import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, harness } from '../helpers/fixture';

test('unknown-citation: undefined footnote and unknown Pandoc key are flagged; defined ones are not', async () => {
  const h = await harness();
  const text = 'First claim.[^nowhere]\n\nSecond claim.[^mine]\n\nThird claim [@missing-key].\n\n[^mine]: My own note.\n';
  const found = (await h.service.findings(h.draft(text))).filter((f) => f.code === 'unknown-citation');
  assert.deepEqual(
    found.map((f) => (f as { key: string }).key),
    ['nowhere', 'missing-key'],
  );
  const diagnostics = (await h.service.diagnostics(h.draft(text))).filter((d) => d.code === 'unknown-citation');
  assert.equal(diagnostics.length, 2);
  assert.equal(diagnostics[0].source, 'sourced');
  assert.deepEqual(diagnostics[0].range, { start: { line: 0, character: 12 }, end: { line: 0, character: 22 } });
});

test('citation hover: title, date and path of the cited source; nothing elsewhere', async () => {
  const h = await harness();
  const symbols = await h.service.workspaceSymbols('');
  const key = symbols[0].name.split(' ')[0];
  const { doc, position } = h.draftAt(`A claim.[^${key.slice(0, 3)}|${key.slice(3)}]`);
  const hover = await h.service.hover(doc, position);
  assert.ok(hover, 'hover on a citation');
  const value = (hover.contents as { value: string }).value;
  assert.match(value, /seeds\/0\d\d_/);
  const none = h.draftAt('Plain | text.');
  assert.equal(await h.service.hover(none.doc, none.position), null);
});

test('citation edits: footnote style adds the marker and one definition; applying twice adds nothing', async () => {
  const { citationEdits } = await import('../../server/src/features/citations/citation-edits');
  const { parseDraft } = await import('../../server/src/features/drafts/parse-draft');
  const { createKnowledge } = await import('../../server/src/store/memory/knowledge');
  const { analyzeSource } = await import('../../server/src/ingest/analyze-source');
  const k = createKnowledge();
  const unit = k.sources.add(analyzeSource('file:///w/src/port.txt', 'src/port.txt', ' date 2021-03-04 The council closed the port.'));
  const key = k.sources.keyOf(unit);
  assert.equal(key, 'council-closed-port-2021');
  const h = await harness({});
  const text = 'The city fell.\n';
  const doc = h.draft(text);
  const at = 'The city fell.'.length;
  const once = applyEdits(doc, citationEdits(parseDraft(doc.uri, 1, text), 'footnote', [{ unit, key }], at));
  assert.equal(once, `The city fell.[^${key}]\n\n[^${key}]: The council closed the port. 2021-03-04. src/port.txt\n`);
  const doc2 = h.draft(once, 2);
  const again = applyEdits(doc2, citationEdits(parseDraft(doc2.uri, 2, once), 'footnote', [{ unit, key }], at));
  assert.equal(again, once, 'second application changes nothing');
  const pandoc = applyEdits(doc, citationEdits(parseDraft(doc.uri, 1, text), 'pandoc', [{ unit, key }], at));
  assert.equal(pandoc, `The city fell.[@${key}]\n`);
});

test('footnote definition: a shortened title ending in an ellipsis gets no extra full stop', async () => {
  const { footnoteDefinition } = await import('../../server/src/features/citations/citation-edits');
  const { createKnowledge } = await import('../../server/src/store/memory/knowledge');
  const { analyzeSource } = await import('../../server/src/ingest/analyze-source');
  const k = createKnowledge();
  const long = k.sources.add(
    analyzeSource(
      'file:///w/a.txt',
      'a.txt',
      ' date 2020-01-02 The committee that oversees the harbour and its many piers voted on a long list of changes to the rules.',
    ),
  );
  assert.equal(
    footnoteDefinition(long, 'k'),
    '[^k]: The committee that oversees the harbour and its many piers voted on\u2026 2020-01-02. a.txt',
  );
  const short = k.sources.add(analyzeSource('file:///w/s.txt', 's.txt', 'Harbour rules change\n\nThe committee voted.'));
  assert.equal(footnoteDefinition(short, 's'), '[^s]: Harbour rules change. s.txt');
});
