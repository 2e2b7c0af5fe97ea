/**
 * `npm run bench -- --adversarial [--server dist/server.js] [--label after] [--only NAME] [--timeout 20000] [--no-write]`
 *
 * Pathological drafts measured from outside, over LSP, as a writer's editor sees them: a fresh built server per
 * shape on the seed corpus; the draft is opened (time to its diagnostics), a hover on another open draft is sent
 * while the draft is being diagnosed (its latency), then one character is typed in the middle (time to the new
 * diagnostics). Each time is also given as a ratio to a prose draft of the same size. Writes
 * bench/adversarial-<label>.json and bench/adversarial.md (both labels side by side when both exist).
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { REPO, SEEDS_DIR } from './corpora';
import { startServer, type LspSession } from '../test/helpers/lsp-client';
import { pathologicalDrafts } from '../test/reliability/helpers/pathological-drafts';

interface Options {
  server: string;
  label: string;
  only?: string;
  timeoutMs: number;
  write: boolean;
}

/** One shape's figures; times in ms, null when no answer came within the timeout. */
export interface ShapeResult {
  name: string;
  origin: string;
  bytes: number;
  openMs: number | null;
  editMs: number | null;
  hoverMs: number | null;
  proseOpenMs: number;
  proseEditMs: number;
  /** The same hover while a prose draft of the same size is diagnosed (the machine's own latency under load). */
  proseHoverMs?: number | null;
  alive: boolean;
}

const DEBOUNCE_MS = 150;
const log = (m: string): void => void process.stderr.write(`[adversarial] ${m}\n`);

function options(argv: string[]): Options {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return {
    server: path.resolve(value('--server') ?? path.join(REPO, 'dist', 'server.js')),
    label: value('--label') ?? 'after',
    only: value('--only'),
    timeoutMs: Number(value('--timeout') ?? 20_000),
    write: !argv.includes('--no-write'),
  };
}

/** Prose of exactly `bytes` characters, from the seeds' own paragraphs (cut at the end). */
function prose(bytes: number): string {
  const paragraphs = readFileSyncSeeds()
    .flatMap((t) => t.split(/\n\s*\n/).slice(1))
    .map((p) => p.trim())
    .filter(Boolean);
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const p = `${paragraphs[i % paragraphs.length]}\n\n`;
    parts.push(p);
    size += p.length;
  }
  return parts.join('').slice(0, bytes);
}

let seedTexts: string[] | undefined;
function readFileSyncSeeds(): string[] {
  seedTexts ??= readdirSync(SEEDS_DIR)
    .sort()
    .map((f) => readFileSync(path.join(SEEDS_DIR, f), 'utf8'));
  return seedTexts;
}

/** Waits for diagnostics of `uri` at `version`; the elapsed ms since `since`, or null after the timeout. */
async function diagnosed(lsp: LspSession, uri: string, version: number, since: number, timeoutMs: number): Promise<number | null> {
  const p = await lsp.waitFor(
    () => lsp.diagnostics.get(uri),
    (d) => d?.version === version,
    timeoutMs,
  );
  return p?.version === version ? performance.now() - since : null;
}

interface Run {
  openMs: number | null;
  editMs: number | null;
  hoverMs: number | null;
  alive: boolean;
}

/** Opens `text` on a fresh server, hovers another draft during the work, then types one character in the middle. */
async function measure(serverPath: string, workspace: string, text: string, timeoutMs: number): Promise<Run> {
  const lsp = await startServer({ workspace, serverPath });
  let alive = true;
  lsp.process.on('exit', () => (alive = false));
  try {
    await lsp.waitFor(
      () => lsp.connection.sendRequest<{ ready: boolean }>('sourced/status'),
      (s) => s.ready,
      60_000,
    );
    const other = pathToFileURL(path.join(workspace, 'other.md')).href;
    lsp.open(other, '# Other\n\nThe minister said the figures rose.\n');
    await lsp.waitFor(
      () => lsp.diagnostics.get(other),
      (d) => d !== undefined,
      10_000,
    );
    const uri = pathToFileURL(path.join(workspace, 'draft.md')).href;
    const opened = performance.now();
    lsp.open(uri, text);
    // The hover goes out once the debounce has let the diagnosis start.
    await new Promise((r) => setTimeout(r, DEBOUNCE_MS + 30));
    const hoverSent = performance.now();
    const hover = lsp.connection
      .sendRequest('textDocument/hover', { textDocument: { uri: other }, position: { line: 2, character: 6 } })
      .then(
        () => performance.now() - hoverSent,
        () => null,
      );
    const openMs = await diagnosed(lsp, uri, 1, opened, timeoutMs);
    const hoverMs = await Promise.race([hover, new Promise<null>((r) => setTimeout(() => r(null), 1000))]);
    let editMs: number | null = null;
    if (openMs !== null) {
      const middle = Math.floor(text.length / 2);
      const before = text.slice(0, middle);
      const line = before.split('\n').length - 1;
      const character = before.length - before.lastIndexOf('\n') - 1;
      const edited = performance.now();
      void lsp.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: 'x' }],
      });
      editMs = await diagnosed(lsp, uri, 2, edited, timeoutMs);
    }
    return { openMs, editMs, hoverMs, alive };
  } finally {
    if (alive) await Promise.race([lsp.close(), new Promise((r) => setTimeout(r, 2000))]);
    lsp.process.kill('SIGKILL');
  }
}

const round = (ms: number | null): number | null => (ms === null ? null : Math.round(ms));

function ratio(ms: number | null, base: number): string {
  return ms === null ? '—' : `${(ms / base).toFixed(1)}×`;
}

const cell = (ms: number | null, timeoutMs: number): string => (ms === null ? `>${timeoutMs / 1000} s` : `${ms}`);

/** Done-when of issue 13: open ≤ max(1 s, 2× prose), edit ≤ max(300 ms, 2× prose), hover ≤ 500 ms, alive. */
export function meetsGoal(r: ShapeResult): boolean {
  return (
    r.alive &&
    r.openMs !== null &&
    r.openMs <= Math.max(1000, 2 * r.proseOpenMs) &&
    r.editMs !== null &&
    r.editMs <= Math.max(300, 2 * r.proseEditMs) &&
    r.hoverMs !== null &&
    r.hoverMs <= 500
  );
}

function table(results: ShapeResult[], timeoutMs: number): string {
  const rows = results.map(
    (r) =>
      `| ${r.name} | ${r.origin} | ${r.bytes} | ${cell(r.openMs, timeoutMs)} | ${ratio(r.openMs, r.proseOpenMs)} | ${cell(r.editMs, timeoutMs)} | ${ratio(r.editMs, r.proseEditMs)} | ${r.hoverMs === null ? '—' : r.hoverMs} | ${r.proseHoverMs ?? '—'} | ${r.alive ? '' : 'exited '}${meetsGoal(r) ? 'yes' : 'no'} |`,
  );
  return [
    '| shape | from | bytes | open ms | ×prose | edit ms | ×prose | hover on other doc ms | same hover during prose ms | meets goal |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---|',
    ...rows,
  ].join('\n');
}

function renderMarkdown(): string {
  const out = ['# Adversarial drafts (`npm run bench -- --adversarial`)', ''];
  out.push(
    'Open: time from didOpen to the diagnostics; edit: from a one-character edit in the middle to the new diagnostics;',
    'hover: a hover on another draft sent 180 ms after the open (after the 150 ms debounce). ×prose: ratio to a prose draft',
    'of the same size on the same server build. Goal (issue 13): open ≤ max(1 s, 2× prose), edit ≤ max(300 ms, 2× prose), hover ≤ 500 ms.',
    '',
  );
  for (const label of ['before', 'after']) {
    const file = path.join(REPO, 'bench', `adversarial-${label}.json`);
    if (!existsSync(file)) continue;
    const data = JSON.parse(readFileSync(file, 'utf8')) as { machine: string; timeoutMs: number; results: ShapeResult[] };
    out.push(`## ${label} (${data.machine})`, '', table(data.results, data.timeoutMs), '');
  }
  return out.join('\n');
}

/** Runs every shape (or `--only`), prints the table and writes the results. */
export async function runAdversarial(argv: string[]): Promise<void> {
  const opts = options(argv);
  if (!existsSync(opts.server)) throw new Error(`no server build at ${opts.server}: run npm run build first`);
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'sourced-adversarial-'));
  cpSync(SEEDS_DIR, path.join(workspace, 'seeds'), { recursive: true });
  const proseRuns = new Map<number, Run>();
  const results: ShapeResult[] = [];
  try {
    for (const shape of pathologicalDrafts()) {
      if (opts.only && !shape.name.includes(opts.only)) continue;
      const bytes = shape.text.length;
      const bucket = Number(bytes.toPrecision(2));
      let base = proseRuns.get(bucket);
      if (!base) {
        base = await measure(opts.server, workspace, prose(bucket), opts.timeoutMs);
        proseRuns.set(bucket, base);
        log(`prose ${bucket} B: open ${round(base.openMs)} ms, edit ${round(base.editMs)} ms`);
      }
      const run = await measure(opts.server, workspace, shape.text, opts.timeoutMs);
      const r: ShapeResult = {
        name: shape.name,
        origin: shape.origin,
        bytes,
        openMs: round(run.openMs),
        editMs: round(run.editMs),
        hoverMs: round(run.hoverMs),
        proseOpenMs: round(base.openMs) ?? opts.timeoutMs,
        proseEditMs: round(base.editMs) ?? opts.timeoutMs,
        proseHoverMs: round(base.hoverMs),
        alive: run.alive,
      };
      results.push(r);
      log(
        `${shape.name} (${bytes} B): open ${r.openMs ?? 'timeout'} ms, edit ${r.editMs ?? '—'} ms, hover ${r.hoverMs ?? '—'} ms${r.alive ? '' : ', server exited'}`,
      );
    }
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
  const machine = `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}, ${process.version}`;
  if (opts.write && !opts.only) {
    writeFileSync(
      path.join(REPO, 'bench', `adversarial-${opts.label}.json`),
      `${JSON.stringify({ machine, timeoutMs: opts.timeoutMs, results }, null, 2)}\n`,
    );
    writeFileSync(path.join(REPO, 'bench', 'adversarial.md'), renderMarkdown());
  }
  process.stdout.write(`${table(results, opts.timeoutMs)}\n`);
}
