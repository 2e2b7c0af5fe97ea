// CI smoke run of the benchmark: seeds and BBC, no timed assertions. Fails if the benchmark crashes or finds
// nothing: every file indexed, the warm start restores them all, the draft gets findings, and a feature that
// indexed quotations or actors must find some of them through completion and hover.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/run-bench.ts', '--sizes', '5,2095', '--json', '--no-write'], {
  cwd: repo,
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
  maxBuffer: 64 * 1024 * 1024,
});
if (run.status !== 0) {
  console.error(`bench smoke: the benchmark failed (exit ${run.status ?? run.signal})`);
  process.exit(1);
}
const { results } = JSON.parse(run.stdout);
const problems = [];
for (const r of results) {
  const at = `size ${r.size}`;
  if (!(r.sources > 0) || r.sources !== r.files) problems.push(`${at}: indexed ${r.sources} of ${r.files} files`);
  if (r.warmSources !== r.sources) problems.push(`${at}: warm start has ${r.warmSources} sources, cold ${r.sources}`);
  if (!(r.rawSentences > 0)) problems.push(`${at}: the raw pass found no sentences`);
  if (!(r.completionQueries > 0)) problems.push(`${at}: no quote queries in the workload`);
  if (r.quotes > 0 && !(r.completionHits > 0))
    problems.push(`${at}: ${r.quotes} quotes indexed but completion found none of ${r.completionQueries}`);
  if (r.actors > 0 && r.hoverQueries > 0 && !(r.hoverHits > 0))
    problems.push(`${at}: ${r.actors} actors indexed but hover found none of ${r.hoverQueries} names`);
  if (r.size > 5 && !(r.draftFindings > 0)) problems.push(`${at}: no findings on the 5,000-word draft`);
  if (r.rgQueries !== undefined && !(r.rgHits > 0)) problems.push(`${at}: rg found none of the queries`);
  if (r.fuseQueries !== undefined && !(r.fuseHits > 0)) problems.push(`${at}: fuse.js found none of the queries`);
  console.log(
    `bench smoke ${at}: ${r.sources} sources (${r.quotes} quotes, ${r.actors} actors), cold ${r.coldMs} ms, warm ${r.warmMs} ms, ` +
      `completion ${r.completionHits}/${r.completionQueries}, hover ${r.hoverHits}/${r.hoverQueries}, draft findings ${r.draftFindings}`,
  );
}
if (problems.length) {
  for (const p of problems) console.error(`bench smoke: ${p}`);
  process.exit(1);
}
console.log('bench smoke: ok');
