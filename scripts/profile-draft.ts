/**
 * `npx tsx scripts/profile-draft.ts [NAME] [--scale 0.2]`: times the draft parse and the full findings of each
 * pathological draft through the public service (in process), for profiling with `node --cpu-prof`.
 */
import { performance } from 'node:perf_hooks';
import { harness } from '../test/helpers/fixture';
import { pathologicalDrafts } from '../test/reliability/helpers/pathological-drafts';
import { parseDraft } from '../server/src/features/drafts/parse-draft';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const i = argv.indexOf('--scale');
  const scale = i >= 0 ? Number(argv[i + 1]) : 1;
  const only = argv.find((a, k) => !a.startsWith('--') && argv[k - 1] !== '--scale');
  const h = await harness();
  for (const shape of pathologicalDrafts(scale)) {
    if (only && !shape.name.includes(only)) continue;
    let t = performance.now();
    parseDraft('file:///x.md', 1, shape.text);
    const parse = performance.now() - t;
    t = performance.now();
    await h.service.diagnostics(h.draft(shape.text, 1, `d${Math.random()}.md`));
    const all = performance.now() - t;
    console.log(`${shape.name.padEnd(36)} ${String(shape.text.length).padStart(8)} B  parse ${parse.toFixed(0).padStart(6)} ms  diagnostics ${all.toFixed(0).padStart(6)} ms`);
  }
  h.service.dispose();
}
void main();
