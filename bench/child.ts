/**
 * One benchmark measurement in its own process (so peak RSS is honest): `raw`, `cold`, `warm` or `fuse`.
 * Bundled with esbuild like the real server and run by run-bench.ts; prints one JSON line.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import Fuse from 'fuse.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { hoverText, itemText } from './answer-text';
import { NodeCorpus } from '../server/src/node/node-corpus';
import { NodeIndexCache } from '../server/src/node/node-index-cache';
import { createService, MemoryLogger, resolveConfig, type SourcedService } from '../server/src/service';
import { splitSentences } from '../server/src/text/sentence-splitter';
import { normalizeForMatch } from '../server/src/text/normalize';
import type { Workload } from './workload';

interface Args {
  mode: 'raw' | 'cold' | 'warm' | 'fuse';
  dir: string;
  files: string;
  workload: string;
  cache: string;
  /** `sourced.index.store` for cold and warm: memory (default) or sqlite. */
  store?: string;
  /** Quote queries for the fuse.js peer (it is slow: a sample is enough for a ratio). */
  fuseQueries?: string;
}

function parseArgs(): Args {
  const out: Record<string, string> = {};
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) out[argv[i].replace(/^--/, '')] = argv[i + 1] ?? '';
  return out as unknown as Args;
}

const peakRssMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);
const ms = (t0: number): number => Math.round((performance.now() - t0) * 10) / 10;

function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] * 100) / 100;
}

const median = (values: number[]): number => percentile(values, 50);

function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return Math.round(process.memoryUsage().heapUsed / 1048576);
}

/** Reads files with a fixed number of reads in flight. */
async function readAll(files: string[], concurrency: number, each: (text: string) => void): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const file = files[next++];
      each(await readFile(file, 'utf8'));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/** The floor: read every file and split it into sentences, nothing else. */
async function raw(files: string[]): Promise<Record<string, number>> {
  const t0 = performance.now();
  let sentences = 0;
  await readAll(files, 32, (text) => {
    const re = /[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g;
    for (let m = re.exec(text); m; m = re.exec(text)) sentences += splitSentences(text, m.index, m.index + m[0].length).length;
  });
  return { rawMs: ms(t0), rawSentences: sentences, rawRssMb: peakRssMb() };
}

/** What a naive implementation does: regex out every quotation and search them all with fuse.js. */
async function fuse(files: string[], workload: Workload, args: Args): Promise<Record<string, number>> {
  const t0 = performance.now();
  const quotes: string[] = [];
  await readAll(files, 32, (text) => {
    for (const m of text.matchAll(/["\u201c]([^"\u201c\u201d\n]{3,400})["\u201d]/g)) quotes.push(m[1]);
  });
  const index = new Fuse(quotes, { includeScore: true, ignoreLocation: true, threshold: 0.4 });
  const buildMs = ms(t0);
  const times: number[] = [];
  let hits = 0;
  for (const q of workload.quotes.slice(0, Number(args.fuseQueries ?? workload.quotes.length))) {
    const t = performance.now();
    const found = index.search(q.typed, { limit: 10 });
    times.push(performance.now() - t);
    if (found.slice(0, 3).some((f) => f.item === q.quote)) hits++;
  }
  return {
    fuseBuildMs: buildMs,
    fuseQuotes: quotes.length,
    fuseQueries: times.length,
    fuseP50: percentile(times, 50),
    fuseP95: percentile(times, 95),
    fuseHits: hits,
  };
}

const logger = new MemoryLogger();

/** The indexer's own summary line (files restored from the persisted index, files re-read). */
function indexLog(): string {
  return logger.lines.filter((l) => /indexed|persisted index/.test(l)).join(' | ');
}

function makeService(
  dir: string,
  cacheDir: string,
  persist: boolean,
  store = 'memory',
): { service: SourcedService; corpus: NodeCorpus; cache: NodeIndexCache | undefined } {
  const raw = { corpus: { include: ['**/*.txt'] }, index: { persist, store } };
  const config = resolveConfig(raw);
  const corpus = new NodeCorpus([{ path: dir }], config.corpus);
  const cache = persist ? new NodeIndexCache({ storagePath: cacheDir, workspaceFolders: [dir], buildId: 'bench' }) : undefined;
  const service = createService({ corpus, config: raw, indexCache: cache, logger });
  return { service, corpus, cache };
}

let docCounter = 0;
function draftDoc(text: string, version = 1): TextDocument {
  return TextDocument.create(`file:///bench-drafts/draft-${docCounter++}.md`, 'markdown', version, text);
}

async function queries(service: SourcedService, workload: Workload): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  // Completion: the writer has typed an opening mark and a fragment.
  const ctimes: number[] = [];
  let chits = 0;
  for (const q of workload.quotes) {
    const doc = draftDoc(`The minister spoke on Monday. As reported, "${q.typed}`);
    const position = doc.positionAt(doc.getText().length);
    const t = performance.now();
    const list = await service.completion(doc, position);
    ctimes.push(performance.now() - t);
    const want = normalizeForMatch(q.quote.split(/\s+/).slice(0, 6).join(' '));
    if (list?.items.slice(0, 3).some((i) => itemText(i).includes(want))) chits++;
  }
  Object.assign(out, {
    completionP50: percentile(ctimes, 50),
    completionP95: percentile(ctimes, 95),
    completionHits: chits,
    completionQueries: workload.quotes.length,
  });
  // Three-word openings: the writer types a quotation's first three words; is it among the first ten items?
  let openingHits = 0;
  for (const q of workload.quotes) {
    const doc = draftDoc(`The minister spoke on Monday. As reported, "${q.quote.split(/\s+/).slice(0, 3).join(' ')}`);
    const list = await service.completion(doc, doc.positionAt(doc.getText().length));
    const want = normalizeForMatch(q.quote.split(/\s+/).slice(0, 6).join(' '));
    if (list?.items.slice(0, 10).some((i) => itemText(i).includes(want))) openingHits++;
  }
  out.openingTop10 = Math.round((openingHits / Math.max(1, workload.quotes.length)) * 1000) / 1000;
  // Hover over actor names.
  const htimes: number[] = [];
  let hhits = 0;
  for (const name of workload.names) {
    const doc = draftDoc(`Yesterday ${name} arrived for talks.`);
    const position = doc.positionAt('Yesterday '.length + Math.floor(name.length / 2));
    const t = performance.now();
    const h = await service.hover(doc, position);
    htimes.push(performance.now() - t);
    if (normalizeForMatch(hoverText(h)).includes(normalizeForMatch(name.split(' ')[1]))) hhits++;
  }
  Object.assign(out, {
    hoverP50: percentile(htimes, 50),
    hoverP95: percentile(htimes, 95),
    hoverHits: hhits,
    hoverQueries: workload.names.length,
  });
  // Full diagnostics of a 5,000-word draft none of whose sentences was seen before (after a warm-up on another
  // draft), then the same draft again (what the service caches between versions).
  await service.diagnostics(draftDoc(workload.warmupDraft));
  const dtimes: number[] = [];
  let findings = 0;
  for (let i = 0; i < 3; i++) {
    const doc = draftDoc(workload.draft);
    const t = performance.now();
    findings = (await service.diagnostics(doc)).length;
    dtimes.push(performance.now() - t);
  }
  const etimes: number[] = [];
  let text = workload.draft;
  const base = draftDoc(text);
  await service.diagnostics(base);
  for (let v = 2; v <= 7; v++) {
    const at = Math.floor((text.length * v) / 9);
    text = text.slice(0, at) + 'x' + text.slice(at);
    const doc = TextDocument.create(base.uri, 'markdown', v, text);
    const t = performance.now();
    await service.diagnostics(doc);
    etimes.push(performance.now() - t);
  }
  Object.assign(out, {
    draftWords: workload.draft.split(/\s+/).length,
    draftMs: Math.round(dtimes[0] * 10) / 10,
    draftAgainMs: median(dtimes.slice(1)),
    draftFindings: findings,
    editMs: median(etimes),
    editMaxMs: Math.round(Math.max(...etimes) * 10) / 10,
  });
  return out;
}

/** Re-index of one changed file on disk, from the file event to the updated index. */
async function changedFile(service: SourcedService, corpus: NodeCorpus, file: string, workload: Workload): Promise<Record<string, number>> {
  const original = await readFile(file, 'utf8');
  const uri = pathToFileURL(file).href;
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    await writeFile(file, `${original}\nA new closing paragraph, number ${i}, was added by the editor.\n`);
    const done = new Promise<void>((resolve) => {
      const sub = service.onDidChangeIndex(() => {
        sub.dispose();
        resolve();
      });
    });
    const t = performance.now();
    corpus.notify({ kind: 'changed', uri });
    await done;
    times.push(performance.now() - t);
  }
  await writeFile(file, original);
  const done = new Promise<void>((resolve) => {
    const sub = service.onDidChangeIndex(() => {
      sub.dispose();
      resolve();
    });
  });
  corpus.notify({ kind: 'changed', uri });
  await done;
  // The first hover after a change pays for whatever the indexes rebuild lazily.
  const name = workload.names[0] ?? 'Nobody Known';
  const doc = draftDoc(`Yesterday ${name} arrived for talks.`);
  const t = performance.now();
  await service.hover(doc, doc.positionAt('Yesterday '.length + 2));
  const hoverAfterChangeMs = Math.round((performance.now() - t) * 10) / 10;
  return { changedMs: median(times), changedMaxMs: Math.round(Math.max(...times) * 10) / 10, hoverAfterChangeMs };
}

async function main(): Promise<void> {
  const args = parseArgs();
  const files = JSON.parse(readFileSync(args.files, 'utf8')) as string[];
  const workload = JSON.parse(readFileSync(args.workload, 'utf8')) as Workload;
  let result: Record<string, number | string> = {};
  if (args.mode === 'raw') result = await raw(files);
  else if (args.mode === 'fuse') result = await fuse(files, workload, args);
  else if (args.mode === 'cold') {
    const { service, corpus, cache } = makeService(args.dir, args.cache, true, args.store);
    await cache?.clear();
    const t0 = performance.now();
    await service.start();
    const coldMs = ms(t0);
    const s = service.status();
    result = {
      coldMs,
      sources: s.sources,
      quotes: s.quotes,
      actors: s.actors,
      skipped: s.skipped,
      coldRssMb: peakRssMb(),
      heapAfterIndexMb: heapMb(),
    };
    const t1 = performance.now();
    await service.flushIndexCache();
    result.saveMs = ms(t1);
    result.cacheMb = Math.round(((await cache?.sizeBytes()) ?? 0) / 1048576);
    Object.assign(result, await queries(service, workload));
    const target = path.join(args.dir, workload.quotes[0]?.file ?? path.relative(args.dir, files[0]));
    Object.assign(result, await changedFile(service, corpus, target, workload));
    result.peakRssMb = peakRssMb();
    result.coldLog = indexLog();
    service.dispose();
  } else {
    const { service } = makeService(args.dir, args.cache, true, args.store);
    const t0 = performance.now();
    const started = service.start();
    // When requests are first answered (the embedded store answers before its files are checked), then the end.
    await service.whenReady();
    const answering = ms(t0);
    await started;
    result = {
      warmMs: ms(t0),
      warmAnsweringMs: answering,
      warmSources: service.status().sources,
      warmReadyRssMb: peakRssMb(),
      warmLog: indexLog(),
    };
    // What a writer meets on a second start: the first requests after ready, on the restored index.
    for (const [k, v] of Object.entries(await queries(service, workload))) result[`warm${k[0].toUpperCase()}${k.slice(1)}`] = v;
    result.warmRssMb = peakRssMb();
    service.dispose();
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
