/** Bad drafts through the real server: an empty draft and a huge one get answers, and the server keeps answering meanwhile. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SEEDS_DIR, seedFiles } from '../helpers/fixture';
import { checkRanges } from './helpers/checks';
import { ServerSession, sleep } from './helpers/server-session';

const HUGE_BYTES = Number(process.env.SOURCED_HUGE_DRAFT_BYTES ?? 1_000_000);
let workspace: string;
let server: ServerSession;

before(async () => {
  workspace = mkdtempSync(path.join(tmpdir(), 'sourced-drafts-'));
  cpSync(SEEDS_DIR, path.join(workspace, 'seeds'), { recursive: true });
  server = await ServerSession.start({ workspace });
  await server.ready();
});

after(async () => {
  await server.dispose();
  rmSync(workspace, { recursive: true, force: true });
});

const requestsAt = (uri: string, position: { line: number; character: number }): [string, unknown][] => [
  ['textDocument/completion', { textDocument: { uri }, position }],
  ['textDocument/hover', { textDocument: { uri }, position }],
  ['textDocument/definition', { textDocument: { uri }, position }],
  ['textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: true } }],
  [
    'textDocument/codeAction',
    { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [], only: ['source.fixAll.sourced'] } },
  ],
  ['textDocument/documentSymbol', { textDocument: { uri } }],
];

test('bad drafts: an empty draft gets empty answers, never errors', async () => {
  const uri = pathToFileURL(path.join(workspace, 'empty.md')).href;
  server.open(uri, '');
  const problems: string[] = [];
  let n = 0;
  for (const position of [
    { line: 0, character: 0 },
    { line: 0, character: 5 },
    { line: 3, character: 0 },
  ]) {
    for (const [method, params] of requestsAt(uri, position)) {
      const a = await server.call(method, params);
      n++;
      if (!a.ok) problems.push(`${method}: error ${a.code}`);
      else problems.push(...checkRanges(a.result, uri, server.textOf));
    }
  }
  const diagnostics = await server.diagnosticsNow(uri);
  console.log(`bad drafts: empty draft: ${n} requests, ${diagnostics?.length} diagnostics, ${problems.length} problems`);
  assert.deepEqual(problems, []);
  assert.deepEqual(diagnostics, []);
});

test(
  `bad drafts: a huge draft (${Math.round(HUGE_BYTES / 1000)} kB) is checked while the server keeps answering`,
  { timeout: 150_000 },
  async () => {
    const paragraphs = Object.values(seedFiles())
      .flatMap((t) => t.split(/\n\s*\n/).slice(1))
      .filter((p) => p.trim());
    const parts: string[] = ['# Huge draft', ''];
    let size = 0;
    for (let i = 0; size < HUGE_BYTES; i++) {
      const p = `${paragraphs[i % paragraphs.length]} (${i})`;
      parts.push(p, '');
      size += p.length + 2;
    }
    const text = parts.join('\n');
    const uri = pathToFileURL(path.join(workspace, 'huge.md')).href;
    const started = Date.now();
    server.open(uri, text);
    let diagnostics: unknown[] | undefined;
    const pings: number[] = [];
    const done = server.diagnosticsNow(uri, 140_000).then((d) => (diagnostics = d));
    while (diagnostics === undefined && Date.now() - started < 140_000) {
      const a = await server.call('sourced/status', {});
      pings.push(a.ms);
      await sleep(200);
    }
    await done;
    const ms = Date.now() - started;
    const hover = await server.call('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 5 } });
    const slowest = Math.round(Math.max(...pings));
    console.log(
      `bad drafts: huge draft of ${text.length} chars (${text.split(/\s+/).length} words): ${diagnostics?.length} diagnostics in ${ms} ms; ${pings.length} status pings meanwhile, slowest ${slowest} ms`,
    );
    assert.ok(diagnostics, 'diagnostics arrive');
    assert.ok(hover.ok, 'hover answers');
    // Parsing is synchronous (mdast): a 1 MB draft holds the server for about a second on a quiet machine, so the
    // bound here is "answers, late at worst" rather than the 1 s of report-sized drafts (see docs/reliability.md).
    assert.ok(slowest < 10_000, `the server kept answering (slowest status ${slowest} ms)`);
    assert.ok(server.alive);
    assert.deepEqual(server.bugLogs(), []);
  },
);
