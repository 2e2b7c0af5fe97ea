import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { seedWorkspace, startServer, type LspSession } from '../helpers/lsp-client';

interface Status {
  ready: boolean;
  sources: number;
  quotes: number;
  actors: number;
  skipped: number;
}

let workspace: string;
let session: LspSession;
const status = (): Promise<Status> => session.status();

before(async () => {
  workspace = seedWorkspace('sourced-protocol-');
  session = await startServer({ workspace });
});

after(async () => {
  await session.close();
  rmSync(workspace, { recursive: true, force: true });
});

test('protocol: initialize answers and sourced/status reports the 5 seed sources', async () => {
  const s = await session.waitFor(status, (v) => v.ready);
  assert.deepEqual({ ready: s.ready, sources: s.sources, skipped: s.skipped }, { ready: true, sources: 5, skipped: 0 });
});

test('protocol: adding, changing and deleting a source updates sourced/status within a second', async () => {
  await session.waitFor(status, (v) => v.ready);
  const file = path.join(workspace, 'seeds', 'new-source.txt');
  const timed = async <T>(what: string, act: () => void, probe: () => Promise<T>, done: (v: T) => boolean): Promise<T> => {
    const started = Date.now();
    act();
    const value = await session.waitFor(probe, done, 1000);
    const ms = Date.now() - started;
    console.log(`${what}: status updated in ${ms} ms`);
    assert.ok(done(value), `${what}: not seen within a second`);
    assert.ok(ms <= 1000, `${what}: ${ms} ms`);
    return value;
  };
  await timed(
    'created',
    () => writeFileSync(file, 'A new source\n\nThe committee met on Friday.'),
    status,
    (v) => v.sources === 6,
  );
  await timed(
    'changed',
    () => writeFileSync(file, 'A changed source\n\nThe committee met on Saturday.'),
    () => session.connection.sendRequest<{ name: string }[]>('workspace/symbol', { query: 'changed' }),
    (v) => v.length === 1,
  );
  await timed(
    'deleted',
    () => unlinkSync(file),
    status,
    (v) => v.sources === 5,
  );
});

test('protocol: diagnostics are pushed with the document version and source "sourced"', async () => {
  const uri = pathToFileURL(path.join(workspace, 'draft.md')).href;
  session.open(uri, '# Draft\n\nA claim.[^no-such-key]\n');
  const diagnostics = await session.diagnosticsFor(uri);
  const d = diagnostics.find((x) => x.code === 'unknown-citation');
  assert.ok(d, 'unknown-citation pushed');
  assert.equal(d.source, 'sourced');
  assert.equal(session.diagnostics.get(uri)?.version, 1);
});

test('protocol: hover on a citation and an empty hover elsewhere', async () => {
  const symbols = await session.connection.sendRequest<{ name: string }[]>('workspace/symbol', { query: '' });
  const key = symbols.find((s) => s.name.includes('\u2014'))!.name.split(' ')[0];
  const uri = pathToFileURL(path.join(workspace, 'hover.md')).href;
  session.open(uri, `Text.[^${key}]\n\nPlain words here.\n`);
  const hover = await session.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', {
    textDocument: { uri },
    position: { line: 0, character: 8 },
  });
  assert.ok(hover);
  assert.match(hover.contents.value, /seeds\/0/);
  const none = await session.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 3 } });
  assert.equal(none, null);
});
