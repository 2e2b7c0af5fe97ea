/**
 * Recovery: a killed server's successor rebuilds (or restores) the same index; cancelled requests answer
 * RequestCancelled; long loops check their token; no quick fix removes writer text outside what it fixes, and
 * applying any fix again (re-requested on the new text) is safe.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import { harness, REPO, SEEDS_DIR, seedFiles } from '../helpers/fixture';
import type { Cancellation } from '../../server/src/domain/cancellation';
import { REQUEST_CANCELLED, ServerSession } from './helpers/server-session';

const dirs: string[] = [];
const sessions: ServerSession[] = [];

function seedWorkspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sourced-recovery-'));
  dirs.push(dir);
  cpSync(SEEDS_DIR, path.join(dir, 'seeds'), { recursive: true });
  return dir;
}

async function start(workspace: string, settings: Record<string, unknown> = {}): Promise<ServerSession> {
  const s = await ServerSession.start({ workspace, settings });
  sessions.push(s);
  await s.ready();
  return s;
}

after(async () => {
  await Promise.all(sessions.map((s) => s.dispose()));
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A draft with claims, quotes and figures taken from the seeds (cited and not), so every kind of fix is offered. */
function fixtureDraft(): string {
  const example = path.join(REPO, 'examples', 'report.md');
  const seedParagraphs = Object.values(seedFiles()).flatMap((t) => t.split(/\n\s*\n/).slice(1, 5));
  const paraphrased = seedParagraphs.map((p) =>
    p.replace(/\b(said|told)\b/g, 'stated').replace(/\b(\d+)\b/g, (n) => String(Number(n) + 1)),
  );
  return [existsSync(example) ? readFileSync(example, 'utf8') : '# Report', '', ...paraphrased.slice(0, 12).map((p) => `${p}\n`)].join(
    '\n',
  );
}

const rangeText = (doc: TextDocument, r: Range): string => doc.getText().slice(doc.offsetAt(r.start), doc.offsetAt(r.end));
const inside = (doc: TextDocument, inner: Range, outer: Range): boolean =>
  doc.offsetAt(inner.start) >= doc.offsetAt(outer.start) && doc.offsetAt(inner.end) <= doc.offsetAt(outer.end);

test(
  'recovery: a killed server is replaced by one that restores the same index and the same diagnostics',
  { timeout: 90_000 },
  async () => {
    const workspace = seedWorkspace();
    const first = await start(workspace);
    const uri = pathToFileURL(path.join(workspace, 'report.md')).href;
    const draft = fixtureDraft();
    first.open(uri, draft);
    const before = await first.diagnosticsNow(uri, 30_000);
    const statusBefore = await first.status();
    await first.lsp.waitFor(
      () => first.lsp.logs.some((l) => /saved the (persisted index|index database)|could not save/.test(l)),
      (v) => v,
      10_000,
    );
    first.lsp.process.kill('SIGKILL');
    await first.lsp.waitFor(
      () => first.alive,
      (alive) => !alive,
      5000,
    );
    assert.equal(first.alive, false, 'the first server is gone');

    const started = Date.now();
    const second = await start(workspace);
    const readyMs = Date.now() - started;
    second.open(uri, draft);
    const after = await second.diagnosticsNow(uri, 30_000);
    const statusAfter = await second.status();
    // The default store (the index database) or the snapshot of the memory store.
    const restored = second.lsp.logs.find((l) =>
      /restored \d+ of \d+ files from the persisted index|index database: (\d+) of \1 files unchanged, 0 analysed/.test(l),
    );
    console.log(
      `recovery: killed after ${statusBefore.sources} sources / ${before?.length} diagnostics; successor ready in ${readyMs} ms (${restored ?? 'no persisted index used'}), ${statusAfter.sources} sources / ${after?.length} diagnostics`,
    );
    assert.deepEqual({ ...statusAfter, ready: true }, { ...statusBefore, ready: true });
    assert.deepEqual(after, before);
    assert.ok(restored, 'the successor restored from the persisted index');
  },
);

test('recovery: every request the client cancels answers RequestCancelled', { timeout: 60_000 }, async () => {
  const workspace = seedWorkspace();
  const s = await start(workspace);
  const uri = pathToFileURL(path.join(workspace, 'c.md')).href;
  const doc = s.open(uri, fixtureDraft());
  await s.diagnosticsNow(uri, 30_000);
  const textDocument = { uri };
  const position = doc.positionAt(Math.floor(doc.getText().length / 2));
  const requests: [string, unknown][] = [
    ['textDocument/completion', { textDocument, position }],
    ['textDocument/hover', { textDocument, position }],
    ['textDocument/definition', { textDocument, position }],
    ['textDocument/references', { textDocument, position, context: { includeDeclaration: true } }],
    [
      'textDocument/codeAction',
      { textDocument, range: { start: position, end: position }, context: { diagnostics: [], only: ['source.fixAll.sourced'] } },
    ],
    ['textDocument/documentSymbol', { textDocument }],
    ['workspace/symbol', { query: 'a' }],
    ['sourced/searchQuotes', { query: 'the', limit: 20 }],
    ['sourced/listActors', { query: '' }],
  ];
  const outcomes: string[] = [];
  let cancelled = 0;
  let results = 0;
  const rounds = 5;
  for (let round = 0; round < rounds; round++) {
    for (const [method, params] of requests) {
      const a = await s.call(method, params, 0);
      if (!a.ok && a.code === REQUEST_CANCELLED) cancelled++;
      else if (a.ok)
        results++; // finished before the cancellation arrived: LSP allows the result
      else outcomes.push(`${method}: error ${a.code} ${a.message}`);
    }
  }
  // A long request (fix-all over a big draft, cold) cancelled while it runs must stop and say so.
  const big = pathToFileURL(path.join(workspace, 'big.md')).href;
  // Each copy's sentences differ (a copy number), so none is in the claim cache: the work is real.
  const bigText = Array.from({ length: 8 }, (_v, k) => fixtureDraft().replace(/([.!?])(\s)/g, `$1 [${k}]$2`)).join('\n\n');
  const bigDoc = s.open(big, bigText);
  const fixAll = {
    textDocument: { uri: big },
    range: { start: bigDoc.positionAt(0), end: bigDoc.positionAt(0) },
    context: { diagnostics: [], only: ['source.fixAll.sourced'] },
  };
  const long = await s.call('textDocument/codeAction', fixAll, 15);
  const uncancelled = await s.call('textDocument/codeAction', fixAll);
  console.log(
    `recovery: ${requests.length * rounds} requests cancelled at once: ${cancelled} answered RequestCancelled, ${results} had finished first; ` +
      `a fix-all cancelled after 15 ms answered ${long.ok ? 'a result' : `error ${long.code}`} in ${long.ms.toFixed(0)} ms (uncancelled, warm: ${uncancelled.ms.toFixed(0)} ms)`,
  );
  assert.deepEqual(outcomes, []);
  // How many instant requests finish before their cancel arrives depends on the machine's load (LSP allows either
  // answer, and on an idle machine all of them finish first): every one must answer a result or RequestCancelled,
  // never an error. The deterministic check of cancellation is the long request below.
  assert.equal(cancelled + results, requests.length * rounds, 'every request answered a result or RequestCancelled');
  assert.ok(!long.ok && long.code === REQUEST_CANCELLED, 'the long request answered RequestCancelled');
  // The server is still fine afterwards.
  const hover = await s.call('textDocument/hover', { textDocument, position });
  assert.ok(hover.ok);
});

test('recovery: long loops stop soon after their token is cancelled (service)', { timeout: 120_000 }, async () => {
  const text = Array.from({ length: 6 }, fixtureDraft).join('\n\n');
  /** A token that turns cancelled at its `after`-th read, and counts reads. */
  const token = (after: number): Cancellation & { reads: number } => {
    const t = {
      reads: 0,
      get isCancellationRequested(): boolean {
        return ++t.reads > after;
      },
    };
    return t;
  };
  const report: string[] = [];
  const problems: string[] = [];
  for (const name of ['diagnostics', 'citeAll'] as const) {
    // A fresh service each time: no cached claim verdicts, so both runs start from the same cold state.
    const run = async (t: Cancellation): Promise<number> => {
      const h = await harness();
      const doc = h.draft(text);
      await h.service.documentSymbols(doc); // parse outside the timing
      const t0 = performance.now();
      if (name === 'diagnostics') await h.service.diagnostics(doc, t);
      else await h.service.citeAll(doc, t);
      return performance.now() - t0;
    };
    const full = token(Infinity);
    const fullMs = await run(full);
    const early = token(3);
    const earlyMs = await run(early);
    report.push(
      `${name}: ${full.reads} token checks in a full run of ${fullMs.toFixed(0)} ms; ${earlyMs.toFixed(0)} ms when cancelled at the 3rd check`,
    );
    if (full.reads < 5) problems.push(`${name} checks its token only ${full.reads} times`);
    if (earlyMs > fullMs * 0.5 + 20)
      problems.push(`${name} ran ${earlyMs.toFixed(0)} ms after cancellation (full run ${fullMs.toFixed(0)} ms)`);
  }
  console.log(`recovery: ${report.join('; ')}`);
  assert.deepEqual(problems, []);
});

test(
  'recovery: no quick fix removes writer text outside its diagnostic, and re-applying any fix is safe',
  { timeout: 120_000 },
  async () => {
    const workspace = seedWorkspace();
    const s = await start(workspace);
    const uri = pathToFileURL(path.join(workspace, 'fix.md')).href;
    const original = fixtureDraft();
    const problems: string[] = [];
    const counts = { diagnostics: 0, actions: 0, edits: 0, reapplied: 0, noChange: 0, gone: 0 };
    let version = 1;
    s.open(uri, original);
    const diagnostics = ((await s.diagnosticsNow(uri, 30_000)) ?? []) as Diagnostic[];
    const doc0 = TextDocument.create(uri, 'markdown', 1, original);
    const fetchActions = async (range: Range, diags: Diagnostic[]): Promise<CodeAction[]> => {
      const a = await s.call('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: diags } });
      if (!a.ok) problems.push(`codeAction error ${a.code}`);
      return (a.ok ? a.result : []) as CodeAction[];
    };
    const setText = async (text: string): Promise<Diagnostic[]> => {
      const doc = s.docs.get(uri)!;
      s.edit(uri, [{ range: { start: { line: 0, character: 0 }, end: doc.positionAt(doc.getText().length) }, text }]);
      version++;
      return ((await s.diagnosticsNow(uri, 30_000)) ?? []) as Diagnostic[];
    };
    for (const d of diagnostics) {
      counts.diagnostics++;
      await setText(original);
      const actions = await fetchActions(d.range, [d]);
      for (const action of actions) {
        counts.actions++;
        const edits: TextEdit[] = action.edit?.changes?.[uri] ?? [];
        for (const e of edits) {
          counts.edits++;
          const removed = rangeText(doc0, e.range);
          // Only a misquote or wrong figure may be replaced, and only inside the flagged span.
          if (removed.length > 0 && !inside(doc0, e.range, d.range))
            problems.push(`"${action.title}" removes ${JSON.stringify(removed.slice(0, 60))} outside its diagnostic`);
          if (removed.length > 0 && d.code !== 'misquote' && d.code !== 'number-mismatch')
            problems.push(`"${action.title}" (${String(d.code)}) removes ${JSON.stringify(removed.slice(0, 60))}`);
        }
        const once = TextDocument.applyEdits(doc0, edits);
        // Re-request on the fixed text and apply the same fix again, if it is still offered.
        const after = await setText(once);
        const doc1 = TextDocument.create(uri, 'markdown', version, once);
        const again = (await fetchActions({ start: doc1.positionAt(0), end: doc1.positionAt(once.length) }, after)).filter(
          (a) => a.title === action.title && a.diagnostics?.[0] && a.diagnostics[0].range.start.line === d.range.start.line,
        );
        if (again.length === 0) {
          counts.gone++;
          continue;
        }
        counts.reapplied++;
        const twice = TextDocument.applyEdits(doc1, again[0].edit?.changes?.[uri] ?? []);
        if (twice === once) counts.noChange++;
        for (const m of twice.matchAll(/^\[\^([^\]]+)\]:/gm)) {
          const n = twice.split(`\n[^${m[1]}]:`).length - 1 + (twice.startsWith(`[^${m[1]}]:`) ? 1 : 0);
          if (n > 1) problems.push(`"${action.title}" applied twice defines [^${m[1]}] ${n} times`);
        }
        if (/(\[\^[^\]]+\])\1/.test(twice) && !/(\[\^[^\]]+\])\1/.test(once))
          problems.push(`"${action.title}" applied twice doubles a citation marker`);
        if (twice.includes('<!-- sourced-ignore --> <!-- sourced-ignore -->'))
          problems.push(`"${action.title}" applied twice doubles the ignore comment`);
      }
    }

    // Fix-all twice: the second run adds nothing.
    await setText(original);
    const fixAll = async (text: string): Promise<string> => {
      const d = TextDocument.create(uri, 'markdown', version, text);
      const a = await s.call('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: d.positionAt(0), end: d.positionAt(0) },
        context: { diagnostics: [], only: ['source.fixAll.sourced'] },
      });
      const edits = ((a.ok ? a.result : []) as CodeAction[])[0]?.edit?.changes?.[uri] ?? [];
      for (const e of edits)
        if (rangeText(d, e.range).length > 0) problems.push(`fix-all removes ${JSON.stringify(rangeText(d, e.range).slice(0, 60))}`);
      return TextDocument.applyEdits(d, edits);
    };
    const fixedOnce = await fixAll(original);
    await setText(fixedOnce);
    const fixedTwice = await fixAll(fixedOnce);
    console.log(
      `recovery: ${counts.diagnostics} diagnostics, ${counts.actions} quick fixes with ${counts.edits} edits checked for removed text; ` +
        `re-requested after applying: ${counts.gone} no longer offered, ${counts.reapplied} offered again (${counts.noChange} of them no-ops); ` +
        `fix-all added ${fixedOnce.length - original.length} chars, a second fix-all ${fixedTwice.length - fixedOnce.length}; ${problems.length} problems`,
    );
    assert.ok(counts.actions > 0, 'the draft offers quick fixes');
    assert.deepEqual(problems.slice(0, 10), []);
    assert.equal(fixedTwice, fixedOnce, 'a second fix-all changes nothing');
    assert.ok(
      original.split('').every((_c, i, a) => i > 0 || fixedOnce.includes(a.join('').slice(0, 40))),
      'fix-all keeps the text',
    );
  },
);

test('recovery: quote completion and Insert Quote replace only the quotation the writer is typing', { timeout: 120_000 }, async () => {
  const workspace = seedWorkspace();
  const s = await start(workspace);
  const uri = pathToFileURL(path.join(workspace, 'quotes.md')).href;
  const text = [
    '# Quotes',
    '',
    'The minister said "It would be a mis and then left the room.',
    '',
    'Officials said \u201cThe lack of talks and more text after the cursor.',
    '',
    'Plain text without any quotation, then "Syria must',
    '',
    fixtureDraft(),
  ].join('\n');
  const doc = s.open(uri, text);
  const problems: string[] = [];
  const counts = { positions: 0, items: 0, edits: 0, inserts: 0 };
  /** A replacing edit must end at the cursor, on its line, and start at an opening quotation mark. */
  const check = (where: string, offset: number, edits: TextEdit[]): void => {
    for (const e of edits) {
      counts.edits++;
      const from = doc.offsetAt(e.range.start);
      const to = doc.offsetAt(e.range.end);
      if (from === to) {
        counts.inserts++;
        continue;
      }
      const removed = text.slice(from, to);
      if (to !== offset || removed.includes('\n') || !/^["\u201c\u201e\u00ab']/.test(removed))
        problems.push(`${where} at ${offset}: removes ${JSON.stringify(removed.slice(0, 60))}`);
    }
  };
  const quotes = await s.call('sourced/searchQuotes', { query: '', limit: 5 });
  const ids = ((quotes.ok ? quotes.result : []) as { id?: unknown }[]).map((q, i) => (typeof q.id === 'number' ? q.id : i));
  for (let offset = 0; offset <= Math.min(text.length, 400); offset++) {
    counts.positions++;
    const position = doc.positionAt(offset);
    const c = await s.call('textDocument/completion', { textDocument: { uri }, position });
    const items = ((c.ok ? (c.result as { items?: unknown[] } | null)?.items : []) ?? []) as {
      textEdit?: TextEdit;
      additionalTextEdits?: TextEdit[];
    }[];
    for (const item of items) {
      counts.items++;
      check('completion', offset, [...(item.textEdit ? [item.textEdit] : []), ...(item.additionalTextEdits ?? [])]);
    }
    if (offset % 20 === 0) {
      for (const id of ids.slice(0, 2)) {
        const q = await s.call('sourced/quoteInsertEdits', { uri, position, id });
        if (q.ok && Array.isArray(q.result)) check('Insert Quote', offset, q.result as TextEdit[]);
      }
    }
  }
  console.log(
    `recovery: ${counts.positions} cursor positions, ${counts.items} quote completions and Insert Quote answers, ${counts.edits} edits (${counts.inserts} pure insertions); ${problems.length} remove writer text`,
  );
  assert.ok(counts.items > 0, 'quote completion offered something');
  assert.deepEqual(problems.slice(0, 10), []);
});
