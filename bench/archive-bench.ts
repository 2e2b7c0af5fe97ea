/**
 * The team-archive benchmark: a fresh durable PostgreSQL cluster per size (fsync on, on this machine), the corpus
 * ingested by `sourced archive ingest` (wall time, articles/s), then a language service with NO local sources
 * reading the archive answers the benchmark's 200 quote completions and 200 actor hovers (bench/workload.ts) over
 * a local TCP connection: p50/p95 and hits, counted as bench/child.ts counts them.
 *
 *   npx tsx bench/archive-bench.ts [--sizes 2095,20000] [--jobs N] [--no-write]
 * Writes bench/archive-results.md and bench/archive-results.json (unless --no-write).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { hoverText, itemText } from './answer-text';
import { openPgArchive } from '../server/src/node/pg-archive';
import { PASSAGE_SOURCES_SQL } from '../server/src/store/postgres/archive-reader';
import {
  ACTOR_CARD_SQL,
  openingPattern,
  QUOTE_ROWS_FTS_SQL,
  QUOTE_ROWS_OPENING_SQL,
} from '../server/src/store/postgres/archive-answer-sql';
import { passageQuery, quoteQuery } from '../server/src/store/postgres/archive-queries';
import { nameKeysAt } from '../server/src/service/archive-names';
import type { PgCluster } from '../test/helpers/pg-cluster';
import type { Workload } from './workload';
import { createService, MemoryCorpus, MemoryLogger } from '../server/src/service';
import { normalizeForMatch } from '../server/src/text/normalize';
import { startCluster } from '../test/helpers/pg-cluster';
import { corpusFiles, corpusFor, REPO } from './corpora';
import { buildWorkload } from './workload';

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const sizes = (opt('--sizes') ?? '2095').split(',').map(Number);
const jobs = opt('--jobs');
const write = !args.includes('--no-write');

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] * 100) / 100;
}

interface Row {
  size: number;
  /** CPU time of the ingest processes (node) per article, ms. */
  clientCpuMsPerArticle: number;
  /** CPU time of the PostgreSQL server processes during the ingest, per article, ms. */
  serverCpuMsPerArticle: number;
  ingestSeconds: number;
  articlesPerSecond: number;
  ingestLoad: string;
  sources: number;
  quotes: number;
  actors: number;
  databaseMB: number;
  completionP50: number;
  completionP95: number;
  completionHits: string;
  /** CPU time of this process per completion (ms): what the request costs without waiting for a busy machine. */
  completionCpuP50: number;
  completionCpuP95: number;
  /** PostgreSQL CPU per completion, mean over the 200 (ms). */
  completionServerCpuMean: number;
  hoverCpuP50: number;
  hoverCpuP95: number;
  hoverServerCpuMean: number;
  hoverP50: number;
  hoverP95: number;
  hoverHits: string;
  queryLoad: string;
}

const load = (): string => loadavg()[0].toFixed(1);

/** CPU seconds of the cluster: the postmaster and its children (ended backends are counted in cutime/cstime). */
function serverCpuSeconds(pg: PgCluster): number {
  const pid = readFileSync(path.join(pg.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0].trim();
  const ticks = 100; // USER_HZ on Linux
  const stat = (p: string): number[] => {
    try {
      const fields = readFileSync(`/proc/${p}/stat`, 'utf8')
        .replace(/^.*\) /, '')
        .split(' ');
      return [Number(fields[11]), Number(fields[12]), Number(fields[13]), Number(fields[14])];
    } catch {
      return [0, 0, 0, 0];
    }
  };
  const live = readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .filter((p) => {
      try {
        return (
          readFileSync(`/proc/${p}/stat`, 'utf8')
            .replace(/^.*\) /, '')
            .split(' ')[1] === pid
        );
      } catch {
        return false;
      }
    });
  const [u, s, cu, cs] = stat(pid);
  let total = u + s + cu + cs;
  for (const p of live) {
    const [lu, ls] = stat(p);
    total += lu + ls;
  }
  return total / ticks;
}

/** Children's user+system seconds from bash's `times` (second line: `0m1.234s 0m0.100s`). */
function childCpuSeconds(stderr: string): number {
  const lines = stderr.trim().split('\n');
  const m = /(\d+)m([\d.]+)s (\d+)m([\d.]+)s\s*$/.exec(lines[lines.length - 1] ?? '');
  return m ? Number(m[1]) * 60 + Number(m[2]) + Number(m[3]) * 60 + Number(m[4]) : NaN;
}
const explains: string[] = [];

const lit = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the statements a completion, a hover and a claim lookup run, for workload samples,
 * from the cluster itself. Each is executed once before (a language server's connection has its caches warm).
 */
function explain(pg: PgCluster, size: number, workload: Workload): void {
  const typed = workload.quotes[0].typed;
  const name = workload.names[0];
  const sentence = workload.draft.split(/(?<=[.!?])\s+/).find((x) => x.split(' ').length > 10) ?? workload.draft.slice(0, 200);
  const plans: [string, string, string][] = [
    [
      'quote completion: full-text candidates',
      `PREPARE q(text, int, int) AS ${QUOTE_ROWS_FTS_SQL}`,
      `EXECUTE q(${lit(quoteQuery(typed) ?? '')}, 4, 40)`,
    ],
    [
      'quote completion: quotations opening with the typed words',
      `PREPARE q(text, int, int) AS ${QUOTE_ROWS_OPENING_SQL}`,
      `EXECUTE q(${lit(openingPattern(typed) ?? '')}, 4, 40)`,
    ],
    [
      'actor hover card',
      `PREPARE q(text[], int) AS ${ACTOR_CARD_SQL}`,
      `EXECUTE q(ARRAY[${nameKeysAt(name, 1).map(lit).join(',') || "''"}]::text[], 6)`,
    ],
    ['claim evidence', `PREPARE q(text, int) AS ${PASSAGE_SOURCES_SQL}`, `EXECUTE q(${lit(passageQuery(sentence) ?? '')}, 5)`],
  ];
  for (const [what, prepare, execute] of plans) {
    const out = pg
      .psql(`${prepare}; ${execute}; EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${execute}`)
      .replace(/^[\s\S]*?(?=^\S.*\(actual time)/m, '');
    explains.push(`## ${what} at ${size.toLocaleString('en')} articles\n\n${execute.slice(0, 300)}\n\n${out.trim()}\n`);
  }
}

async function measure(size: number): Promise<Row> {
  const dir = corpusFor(size, (m) => console.error(m));
  const files = corpusFiles(dir);
  const pg = await startCluster({ durable: true });
  try {
    const loadBefore = load();
    const pgCpuBefore = serverCpuSeconds(pg);
    const t = performance.now();
    // Through bash so that `times` reports the CPU time of the ingest process and its --jobs children.
    const cli = [
      process.execPath,
      '--import',
      'tsx',
      path.join(REPO, 'server/src/cli/archive-main.ts'),
      'ingest',
      '--url',
      pg.url,
      '--quiet',
      ...(jobs ? ['--jobs', jobs] : []),
      dir,
    ];
    const ingest = spawnSync('bash', ['-c', '"$@"; status=$?; times >&2; exit $status', 'bash', ...cli], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    const ingestSeconds = (performance.now() - t) / 1000;
    if (ingest.status !== 0) throw new Error(`ingest failed: ${ingest.stderr}`);
    console.error(ingest.stderr.trim());
    const clientCpu = childCpuSeconds(ingest.stderr);
    const serverCpu = serverCpuSeconds(pg) - pgCpuBefore;
    const ingestLoad = `${loadBefore}–${load()}`;
    const counts = JSON.parse(
      spawnSync(
        process.execPath,
        ['--import', 'tsx', path.join(REPO, 'server/src/cli/archive-main.ts'), 'status', '--url', pg.url, '--json'],
        { encoding: 'utf8' },
      ).stdout,
    ) as Record<string, number>;
    const databaseMB = Math.round(Number(pg.psql('SELECT pg_database_size(current_database())').trim()) / 1048576);

    const logger = new MemoryLogger();
    const service = createService({
      corpus: new MemoryCorpus({}),
      config: { index: { persist: false } },
      logger,
      archive: openPgArchive(pg.url, logger),
    });
    await service.start();
    const workload = buildWorkload(dir, files);
    const queryLoadBefore = load();
    let n = 0;
    const draft = (text: string): TextDocument => TextDocument.create(`file:///bench-drafts/draft-${n++}.md`, 'markdown', 1, text);
    const ctimes: number[] = [];
    const ccpu: number[] = [];
    const cpuMs = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1000;
    const serverBefore = serverCpuSeconds(pg);
    let chits = 0;
    for (const q of workload.quotes) {
      const doc = draft(`The minister spoke on Monday. As reported, "${q.typed}`);
      const position = doc.positionAt(doc.getText().length);
      const s = performance.now();
      const c = process.cpuUsage();
      const list = await service.completion(doc, position);
      ccpu.push(cpuMs(process.cpuUsage(c)));
      ctimes.push(performance.now() - s);
      const want = normalizeForMatch(q.quote.split(/\s+/).slice(0, 6).join(' '));
      if (list?.items.slice(0, 3).some((i) => itemText(i).includes(want))) chits++;
    }
    const serverMid = serverCpuSeconds(pg);
    const htimes: number[] = [];
    const hcpu: number[] = [];
    let hhits = 0;
    for (const name of workload.names) {
      const doc = draft(`Yesterday ${name} arrived for talks.`);
      const position = doc.positionAt('Yesterday '.length + Math.floor(name.length / 2));
      const s = performance.now();
      const c = process.cpuUsage();
      const h = await service.hover(doc, position);
      hcpu.push(cpuMs(process.cpuUsage(c)));
      htimes.push(performance.now() - s);
      if (normalizeForMatch(hoverText(h)).includes(normalizeForMatch(name.split(' ')[1]))) hhits++;
    }
    const serverAfter = serverCpuSeconds(pg);
    explain(pg, size, workload);
    const errors = logger.lines.filter((l) => l.startsWith('[error]') || l.includes('archive:'));
    if (errors.length) console.error(errors.slice(0, 5).join('\n'));
    service.dispose();
    return {
      size,
      clientCpuMsPerArticle: Math.round((clientCpu / files.length) * 10000) / 10,
      serverCpuMsPerArticle: Math.round((serverCpu / files.length) * 10000) / 10,
      ingestSeconds: Math.round(ingestSeconds * 10) / 10,
      articlesPerSecond: Math.round(files.length / ingestSeconds),
      ingestLoad,
      sources: counts.sources ?? 0,
      quotes: counts.quotes ?? 0,
      actors: counts.actors ?? 0,
      databaseMB,
      completionP50: percentile(ctimes, 50),
      completionP95: percentile(ctimes, 95),
      completionHits: `${chits}/${workload.quotes.length}`,
      completionCpuP50: percentile(ccpu, 50),
      completionCpuP95: percentile(ccpu, 95),
      completionServerCpuMean: Math.round((((serverMid - serverBefore) * 1000) / workload.quotes.length) * 100) / 100,
      hoverCpuP50: percentile(hcpu, 50),
      hoverCpuP95: percentile(hcpu, 95),
      hoverServerCpuMean: Math.round((((serverAfter - serverMid) * 1000) / workload.names.length) * 100) / 100,
      hoverP50: percentile(htimes, 50),
      hoverP95: percentile(htimes, 95),
      hoverHits: `${hhits}/${workload.names.length}`,
      queryLoad: `${queryLoadBefore}–${load()}`,
    };
  } finally {
    pg.stop();
  }
}

function table(rows: Row[]): string {
  const head = `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · ${cpus().length} cores · ${Math.round(totalmem() / 2 ** 30)} GB · Node ${process.version} · PostgreSQL 15 (fsync on)${jobs ? ` · ingest --jobs ${jobs}` : ''}\n\n`;
  const cols: [string, (r: Row) => string][] = [
    ['articles', (r) => r.size.toLocaleString('en')],
    ['ingest (s)', (r) => String(r.ingestSeconds)],
    ['ingest articles/s (goal ≥ 500)', (r) => String(r.articlesPerSecond)],
    ['load during ingest (1 min)', (r) => r.ingestLoad],
    ['CPU per article: ingest processes + PostgreSQL', (r) => `${r.clientCpuMsPerArticle} + ${r.serverCpuMsPerArticle} ms`],
    [
      'articles/s two idle cores could reach (2 s ÷ CPU per article)',
      (r) => String(Math.round(2000 / (r.clientCpuMsPerArticle + r.serverCpuMsPerArticle))),
    ],
    ['sources, quotes, actors in the archive', (r) => `${r.sources}, ${r.quotes}, ${r.actors}`],
    ['database size', (r) => `${r.databaseMB} MB`],
    ['completion p50 / p95 (goal p95 ≤ 50 ms), top-3 hits', (r) => `${r.completionP50} / ${r.completionP95} ms (${r.completionHits})`],
    ['hover p50 / p95 (goal p95 ≤ 20 ms), hits', (r) => `${r.hoverP50} / ${r.hoverP95} ms (${r.hoverHits})`],
    [
      'completion CPU p50 / p95 (this process) + PostgreSQL CPU mean',
      (r) => `${r.completionCpuP50} / ${r.completionCpuP95} + ${r.completionServerCpuMean} ms`,
    ],
    ['hover CPU p50 / p95 (this process) + PostgreSQL CPU mean', (r) => `${r.hoverCpuP50} / ${r.hoverCpuP95} + ${r.hoverServerCpuMean} ms`],
    ['load during queries (1 min)', (r) => r.queryLoad],
  ];
  const lines = [`| figure | ${rows.map((r) => r.size.toLocaleString('en')).join(' | ')} |`, `|---|${rows.map(() => '---:').join('|')}|`];
  for (const [name, f] of cols.slice(1)) lines.push(`| ${name} | ${rows.map(f).join(' | ')} |`);
  return head + lines.join('\n') + '\n';
}

(async () => {
  const rows: Row[] = [];
  for (const size of sizes) {
    console.error(`== archive benchmark at ${size} articles (load ${load()})`);
    rows.push(await measure(size));
    console.error(JSON.stringify(rows[rows.length - 1]));
  }
  const md = table(rows);
  process.stdout.write(md);
  if (write) {
    writeFileSync(path.join(REPO, 'bench', 'archive-results.md'), md);
    writeFileSync(path.join(REPO, 'bench', 'archive-results.json'), JSON.stringify(rows, null, 2) + '\n');
    writeFileSync(
      path.join(REPO, 'bench', 'archive-explain.md'),
      `# EXPLAIN of the archive's candidate queries (bench/archive-bench.ts)\n\n${explains.join('\n')}`,
    );
  }
})().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
