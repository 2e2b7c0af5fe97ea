import { performance } from 'node:perf_hooks';
import { harness } from '../test/helpers/fixture';
import { pathologicalDrafts } from '../test/reliability/helpers/pathological-drafts';
import { parseDraft } from '../server/src/features/drafts/parse-draft';
async function main(): Promise<void> {
  const only = process.argv[2];
  const lo = Number(process.argv[3] ?? 0.1), hi = lo * 4;
  const h = await harness();
  const best = async (f: () => unknown | Promise<unknown>): Promise<number> => { let b = Infinity; for (let k = 0; k < 3; k++) { const t = performance.now(); await f(); b = Math.min(b, performance.now() - t); } return b; };
  const a = pathologicalDrafts(lo), b = pathologicalDrafts(hi);
  for (let i = 0; i < a.length; i++) {
    if (only && only !== 'all' && !a[i]!.name.includes(only)) continue;
    const row: string[] = [];
    for (const s of [a[i]!, b[i]!]) {
      const p = await best(() => parseDraft('file:///x.md', 1, s.text));
      let v = 0;
      const d = await best(() => h.service.diagnostics(h.draft(s.text, ++v, `d${s.text.length}.md`)));
      row.push(`${String(s.text.length).padStart(7)}B parse ${p.toFixed(0).padStart(5)} diag ${d.toFixed(0).padStart(5)}`);
    }
    console.log(`${a[i]!.name.padEnd(34)} ${row.join(' | ')}`);
  }
  h.service.dispose();
}
void main();
