/**
 * Exact top-k BM25 over postings with block-max summaries, in windows of unit ids (MaxScore with block bounds): a
 * window whose terms' block bounds add up below the k-th best score so far is skipped whole, and inside a window
 * only the "essential" terms (those whose bounds the threshold cannot absorb) produce candidates, summed term at a
 * time into the window's array; the other terms add to those candidates, walked when they have few postings there
 * and otherwise probed per candidate, largest bound first, until what is left cannot lift it to the threshold. The
 * few units that can still enter are scored in full in the caller's term order, so results (and their float sums)
 * equal a plain term-at-a-time pass.
 *
 * What it costs is walking the essential terms' postings: a claim's 24th-best score is low (two or three of its
 * terms), so most of its terms stay essential and few windows are skipped. The work per posting is kept to a load,
 * a division and a store; per-candidate work (probes, exact sums, the heap) only for the units that can still enter.
 */
import { TopK, type ScoredUnit } from './top-k';

export const K1 = 1.2;
export const B = 0.75;
/** Postings per block summary. */
const BLOCK = 64;
const SHIFT = 6;
/** Unit ids per window (a window's overhead is per term: 4,096 made it a fifth of a claim search at 20,000 articles). */
const WINDOW = 16384;
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

/** BM25 contribution of one posting (the one expression every strategy uses, so that sums agree to the bit). */
function contribution(idf: number, tf: number, len: number, avgLen: number): number {
  return (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * len) / avgLen));
}

/**
 * Per-window arrays reused across searches (allocating them per search made a large heap collect often); every
 * search leaves them zeroed. A search that did not finish leaves them marked dirty: they are remade.
 */
const WORDS = WINDOW >> 5;
const scratch = { local: new Float64Array(WINDOW), marks: new Uint32Array(WORDS), clean: true };

function takeScratch(): typeof scratch {
  if (!scratch.clean) {
    scratch.local = new Float64Array(WINDOW);
    scratch.marks = new Uint32Array(WORDS);
  }
  scratch.clean = false;
  return scratch;
}

/** A list with more than this many postings per candidate in a window is probed per candidate rather than walked. */
const WALK_RATIO = 4;
/** Units seeded into the heap before the pass: a high threshold from the start prunes most of the postings. */
const SEEDS = 128;

/** BM25 of one unit, summed in list order (binary search in each list). */
function fullScore(lists: readonly QueryList[], id: number, lengths: Uint16Array, avgLen: number): number {
  let score = 0;
  for (const { p, idf } of lists) {
    const at = advance(p.ids, 0, p.size, id);
    if (at < p.size && p.ids[at] === id) score += contribution(idf, p.tfs[at], lengths[id], avgLen);
  }
  return score;
}

/**
 * Scores in full the first units of the rarest lists (the best units usually have their terms), up to SEEDS units,
 * and offers them to the heap; `seeded` keeps them (the pass must not offer a unit twice).
 */
function seed(
  lists: readonly QueryList[],
  limit: number,
  heap: TopK,
  alive: Uint8Array,
  lengths: Uint16Array,
  avgLen: number,
  anyDead: boolean,
  seeded: Set<number>,
  accept?: (id: number) => boolean,
): void {
  const want = Math.max(SEEDS, limit);
  for (const { p } of lists) {
    for (let j = 0; j < p.size && seeded.size < want; j++) {
      const id = p.ids[j];
      if (seeded.has(id) || (anyDead && !alive[id])) continue;
      seeded.add(id);
      const score = fullScore(lists, id, lengths, avgLen);
      if (heap.wouldKeep(score, id) && (!accept || accept(id))) heap.offer(score, id);
    }
    if (seeded.size >= want || heap.full()) return;
  }
}

/** First position in [at, stop) whose id is >= `id`, galloping from `at` (candidates come in id order). */
function advance(ids: Uint32Array, at: number, stop: number, id: number): number {
  if (at >= stop || ids[at] >= id) return at;
  let lo = at;
  let step = 1;
  let hi = at + 1;
  while (hi < stop && ids[hi] < id) {
    lo = hi;
    step <<= 1;
    hi = at + step;
  }
  if (hi > stop) hi = stop;
  lo++;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ids[mid] < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The per-search state of the pass (typed arrays indexed by list). */
interface Pass {
  lists: readonly QueryList[];
  lengths: Uint16Array;
  avgLen: number;
  from: Int32Array;
  to: Int32Array;
  wbound: Float64Array;
  essential: Uint8Array;
  /** Lists whose postings in the window are probed per candidate (too many to walk for the candidates there). */
  isProbed: Uint8Array;
  /** Probed lists in probing order (largest window bound first), and how many. */
  probeOrder: Int32Array;
  probes: number;
  /** Forward-only positions for the probes and for the exact sums. */
  cursor: Int32Array;
  exact: Int32Array;
  probed: Float64Array;
}

/**
 * Whether a candidate holding `partial` from the essential lists can still reach `theta` once the other lists are
 * probed (largest bound first, stopping as soon as what is left cannot lift it); fills `probed`.
 */
function survives(s: Pass, id: number, partial: number, rest: number, theta: number): boolean {
  let upper = partial;
  let left = rest;
  for (let x = 0; x < s.probes; x++) {
    const i = s.probeOrder[x];
    left -= s.wbound[i];
    const { p, idf } = s.lists[i];
    const at = advance(p.ids, s.cursor[i], s.to[i], id);
    s.cursor[i] = at;
    const v = at < s.to[i] && p.ids[at] === id ? contribution(idf, p.tfs[at], s.lengths[id], s.avgLen) : 0;
    s.probed[i] = v;
    upper += v;
    if (upper + left + EPS < theta) return false;
  }
  return true;
}

/** A surviving candidate's exact BM25, summed in the caller's list order (so equal units get equal sums). */
function exactScore(s: Pass, id: number): number {
  let score = 0;
  for (let i = 0; i < s.lists.length; i++) {
    if (s.wbound[i] === 0) continue; // no posting in this window
    if (s.isProbed[i]) {
      score += s.probed[i];
      continue;
    }
    const { p, idf } = s.lists[i];
    const at = advance(p.ids, s.exact[i], s.to[i], id);
    s.exact[i] = at;
    if (at < s.to[i] && p.ids[at] === id) score += contribution(idf, p.tfs[at], s.lengths[id], s.avgLen);
  }
  return score;
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
  const s: Pass = {
    lists,
    lengths,
    avgLen,
    from: new Int32Array(m),
    to: new Int32Array(m),
    wbound: new Float64Array(m),
    essential: new Uint8Array(m),
    isProbed: new Uint8Array(m),
    probeOrder: new Int32Array(m),
    probes: 0,
    cursor: new Int32Array(m),
    exact: new Int32Array(m),
    probed: new Float64Array(m),
  };
  const { from, to, wbound, essential } = s;
  const order = Int32Array.from({ length: m }, (_, i) => i);
  const { local, marks } = takeScratch();
  const seeded = new Set<number>();
  seed(lists, limit, heap, alive, lengths, avgLen, anyDead, seeded, accept);
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
    let theta = heap.full() ? heap.worst() : -Infinity;
    if (sum + EPS < theta) continue;
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
    // Essential terms, largest bound first, term at a time into the window's sums; a unit is marked as a candidate
    // when first seen. Once the terms left could not lift a unit not yet seen to the threshold, they only add to
    // the candidates already there.
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
      for (let j = from[i]; j < to[i]; j++) {
        const id = ids[j];
        const off = id - start;
        const before = local[off];
        if (before === 0) {
          if (!open) continue;
          marks[off >> 5] |= 1 << (off & 31);
          count++;
        }
        local[off] = before + contribution(idf, tfs[j], lengths[id], avgLen);
      }
    }
    // The other lists add to the candidates: walked when they hold few postings for the candidates there, otherwise
    // probed per candidate (largest bound first, with cursors that only move forward, stopping as soon as what is
    // left cannot lift it); `rest` becomes what the probed lists could still add.
    s.probes = 0;
    s.isProbed.fill(0);
    rest = 0;
    for (let o = m - 1; o >= 0 && count > 0; o--) {
      const i = order[o];
      if (essential[i] || wbound[i] === 0) continue;
      if (to[i] - from[i] > WALK_RATIO * count) {
        s.isProbed[i] = 1;
        s.probeOrder[s.probes++] = i;
        rest += wbound[i];
        continue;
      }
      const { p, idf } = lists[i];
      const { ids, tfs } = p;
      for (let j = from[i]; j < to[i]; j++) {
        const id = ids[j];
        const off = id - start;
        const before = local[off];
        if (before !== 0) local[off] = before + contribution(idf, tfs[j], lengths[id], avgLen);
      }
    }
    // Candidates in id order (the marks).
    for (let i = 0; i < m; i++) s.cursor[i] = s.exact[i] = from[i];
    for (let w = 0; count > 0; w++) {
      let word = marks[w];
      if (word === 0) continue;
      marks[w] = 0;
      while (word !== 0) {
        const low = word & -word;
        word ^= low;
        count--;
        const off = (w << 5) | (31 - Math.clz32(low));
        const partial = local[off];
        local[off] = 0;
        const id = start + off;
        if ((anyDead && !alive[id]) || partial + rest + EPS < theta || !survives(s, id, partial, rest, theta)) continue;
        if (seeded.has(id)) continue; // already offered to the heap
        const score = exactScore(s, id);
        if (heap.wouldKeep(score, id) && (!accept || accept(id))) {
          heap.offer(score, id);
          if (heap.full()) theta = heap.worst();
        }
      }
    }
  }
  scratch.clean = true;
  return heap.sorted();
}
