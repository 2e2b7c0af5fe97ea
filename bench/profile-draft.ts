/**
 * Profiles the full diagnosis of the benchmark's 5,000-word draft over a corpus (default: the 2,095 BBC articles):
 * `npx tsx bench/profile-draft.ts [size] [out.cpuprofile]`. Prints the time of each pass; profiles the first draft only.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createService, MemoryCorpus } from '../server/src/service';
import { corpusFiles, corpusFor } from './corpora';
import { buildWorkload } from './workload';

async function main(): Promise<void> {
  const size = Number(process.argv[2] ?? 2095);
  const dir = corpusFor(size);
  const files = corpusFiles(dir);
  const corpus = new MemoryCorpus();
  for (const f of files) corpus.set(path.relative(dir, f).split(path.sep).join('/'), readFileSync(f, 'utf8'));
  const service = createService({ corpus, config: { corpus: { include: ['**/*.txt'] } } });
  let t = performance.now();
  await service.start();
  console.log(`indexed ${files.length} files in ${Math.round(performance.now() - t)} ms`);
  const workload = buildWorkload(dir, files);
  await service.diagnostics(TextDocument.create('file:///warm.md', 'markdown', 1, workload.warmupDraft));
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  for (let i = 0; i < 3; i++) {
    t = performance.now();
    const cpu = process.cpuUsage();
    const found = await service.diagnostics(TextDocument.create(`file:///draft-${i}.md`, 'markdown', 1, workload.draft));
    const used = process.cpuUsage(cpu);
    // CPU time says more than wall time on a shared machine (other processes do not add to it).
    const cpuMs = Math.round((used.user + used.system) / 1000);
    console.log(`draft ${i}: ${found.length} findings in ${Math.round(performance.now() - t)} ms (CPU ${cpuMs} ms)`);
    if (i === 0) {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(process.argv[3] ?? 'draft.cpuprofile', JSON.stringify(profile));
    }
  }
}

void main();
