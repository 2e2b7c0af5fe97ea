import type { SourceUnit, UnitListener } from '../sources/source-index';
import type { SourceQuote } from './quote-types';

/** A quotation with the source it comes from. */
export interface IndexedQuote {
  unit: SourceUnit;
  quote: SourceQuote;
}

/** The corpus-wide index of quotations. (Extended by the quotes feature.) */
export class QuoteIndex implements UnitListener {
  private readonly byUnit = new Map<SourceUnit, IndexedQuote[]>();
  private count = 0;

  unitAdded(unit: SourceUnit): void {
    const list = unit.quotes.map((quote) => ({ unit, quote }));
    this.byUnit.set(unit, list);
    this.count += list.length;
  }

  unitRemoved(unit: SourceUnit): void {
    this.count -= this.byUnit.get(unit)?.length ?? 0;
    this.byUnit.delete(unit);
  }

  get size(): number {
    return this.count;
  }
}
