/**
 * `npm run bench -- --formats [--pages 1000] [--workers N]`: indexing saved web pages against the same text as
 * .txt. The pages are copies of the 20 saved pages of ../shared/corpora/web-news, written to a temporary folder:
 *  - txt: each page's article text (as the HTML reader extracts it) as a .txt file: the floor of the runs in
 *    memory; the same persisted (the index built into SQLite, as the server does by default, in a process already
 *    warm): the floor of the persisted runs;
 *  - html copies: the pages as they are (20 distinct files, each copied): the reader runs once per distinct
 *    content, the content-hash cache serves the copies;
 *  - html unique: every copy made distinct (a comment with its number), so the reader runs on every file;
 *  - restart: the html-unique folder again with the persisted index from the previous run: nothing re-read.
 * Each run is a fresh service over a NodeCorpus, timed from start to ready. Prints a Markdown table.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { readHtml } from '../server/src/ingest/readers/html-reader';
import { readSourceFile } from '../server/src/ingest/readers/read-source-file';
import { NodeCorpus } from '../server/src/node/node-corpus';
import { NodeIndexCache } from '../server/src/node/node-index-cache';
import { ReaderPool } from '../server/src/node/reader-pool';
import { createService, MemoryLogger } from '../server/src/service';
import { webNewsPages } from '../test/helpers/web-news';
import { benchRoot } from './corpora';

const log = (m: string): void => void process.stderr.write(`[bench formats] ${m}\n`);

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

interface Run {
  name: string;
  ms: number;
  /** CPU time of the process, all threads (main and reader workers): less sensitive to other load than wall time. */
  cpuMs: number;
  sources: number;
  skipped: number;
  note: string;
}

/** The built reader worker (`npm run build`), as the server ships it; else the TypeScript source under tsx. */
const BUILT_WORKER = path.join(__dirname, '..', 'dist', 'reader-worker.js');
const workerScript = existsSync(BUILT_WORKER) ? BUILT_WORKER : undefined;

async function index(name: string, dir: string, include: string, workers: number, cacheDir?: string): Promise<Run> {
  const pool = new ReaderPool({ size: workers, workerScript });
  const corpus = new NodeCorpus([{ path: dir }], { include: [include], exclude: [], maxFileSizeKb: 5120 }, pool);
  const indexCache = cacheDir
    ? new NodeIndexCache({ storagePath: cacheDir, workspaceFolders: [dir], buildId: 'bench-formats' })
    : undefined;
  const logger = new MemoryLogger();
  const service = createService({
    corpus,
    config: { corpus: { include: [include] }, index: { persist: cacheDir !== undefined } },
    logger,
    indexCache,
  });
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await service.start();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  const status = service.status();
  if (cacheDir) await service.flushIndexCache();
  service.dispose();
  pool.dispose();
  const note = logger.lines.find((l) => l.includes('restored')) ?? '';
  return { name, ms, cpuMs: (cpu.user + cpu.system) / 1000, sources: status.sources, skipped: status.skipped, note };
}

/**
 * The HTML reader alone on this thread: CPU ms per page over the 20 pages, the best of a few rounds (the least
 * disturbed by other load), reading the whole page and reading the article's region (what the server does).
 */
function readerCpu(pages: { html: Uint8Array }[], whole: boolean): number {
  let best = Infinity;
  for (let round = 0; round < 6; round++) {
    const c0 = process.cpuUsage();
    for (const p of pages) readHtml(p.html, undefined, whole);
    const c = process.cpuUsage(c0);
    // The first round warms the JIT up.
    if (round > 0) best = Math.min(best, (c.user + c.system) / 1000 / pages.length);
  }
  return best;
}

/** Runs the formats benchmark and prints its table. */
export async function runFormatsBench(): Promise<void> {
  const count = arg('--pages', 1000);
  const workers = arg('--workers', Math.min(4, os.availableParallelism()));
  const root = path.join(benchRoot(), 'formats');
  rmSync(root, { recursive: true, force: true });
  const dirs = { txt: path.join(root, 'txt'), copies: path.join(root, 'html-copies'), unique: path.join(root, 'html-unique') };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  const pages = webNewsPages();
  const limits = { maxBytes: 5120 * 1024, maxExpandedBytes: 100 * 1024 * 1024 };
  const texts: string[] = [];
  for (const p of pages) {
    const read = await readSourceFile(`${p.name}.html`, p.html, limits);
    texts.push(read.ok ? read.text : '');
  }
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const k = i % pages.length;
    const name = `${String(i).padStart(4, '0')}-${pages[k].name}`;
    writeFileSync(path.join(dirs.txt, `${name}.txt`), texts[k]);
    writeFileSync(path.join(dirs.copies, `${name}.html`), pages[k].html);
    const unique = Buffer.concat([Buffer.from(pages[k].html), Buffer.from(`\n<!-- copy ${i} -->\n`)]);
    writeFileSync(path.join(dirs.unique, `${name}.html`), unique);
    bytes += unique.length;
  }
  log(
    `${count} pages (${Math.round(bytes / 1048576)} MB of HTML) in ${root}; ${workers} reader worker(s), ${workerScript ?? 'worker from source (tsx)'}`,
  );
  const cache = path.join(root, 'cache');
  const runs: Run[] = [];
  runs.push(await index('txt (same article text)', dirs.txt, '**/*.txt', workers));
  log(`txt ${Math.round(runs[runs.length - 1]?.ms ?? 0)} ms`);
  // The floor of the persisted runs: the same path (the index built into SQLite), and a warm process.
  runs.push(await index('txt (persisted)', dirs.txt, '**/*.txt', workers, path.join(root, 'cache-txt')));
  log(`txt persisted ${Math.round(runs[runs.length - 1]?.ms ?? 0)} ms`);
  runs.push(await index('html, copies of the 20 pages', dirs.copies, '**/*.html', workers));
  log(`html copies ${Math.round(runs[runs.length - 1]?.ms ?? 0)} ms`);
  runs.push(await index('html, every copy distinct (cold, persisted)', dirs.unique, '**/*.html', workers, cache));
  log(`html unique ${Math.round(runs[runs.length - 1]?.ms ?? 0)} ms`);
  runs.push(await index('html, every copy distinct (restart)', dirs.unique, '**/*.html', workers, cache));
  log(`restart ${Math.round(runs[runs.length - 1]?.ms ?? 0)} ms`);
  // Each run against the txt run built the same way: in memory, or persisted.
  const floorOf = (r: Run): Run => (r.name.includes('persisted') || r.name.includes('restart') ? runs[1] : runs[0]);
  console.log(
    `Formats benchmark, ${count} pages, ${workers} reader worker(s) (${workerScript ? 'built dist/reader-worker.js' : 'worker from source under tsx'}), ${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? 'unknown'}), load ${os.loadavg()[0].toFixed(1)}, ${new Date().toISOString().slice(0, 16)} UTC\n`,
  );
  const cpuFloor = runs[0].cpuMs;
  console.log('| Run | Sources | Skipped | Time to ready | × txt | CPU (all threads) | CPU × txt |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of runs)
    console.log(
      `| ${r.name} | ${r.sources} | ${r.skipped} | ${(r.ms / 1000).toFixed(1)} s | ${(r.ms / floorOf(r).ms).toFixed(2)} | ${(r.cpuMs / 1000).toFixed(1)} s | ${(r.cpuMs / floorOf(r).cpuMs).toFixed(2)} |`,
    );
  const wholeMs = readerCpu(pages, true);
  const regionMs = readerCpu(pages, false);
  console.log(
    `\nHTML reader alone (CPU per page, best of 5 rounds over the 20 pages): whole page ${wholeMs.toFixed(1)} ms, article region ${regionMs.toFixed(1)} ms; txt indexing ${(cpuFloor / count).toFixed(1)} ms CPU per file.`,
  );
  const restartNote = runs[4]?.note;
  if (restartNote) console.log(`\nRestart: ${restartNote}`);
}
