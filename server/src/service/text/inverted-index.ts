/**
 * An inverted index over numbered units (sentences, quotes…) with BM25
 * scoring. Postings are typed arrays so that 100,000 articles fit in memory;
 * removed units are tombstoned and compacted lazily.
 */

const K1 = 1.2;
const B = 0.75;

class Postings {
  ids: Uint32Array = new Uint32Array(4);
  tfs: Uint16Array = new Uint16Array(4);
  size = 0;

  push(id: number, tf: number): void {
    if (this.size === this.ids.length) {
      const ids = new Uint32Array(this.size * 2);
      ids.set(this.ids);
      this.ids = ids;
      const tfs = new Uint16Array(this.size * 2);
      tfs.set(this.tfs);
      this.tfs = tfs;
    }
    this.ids[this.size] = id;
    this.tfs[this.size] = Math.min(tf, 65535);
    this.size++;
  }
}

export interface ScoredUnit {
  id: number;
  score: number;
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

export class InvertedIndex {
  private readonly postings = new Map<string, Postings>();
  private lengths = new Uint16Array(1024);
  private alive = new Uint8Array(1024);
  private next = 0;
  private liveUnits = 0;
  private totalLength = 0;
  private dead = 0;
  private scores = new Float64Array(0);

  /** Number of live units. */
  get size(): number {
    return this.liveUnits;
  }

  /** Adds a unit with its terms (repeats count as term frequency); returns its id. */
  add(terms: readonly string[]): number {
    const id = this.next++;
    if (id >= this.lengths.length) {
      const lengths = new Uint16Array(this.lengths.length * 2);
      lengths.set(this.lengths);
      this.lengths = lengths;
      const alive = new Uint8Array(this.alive.length * 2);
      alive.set(this.alive);
      this.alive = alive;
    }
    const counts = new Map<string, number>();
    for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const [t, tf] of counts) {
      let p = this.postings.get(t);
      if (!p) this.postings.set(t, (p = new Postings()));
      p.push(id, tf);
    }
    const len = Math.min(terms.length, 65535);
    this.lengths[id] = len;
    this.alive[id] = 1;
    this.liveUnits++;
    this.totalLength += len;
    return id;
  }

  /** Removes a unit; its postings are dropped at the next compaction. */
  remove(id: number): void {
    if (id >= this.next || !this.alive[id]) return;
    this.alive[id] = 0;
    this.liveUnits--;
    this.totalLength -= this.lengths[id]!;
    this.dead++;
    if (this.dead > 10_000 && this.dead > this.liveUnits / 4) this.compact();
  }

  /** True if a unit id is live. */
  has(id: number): boolean {
    return id < this.next && this.alive[id] === 1;
  }

  /** Number of live units containing a term (approximate between compactions). */
  docFreq(term: string): number {
    return this.postings.get(term)?.size ?? 0;
  }

  /** Live unit ids containing every one of the terms (intersection), at most `limit`. */
  unitsWithAll(terms: readonly string[], limit = Infinity): number[] {
    const lists = [...new Set(terms)].map((t) => this.postings.get(t));
    if (lists.length === 0 || lists.some((p) => !p)) return [];
    const sorted = (lists as Postings[]).sort((a, b) => a.size - b.size);
    const [first, ...rest] = sorted;
    const sets = rest.map((p) => new Set(p.ids.subarray(0, p.size)));
    const out: number[] = [];
    for (let i = 0; i < first!.size && out.length < limit; i++) {
      const id = first!.ids[i]!;
      if (this.alive[id] && sets.every((s) => s.has(id))) out.push(id);
    }
    return out;
  }

  /** The best `limit` live units for the query terms by BM25, optionally filtered. */
  search(queryTerms: readonly string[], limit: number, accept?: (id: number) => boolean): ScoredUnit[] {
    if (this.liveUnits === 0) return [];
    if (this.scores.length < this.next) this.scores = new Float64Array(Math.max(this.next, this.scores.length * 2));
    const scores = this.scores;
    const touched: number[] = [];
    const avgLen = this.totalLength / this.liveUnits || 1;
    for (const term of new Set(queryTerms)) {
      const p = this.postings.get(term);
      if (!p) continue;
      const idf = Math.log(1 + (this.liveUnits - p.size + 0.5) / (p.size + 0.5));
      for (let i = 0; i < p.size; i++) {
        const id = p.ids[i]!;
        if (!this.alive[id]) continue;
        const tf = p.tfs[i]!;
        const norm = tf + K1 * (1 - B + (B * this.lengths[id]!) / avgLen);
        if (scores[id] === 0) touched.push(id);
        scores[id]! += (idf * tf * (K1 + 1)) / norm;
      }
    }
    const out: ScoredUnit[] = [];
    for (const id of touched) {
      const score = scores[id]!;
      scores[id] = 0;
      if (accept && !accept(id)) continue;
      out.push({ id, score });
    }
    out.sort((a, b) => b.score - a.score || a.id - b.id);
    return out.length > limit ? out.slice(0, limit) : out;
  }

  /** A copy of the live postings, lengths and liveness: consistent as of this call. */
  exportState(): InvertedIndexState {
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
        const id = p.ids[r]!;
        if (!this.alive[id]) continue;
        ids[w] = id;
        tfs[w] = p.tfs[r]!;
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
    const n = state.lengths.length;
    const capacity = Math.max(1024, n + 1024);
    this.lengths = new Uint16Array(capacity);
    this.lengths.set(state.lengths);
    this.alive = new Uint8Array(capacity);
    this.alive.set(state.alive);
    this.next = n;
    for (let id = 0; id < n; id++) {
      if (!state.alive[id]) continue;
      this.liveUnits++;
      this.totalLength += state.lengths[id]!;
    }
    this.dead = n - this.liveUnits;
    for (let i = 0; i < state.terms.length; i++) {
      const from = state.offsets[i]!;
      const to = state.offsets[i + 1]!;
      if (to <= from) continue;
      const p = new Postings();
      // Views into the shared arrays: a term that grows later copies its slice out (see Postings.push).
      p.ids = state.ids.subarray(from, to);
      p.tfs = state.tfs.subarray(from, to);
      p.size = to - from;
      this.postings.set(state.terms[i]!, p);
    }
  }

  private compact(): void {
    for (const [term, p] of this.postings) {
      let w = 0;
      for (let r = 0; r < p.size; r++) {
        if (this.alive[p.ids[r]!]) {
          p.ids[w] = p.ids[r]!;
          p.tfs[w] = p.tfs[r]!;
          w++;
        }
      }
      p.size = w;
      if (w === 0) this.postings.delete(term);
    }
    this.dead = 0;
  }
}
