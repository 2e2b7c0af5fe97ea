import type { ScoredUnit } from '../source-store';
/** A bounded min-heap of the best k (score, id) pairs, shared by the index's search strategies. */

export type { ScoredUnit };

/** The best k (score, id) pairs: higher score first, then lower id. */
export class TopK {
  private readonly scores: Float64Array;
  private readonly ids: Uint32Array;
  private size = 0;

  constructor(private readonly k: number) {
    this.scores = new Float64Array(k);
    this.ids = new Uint32Array(k);
  }

  /** True if (a, ia) ranks below (b, ib). */
  private static worse(a: number, ia: number, b: number, ib: number): boolean {
    return a < b || (a === b && ia > ib);
  }

  /** Whether an offer would be kept (checked before a costly filter). */
  wouldKeep(score: number, id: number): boolean {
    return this.size < this.k || TopK.worse(this.scores[0], this.ids[0], score, id);
  }

  offer(score: number, id: number): void {
    if (this.size < this.k) {
      let i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!TopK.worse(score, id, this.scores[parent], this.ids[parent])) break;
        this.scores[i] = this.scores[parent];
        this.ids[i] = this.ids[parent];
        i = parent;
      }
      this.scores[i] = score;
      this.ids[i] = id;
      return;
    }
    if (!this.wouldKeep(score, id)) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= this.size) break;
      const r = l + 1;
      const c = r < this.size && TopK.worse(this.scores[r], this.ids[r], this.scores[l], this.ids[l]) ? r : l;
      if (!TopK.worse(this.scores[c], this.ids[c], score, id)) break;
      this.scores[i] = this.scores[c];
      this.ids[i] = this.ids[c];
      i = c;
    }
    this.scores[i] = score;
    this.ids[i] = id;
  }

  /** True once k pairs are held. */
  full(): boolean {
    return this.size >= this.k;
  }

  /** The lowest score kept once k are held; 0 before. */
  worst(): number {
    return this.size < this.k ? 0 : this.scores[0];
  }

  sorted(): ScoredUnit[] {
    const out: ScoredUnit[] = [];
    for (let i = 0; i < this.size; i++) out.push({ id: this.ids[i], score: this.scores[i] });
    return out.sort((a, b) => b.score - a.score || a.id - b.id);
  }
}
