/**
 * Pathological drafts through the real server (issue 13): every shape of cmark's pathological tests, the shapes
 * that stalled the server, deep nesting, a 1 MB line, unmatched markers, many definitions, a huge table, mixed
 * line ends. Each is diagnosed, re-diagnosed after a one-character edit, and a hover on another draft sent
 * during the work is answered; the server never exits and logs no bug. Bounds are generous (a loaded 2-core
 * machine); the figures are the benchmark's (`npm run bench -- --adversarial`).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SEEDS_DIR } from '../helpers/paths';
import { pathologicalDrafts } from './helpers/pathological-drafts';
import { ServerSession, sleep } from './helpers/server-session';

/** Size of the shapes relative to the benchmark's (about 100 KB each there). */
const SCALE = Number(process.env.SOURCED_PATHOLOGICAL_SCALE ?? 0.3);
const DIAGNOSE_MS = 20_000;
const HOVER_MS = 5_000;

let workspace: string;
let server: ServerSession;
let other: string;

before(async () => {
  workspace = mkdtempSync(path.join(tmpdir(), 'sourced-pathological-'));
  cpSync(SEEDS_DIR, path.join(workspace, 'seeds'), { recursive: true });
  server = await ServerSession.start({ workspace });
  await server.ready();
  other = pathToFileURL(path.join(workspace, 'other.md')).href;
  server.open(other, '# Other\n\nThe minister said the figures rose.\n');
  await server.diagnosticsNow(other);
});

after(async () => {
  await server.dispose();
  rmSync(workspace, { recursive: true, force: true });
});

pathologicalDrafts(SCALE).forEach((shape, i) => {
  test(
    `pathological: ${shape.name} (${shape.origin}, ${shape.text.length} chars) is diagnosed, re-diagnosed after an edit, and never blocks a hover elsewhere`,
    { timeout: 90_000 },
    async () => {
      const uri = pathToFileURL(path.join(workspace, `shape-${i}.md`)).href;
      const opened = Date.now();
      server.open(uri, shape.text);
      await sleep(200);
      const hover = await server.call('textDocument/hover', { textDocument: { uri: other }, position: { line: 2, character: 6 } });
      const first = await server.diagnosticsNow(uri, DIAGNOSE_MS);
      const openMs = Date.now() - opened;
      const at = server.docs.get(uri)!.positionAt(Math.floor(shape.text.length / 2));
      const edited = Date.now();
      server.edit(uri, [{ range: { start: at, end: at }, text: 'x' }]);
      const second = await server.diagnosticsNow(uri, DIAGNOSE_MS);
      const editMs = Date.now() - edited;
      console.log(
        `pathological: ${shape.name}: open ${openMs} ms, edit ${editMs} ms, hover elsewhere ${Math.round(hover.ms)} ms, ${first?.length} diagnostics`,
      );
      server.close(uri);
      assert.ok(first, `diagnosed within ${DIAGNOSE_MS} ms`);
      assert.ok(second, `re-diagnosed after an edit within ${DIAGNOSE_MS} ms`);
      assert.ok(hover.ok && hover.ms < HOVER_MS, `a hover on another draft answered in ${Math.round(hover.ms)} ms`);
      assert.ok(server.alive, 'the server is alive');
      assert.deepEqual(server.bugLogs(), []);
    },
  );
});
