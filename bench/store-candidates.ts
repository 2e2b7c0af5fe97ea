/**
 * `npx tsx bench/store-candidates.ts --size 2095|20000`
 *
 * Compares embedded stores for the persistent index by measurement: better-sqlite3 with FTS5, lmdb, and our own
 * segment files (msgpackr + reads by offset). The corpus is analysed once (cached as msgpack under the bench root);
 * each candidate is written in one child process (write throughput, file size) and opened and queried in a fresh
 * child process (open time, RSS after open, p50/p95 of the queries the features make). Prints a Markdown table.
 */
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { pack, unpack } from 'msgpackr';
import Database from 'better-sqlite3';
import { open as openLmdb } from 'lmdb';
import { benchRoot, corpusFiles, corpusFor, rng } from './corpora';
import { analyzeSource } from '../server/src/ingest/analyze-source';
import type { SourceAnalysis } from '../server/src/domain/source-analysis';
import { terms, words } from '../server/src/text/tokenize';
import { nameKey } from '../server/src/mentions/name-key';

type Candidate = 'sqlite' | 'lmdb' | 'segments';
const CANDIDATES: Candidate[] = ['sqlite', 'lmdb', 'segments'];
const QUERIES = 300;
const K1 = 1.2;
const B = 0.75;

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

/** The analyses of a corpus, computed once and cached. */
function analysesFile(size: number): string {
  const file = path.join(benchRoot(), `analyses-${size}.msgpack`);
  if (existsSync(file)) return file;
  const dir = corpusFor(size);
  const started = Date.now();
  const out: SourceAnalysis[] = [];
  for (const f of corpusFiles(dir)) {
    out.push(analyzeSource(pathToFileURL(f).href, path.relative(dir, f).split(path.sep).join('/'), readFileSync(f, 'utf8')));
  }
  writeFileSync(file, pack(out));
  process.stderr.write(`analysed ${out.length} sources in ${Date.now() - started} ms\n`);
  return file;
}

const ftsTerms = (ts: readonly string[]): string => ts.map((t) => t.replace(/'/g, '\u02bc')).join(' ');
const ftsQuery = (ts: readonly string[]): string => ts.map((t) => `"${t.replace(/'/g, '\u02bc').replace(/"/g, '""')}"`).join(' OR ');

interface Units {
  quotes: { source: number; local: number; terms: string[] }[];
  sentences: { source: number; local: number; terms: string[] }[];
  aliases: Map<string, number[]>;
}

function unitsOf(all: SourceAnalysis[]): Units {
  const quotes: Units['quotes'] = [];
  const sentences: Units['sentences'] = [];
  const aliases = new Map<string, number[]>();
  all.forEach((a, source) => {
    a.quotes.forEach((q, local) => quotes.push({ source, local, terms: [...terms(q.text), ...(q.speaker ? terms(q.speaker) : [])] }));
    a.doc.sentences.forEach((s, local) => sentences.push({ source, local, terms: terms(a.doc.text.slice(s.start, s.end)) }));
    for (const actor of a.actors.actors) {
      for (const form of new Set([actor.name, ...actor.aliases].map(nameKey))) {
        const list = aliases.get(form);
        if (list) list.push(source);
        else aliases.set(form, [source]);
      }
    }
  });
  return { quotes, sentences, aliases };
}

/** Writes one candidate's store from the analyses. */
function write(candidate: Candidate, all: SourceAnalysis[], dir: string): void {
  const u = unitsOf(all);
  if (candidate === 'sqlite') {
    const db = new Database(path.join(dir, 'index.db'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec(`CREATE TABLE source (id INTEGER PRIMARY KEY, path TEXT UNIQUE, analysis BLOB);
      CREATE VIRTUAL TABLE quote_fts USING fts5(terms, detail=column);
      CREATE VIRTUAL TABLE sentence_fts USING fts5(terms, detail=column);
      CREATE TABLE alias (key TEXT, source INTEGER);
      CREATE INDEX alias_key ON alias(key);`);
    const putSource = db.prepare('INSERT INTO source (id, path, analysis) VALUES (?, ?, ?)');
    const putQuote = db.prepare('INSERT INTO quote_fts (rowid, terms) VALUES (?, ?)');
    const putSentence = db.prepare('INSERT INTO sentence_fts (rowid, terms) VALUES (?, ?)');
    const putAlias = db.prepare('INSERT INTO alias (key, source) VALUES (?, ?)');
    // One transaction per source, as an incremental indexer would write.
    const perSource = db.transaction((i: number) => {
      putSource.run(i, all[i].doc.path, pack(all[i]));
    });
    all.forEach((_, i) => perSource(i));
    db.transaction(() => {
      u.quotes.forEach((q, id) => putQuote.run(id, ftsTerms(q.terms)));
      u.sentences.forEach((s, id) => putSentence.run(id, ftsTerms(s.terms)));
      for (const [key, list] of u.aliases) for (const s of list) putAlias.run(key, s);
    })();
    db.close();
  } else if (candidate === 'lmdb') {
    const db = openLmdb({ path: path.join(dir, 'lmdb'), compression: false });
    const sources = db.openDB({ name: 'source' });
    const paths = db.openDB({ name: 'path' });
    const qpost = db.openDB({ name: 'qpost', encoding: 'binary' });
    const spost = db.openDB({ name: 'spost', encoding: 'binary' });
    const alias = db.openDB({ name: 'alias' });
    void db.transactionSync(() => {
      all.forEach((a, i) => {
        sources.putSync(i, a);
        paths.putSync(a.doc.path, i);
      });
      for (const [name, list, store] of [
        ['q', u.quotes, qpost],
        ['s', u.sentences, spost],
      ] as const) {
        const post = postings(list);
        for (const [t, ids] of post) store.putSync(t, Buffer.from(new Uint32Array(ids).buffer));
        store.putSync('\u0000len', Buffer.from(lengths(list).buffer));
        void name;
      }
      for (const [key, list] of u.aliases) alias.putSync(key, list);
    });
    void db.close();
  } else {
    const fd = openSync(path.join(dir, 'sources.seg'), 'w');
    const offsets: number[] = [];
    let at = 0;
    for (const a of all) {
      const bytes = pack(a);
      writeSync(fd, bytes);
      offsets.push(at, bytes.length);
      at += bytes.length;
    }
    closeSync(fd);
    const dict: Record<string, unknown> = { offsets, paths: all.map((a) => a.doc.path), aliases: Object.fromEntries(u.aliases) };
    for (const [name, list] of [
      ['q', u.quotes],
      ['s', u.sentences],
    ] as const) {
      const post = postings(list);
      const pfd = openSync(path.join(dir, `${name}.post`), 'w');
      const terms: Record<string, [number, number]> = {};
      let pos = 0;
      for (const [t, ids] of post) {
        const buf = Buffer.from(new Uint32Array(ids).buffer);
        writeSync(pfd, buf);
        terms[t] = [pos, ids.length];
        pos += buf.length;
      }
      closeSync(pfd);
      dict[`${name}terms`] = terms;
      writeFileSync(path.join(dir, `${name}.len`), lengths(list));
    }
    writeFileSync(path.join(dir, 'dict.msgpack'), pack(dict));
  }
}

function postings(list: { terms: string[] }[]): Map<string, number[]> {
  const post = new Map<string, number[]>();
  list.forEach((x, id) => {
    for (const t of new Set(x.terms)) {
      const l = post.get(t);
      if (l) l.push(id);
      else post.set(t, [id]);
    }
  });
  return post;
}

function lengths(list: { terms: string[] }[]): Uint16Array {
  return Uint16Array.from(list, (x) => Math.min(65535, x.terms.length));
}

/** BM25 top-k in JS over postings read from a store (tf taken as 1: units are single sentences or quotations). */
function bm25(posts: Uint32Array[], lens: Uint16Array, limit: number): number[] {
  const n = lens.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += lens[i];
  const avg = total / Math.max(1, n);
  const scores = new Map<number, number>();
  for (const p of posts) {
    const idf = Math.log(1 + (n - p.length + 0.5) / (p.length + 0.5));
    for (const id of p) scores.set(id, (scores.get(id) ?? 0) + (idf * (K1 + 1)) / (1 + K1 * (1 - B + (B * lens[id]) / avg)));
  }
  return [...scores]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([id]) => id);
}

interface Store {
  quotes(ts: string[]): number[];
  passages(ts: string[]): number[];
  actor(key: string): number[];
  source(p: string): SourceAnalysis | undefined;
}

function openStore(candidate: Candidate, dir: string): Store {
  if (candidate === 'sqlite') {
    const db = new Database(path.join(dir, 'index.db'), { readonly: true });
    const q = db.prepare('SELECT rowid FROM quote_fts WHERE quote_fts MATCH ? ORDER BY rank LIMIT 150').pluck();
    const s = db.prepare('SELECT rowid FROM sentence_fts WHERE sentence_fts MATCH ? ORDER BY rank LIMIT 50').pluck();
    const a = db.prepare('SELECT source FROM alias WHERE key = ?').pluck();
    const src = db.prepare('SELECT analysis FROM source WHERE path = ?').pluck();
    return {
      quotes: (ts) => (ts.length ? (q.all(ftsQuery(ts)) as number[]) : []),
      passages: (ts) => (ts.length ? (s.all(ftsQuery(ts)) as number[]) : []),
      actor: (k) => a.all(k) as number[],
      source: (p) => {
        const b = src.get(p) as Buffer | undefined;
        return b ? (unpack(b) as SourceAnalysis) : undefined;
      },
    };
  }
  if (candidate === 'lmdb') {
    const db = openLmdb({ path: path.join(dir, 'lmdb'), compression: false, readOnly: true });
    const sources = db.openDB({ name: 'source' });
    const paths = db.openDB({ name: 'path' });
    const qpost = db.openDB({ name: 'qpost', encoding: 'binary' });
    const spost = db.openDB({ name: 'spost', encoding: 'binary' });
    const alias = db.openDB({ name: 'alias' });
    const lens = (store: typeof qpost): Uint16Array => {
      const b = store.get('\u0000len') as Buffer;
      return new Uint16Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.length));
    };
    const qlen = lens(qpost);
    const slen = lens(spost);
    const read = (store: typeof qpost, ts: string[]): Uint32Array[] =>
      ts
        .map((t) => store.get(t) as Buffer | undefined)
        .filter((b): b is Buffer => b !== undefined)
        .map((b) => new Uint32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.length)));
    return {
      quotes: (ts) => bm25(read(qpost, ts), qlen, 150),
      passages: (ts) => bm25(read(spost, ts), slen, 50),
      actor: (k) => (alias.get(k) as number[] | undefined) ?? [],
      source: (p) => {
        const id = paths.get(p) as number | undefined;
        return id === undefined ? undefined : (sources.get(id) as SourceAnalysis);
      },
    };
  }
  const dict = unpack(readFileSync(path.join(dir, 'dict.msgpack'))) as {
    offsets: number[];
    paths: string[];
    aliases: Record<string, number[]>;
    qterms: Record<string, [number, number]>;
    sterms: Record<string, [number, number]>;
  };
  const byPath = new Map(dict.paths.map((p, i) => [p, i]));
  const seg = openSync(path.join(dir, 'sources.seg'), 'r');
  const files = { q: openSync(path.join(dir, 'q.post'), 'r'), s: openSync(path.join(dir, 's.post'), 'r') };
  const lenOf = (n: string): Uint16Array => {
    const b = readFileSync(path.join(dir, `${n}.len`));
    return new Uint16Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.length));
  };
  const qlen = lenOf('q');
  const slen = lenOf('s');
  const read = (fd: number, dictTerms: Record<string, [number, number]>, ts: string[]): Uint32Array[] =>
    ts
      .map((t) => dictTerms[t])
      .filter((e): e is [number, number] => e !== undefined)
      .map(([at, n]) => {
        const out = new Uint32Array(n);
        readSync(fd, new Uint8Array(out.buffer), 0, n * 4, at);
        return out;
      });
  return {
    quotes: (ts) => bm25(read(files.q, dict.qterms, ts), qlen, 150),
    passages: (ts) => bm25(read(files.s, dict.sterms, ts), slen, 50),
    actor: (k) => dict.aliases[k] ?? [],
    source: (p) => {
      const i = byPath.get(p);
      if (i === undefined) return undefined;
      const buf = Buffer.alloc(dict.offsets[2 * i + 1]);
      readSync(seg, buf, 0, buf.length, dict.offsets[2 * i]);
      return unpack(buf) as SourceAnalysis;
    },
  };
}

const pct = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

function dirSize(p: string): number {
  const st = statSync(p);
  if (!st.isDirectory()) return st.size;
  return readdirSync(p).reduce((n, f) => n + dirSize(path.join(p, f)), 0);
}

/** Child: write one candidate, print JSON. */
function childWrite(candidate: Candidate, size: number, dir: string): void {
  const all = unpack(readFileSync(analysesFile(size))) as SourceAnalysis[];
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  write(candidate, all, dir);
  const ms = performance.now() - started;
  console.log(JSON.stringify({ writeMs: ms, sourcesPerSec: all.length / (ms / 1000), bytes: dirSize(dir) }));
}

/** Child: open one candidate and query it, print JSON. The queries come from the cached analyses, read after the open. */
function childQuery(candidate: Candidate, size: number, dir: string): void {
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  const store = openStore(candidate, dir);
  const openMs = performance.now() - started;
  const rssOpen = process.memoryUsage().rss;
  // The sample is drawn in a second step so that the analyses do not count in the RSS after open.
  const sample = sampleQueries(size);
  const time = (xs: unknown[], run: (x: never) => unknown): number[] =>
    xs.map((x) => {
      const t = performance.now();
      run(x as never);
      return performance.now() - t;
    });
  const quoteMs = time(sample.quotes, (ts: string[]) => store.quotes(ts));
  const passageMs = time(sample.passages, (ts: string[]) => store.passages(ts));
  const actorMs = time(sample.actors, (k: string) => store.actor(k));
  const sourceMs = time(sample.paths, (p: string) => store.source(p));
  const hits = sample.actors.filter((k) => store.actor(k).length > 0).length;
  console.log(
    JSON.stringify({
      openMs,
      rssOpenMb: rssOpen / 1048576,
      rssBeforeMb: rssBefore / 1048576,
      actorHits: hits / sample.actors.length,
      quote: [pct(quoteMs, 50), pct(quoteMs, 95)],
      passage: [pct(passageMs, 50), pct(passageMs, 95)],
      actor: [pct(actorMs, 50), pct(actorMs, 95)],
      source: [pct(sourceMs, 50), pct(sourceMs, 95)],
    }),
  );
}

/** Quote queries (three words from a quotation's start), passage queries (a sentence's terms), names, paths. */
function sampleQueries(size: number): { quotes: string[][]; passages: string[][]; actors: string[]; paths: string[] } {
  const all = unpack(readFileSync(analysesFile(size))) as SourceAnalysis[];
  const r = rng(size);
  const out = { quotes: [] as string[][], passages: [] as string[][], actors: [] as string[], paths: [] as string[] };
  for (let tries = 0; tries < QUERIES * 20 && out.quotes.length < QUERIES; tries++) {
    const a = all[Math.floor(r() * all.length)];
    const q = a.quotes[Math.floor(r() * a.quotes.length)];
    const s = a.doc.sentences[Math.floor(r() * a.doc.sentences.length)];
    const actor = a.actors.actors[Math.floor(r() * a.actors.actors.length)];
    if (!q || !s || !actor) continue;
    out.quotes.push(terms(words(q.text).slice(0, 3).join(' ')));
    out.passages.push(terms(a.doc.text.slice(s.start, s.end)).slice(0, 8));
    out.actors.push(nameKey(actor.name));
    out.paths.push(a.doc.path);
  }
  return out;
}

function main(): void {
  const size = Number(arg('--size') ?? 2095);
  const mode = arg('--child');
  const candidate = arg('--candidate') as Candidate | undefined;
  const dir = path.join(benchRoot(), `store-${candidate}-${size}`);
  if (mode === 'write' && candidate) return childWrite(candidate, size, dir);
  if (mode === 'query' && candidate) return childQuery(candidate, size, dir);
  analysesFile(size);
  const rows: string[] = [];
  const only = (arg('--candidates')?.split(',') as Candidate[] | undefined) ?? CANDIDATES;
  for (const c of only) {
    const run = (m: string): Record<string, unknown> => {
      const res = spawnSync(process.execPath, [...process.execArgv, __filename, '--size', String(size), '--child', m, '--candidate', c], {
        encoding: 'utf8',
        maxBuffer: 1 << 26,
      });
      if (res.status !== 0) throw new Error(`${c} ${m} failed: ${res.stderr}`);
      return JSON.parse(res.stdout.trim().split('\n').pop() ?? '{}') as Record<string, unknown>;
    };
    const w = run('write') as { writeMs: number; sourcesPerSec: number; bytes: number };
    const q = run('query') as {
      openMs: number;
      rssOpenMb: number;
      rssBeforeMb: number;
      actorHits: number;
      quote: number[];
      passage: number[];
      actor: number[];
      source: number[];
    };
    const f = (x: number): string => x.toFixed(x < 10 ? 2 : 0);
    rows.push(
      `| ${c} | ${size} | ${f(w.sourcesPerSec)} | ${f(q.openMs)} | ${f(q.rssOpenMb)} (${f(q.rssBeforeMb)} before) | ${q.quote.map(f).join(' / ')} | ${q.passage.map(f).join(' / ')} | ${q.actor.map(f).join(' / ')} | ${q.source.map(f).join(' / ')} | ${f(w.bytes / 1048576)} |`,
    );
    process.stderr.write(`${rows[rows.length - 1]}\n`);
  }
  console.log(
    '| candidate | articles | write (sources/s) | open (ms) | RSS after open (MB) | quote search p50 / p95 (ms) | passage search p50 / p95 (ms) | actor by name p50 / p95 (ms) | source by key p50 / p95 (ms) | size (MB) |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
}

main();
