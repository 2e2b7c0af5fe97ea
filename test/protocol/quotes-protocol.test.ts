/**
 * Quote completion, misquote diagnostics and the Insert Quote requests through the built server
 * (dist/server.js over stdio, run `npm run build` first) on a workspace with the seed corpus.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionList, Hover, TextEdit } from 'vscode-languageserver-types';
import { cursor } from '../helpers/fixture';
import { startOnSeeds, type SeedSession } from '../helpers/lsp-client';
import { QuoteInsertEditsRequest, SearchQuotesRequest } from '../../server/src/protocol/requests';

// A seed quotation (hand-checked in test/fixtures/quotes-seeds.json) and fragments of it.
const QUOTE = 'Iran and Turkey agree that Syria should not be allowed to turn into a safe haven for terrorist groups again';
const START = '\u201cIran and Turkey agr|';
const MIDDLE = 'Both said \u201cturn into a safe|';

let workspace: string;
let session: SeedSession;
let version = 0;

before(async () => {
  session = await startOnSeeds();
  workspace = session.workspace;
  await session.waitFor(
    () => session.status(),
    (s) => s.ready && s.quotes > 0,
    10_000,
  );
});

after(async () => {
  await session.close();
});

/** Opens a draft with a `|` cursor fixture and asks for completion there. */
async function completeAt(fixture: string, trigger?: string): Promise<{ list: CompletionList; doc: TextDocument }> {
  const { text, offset } = cursor(fixture);
  const uri = pathToFileURL(path.join(workspace, `draft-${++version}.md`)).href;
  session.open(uri, text);
  const doc = TextDocument.create(uri, 'markdown', 1, text);
  const list = await session.connection.sendRequest<CompletionList>('textDocument/completion', {
    textDocument: { uri },
    position: doc.positionAt(offset),
    context: trigger ? { triggerKind: 2, triggerCharacter: trigger } : { triggerKind: 1 },
  });
  return { list, doc };
}

const insertedTexts = (list: CompletionList): string[] => list.items.slice(0, 3).map((i) => (i.textEdit as TextEdit).newText);

test('protocol: a fragment from the start of a quotation brings it verbatim into the first three items', async () => {
  const { list } = await completeAt(START);
  assert.equal(list.isIncomplete, true);
  assert.ok(
    insertedTexts(list).some((t) => t.startsWith(`\u201c${QUOTE}\u201d[^`)),
    insertedTexts(list).join('\n'),
  );
});

test('protocol: a fragment from the middle of a quotation brings it verbatim into the first three items', async () => {
  const { list } = await completeAt(MIDDLE);
  assert.ok(
    insertedTexts(list).some((t) => t.startsWith(`\u201c${QUOTE}\u201d[^`)),
    insertedTexts(list).join('\n'),
  );
});

test('protocol: the trigger character alone opens the list, the quotations of the sources the draft cites first', async () => {
  const [hit] = await session.connection.sendRequest(SearchQuotesRequest, { query: QUOTE, limit: 1 });
  assert.ok(hit, 'the quotation is searchable');
  const { list } = await completeAt(`As reported.[^${hit.key}]\n\n\u201c|`, '\u201c');
  assert.equal(list.isIncomplete, true, 'the list stays open and is asked again as the writer types');
  assert.ok(list.items.length > 0, 'the cited source offers its quotations');
  const fromCited = list.items.filter((i) => (i.textEdit as TextEdit).newText.includes(`\u201d[^${hit.key}]`));
  assert.ok(fromCited.length > 0 && list.items.indexOf(fromCited[0]) === 0, 'the cited source comes first');
  assert.ok(
    list.items.slice(0, fromCited.length).every((i) => fromCited.includes(i)),
    'all its quotations before any other',
  );
});

test('protocol: an altered quotation gets a misquote warning, the verbatim one none; hover names the speaker', async () => {
  const uri = pathToFileURL(path.join(workspace, 'misquote.md')).href;
  session.open(
    uri,
    `Araghchi said \u201cIran and Turkey agree that Syria must never be allowed to become a safe haven for terrorist groups again\u201d.\n`,
  );
  const flagged = await session.waitFor(
    () => session.diagnosticsFor(uri),
    (d) => d.some((x) => x.code === 'misquote'),
  );
  assert.ok(
    flagged.some((d) => d.code === 'misquote' && /Abbas Araghchi/.test(typeof d.message === 'string' ? d.message : d.message.value)),
    JSON.stringify(flagged),
  );

  const clean = pathToFileURL(path.join(workspace, 'verbatim.md')).href;
  session.open(clean, `Araghchi said "${QUOTE}."\n`);
  const diagnostics = await session.diagnosticsFor(clean);
  assert.deepEqual(
    diagnostics.filter((d) => d.code === 'misquote'),
    [],
  );
  const hover = await session.connection.sendRequest<Hover | null>('textDocument/hover', {
    textDocument: { uri: clean },
    position: { line: 0, character: 20 },
  });
  assert.match((hover?.contents as { value: string }).value, /Abbas Araghchi/);
});

test('protocol: sourced/searchQuotes and sourced/quoteInsertEdits insert the quotation with its citation', async () => {
  const results = await session.connection.sendRequest(SearchQuotesRequest, { query: 'safe haven terrorist', limit: 5 });
  const hit = results.find((r) => r.text === QUOTE);
  assert.ok(hit, JSON.stringify(results));
  const uri = pathToFileURL(path.join(workspace, 'insert.md')).href;
  session.open(uri, 'They agreed: \n');
  const edits = await session.connection.sendRequest(QuoteInsertEditsRequest, { uri, position: { line: 0, character: 13 }, id: hit.id });
  const out = TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, 'They agreed: \n'), edits);
  assert.ok(out.startsWith(`They agreed: \u201c${QUOTE}\u201d[^${hit.key}]`), out);
});
