/**
 * Long work on one draft never holds up requests on another (issue 13): while a large draft is diagnosed
 * through the public service, a hover on another draft is answered before that diagnosis ends; an edit's
 * cancellation stops a stale diagnosis, which then returns nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness, seedFiles } from '../helpers/fixture';

/** About `chars` characters of the seeds' own paragraphs. */
function bigDraft(chars: number): string {
  const paragraphs = Object.values(seedFiles())
    .flatMap((t) => t.split(/\n\s*\n/).slice(1))
    .filter((p) => p.trim());
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < chars; i++) {
    const p = `${paragraphs[i % paragraphs.length]} (${i})`;
    parts.push(p);
    size += p.length + 2;
  }
  return parts.join('\n\n');
}

test('responsive: a hover on another draft is answered while a large draft is being diagnosed', { timeout: 120_000 }, async () => {
  const h = await harness();
  const small = h.draft('# Notes\n\nThe minister said the figures rose.\n', 1, 'small.md');
  await h.service.diagnostics(small);
  const big = h.draft(bigDraft(400_000), 1, 'big.md');
  let diagnosedAt = 0;
  const diagnosis = h.service.diagnostics(big).then((d) => {
    diagnosedAt = performance.now();
    return d;
  });
  // Sent once the diagnosis has begun, as an editor would while the writer keeps working.
  await new Promise((r) => setImmediate(r));
  const hoverSent = performance.now();
  await h.service.hover(small, { line: 2, character: 6 });
  const hoverAt = performance.now();
  const diagnostics = await diagnosis;
  console.log(
    `responsive: hover answered after ${Math.round(hoverAt - hoverSent)} ms; the 400 kB diagnosis ended after ${Math.round(diagnosedAt - hoverSent)} ms with ${diagnostics.length} diagnostics`,
  );
  assert.ok(diagnostics.length > 0, 'the large draft gets its diagnostics');
  assert.ok(hoverAt < diagnosedAt, 'the hover did not wait for the whole diagnosis');
  // The parse yields too: the hover waits a slice of the work, not the parse of 400 kB.
  assert.ok(hoverAt - hoverSent < (diagnosedAt - hoverSent) / 4, 'the hover waited no more than a slice of the work');
  h.service.dispose();
});

test('responsive: a cancelled diagnosis (the draft was edited) stops and returns nothing', { timeout: 120_000 }, async () => {
  const h = await harness();
  const big = h.draft(bigDraft(400_000), 1, 'big.md');
  let cancelled = false;
  const token = {
    get isCancellationRequested(): boolean {
      return cancelled;
    },
  };
  const started = performance.now();
  const diagnosis = h.service.diagnostics(big, token);
  await new Promise((r) => setImmediate(r));
  cancelled = true;
  const diagnostics = await diagnosis;
  const ms = performance.now() - started;
  const full = performance.now();
  const uncancelled = await h.service.diagnostics(h.draft(big.getText(), 2, 'big.md'));
  const fullMs = performance.now() - full;
  console.log(
    `responsive: cancelled diagnosis returned ${diagnostics.length} diagnostics after ${Math.round(ms)} ms (a full one: ${uncancelled.length} in ${Math.round(fullMs)} ms)`,
  );
  assert.deepEqual(diagnostics, []);
  assert.ok(uncancelled.length > 0, 'the same draft, not cancelled, has diagnostics (so the check can fail)');
  h.service.dispose();
});
