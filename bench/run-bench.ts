/**
 * `npm run bench -- --sizes 5,2095,20000,100000 [--json] [--no-write] [--rg-queries N]`, or `npm run bench -- --formats` (bench/formats-bench.ts)
 *
 * For each corpus size: a raw pass (floor), a cold index, a warm start from the persisted index, query latencies,
 * a changed-file re-index, plain fuse.js (naive peer) and `rg -F` (editor-search peer). Every measurement that
 * holds an index runs in its own child process so that peak RSS is honest. Writes bench/results.md.
 * `npm run bench -- --adversarial`: pathological drafts over LSP instead (bench/adversarial.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { build } from 'esbuild';
import { benchRoot, corpusFiles, corpusFor, REPO } from './corpora';
import { renderTable, type SizeResult } from './report';
import { buildWorkload } from './workload';

interface Options {
  sizes: number[];
  json: boolean;
  write: boolean;
  rgQueries: number;
  fuseMax: number;
  /** Keep the other sizes of the last bench/results.json in the table (a long run can be done size by size). */
  merge: boolean;
  /** `sourced.index.store` for the cold and warm runs. */
  store: string;
}

function options(): Options {
  const argv = process.argv.slice(2);
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return {
    sizes: (value('--sizes') ?? '5,2095')
      .split(',')
      .map((s) => Number(s.trim()))
      .filter((n) => n > 0),
    json: argv.includes('--json'),
    write: !argv.includes('--no-write'),
    rgQueries: Number(value('--rg-queries') ?? 200),
    fuseMax: Number(value('--fuse-max') ?? 20000),
    merge: argv.includes('--merge'),
    store: value('--store') ?? 'memory',
  };
}

const log = (m: string): void => void process.stderr.write(`[bench] ${m}\n`);

async function bundleChild(): Promise<string> {
  const outfile = path.join(benchRoot(), 'child.js');
  // The reader workers beside the child, as dist/reader-worker.js is beside dist/server.js: without it the pool
  // would run their jobs (format readers, a first start's analysis) on the main thread.
  for (const [entry, name] of [
    ['bench/child.ts', 'child.js'],
    ['server/src/node/reader-worker.ts', 'reader-worker.js'],
  ])
    await bundle(path.join(REPO, entry), path.join(benchRoot(), name));
  return outfile;
}

async function bundle(entry: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile,
    logLevel: 'warning',
    // As esbuild.mjs does for the server: prefer the Node builds, give ESM dependencies an import.meta.url.
    mainFields: ['module', 'main'],
    define: { 'import.meta.url': '__importMetaUrl' },
    // A native module: loaded from the repo's node_modules (NODE_PATH below), not bundled.
    external: ['better-sqlite3'],
    banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
  });
}

/** Runs one measurement in a fresh process and returns its JSON line. */
function child(script: string, mode: string, args: Record<string, string>): Record<string, number> {
  const argv = [
    '--expose-gc',
    '--max-old-space-size=12288',
    script,
    '--mode',
    mode,
    ...Object.entries(args).flatMap(([k, v]) => [`--${k}`, v]),
  ];
  const env = { ...process.env, NODE_PATH: path.join(REPO, 'node_modules') };
  const run = spawnSync(process.execPath, argv, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env });
  if (run.status !== 0) throw new Error(`${mode} child failed (${run.status ?? run.signal}): ${run.stderr.slice(-4000)}`);
  const line = run.stdout.trim().split('\n').pop() ?? '{}';
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(JSON.parse(line) as Record<string, number | string>)) {
    if (typeof v === 'number') out[k] = v;
    else log(`  ${mode} ${k}: ${v}`);
  }
  return out;
}

function hasRipgrep(): boolean {
  return spawnSync('rg', ['--version'], { encoding: 'utf8' }).status === 0;
}

/** `rg -F` over the corpus folder for the quote queries: latency and whether it lists the right file. */
function ripgrep(dir: string, queries: { typed: string; file: string }[]): Record<string, number> {
  const times: number[] = [];
  let hits = 0;
  for (const q of queries) {
    const t = performance.now();
    const run = spawnSync('rg', ['-F', '-l', '--no-messages', '--', q.typed, dir], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    times.push(performance.now() - t);
    if (run.stdout.split('\n').some((line) => line.endsWith(q.file))) hits++;
  }
  const sorted = [...times].sort((a, b) => a - b);
  const p = (x: number): number => Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(x * sorted.length) - 1)] * 10) / 10;
  return { rgP50: p(0.5), rgP95: p(0.95), rgHits: hits, rgQueries: queries.length };
}

async function main(): Promise<void> {
  if (process.argv.includes('--formats')) {
    // HTML pages against the same text as .txt: bench/formats-bench.ts.
    const { runFormatsBench } = await import('./formats-bench');
    return runFormatsBench();
  }
  const opts = options();
  mkdirSync(benchRoot(), { recursive: true });
  const script = await bundleChild();
  const rg = hasRipgrep();
  if (!rg) log('rg (ripgrep) not found: the rg column is skipped (Debian package ripgrep)');
  const results: SizeResult[] = [];
  for (const size of opts.sizes) {
    const dir = corpusFor(size, log);
    const files = corpusFiles(dir);
    const work = path.join(benchRoot(), `run-${size}`);
    mkdirSync(work, { recursive: true });
    const workload = buildWorkload(dir, files);
    const args = {
      dir,
      files: path.join(work, 'files.json'),
      workload: path.join(work, 'workload.json'),
      cache: path.join(work, `cache-${opts.store}`),
      store: opts.store,
    };
    writeFileSync(args.files, JSON.stringify(files));
    writeFileSync(args.workload, JSON.stringify(workload));
    log(`size ${size}: ${files.length} files, ${workload.quotes.length} quote queries, ${workload.names.length} names`);
    log(`store: ${opts.store}`);
    const result: SizeResult = { size, files: files.length, loadBefore: Math.round(os.loadavg()[0] * 10) / 10 };
    Object.assign(result, child(script, 'raw', args));
    log(`  raw pass ${result.rawMs} ms`);
    Object.assign(result, child(script, 'cold', args));
    log(`  cold ${result.coldMs} ms, peak ${result.peakRssMb} MB, completion p95 ${result.completionP95} ms`);
    Object.assign(result, child(script, 'warm', args));
    log(
      `  warm ${result.warmMs} ms (answering at ${result.warmAnsweringMs} ms), peak ${result.warmRssMb} MB, completion p95 ${result.warmCompletionP95} ms, hover p95 ${result.warmHoverP95} ms`,
    );
    if (size <= opts.fuseMax) {
      Object.assign(result, child(script, 'fuse', { ...args, fuseQueries: String(size > 5000 ? 40 : 200) }));
      log(`  fuse p50 ${result.fuseP50} ms`);
    }
    if (rg) {
      // rg reads the whole folder per query: a sample is enough on the largest corpora.
      Object.assign(result, ripgrep(dir, workload.quotes.slice(0, size >= 50_000 ? Math.min(50, opts.rgQueries) : opts.rgQueries)));
      log(`  rg p50 ${result.rgP50} ms`);
    }
    result.loadAfter = Math.round(os.loadavg()[0] * 10) / 10;
    results.push(result);
  }
  const machine = {
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 1073741824),
    node: process.version,
  };
  const jsonPath = path.join(REPO, 'bench', 'results.json');
  if (opts.merge && existsSync(jsonPath)) {
    const previous = JSON.parse(readFileSync(jsonPath, 'utf8')) as { results: SizeResult[] };
    for (const r of previous.results) if (!results.some((x) => x.size === r.size)) results.push(r);
    results.sort((a, b) => a.size - b.size);
  }
  const table = renderTable(results, machine);
  if (opts.write) {
    writeFileSync(path.join(REPO, 'bench', 'results.md'), table);
    writeFileSync(jsonPath, `${JSON.stringify({ machine, results }, null, 2)}\n`);
  }
  if (opts.json) process.stdout.write(`${JSON.stringify({ machine, results }, null, 2)}\n`);
  else process.stdout.write(table);
}

const run = process.argv.includes('--adversarial') ? import('./adversarial').then((m) => m.runAdversarial(process.argv.slice(2))) : main();
run.catch((err: unknown) => {
  log(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(1);
});
