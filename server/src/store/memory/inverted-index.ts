/**
 * An inverted index over numbered units (sentences, quotes…) with BM25
 * scoring. Postings are typed arrays so that 100,000 articles fit in memory;
 * removed units are tombstoned and compacted lazily.
 */
import { B, blockMaxTopK, K1, noteAppended, type BlockPostings } from './block-max-search';
import { grownTo } from './grown-array';
import { TopK, type ScoredUnit } from './top-k';

export type { ScoredUnit } from './top-k';

/** Memoised searches kept (least recently used dropped first). */
const MEMO_ENTRIES = 1024;
/** Up to this many terms, repeats are counted in place rather than with a Map. */
const SMALL_UNIT = 32;

/** Shared empty arrays: a list starts (or is restored) without its own until it grows (a saved index holds
 * hundreds of thousands of lists, and five typed arrays each cost more than the rest of its load). */
const NO_IDS = new Uint32Array(0);
const NO_TFS = new Uint16Array(0);

class Postings implements BlockPostings {
  ids: Uint32Array = NO_IDS;
  tfs: Uint16Array = NO_TFS;
  size = 0;
  blockLast = NO_IDS;
  blockMaxTf = NO_TFS;
  blockMinLen = NO_TFS;
  blocked = 0;

  push(id: number, tf: number, len: number): void {
    if (this.size === this.ids.length) {
      const capacity = Math.max(4, this.size * 2);
      this.ids = grownTo(this.ids, capacity);
      this.tfs = grownTo(this.tfs, capacity);
    }
    this.ids[this.size] = id;
    this.tfs[this.size] = Math.min(tf, 65535);
    this.size++;
    noteAppended(this, len);
  }
}

/** Live entries of a postings list: idf must not count removed units, or scores drift from a fresh build's. */
function liveCount(p: Postings, alive: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < p.size; i++) n += alive[p.ids[i]];
  return n;
}

/** First index at or after `from` whose id is >= `id` (postings are sorted by id). */
function lowerBound(p: Postings, id: number, from: number): number {
  let lo = from;
  let hi = p.size;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (p.ids[mid] < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The k-th best score among the first `count` candidates (0 when there are fewer than k). */
function kthBest(scores: Float64Array, candidates: Uint32Array, count: number, k: number): number {
  const heap = new TopK(k);
  for (let j = 0; j < count; j++) {
    const id = candidates[j];
    if (heap.wouldKeep(scores[id], id)) heap.offer(scores[id], id);
  }
  return heap.worst();
}

/** A compact copy of an index (live postings only, in CSR form) for the persisted cache. */
export interface InvertedIndexState {
  terms: string[];
  /** Postings of terms[i] are ids/tfs[offsets[i], offsets[i + 1]). */
  offsets: Uint32Array;
  ids: Uint32Array;
  tfs: Uint16Array;
  /** Length and liveness of every unit id below `lengths.length`. */
  lengths: Uint16Array;
  alive: Uint8Array;
}

/** A loaded state's lists not yet asked for: a list is made (as views of the state's arrays) on first use. */
interface SavedLists {
  state: InvertedIndexState;
  /** Term → its place in `state.terms`; built on the first lookup, so that loading does no work per term. */
  places: Map<string, number> | null;
}

export class InvertedIndex {
  private readonly postings = new Map<string, Postings>();
  private saved: SavedLists | null = null;
  private lengths: Uint16Array = new Uint16Array(1024);
  private alive: Uint8Array = new Uint8Array(1024);
  private next = 0;
  private liveUnits = 0;
  private totalLength = 0;
  private dead = 0;
  private scores = new Float64Array(0);
  /** Bumped by every add and remove: memoised searches of an older version are stale. */
  private version = 0;
  private readonly memo = new Map<string, { version: number; list: ScoredUnit[]; complete: boolean }>();
  private readonly dfCache = new Map<string, number>();
  private dfVersion = -1;
  private touched = new Uint32Array(1024);

  /** `blockMax: false` keeps every search term-at-a-time (the tests compare both strategies with a naive BM25). */
  constructor(private readonly options: { blockMax?: boolean } = {}) {}

  private get blockMax(): boolean {
    return this.options.blockMax !== false;
  }

  /** Number of live units. */
  get size(): number {
    return this.liveUnits;
  }

  /** Adds a unit with its terms (repeats count as term frequency); returns its id. */
  add(terms: readonly string[]): number {
    this.version++;
    const id = this.next++;
    if (id >= this.lengths.length) {
      this.lengths = grownTo(this.lengths, this.lengths.length * 2);
      this.alive = grownTo(this.alive, this.alive.length * 2);
    }
    const len = Math.min(terms.length, 65535);
    if (terms.length <= SMALL_UNIT) {
      // A sentence has a dozen terms: counting repeats in place beats a Map per sentence (cold builds add millions).
      for (let i = 0; i < terms.length; i++) {
        const t = terms[i];
        let seen = false;
        for (let j = 0; j < i && !seen; j++) seen = terms[j] === t;
        if (seen) continue;
        let tf = 1;
        for (let j = i + 1; j < terms.length; j++) if (terms[j] === t) tf++;
        this.post(t, id, tf, len);
      }
    } else {
      const counts = new Map<string, number>();
      for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
      for (const [t, tf] of counts) this.post(t, id, tf, len);
    }
    this.lengths[id] = len;
    this.alive[id] = 1;
    this.liveUnits++;
    this.totalLength += len;
    return id;
  }

  private post(term: string, id: number, tf: number, len: number): void {
    let p = this.list(term);
    if (!p) this.postings.set(term, (p = new Postings()));
    p.push(id, tf, len);
  }

  /** Removes a unit; its postings are dropped at the next compaction. */
  remove(id: number): void {
    if (id >= this.next || !this.alive[id]) return;
    this.version++;
    this.alive[id] = 0;
    this.liveUnits--;
    this.totalLength -= this.lengths[id];
    this.dead++;
    if (this.dead > 10_000 && this.dead > this.liveUnits / 4) this.compact();
  }

  /** True if a unit id is live. */
  has(id: number): boolean {
    return id < this.next && this.alive[id] === 1;
  }

  /** Number of live units containing a term. */
  docFreq(term: string): number {
    const p = this.list(term);
    return !p ? 0 : this.liveDf(term, p);
  }

  /** Whether unit `id` holds the term (a binary search of its postings, which are in id order). */
  contains(term: string, id: number): boolean {
    const p = this.list(term);
    if (!p) return false;
    const at = lowerBound(p, id, 0);
    return at < p.size && p.ids[at] === id;
  }

  /** Live unit ids containing every one of the terms (intersection), at most `limit`. */
  unitsWithAll(terms: readonly string[], limit = Infinity): number[] {
    const lists = [...new Set(terms)].map((t) => this.list(t));
    if (lists.length === 0 || lists.some((p) => !p)) return [];
    const sorted = (lists as Postings[]).sort((a, b) => a.size - b.size);
    const [first, ...rest] = sorted;
    // Postings are in ascending id order: each other list is searched from where the last probe stopped.
    const cursors = new Array<number>(rest.length).fill(0);
    const out: number[] = [];
    for (let i = 0; i < first.size && out.length < limit; i++) {
      const id = first.ids[i];
      if (!this.alive[id]) continue;
      let all = true;
      for (let r = 0; r < rest.length && all; r++) {
        const at = lowerBound(rest[r], id, cursors[r]);
        cursors[r] = at;
        all = at < rest[r].size && rest[r].ids[at] === id;
      }
      if (all) out.push(id);
    }
    return out;
  }

  /**
   * The best `limit` live units for the query terms by BM25, optionally filtered (best first; ties by id).
   * Unfiltered results are memoised until the index changes: re-diagnosing a draft after a keystroke repeats the
   * same queries for every unchanged sentence. A filtered search reads a memoised list of the same terms when it
   * holds enough accepted units, and otherwise runs with the filter (the k-th best accepted unit prunes far more
   * than a longer unfiltered list would); filters are closures, so filtered results are not memoised.
   */
  search(queryTerms: readonly string[], limit: number, accept?: (id: number) => boolean): ScoredUnit[] {
    if (this.liveUnits === 0 || limit <= 0) return [];
    // Scored in one canonical term order: float sums then do not depend on which query filled the memo first.
    const terms = [...new Set(queryTerms)].sort();
    const key = terms.join('\u0000');
    let memo = this.memo.get(key);
    if (memo && (memo.version !== this.version || (memo.list.length < limit && !memo.complete && !accept))) memo = undefined;
    if (accept) {
      const out = memo ? this.accepted(memo.list, limit, accept) : [];
      return memo && (out.length >= limit || memo.complete) ? out : this.scoreTopK(terms, limit, accept);
    }
    if (!memo) {
      const list = this.scoreTopK(terms, limit);
      memo = { version: this.version, list, complete: list.length < limit };
      const oldest = this.memo.keys().next();
      if (this.memo.size >= MEMO_ENTRIES && !oldest.done) this.memo.delete(oldest.value);
    } else {
      this.memo.delete(key); // refresh its place in the LRU order
    }
    this.memo.set(key, memo);
    return this.accepted(memo.list, limit);
  }

  /** The first `limit` hits of a ranked list that the filter takes (copies: callers may keep them). */
  private accepted(list: readonly ScoredUnit[], limit: number, accept?: (id: number) => boolean): ScoredUnit[] {
    const out: ScoredUnit[] = [];
    for (const hit of list) {
      if (out.length >= limit) break;
      if (!accept || accept(hit.id)) out.push({ id: hit.id, score: hit.score });
    }
    return out;
  }

  /** Live document frequency; with tombstones it takes a pass over the postings, remembered until the index changes. */
  private liveDf(term: string, p: Postings): number {
    if (this.dead === 0) return p.size;
    if (this.dfVersion !== this.version) {
      this.dfCache.clear();
      this.dfVersion = this.version;
    }
    let df = this.dfCache.get(term);
    if (df === undefined) this.dfCache.set(term, (df = liveCount(p, this.alive)));
    return df;
  }

  /** BM25 over the query terms' postings, keeping the best `limit` accepted units. */
  private scoreTopK(queryTerms: readonly string[], limit: number, accept?: (id: number) => boolean): ScoredUnit[] {
    if (this.scores.length < this.next) this.scores = new Float64Array(Math.max(this.next, this.scores.length * 2));
    const scores = this.scores;
    const { alive, lengths } = this;
    let touched = this.touched;
    let count = 0;
    const avgLen = this.totalLength / this.liveUnits || 1;
    const lists: { p: Postings; idf: number; bound: number }[] = [];
    for (const term of new Set(queryTerms)) {
      const p = this.list(term);
      if (!p) continue;
      const df = this.liveDf(term, p);
      if (df === 0) continue;
      const idf = Math.log(1 + (this.liveUnits - df + 0.5) / (df + 0.5));
      // No posting of a term adds more than idf × (K1 + 1) (BM25's saturation).
      lists.push({ p, idf, bound: idf * (K1 + 1) });
    }
    // Rare terms first (MaxScore): once what the remaining terms could add to an unseen unit is below the k-th best
    // score so far, no unseen unit can enter the top k, and the long lists of common terms only update units
    // already scored (by binary search when the list is much longer than the candidates). Exact, not approximate.
    lists.sort((a, b) => b.bound - a.bound || a.p.size - b.p.size);
    if (this.blockMax) return blockMaxTopK(lists, limit, alive, lengths, avgLen, this.dead > 0, accept);
    const rest = new Float64Array(lists.length + 1);
    for (let i = lists.length - 1; i >= 0; i--) rest[i] = rest[i + 1] + lists[i].bound;
    let best = 0;
    let pruned = false;
    let threshold = 0;
    let thresholds = 0;
    for (let li = 0; li < lists.length; li++) {
      const { p, idf } = lists[li];
      const { ids, tfs, size } = p;
      if (!pruned && !accept && li > 0 && count >= limit && rest[li] < best) {
        // Scores only grow, so an old threshold is a lower bound and still safe; it is recomputed at most twice.
        if (rest[li] < threshold) pruned = true;
        else if (thresholds < 2) {
          threshold = kthBest(scores, touched, count, limit);
          thresholds++;
          pruned = rest[li] < threshold;
        }
      }
      if (pruned) {
        if (size <= count * 8) {
          for (let i = 0; i < size; i++) {
            const id = ids[i];
            const before = scores[id];
            if (before === 0) continue; // not a candidate (dead units are never candidates)
            const tf = tfs[i];
            scores[id] = before + (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * lengths[id]) / avgLen));
          }
        } else {
          for (let j = 0; j < count; j++) {
            const id = touched[j];
            const at = lowerBound(p, id, 0);
            if (at >= size || ids[at] !== id) continue;
            const tf = tfs[at];
            scores[id] = scores[id] + (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * lengths[id]) / avgLen));
          }
        }
        continue;
      }
      for (let i = 0; i < size; i++) {
        const id = ids[i];
        if (!alive[id]) continue;
        const tf = tfs[i];
        const norm = tf + K1 * (1 - B + (B * lengths[id]) / avgLen);
        const before = scores[id];
        if (before === 0) {
          if (count === touched.length) this.touched = touched = grownTo(touched, touched.length * 2);
          touched[count++] = id;
        }
        const after = before + (idf * tf * (K1 + 1)) / norm;
        scores[id] = after;
        if (after > best) best = after;
      }
    }
    // Top-k with a bounded min-heap (worst at the root): no object per scored unit, no full sort.
    const heap = new TopK(Math.min(limit, count));
    for (let j = 0; j < count; j++) {
      const id = touched[j];
      const score = scores[id];
      scores[id] = 0;
      if (heap.wouldKeep(score, id) && (!accept || accept(id))) heap.offer(score, id);
    }
    return heap.sorted();
  }

  /** A term's postings: made from the loaded state on first use. */
  private list(term: string): Postings | undefined {
    const p = this.postings.get(term);
    if (p || !this.saved) return p;
    const saved = this.saved;
    if (!saved.places) {
      saved.places = new Map();
      for (let i = 0; i < saved.state.terms.length; i++) saved.places.set(saved.state.terms[i], i);
    }
    const at = saved.places.get(term);
    return at === undefined ? undefined : this.made(saved.state, at);
  }

  /** The list of `state.terms[at]` as views of the state's arrays (a list that grows later copies its slice out). */
  private made(state: InvertedIndexState, at: number): Postings | undefined {
    const from = state.offsets[at];
    const to = state.offsets[at + 1];
    const term = state.terms[at];
    if (to <= from || this.postings.has(term)) return this.postings.get(term);
    const p = new Postings();
    p.ids = state.ids.subarray(from, to);
    p.tfs = state.tfs.subarray(from, to);
    p.size = to - from;
    this.postings.set(term, p);
    return p;
  }

  /** Makes every list of the loaded state not yet asked for (before a pass over all of them). */
  private madeAll(): void {
    const saved = this.saved;
    if (!saved) return;
    this.saved = null;
    for (let i = 0; i < saved.state.terms.length; i++) this.made(saved.state, i);
  }

  /** A copy of the live postings, lengths and liveness: consistent as of this call. */
  exportState(): InvertedIndexState {
    this.madeAll();
    const terms: string[] = [];
    let total = 0;
    for (const p of this.postings.values()) total += p.size;
    const offsets = new Uint32Array(this.postings.size + 1);
    const ids = new Uint32Array(total);
    const tfs = new Uint16Array(total);
    let w = 0;
    for (const [term, p] of this.postings) {
      const start = w;
      for (let r = 0; r < p.size; r++) {
        const id = p.ids[r];
        if (!this.alive[id]) continue;
        ids[w] = id;
        tfs[w] = p.tfs[r];
        w++;
      }
      if (w === start) continue;
      offsets[terms.length] = start;
      terms.push(term);
      offsets[terms.length] = w;
    }
    return {
      terms,
      offsets: offsets.slice(0, terms.length + 1),
      ids: ids.slice(0, w),
      tfs: tfs.slice(0, w),
      lengths: this.lengths.slice(0, this.next),
      alive: this.alive.slice(0, this.next),
    };
  }

  /** Replaces the contents of an empty index with a state from `exportState` (arrays are adopted, not copied). */
  loadState(state: InvertedIndexState): void {
    if (this.next !== 0) throw new Error('loadState needs an empty index');
    this.version++;
    const n = state.lengths.length;
    const capacity = Math.max(1024, n + 1024);
    this.lengths = grownTo(state.lengths, capacity);
    this.alive = grownTo(state.alive, capacity);
    this.next = n;
    for (let id = 0; id < n; id++) {
      if (!state.alive[id]) continue;
      this.liveUnits++;
      this.totalLength += state.lengths[id];
    }
    this.dead = n - this.liveUnits;
    // Lists are made as they are first asked for (`list`): a search needs a few of them, the load none.
    this.saved = { state, places: null };
  }

  private compact(): void {
    this.madeAll();
    for (const [term, p] of this.postings) {
      let w = 0;
      for (let r = 0; r < p.size; r++) {
        if (this.alive[p.ids[r]]) {
          p.ids[w] = p.ids[r];
          p.tfs[w] = p.tfs[r];
          w++;
        }
      }
      p.size = w;
      p.blocked = 0;
      if (w === 0) this.postings.delete(term);
    }
    this.dead = 0;
  }
}
