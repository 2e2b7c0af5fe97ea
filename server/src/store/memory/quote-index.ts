import type { SourceUnit, UnitListener } from './source-index';
import { InvertedIndex, type ScoredUnit } from './inverted-index';
import { terms, words } from '../../text/tokenize';
import type { IndexedQuote, QuoteReads } from '../source-store';
import { openingKey } from '../../text/opening-key';

export type { IndexedQuote };

/**
 * The corpus-wide index of quotations: a BM25 inverted index over the words of
 * every quotation and its speaker's name (to narrow candidates per keystroke),
 * and a map from a quotation's first two words (for openings made of function
 * words only, like "It would be"). Per quotation it keeps an owner, an index
 * into the owner's quote list and a word count: the text stays in the unit.
 */
export class QuoteIndex implements UnitListener, QuoteReads {
  private readonly terms = new InvertedIndex();
  private readonly byUnit = new Map<SourceUnit, number[]>();
  private readonly owners: (SourceUnit | undefined)[] = [];
  private readonly local: number[] = [];
  private wordCounts = new Uint16Array(1024);
  private readonly openings = new Map<string, number[]>();
  private count = 0;

  unitAdded(unit: SourceUnit): void {
    const ids: number[] = [];
    unit.quotes.forEach((quote, i) => {
      const ws = words(quote.text);
      const id = this.terms.add([...terms(quote.text), ...(quote.speaker ? terms(quote.speaker) : [])]);
      this.owners[id] = unit;
      this.local[id] = i;
      if (id >= this.wordCounts.length) {
        const grown = new Uint16Array(Math.max(id + 1, this.wordCounts.length * 2));
        grown.set(this.wordCounts);
        this.wordCounts = grown;
      }
      this.wordCounts[id] = Math.min(ws.length, 65535);
      const key = openingKey(ws);
      if (key && quote.kind !== 'indirect') {
        const list = this.openings.get(key);
        if (list) list.push(id);
        else this.openings.set(key, [id]);
      }
      ids.push(id);
    });
    this.byUnit.set(unit, ids);
    this.count += ids.length;
  }

  unitRemoved(unit: SourceUnit): void {
    const ids = this.byUnit.get(unit);
    if (!ids) return;
    for (const id of ids) {
      const quote = unit.quotes[this.local[id]];
      const key = quote ? openingKey(words(quote.text)) : null;
      const list = key ? this.openings.get(key) : undefined;
      if (key && list) {
        const kept = list.filter((x) => x !== id);
        if (kept.length) this.openings.set(key, kept);
        else this.openings.delete(key);
      }
      this.terms.remove(id);
      this.owners[id] = undefined;
    }
    this.byUnit.delete(unit);
    this.count -= ids.length;
  }

  get size(): number {
    return this.count;
  }

  /** The quotation with an id, if it is still indexed. */
  get(id: number): IndexedQuote | undefined {
    const unit = this.owners[id];
    if (!unit) return undefined;
    const quote = unit.quotes[this.local[id]];
    return quote ? { id, unit, quote } : undefined;
  }

  /** Number of words of a quotation. */
  wordCount(id: number): number {
    return this.wordCounts[id] ?? 0;
  }

  /** The best quotations for retrieval terms (quote words and speaker names), by BM25. */
  search(queryTerms: readonly string[], limit: number, accept?: (id: number) => boolean): ScoredUnit[] {
    return this.terms.search(queryTerms, limit, accept);
  }

  /** Live quotations whose first two words are these. */
  opening(key: string): number[] {
    return (this.openings.get(key) ?? []).filter((id) => this.owners[id] !== undefined);
  }

  /** The quotations of one source, in document order. */
  quotesOf(unit: SourceUnit): IndexedQuote[] {
    return (this.byUnit.get(unit) ?? []).map((id) => this.get(id)).filter((q): q is IndexedQuote => q !== undefined);
  }
}
