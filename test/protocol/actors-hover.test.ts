/** Protocol: actor hovers, definition and the Show Actor requests through dist/server.js over stdio. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Hover, Location, MarkupContent } from 'vscode-languageserver-types';
import { startOnSeeds, type SeedSession } from '../helpers/lsp-client';
import { ActorCardRequest, ListActorsRequest } from '../../server/src/protocol/requests';

let workspace: string;
let session: SeedSession;
let uri: string;
const DRAFT = '# Notes\n\nFidan met Hakan Fidan and the PKK. The offensive went on.\n';

before(async () => {
  session = await startOnSeeds();
  workspace = session.workspace;
  uri = pathToFileURL(path.join(workspace, 'draft.md')).href;
  session.open(uri, DRAFT);
});

after(async () => {
  await session.close();
});

function position(needle: string, skip = 0): { line: number; character: number } {
  let at = -1;
  for (let i = 0; i <= skip; i++) at = DRAFT.indexOf(needle, at + 1);
  const before = DRAFT.slice(0, at + 1);
  const line = before.split('\n').length - 1;
  return { line, character: at + 1 - before.lastIndexOf('\n') - 1 };
}
const hover = (needle: string, skip = 0): Promise<Hover | null> =>
  session.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: position(needle, skip) });
const firstLine = (h: Hover | null): string => (h ? (h.contents as MarkupContent).value.split('\n')[0] : '');

test("protocol: hover on a surname shows the canonical actor with the seeds' role", async () => {
  const h = await hover('Fidan');
  assert.equal(firstLine(h), '**Hakan Fidan**');
  assert.match((h!.contents as MarkupContent).value, /Foreign Minister \\\(Turkey\\\)/);
  assert.equal((h!.contents as MarkupContent).kind, 'markdown');
});

test('protocol: hover on a full name covers the whole name', async () => {
  const h = await hover('Hakan');
  assert.equal(firstLine(h), '**Hakan Fidan**');
  assert.deepEqual(h!.range!.start, { line: position('Hakan').line, character: position('Hakan').character - 1 });
  assert.equal(h!.range!.end.character - h!.range!.start.character, 'Hakan Fidan'.length);
});

test('protocol: hover on an acronym shows the organisation it stands for', async () => {
  assert.equal(firstLine(await hover('PKK')), "**Kurdistan Workers\\' Party**");
});

test('protocol: hover on a common word returns nothing', async () => {
  assert.equal(await hover('offensive'), null);
  assert.equal(await hover('went'), null);
});

test('protocol: definition on an actor opens its first mention in the sources', async () => {
  const locs = await session.connection.sendRequest<Location[]>('textDocument/definition', {
    textDocument: { uri },
    position: position('PKK'),
  });
  assert.equal(locs.length, 1);
  assert.match(locs[0].uri, /seeds\/000_e69ee878f7b3fed3\.txt$/);
});

test('protocol: sourced/listActors and sourced/actorCard answer the Show Actor command', async () => {
  const list = await session.connection.sendRequest(ListActorsRequest, { query: 'assad' });
  assert.equal(list[0]?.name, 'Bashar al-Assad');
  const card = await session.connection.sendRequest(ActorCardRequest, { id: list[0].id });
  assert.ok(card?.startsWith('**Bashar al\\-Assad**'), card ?? 'null');
});
