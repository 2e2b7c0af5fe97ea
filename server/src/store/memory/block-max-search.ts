/**
 * Exact top-k BM25 over postings with block-max summaries, document-at-a-time in windows of unit ids
 * (MaxScore with block bounds): a window whose terms' block bounds add up below the k-th best score so far is
 * skipped whole, and inside a window only the "essential" terms (those whose bounds the threshold cannot absorb)
 * produce candidates; the others are probed for candidates that can still enter. Every kept unit is scored
 * in full in the caller's term order, so results (and their float sums) equal a plain term-at-a-time pass.
 */
import { TopK, type ScoredUnit } from './top-k';

export const K1 = 1.2;
export const B = 0.75;
/** Postings per block summary. */
const BLOCK = 64;
const SHIFT = 6;
/** Unit ids per window. */
const WINDOW = 4096;
/** Margin for float rounding: a bound must fall below the threshold by more than this to prune. */
const EPS = 1e-9;

/** A postings list with lazily extended block summaries (highest tf and shortest unit per block, last id). */
export interface BlockPostings {
  ids: Uint32Array;
  tfs: Uint16Array;
  size: number;
  blockLast: Uint32Array;
  blockMaxTf: Uint16Array;
  blockMinLen: Uint16Array;
  /** Postings covered by the summaries; compaction sets it back to 0. */
  blocked: number;
}

function growBlocks(p: BlockPostings, blocks: number): void {
  if (p.blockLast.length >= blocks) return;
  const cap = Math.max(blocks, p.blockLast.length * 2, 4);
  const last = new Uint32Array(cap);
  last.set(p.blockLast);
  const tf = new Uint16Array(cap);
  tf.set(p.blockMaxTf);
  const len = new Uint16Array(cap);
  len.set(p.blockMinLen);
  p.blockLast = last;
  p.blockMaxTf = tf;
  p.blockMinLen = len;
}

/** Keeps the summaries current as a posting is appended (if they were current before it: otherwise they stay lazy). */
export function noteAppended(p: BlockPostings, len: number): void {
  const at = p.size - 1;
  if (p.blocked !== at) return;
  const b = at >> SHIFT;
  growBlocks(p, b + 1);
  const tf = p.tfs[at];
  if ((at & (BLOCK - 1)) === 0) {
    p.blockMaxTf[b] = tf;
    p.blockMinLen[b] = len;
  } else {
    if (tf > p.blockMaxTf[b]) p.blockMaxTf[b] = tf;
    if (len < p.blockMinLen[b]) p.blockMinLen[b] = len;
  }
  p.blockLast[b] = p.ids[at];
  p.blocked = p.size;
}

/** Brings a list's block summaries up to date (only the blocks past the last summarised one are redone). */
export function ensureBlocks(p: BlockPostings, lengths: Uint16Array): void {
  if (p.blocked === p.size) return;
  const blocks = (p.size + BLOCK - 1) >> SHIFT;
  growBlocks(p, blocks);
  for (let b = p.blocked >> SHIFT; b < blocks; b++) {
    const end = Math.min(p.size, (b + 1) << SHIFT);
    let maxTf = 0;
    let minLen = 65535;
    for (let i = b << SHIFT; i < end; i++) {
      const tf = p.tfs[i];
      if (tf > maxTf) maxTf = tf;
      const len = lengths[p.ids[i]];
      if (len < minLen) minLen = len;
    }
    p.blockLast[b] = p.ids[end - 1];
    p.blockMaxTf[b] = maxTf;
    p.blockMinLen[b] = minLen;
  }
  p.blocked = p.size;
}

/** A query term's postings and idf, in the order its contributions are summed. */
export interface QueryList {
  p: BlockPostings;
  idf: number;
}

/** First position at or after `from` whose id is >= `id`, using the block summaries to jump. */
function seek(p: BlockPostings, id: number, from: number): number {
  const { ids, size, blockLast } = p;
  if (from >= size || ids[from] >= id) return from;
  let b = from >> SHIFT;
  const blocks = (size + BLOCK - 1) >> SHIFT;
  while (b < blocks && blockLast[b] < id) b++;
  if (b >= blocks) return size;
  let lo = Math.max(from, b << SHIFT);
  let hi = Math.min(size, (b + 1) << SHIFT);
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ids[mid] < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Per-window arrays reused across searches (allocating a few hundred KB per search made a large heap collect
 * often); every search leaves them zeroed. A search that did not finish leaves them marked dirty: they are remade.
 */
const scratch = { local: new Float64Array(WINDOW), contrib: new Float64Array(WINDOW * 16), cands: new Int32Array(WINDOW), clean: true };

function takeScratch(m: number): typeof scratch {
  if (!scratch.clean) {
    scratch.local = new Float64Array(WINDOW);
    scratch.contrib = new Float64Array(scratch.contrib.length);
  }
  if (scratch.contrib.length < WINDOW * m) scratch.contrib = new Float64Array(WINDOW * m);
  scratch.clean = false;
  return scratch;
}

/** Units seeded into the heap before the pass: a high threshold from the start prunes most windows. */
const SEEDS = 512;

/** BM25 of one unit, summed in list order (binary search in each list). */
function fullScore(lists: readonly QueryList[], id: number, lengths: Uint16Array, avgLen: number): number {
  let score = 0;
  for (const { p, idf } of lists) {
    let lo = 0;
    let hi = p.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (p.ids[mid] < id) lo = mid + 1;
      else hi = mid;
    }
    if (lo < p.size && p.ids[lo] === id) {
      const tf = p.tfs[lo];
      score += (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * lengths[id]) / avgLen));
    }
  }
  return score;
}

/**
 * Scores in full the first units of the first list (the rarest term: the best units usually have it) and puts
 * them in the heap; returns the last seeded id (units of the first list up to it are in the heap already).
 */
function seed(
  lists: readonly QueryList[],
  limit: number,
  heap: TopK,
  alive: Uint8Array,
  lengths: Uint16Array,
  avgLen: number,
  anyDead: boolean,
  accept?: (id: number) => boolean,
): number {
  const { p } = lists[0];
  const n = Math.min(p.size, Math.max(SEEDS, limit));
  for (let j = 0; j < n; j++) {
    const id = p.ids[j];
    if (anyDead && !alive[id]) continue;
    const score = fullScore(lists, id, lengths, avgLen);
    if (heap.wouldKeep(score, id) && (!accept || accept(id))) heap.offer(score, id);
  }
  return n > 0 ? p.ids[n - 1] : -1;
}

/**
 * The best `limit` live units for the lists (in summing order) by BM25, only those `accept` takes if given (the
 * threshold is then that of accepted units: still exact); see the file comment.
 */
export function blockMaxTopK(
  lists: readonly QueryList[],
  limit: number,
  alive: Uint8Array,
  lengths: Uint16Array,
  avgLen: number,
  anyDead: boolean,
  accept?: (id: number) => boolean,
): ScoredUnit[] {
  const m = lists.length;
  if (m === 0 || limit <= 0) return [];
  for (const l of lists) ensureBlocks(l.p, lengths);
  const factor = (tf: number, len: number): number => (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * len) / avgLen));
  const heap = new TopK(limit);
  const from = new Int32Array(m);
  const to = new Int32Array(m);
  const wbound = new Float64Array(m);
  const order = Int32Array.from({ length: m }, (_, i) => i);
  const essential = new Uint8Array(m);
  const { local, contrib, cands } = takeScratch(m);
  const cursor = new Int32Array(m);
  const lastSeed = seed(lists, limit, heap, alive, lengths, avgLen, anyDead, accept);
  for (;;) {
    // The next window starts at the lowest id any list still holds.
    let start = 0xffffffff;
    for (let i = 0; i < m; i++) {
      const { p } = lists[i];
      if (to[i] < p.size && p.ids[to[i]] < start) start = p.ids[to[i]];
    }
    if (start === 0xffffffff) break;
    const end = start + WINDOW;
    let sum = 0;
    for (let i = 0; i < m; i++) {
      const { p, idf } = lists[i];
      from[i] = to[i];
      to[i] = seek(p, end, from[i]);
      let bound = 0;
      if (to[i] > from[i]) {
        for (let b = from[i] >> SHIFT, last = (to[i] - 1) >> SHIFT; b <= last; b++) {
          const f = idf * factor(p.blockMaxTf[b], p.blockMinLen[b]);
          if (f > bound) bound = f;
        }
      }
      wbound[i] = bound;
      sum += bound;
    }
    const full = heap.full();
    let theta = full ? heap.worst() : -Infinity;
    if (full && sum + EPS < theta) continue;
    // Terms with the smallest bounds whose sum stays below the threshold cannot make a candidate on their own.
    for (let x = 1; x < m; x++) {
      const v = order[x];
      let y = x - 1;
      for (; y >= 0 && wbound[order[y]] > wbound[v]; y--) order[y + 1] = order[y];
      order[y + 1] = v;
    }
    let rest = 0;
    essential.fill(1);
    for (const i of order) {
      if (!(rest + wbound[i] + EPS < theta)) break;
      rest += wbound[i];
      essential[i] = 0;
    }
    // Essential terms, largest bound first, term at a time into per-window arrays: one row of contributions per
    // term (0 = absent). Once the terms left could not lift a unit not yet seen to the threshold, they only
    // add to the candidates already there.
    let remaining = 0;
    for (let i = 0; i < m; i++) if (essential[i]) remaining += wbound[i];
    let count = 0;
    for (let o = m - 1; o >= 0; o--) {
      const i = order[o];
      if (!essential[i]) break;
      if (wbound[i] === 0) continue;
      const open = !(rest + remaining + EPS < theta);
      remaining -= wbound[i];
      const { p, idf } = lists[i];
      const { ids, tfs } = p;
      const row = i * WINDOW;
      for (let j = from[i]; j < to[i]; j++) {
        const id = ids[j];
        const off = id - start;
        const before = local[off];
        if (before === 0 && !open) continue;
        const tf = tfs[j];
        const c = (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * lengths[id]) / avgLen));
        contrib[row + off] = c;
        if (before === 0) cands[count++] = off;
        local[off] = before + c;
      }
    }
    // Candidates in id order, so the other terms are probed with cursors that only move forward.
    const sorted = cands.subarray(0, count).sort();
    for (let i = 0; i < m; i++) cursor[i] = from[i];
    for (let c = 0; c < count; c++) {
      const off = sorted[c];
      const partial = local[off];
      local[off] = 0;
      const id = start + off;
      if ((anyDead && !alive[id]) || partial + rest + EPS < theta) {
        for (let i = 0; i < m; i++) contrib[i * WINDOW + off] = 0;
        continue;
      }
      // Full score in the caller's order (adding 0 for an absent term changes nothing), so equal units get equal sums.
      let score = 0;
      let first = false;
      for (let i = 0; i < m; i++) {
        if (essential[i] || wbound[i] === 0) {
          if (i === 0) first = contrib[off] > 0;
          score += contrib[i * WINDOW + off];
          contrib[i * WINDOW + off] = 0;
          continue;
        }
        const { p, idf } = lists[i];
        const { ids } = p;
        let at = cursor[i];
        const stop = to[i];
        while (at < stop && ids[at] < id) at++;
        cursor[i] = at;
        if (at < stop && ids[at] === id) {
          if (i === 0) first = true;
          const tf = p.tfs[at];
          score += (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * lengths[id]) / avgLen));
        }
      }
      if (first && id <= lastSeed) continue; // already offered to the heap
      if (heap.wouldKeep(score, id) && (!accept || accept(id))) {
        heap.offer(score, id);
        if (heap.full()) theta = heap.worst();
      }
    }
  }
  scratch.clean = true;
  return heap.sorted();
}
