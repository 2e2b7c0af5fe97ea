/**
 * Digests of the packed analyses a reader worker makes, to show that a change to the extraction's speed left its
 * output byte-identical: `tsx bench/analysis-digest.ts <out.json> <file-or-folder>… [--limit N] [--time]` reads each
 * file as a first start does (its format's reader), then analyses them all (`analyseJob`), and writes one SHA-256 per file of the
 * prepared source (packed blobs, terms, metadata, actor keys). Compare two outputs with `cmp`.
 */
import { createHash } from 'node:crypto';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { readSourceFile } from '../server/src/ingest/readers/read-source-file';
import { readCorpusFile } from '../server/src/node/read-corpus-file';
import { analyseJob } from '../server/src/node/worker-jobs';
import type { CorpusRead } from '../server/src/domain/corpus';

const FORMATS = /\.(txt|md|html?|pdf|docx)$/i;

/** Every readable file under `p`, sorted, so the order is the same on every run. */
function filesUnder(p: string): string[] {
  if (!statSync(p).isDirectory()) return [p];
  return readdirSync(p)
    .sort()
    .flatMap((name) => filesUnder(path.join(p, name)))
    .filter((f) => FORMATS.test(f));
}

/** A file read as a first start reads it, or why it could not be. */
async function readOf(abs: string): Promise<{ abs: string; read: CorpusRead }> {
  const loc = { abs, root: path.dirname(abs), rel: path.basename(abs) };
  return { abs, read: await readCorpusFile(loc, 4096, readSourceFile) };
}

/** The digest of one read file's prepared analysis, or its failure reason. */
function digestOf(abs: string, read: CorpusRead): string {
  if (!read.ok) return `unread: ${read.reason}`;
  const job = { kind: 'analyse' as const, id: 0, uri: `file://${abs}`, path: path.basename(abs), text: read.text, source: read.source };
  const out = analyseJob(job);
  if (!out.ok) return `failed: ${out.reason}`;
  const p = out.prepared;
  const h = createHash('sha256');
  h.update(new Uint8Array(p.bytes));
  h.update(JSON.stringify([p.uri, p.path, p.meta, p.sentenceCount, p.terms, p.ends, p.actorKeys]));
  return h.digest('hex');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const limitAt = args.indexOf('--limit');
  const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : Infinity;
  const time = args.includes('--time');
  const [out, ...rest] = args.filter((a, i) => !a.startsWith('--') && (limitAt < 0 || i !== limitAt + 1));
  const reads: { abs: string; read: CorpusRead }[] = [];
  for (const root of rest) for (const file of filesUnder(root).slice(0, limit)) reads.push(await readOf(file));
  // Files are read first, so the time below is the analysis (and its packing and digest) alone.
  const started = performance.now();
  const cpu = process.cpuUsage();
  const digests: Record<string, string> = {};
  for (const { abs, read } of reads) digests[abs] = digestOf(abs, read);
  const total = performance.now() - started;
  const { user, system } = process.cpuUsage(cpu);
  writeFileSync(out, JSON.stringify(digests, null, 1) + '\n');
  const n = Object.keys(digests).length;
  console.log(
    `${n} files digested into ${out}${time ? `; analysis ${total.toFixed(0)} ms, ${(total / n).toFixed(2)} ms a file, CPU ${((user + system) / 1000).toFixed(0)} ms` : ''}`,
  );
}

void main();
