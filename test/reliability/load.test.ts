/**
 * Load: a 5,000-word draft edited at 50 changes/s for 60 s (SOURCED_LOAD_SECONDS) while 20 source files are
 * created, changed and deleted. Every request answers within a second, the heap returns to its level before the
 * run, and the final diagnostics equal those of a fresh server opening the final text.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SEEDS_DIR, seedFiles } from '../helpers/fixture';
import { checkRanges, withoutVersion } from './helpers/checks';
import { randomPosition } from './helpers/markdown-gen';
import { fuzzSeed, Rng } from './helpers/rng';
import { ServerSession, sleep, type Answer } from './helpers/server-session';

const SECONDS = Number(process.env.SOURCED_LOAD_SECONDS ?? 60);
const CHANGES_PER_SECOND = 50;
const LIVE_FILES = 20;
const MAX_LATENCY_MS = 1000;

let workspace: string;
/** The same seeds without the churn: the fresh server, started with the edited one so both run the same build. */
let freshWorkspace: string;
let server: ServerSession;
let fresh: ServerSession;
const sessions: ServerSession[] = [];

/** A draft of about `words` words made of the seeds' own paragraphs, some quoted and cited, some paraphrased. */
function bigDraft(words: number): string {
  const paragraphs = Object.values(seedFiles())
    .flatMap((t) => t.split(/\n\s*\n/).slice(1))
    .map((p) => p.trim())
    .filter((p) => p.split(/\s+/).length > 8);
  const out = ['# Load report', ''];
  let count = 0;
  for (let i = 0; count < words; i++) {
    const p = paragraphs[i % paragraphs.length];
    const variant =
      i % 3 === 0
        ? p
        : i % 3 === 1
          ? p.replace(/\b(said|told)\b/g, 'stated')
          : `Analysts noted that ${p.charAt(0).toLowerCase()}${p.slice(1)}`;
    out.push(variant, '');
    count += variant.split(/\s+/).length;
  }
  return out.join('\n');
}

before(async () => {
  workspace = mkdtempSync(path.join(tmpdir(), 'sourced-load-'));
  cpSync(SEEDS_DIR, path.join(workspace, 'seeds'), { recursive: true });
  mkdirSync(path.join(workspace, 'seeds', 'live'));
  freshWorkspace = mkdtempSync(path.join(tmpdir(), 'sourced-load-fresh-'));
  cpSync(SEEDS_DIR, path.join(freshWorkspace, 'seeds'), { recursive: true });
  [server, fresh] = await Promise.all([ServerSession.start({ workspace }), ServerSession.start({ workspace: freshWorkspace })]);
  sessions.push(server, fresh);
  await Promise.all([server.ready(), fresh.ready()]);
});

after(async () => {
  await Promise.all(sessions.map((s) => s.dispose()));
  rmSync(workspace, { recursive: true, force: true });
  rmSync(freshWorkspace, { recursive: true, force: true });
});

test(
  `load: ${SECONDS} s of ${CHANGES_PER_SECOND} edits/s on a 5,000-word draft while ${LIVE_FILES} sources churn`,
  { timeout: (SECONDS + 90) * 1000 },
  async () => {
    const seed = fuzzSeed();
    console.log(`load seed ${seed} (replay with SOURCED_FUZZ_SEED=${seed})`);
    const rng = new Rng(seed);
    const uri = pathToFileURL(path.join(workspace, 'load.md')).href;
    const text = bigDraft(5000);
    const words = text.split(/\s+/).filter(Boolean).length;
    server.open(uri, text);
    assert.ok(await server.diagnosticsNow(uri, 60_000), 'first diagnostics');
    // Warm up the paths the run uses, then take the baseline.
    for (let i = 0; i < 20; i++) await server.call('textDocument/hover', { textDocument: { uri }, position: randomPosition(rng, text) });
    const before = (await server.call('sourced/debugMemory', {})) as Answer & { result: { heapUsed: number; rss: number } };
    assert.ok(before.ok, 'sourced/debugMemory answers');

    const latencies: number[] = [];
    const slowest = new Map<string, number>();
    const failures: string[] = [];
    const stats = { edits: 0, requests: 0, fileOps: 0 };
    const deadline = Date.now() + SECONDS * 1000;
    const livePath = (i: number): string => path.join(workspace, 'seeds', 'live', `live-${i}.txt`);
    const live = new Set<number>();

    const editLoop = async (): Promise<void> => {
      let next = Date.now();
      while (Date.now() < deadline) {
        const doc = server.docs.get(uri)!;
        const current = doc.getText();
        // Balanced typing: insert a word or delete about one, so the draft keeps its size.
        const at = doc.offsetAt(randomPosition(rng, current));
        if (rng.chance(0.5)) {
          const pos = doc.positionAt(at);
          server.edit(uri, [{ range: { start: pos, end: pos }, text: rng.pick(['the ', 'minister ', '"', '42 ', 'said ', '\n', '. ']) }]);
        } else {
          server.edit(uri, [
            { range: { start: doc.positionAt(at), end: doc.positionAt(Math.min(current.length, at + 1 + rng.int(8))) }, text: '' },
          ]);
        }
        stats.edits++;
        next += 1000 / CHANGES_PER_SECOND;
        await sleep(Math.max(0, next - Date.now()));
      }
    };

    const requestLoop = async (): Promise<void> => {
      while (Date.now() < deadline) {
        const doc = server.docs.get(uri)!;
        const position = randomPosition(rng, doc.getText());
        const textDocument = { uri };
        const [method, params] = rng.pick<[string, unknown]>([
          ['textDocument/completion', { textDocument, position }],
          ['textDocument/hover', { textDocument, position }],
          ['textDocument/definition', { textDocument, position }],
          ['textDocument/references', { textDocument, position, context: { includeDeclaration: true } }],
          [
            'textDocument/codeAction',
            {
              textDocument,
              range: { start: position, end: position },
              context: { diagnostics: server.lsp.diagnostics.get(uri)?.diagnostics ?? [] },
            },
          ],
          ['textDocument/documentSymbol', { textDocument }],
          ['sourced/status', {}],
        ]);
        const version = doc.version;
        const answer = await server.call(method, params);
        stats.requests++;
        latencies.push(answer.ms);
        slowest.set(method, Math.max(slowest.get(method) ?? 0, Math.round(answer.ms)));
        if (!answer.ok) failures.push(`${method}: error ${answer.code} ${answer.message}`);
        else if (server.docs.get(uri)!.version === version)
          for (const p of checkRanges(answer.result, uri, server.textOf)) failures.push(`${method}: ${p}`);
        await sleep(rng.int(40));
      }
    };

    const fileLoop = async (): Promise<void> => {
      const period = (SECONDS * 1000) / (LIVE_FILES * 3);
      while (Date.now() < deadline) {
        const i = rng.int(LIVE_FILES);
        if (!live.has(i)) {
          writeFileSync(
            livePath(i),
            `Live source ${i}\n\ndate 2024-05-0${1 + (i % 9)} PORTO: The port council met for the ${i}th time and said "the quay will reopen in June" on Tuesday.\n`,
          );
          live.add(i);
        } else if (rng.chance(0.6)) {
          writeFileSync(
            livePath(i),
            `Live source ${i} revised\n\nThe council said it had spent ${i * 3} million euros, officials told reporters.\n`,
          );
        } else {
          unlinkSync(livePath(i));
          live.delete(i);
        }
        stats.fileOps++;
        await sleep(period);
      }
    };

    const started = Date.now();
    await Promise.all([editLoop(), requestLoop(), fileLoop()]);
    const elapsed = (Date.now() - started) / 1000;

    // Back to the corpus before the run, then compare the heap.
    for (const i of live) unlinkSync(livePath(i));
    const settled = await server.lsp.waitFor(
      () => server.status(),
      (s) => s.sources === 5,
      10_000,
    );
    const finalDiagnostics = await server.diagnosticsNow(uri, 30_000);
    await sleep(500);
    const afterRun = (await server.call('sourced/debugMemory', {})) as Answer & { result: { heapUsed: number; rss: number } };

    const freshUri = pathToFileURL(path.join(freshWorkspace, 'load.md')).href;
    fresh.open(freshUri, server.docs.get(uri)!.getText());
    const freshDiagnostics = JSON.parse(
      JSON.stringify((await fresh.diagnosticsNow(freshUri, 30_000)) ?? null)
        .split(freshWorkspace)
        .join(workspace),
    ) as unknown[] | null;

    latencies.sort((a, b) => a - b);
    const pct = (p: number): number => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0);
    const mb = (n: number): string => (n / 1048576).toFixed(1);
    console.log(
      `load: ${elapsed.toFixed(1)} s, ${words}-word draft, ${stats.edits} edits (${(stats.edits / elapsed).toFixed(1)}/s), ${stats.requests} requests ` +
        `(p50 ${pct(0.5)} ms, p99 ${pct(0.99)} ms, max ${pct(1)} ms), ${stats.fileOps} source file operations on ${LIVE_FILES} files; ` +
        `heap ${mb(before.result.heapUsed)} MB before, ${mb(afterRun.result.heapUsed)} MB after (rss ${mb(before.result.rss)} -> ${mb(afterRun.result.rss)} MB); ` +
        `${finalDiagnostics?.length ?? 'no'} final diagnostics; ${failures.length} failures; slowest per request ${JSON.stringify(Object.fromEntries(slowest))}`,
    );
    if (process.env.SOURCED_LOAD_DUMP)
      writeFileSync(
        process.env.SOURCED_LOAD_DUMP,
        JSON.stringify(
          {
            edited: finalDiagnostics,
            fresh: freshDiagnostics,
            statuses: [settled, await fresh.status()],
            symbols: await server.call('workspace/symbol', { query: '' }),
            logs: server.lsp.logs.filter((l) => /live/.test(l)),
          },
          null,
          1,
        ),
      );
    const violations: string[] = [...failures.slice(0, 10), ...server.bugLogs().slice(0, 5)];
    if (settled.sources !== 5) violations.push(`the deleted sources are still counted (${JSON.stringify(settled)})`);
    if (stats.edits < SECONDS * CHANGES_PER_SECOND * 0.8) violations.push(`edit rate not kept up (${stats.edits})`);
    if (pct(1) >= MAX_LATENCY_MS) violations.push(`a request took ${pct(1)} ms (limit ${MAX_LATENCY_MS} ms)`);
    if (afterRun.result.heapUsed >= before.result.heapUsed * 1.2 + 8 * 1048576)
      violations.push('the heap did not return to its level before the run');
    if (settled.actors !== (await fresh.status()).actors)
      violations.push(`actor count ${settled.actors} after the churn, ${(await fresh.status()).actors} fresh`);
    if (!finalDiagnostics || !freshDiagnostics) violations.push('no final diagnostics');
    else {
      try {
        assert.deepEqual(finalDiagnostics.map(withoutVersion), freshDiagnostics.map(withoutVersion));
      } catch {
        violations.push(`final diagnostics differ from a fresh server's (${finalDiagnostics.length} vs ${freshDiagnostics.length})`);
      }
    }
    assert.deepEqual(violations, []);
    assert.ok(server.alive);
  },
);
