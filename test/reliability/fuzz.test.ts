/**
 * Protocol fuzzer: every CommonMark spec example and generated hostile Markdown, random incremental edits and
 * random positions for every request, through the real server. Seeded: SOURCED_FUZZ_SEED=<n> replays a run,
 * SOURCED_FUZZ_CASE=<i> replays one case of it; SOURCED_FUZZ_GENERATED sets how many generated drafts (default 400).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SEEDS_DIR } from '../helpers/fixture';
import { checkRanges, withoutVersion } from './helpers/checks';
import { randomChange, randomDraft, randomPosition } from './helpers/markdown-gen';
import { caseSeed, fuzzSeed, Rng } from './helpers/rng';
import { REQUEST_CANCELLED, ServerSession, type Answer } from './helpers/server-session';

const spec = createRequire(__filename)('commonmark-spec') as { tests: { markdown: string; number: number }[] };
const SEED = fuzzSeed();
const ONLY = process.env.SOURCED_FUZZ_CASE ? Number(process.env.SOURCED_FUZZ_CASE) : undefined;
const GENERATED = Number(process.env.SOURCED_FUZZ_GENERATED ?? 400);
const BATCH = Number(process.env.SOURCED_FUZZ_BATCH ?? 24);
/** Keeps the suite bounded on a loaded CI machine: cases past it are reported as not run (SOURCED_FUZZ_CAP_S overrides). */
const MIN_CASES = 200;
const TIME_CAP_MS = Number(process.env.SOURCED_FUZZ_CAP_S ?? 40) * 1000;

interface Case {
  index: number;
  label: string;
  text: string;
}

let workspace: string;
let edited: ServerSession;
let fresh: ServerSession;
const counts = { cases: 0, requests: 0, cancelled: 0, answeredCancelled: 0, edits: 0, ranges: 0, diagnosticsCompared: 0 };
const failures: string[] = [];
/** Final diagnostics that differ from a fresh server's (reported by their own test). */
const divergences: string[] = [];

function cases(): Case[] {
  const out: Case[] = spec.tests.map((t, i) => ({
    index: i,
    label: `spec example ${t.number}`,
    text: t.markdown.replace(/\u2192/g, '\t'),
  }));
  for (let g = 0; g < GENERATED; g++) {
    const index = out.length;
    out.push({ index, label: `generated draft ${g}`, text: randomDraft(new Rng(caseSeed(SEED, index))) });
  }
  return ONLY === undefined ? out : out.filter((c) => c.index === ONLY);
}

const fail = (c: Case, what: string): void => {
  failures.push(`${c.label} (SOURCED_FUZZ_SEED=${SEED} SOURCED_FUZZ_CASE=${c.index}): ${what}`);
};

/** One random request at a random place; checks the answer's shape, error code and ranges. */
async function randomRequest(c: Case, rng: Rng, uri: string): Promise<void> {
  const text = edited.docs.get(uri)!.getText();
  const position = randomPosition(rng, text);
  const textDocument = { uri };
  const range = { start: randomPosition(rng, text), end: randomPosition(rng, text) };
  if (range.start.line > range.end.line || (range.start.line === range.end.line && range.start.character > range.end.character)) {
    [range.start, range.end] = [range.end, range.start];
  }
  const pushed = edited.lsp.diagnostics.get(uri)?.diagnostics ?? [];
  const requests: [string, unknown][] = [
    ['textDocument/completion', { textDocument, position, context: { triggerKind: rng.pick([1, 2]), triggerCharacter: '"' } }],
    ['textDocument/hover', { textDocument, position }],
    ['textDocument/definition', { textDocument, position }],
    ['textDocument/references', { textDocument, position, context: { includeDeclaration: rng.chance(0.5) } }],
    [
      'textDocument/codeAction',
      { textDocument, range, context: { diagnostics: pushed, only: rng.chance(0.3) ? ['source.fixAll'] : undefined } },
    ],
    ['textDocument/documentSymbol', { textDocument }],
    ['workspace/symbol', { query: text.slice(0, rng.int(12)) }],
    ['sourced/searchQuotes', { query: text.slice(rng.int(Math.max(1, text.length)), rng.int(40)), limit: 1 + rng.int(20) }],
  ];
  const [method, params] = rng.pick(requests);
  const cancel = rng.chance(0.1) && process.env.SOURCED_FUZZ_CANCEL !== '0';
  counts.requests++;
  if (cancel) counts.cancelled++;
  const answer: Answer = await edited.call(method, params, cancel ? 0 : undefined);
  if (!answer.ok) {
    if (answer.code === REQUEST_CANCELLED && cancel) {
      counts.answeredCancelled++;
      return;
    }
    fail(c, `${method} answered error ${answer.code}: ${answer.message}`);
    return;
  }
  // Other drafts of the batch are edited concurrently, so a location in one of them cannot be checked against its current text.
  const problems = checkRanges(answer.result, uri, (u) => (u !== uri && edited.docs.has(u) ? null : edited.textOf(u)));
  counts.ranges += problems.length === 0 ? 1 : 0;
  for (const p of problems) fail(c, `${method} at ${JSON.stringify(position)}: ${p}`);
}

/** Open, edit and query one draft on the edited server; returns its URI. */
async function exercise(c: Case): Promise<string> {
  const rng = new Rng(caseSeed(SEED, c.index) ^ 0x5eed);
  const uri = pathToFileURL(path.join(workspace, 'fuzz', `case-${c.index}.md`)).href;
  edited.open(uri, c.text);
  const rounds = 1 + rng.int(5);
  for (let r = 0; r < rounds; r++) {
    for (let q = 0; q < 1 + rng.int(4); q++) await randomRequest(c, rng, uri);
    const changes = Array.from({ length: 1 + rng.int(3) }, () => randomChange(rng, edited.docs.get(uri)!.getText()));
    counts.edits += changes.length;
    edited.edit(uri, changes);
  }
  await randomRequest(c, rng, uri);
  return uri;
}

/** After the last edit, the pushed diagnostics must equal those of a fresh server that opens the final text. */
async function compareDiagnostics(c: Case, uri: string): Promise<void> {
  const finalText = edited.docs.get(uri)!.getText();
  fresh.open(uri, finalText);
  const [a, b] = await Promise.all([edited.diagnosticsNow(uri), fresh.diagnosticsNow(uri)]);
  if (a === undefined || b === undefined)
    fail(c, `no diagnostics for the final version (edited: ${a !== undefined}, fresh: ${b !== undefined})`);
  else {
    try {
      assert.deepEqual(a.map(withoutVersion), b.map(withoutVersion));
      counts.diagnosticsCompared++;
    } catch {
      const [ja, jb] = [JSON.stringify(a.map(withoutVersion)), JSON.stringify(b.map(withoutVersion))];
      let at = 0;
      while (at < ja.length && ja[at] === jb[at]) at++;
      if (process.env.SOURCED_FUZZ_DUMP) writeFileSync(path.join(process.env.SOURCED_FUZZ_DUMP, `case-${c.index}.md`), finalText);
      divergences.push(
        `${c.label} (SOURCED_FUZZ_SEED=${SEED} SOURCED_FUZZ_CASE=${c.index}): final diagnostics differ from a fresh server's at char ${at}: …${ja.slice(Math.max(0, at - 150), at + 150)}… vs …${jb.slice(Math.max(0, at - 150), at + 150)}…`,
      );
    }
    for (const p of checkRanges(a, uri, edited.textOf)) fail(c, `diagnostic ${p}`);
  }
  edited.close(uri);
  fresh.close(uri);
}

before(async () => {
  workspace = mkdtempSync(path.join(tmpdir(), 'sourced-fuzz-'));
  cpSync(SEEDS_DIR, path.join(workspace, 'seeds'), { recursive: true });
  [edited, fresh] = await Promise.all([ServerSession.start({ workspace }), ServerSession.start({ workspace })]);
  await Promise.all([edited.ready(), fresh.ready()]);
});

after(async () => {
  await Promise.all([edited?.dispose(), fresh?.dispose()]);
  rmSync(workspace, { recursive: true, force: true });
});

test('fuzz: spec examples and generated drafts, random edits and requests, through the real server', { timeout: 150_000 }, async () => {
  console.log(`fuzz seed ${SEED} (replay with SOURCED_FUZZ_SEED=${SEED})`);
  const started = Date.now();
  const all = cases();
  const minimum = Math.min(all.length, MIN_CASES);
  // The cap bounds the extra cases only: the minimum always runs, however loaded the machine is.
  for (let i = 0; i < all.length && (counts.cases < minimum || Date.now() - started < TIME_CAP_MS); i += BATCH) {
    const batch = all.slice(i, i + BATCH);
    const uris = await Promise.all(batch.map(exercise));
    await Promise.all(batch.map((c, j) => compareDiagnostics(c, uris[j])));
    counts.cases += batch.length;
    if (!edited.alive || !fresh.alive) break;
  }
  const bugs = [...edited.bugLogs(), ...fresh.bugLogs()];
  console.log(
    `fuzz: ${counts.cases} drafts (${Math.min(counts.cases, spec.tests.length)} CommonMark spec examples, ` +
      `${Math.max(0, counts.cases - spec.tests.length)} generated), ${counts.edits} incremental edits, ${counts.requests} requests ` +
      `(${counts.cancelled} cancelled, ${counts.answeredCancelled} answered RequestCancelled), ${counts.ranges} answers with all ranges inside, ` +
      `${counts.diagnosticsCompared} final diagnostics equal to a fresh server's; ${failures.length} failures, ${bugs.length} bug log lines; ` +
      `${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  assert.ok(edited.alive && fresh.alive, `a server died (exit ${edited.exitCode ?? fresh.exitCode})`);
  if (counts.cases < all.length)
    console.log(`fuzz: time cap reached; ${all.length - counts.cases} cases not run (raise SOURCED_FUZZ_CAP_S)`);
  for (const line of bugs.slice(0, 5)) console.log(`server bug log: ${line.slice(0, 2000)}`);
  assert.deepEqual(bugs.slice(0, 5), [], 'the server logged a swallowed error');
  assert.deepEqual(failures.slice(0, 15), [], `${failures.length} fuzz failures`);
  assert.ok(counts.cases >= minimum, `at least ${minimum} cases ran`);
});

test('fuzz: after the last edit, the diagnostics equal those of a fresh server opening the final text', () => {
  console.log(
    `fuzz: ${counts.diagnosticsCompared} of ${counts.diagnosticsCompared + divergences.length} final diagnostics equal a fresh server's; ${divergences.length} differ`,
  );
  for (const d of divergences.slice(0, 3)) console.log(`fuzz divergence: ${d.slice(0, 1200)}`);
  assert.deepEqual(divergences, []);
});
