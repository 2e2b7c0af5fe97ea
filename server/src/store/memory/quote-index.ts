import type { SourceUnit, UnitListener } from './source-index';
import { InvertedIndex, type InvertedIndexState, type ScoredUnit } from './inverted-index';
import { UnitOwners } from './unit-owners';
import { OPENING_CHARS, openingKeysOf, partOffsets, type QuoteKind, type SourceQuote } from '../../domain/quote-types';
import { openingKey } from '../../text/opening-key';
import { terms, words } from '../../text/tokenize';
import type { IndexedQuote, QuoteReads } from '../source-store';
import { grownTo } from './grown-array';

export type { IndexedQuote };

const KINDS: readonly QuoteKind[] = ['direct', 'partial', 'fragment', 'indirect'];

/** Per quotation of a unit, in document order: word count, kind (index in KINDS) and opening keys. */
export interface QuoteFacts {
  words: number[];
  kinds: number[];
  /** One key, or several for a quotation over paragraphs (one per part). */
  openings: (string | string[] | null)[];
  /** The first letters of each quotation's third word (`laterWordCode`); absent in files saved before them. */
  thirds?: number[];
  /** The same of its fourth word; absent in files saved before them. */
  fourths?: number[];
  /** A quotation over paragraphs: per opening key, its third and fourth word codes (`partOpeningCodes`); else null. */
  partCodes?: ([string, number, number][] | null)[];
}

/** Letters of a third (and fourth) word kept per quotation: enough to pass over most quotations that share two opening words. */
const THIRD_LETTERS = 3;
/** A quotation whose third (fourth) word is not known (over paragraphs: its parts open other ways; or restored without it). */
const UNKNOWN_THIRD = -1;
/** A quotation of fewer than three (four) words. */
const NO_THIRD = -2;

/** The first letters of a word as one number (UTF-16 code units, 16 bits each: exact in a double). */
function letterCode(word: string, letters: number): number {
  let code = 0;
  for (let i = 0; i < letters; i++) code = code * 65536 + (i < word.length ? word.charCodeAt(i) : 0);
  return code;
}

/** What a quotation's word `at` (its third or fourth) is kept as: its first letters, or why there are none. */
function laterWordCode(ws: readonly string[], at: number, parts: boolean): number {
  if (parts) return UNKNOWN_THIRD;
  return ws.length <= at ? NO_THIRD : letterCode(ws[at], THIRD_LETTERS);
}

/** Whether a quotation kept as `code` may have a third word starting like `typed` (never false when it does). */
function thirdMayMatch(code: number, typed: string): boolean {
  if (code === UNKNOWN_THIRD) return true;
  if (code === NO_THIRD) return false;
  const letters = Math.min(THIRD_LETTERS, typed.length);
  const drop = 65536 ** (THIRD_LETTERS - letters);
  return Math.floor(code / drop) === letterCode(typed, letters);
}

/**
 * Every quotation's facts at once, for a persistent store to save with its terms: the per-id arrays as they are,
 * and the opening table's lists (keys, and each key's ids in CSR form).
 */
export interface QuoteFactsState {
  wordCounts: Uint16Array<ArrayBuffer>;
  kinds: Uint8Array<ArrayBuffer>;
  thirds: Float64Array<ArrayBuffer>;
  fourths: Float64Array<ArrayBuffer>;
  openingKeys: string[];
  /** The ids of openingKeys[i] are openingIds[openingOffsets[i], openingOffsets[i + 1]). */
  openingOffsets: Uint32Array;
  openingIds: Uint32Array;
  /** Quotations over paragraphs: each id's opening keys with their third and fourth word codes. */
  partCodes: [number, [string, number, number][]][];
}

/**
 * The third and fourth word codes of each opening of a quotation over paragraphs (its whole text and each later
 * part), by opening key. A word cut by the characters read is not known; two openings with one key and other
 * words are not known either.
 */
export function partOpeningCodes(quote: SourceQuote): [string, number, number][] {
  const out = new Map<string, [number, number]>();
  const add = (ws: readonly string[], whole: boolean): void => {
    const key = openingKey(ws);
    if (!key) return;
    // The last word read may be cut short unless the text ends there.
    const code = (at: number): number =>
      ws.length > at + 1 || (whole && ws.length > at) ? letterCode(ws[at], THIRD_LETTERS) : whole ? NO_THIRD : UNKNOWN_THIRD;
    const codes: [number, number] = [code(2), code(3)];
    const had = out.get(key);
    out.set(key, had && (had[0] !== codes[0] || had[1] !== codes[1]) ? [UNKNOWN_THIRD, UNKNOWN_THIRD] : codes);
  };
  add(words(quote.text), true);
  for (const at of partOffsets(quote)) add(words(quote.text.slice(at, at + OPENING_CHARS)), at + OPENING_CHARS >= quote.text.length);
  return [...out].map(([key, [third, fourth]]) => [key, third, fourth]);
}

const keyList = (k: string | string[] | null | undefined): string[] => (k == null ? [] : typeof k === 'string' ? [k] : k);

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
  private readonly owners = new UnitOwners();
  private wordCounts = new Uint16Array(1024);
  private kinds = new Uint8Array(1024);
  private thirds = new Float64Array(1024);
  private fourths = new Float64Array(1024);
  /** Quotations over paragraphs: the codes of each of their openings, by key (their own codes are not known). */
  private readonly partCodes = new Map<number, Map<string, readonly [number, number]>>();
  private readonly openings = new Map<string, number[]>();
  private count = 0;

  unitAdded(unit: SourceUnit): void {
    const ids: number[] = [];
    for (const quote of unit.quotes) {
      const ws = words(quote.text);
      const id = this.terms.add([...terms(quote.text), ...(quote.speaker ? terms(quote.speaker) : [])]);
      const parts = (quote.parts?.length ?? 0) > 0;
      this.place(id, ws.length, quote.kind, openingKeysOf(quote), laterWordCode(ws, 2, parts), laterWordCode(ws, 3, parts));
      if (parts && quote.kind !== 'indirect') this.placeParts(id, partOpeningCodes(quote));
      ids.push(id);
    }
    this.owners.add(unit, ids);
    this.byUnit.set(unit, ids);
    this.count += ids.length;
  }

  /**
   * Registers a unit's quotations that are already in the terms index (restored with `loadTerms`): ids in
   * document order, with word counts, kinds and opening keys as `describe` gave them. No tokenising.
   */
  restoreUnit(unit: SourceUnit, ids: readonly number[], described: QuoteFacts): void {
    ids.forEach((id, i) =>
      this.place(
        id,
        described.words[i] ?? 0,
        KINDS[described.kinds[i] ?? 0] ?? 'direct',
        keyList(described.openings[i]),
        described.thirds?.[i] ?? UNKNOWN_THIRD,
        described.fourths?.[i] ?? UNKNOWN_THIRD,
      ),
    );
    ids.forEach((id, i) => {
      const codes = described.partCodes?.[i];
      if (codes) this.placeParts(id, codes);
    });
    this.owners.add(unit, ids);
    this.byUnit.set(unit, [...ids]);
    this.count += ids.length;
  }

  /**
   * The facts of every live quotation, for `loadFacts`. `order` gives the units in the order a later start
   * registers them: each opening's list is written in that order (and document order within a unit), the order a
   * start that restored unit by unit would give it.
   */
  exportFacts(order: Iterable<SourceUnit>): QuoteFactsState {
    const keysOf = new Map<number, string[]>();
    for (const [key, ids] of this.openings)
      for (const id of ids) {
        if (!this.owners.has(id)) continue;
        const keys = keysOf.get(id);
        if (keys) keys.push(key);
        else keysOf.set(id, [key]);
      }
    const lists = new Map<string, number[]>();
    for (const unit of order)
      for (const id of this.byUnit.get(unit) ?? [])
        for (const key of keysOf.get(id) ?? []) {
          const list = lists.get(key);
          if (list) list.push(id);
          else lists.set(key, [id]);
        }
    const openingKeys = [...lists.keys()];
    const openingOffsets = new Uint32Array(openingKeys.length + 1);
    let total = 0;
    for (const list of lists.values()) total += list.length;
    const openingIds = new Uint32Array(total);
    let w = 0;
    openingKeys.forEach((key, i) => {
      for (const id of lists.get(key) ?? []) openingIds[w++] = id;
      openingOffsets[i + 1] = w;
    });
    return {
      wordCounts: this.wordCounts,
      kinds: this.kinds,
      thirds: this.thirds,
      fourths: this.fourths,
      openingKeys,
      openingOffsets,
      openingIds,
      partCodes: [...this.partCodes]
        .filter(([id]) => this.owners.has(id))
        .map(([id, codes]) => [id, [...codes].map(([key, [third, fourth]]): [string, number, number] => [key, third, fourth])]),
    };
  }

  /** Loads saved facts into this (empty) index; units then register their ids with `restoreIds`. */
  loadFacts(state: QuoteFactsState): void {
    this.wordCounts = state.wordCounts;
    this.kinds = state.kinds;
    this.thirds = state.thirds;
    this.fourths = state.fourths;
    for (const [id, codes] of state.partCodes) this.placeParts(id, codes);
    for (let i = 0; i < state.openingKeys.length; i++)
      this.openings.set(state.openingKeys[i], Array.from(state.openingIds.subarray(state.openingOffsets[i], state.openingOffsets[i + 1])));
  }

  /** Registers a unit's quotation ids (document order) whose facts came with `loadFacts`. */
  restoreIds(unit: SourceUnit, ids: number[]): void {
    this.owners.add(unit, ids);
    this.byUnit.set(unit, ids);
    this.count += ids.length;
  }

  /** What `restoreUnit` needs of a unit's quotations, computed once when the unit is first indexed. */
  describe(unit: SourceUnit): QuoteFacts {
    const ids = this.byUnit.get(unit) ?? [];
    return {
      words: ids.map((id) => this.wordCounts[id] ?? 0),
      kinds: ids.map((id) => this.kinds[id] ?? 0),
      thirds: ids.map((id) => this.thirds[id] ?? UNKNOWN_THIRD),
      fourths: ids.map((id) => this.fourths[id] ?? UNKNOWN_THIRD),
      partCodes: ids.map((id) => {
        const codes = this.partCodes.get(id);
        return codes ? [...codes].map(([key, [third, fourth]]) => [key, third, fourth]) : null;
      }),
      openings: unit.quotes.map((q) => {
        const keys = openingKeysOf(q);
        return keys.length === 0 ? null : keys.length === 1 ? keys[0] : keys;
      }),
    };
  }

  /** Ids of a unit's quotations, in document order. */
  idsOf(unit: SourceUnit): readonly number[] {
    return this.byUnit.get(unit) ?? [];
  }

  /** The terms index, for a persistent store to save. */
  exportTerms(): InvertedIndexState {
    return this.terms.exportState();
  }

  /** Loads a saved terms index into this (empty) index. */
  loadTerms(state: InvertedIndexState): void {
    this.terms.loadState(state);
  }

  /** The kind of a quotation without reading its source (eligibility filters run on hundreds of candidates). */
  kindOf(id: number): QuoteKind | undefined {
    return this.owners.has(id) ? KINDS[this.kinds[id] ?? 0] : undefined;
  }

  private placeParts(id: number, codes: readonly (readonly [string, number, number])[]): void {
    this.partCodes.set(id, new Map(codes.map(([key, third, fourth]) => [key, [third, fourth] as const])));
  }

  private place(id: number, wordCount: number, kind: QuoteKind, keys: readonly string[], third: number, fourth: number): void {
    if (id >= this.wordCounts.length) {
      const size = Math.max(id + 1, this.wordCounts.length * 2);
      this.wordCounts = grownTo(this.wordCounts, size);
      this.kinds = grownTo(this.kinds, size);
      this.thirds = grownTo(this.thirds, size);
      this.fourths = grownTo(this.fourths, size);
    }
    this.thirds[id] = third;
    this.fourths[id] = fourth;
    this.wordCounts[id] = Math.min(wordCount, 65535);
    this.kinds[id] = KINDS.indexOf(kind);
    for (const key of keys) {
      const list = this.openings.get(key);
      if (list) list.push(id);
      else this.openings.set(key, [id]);
    }
  }

  unitRemoved(unit: SourceUnit): void {
    const ids = this.byUnit.get(unit);
    if (!ids) return;
    const quotes = unit.quotes;
    // A unit's ids are in document order: the i-th is its i-th quotation.
    ids.forEach((id, i) => {
      const quote = quotes[i];
      for (const key of quote ? openingKeysOf(quote) : []) {
        const kept = (this.openings.get(key) ?? []).filter((x) => x !== id);
        if (kept.length) this.openings.set(key, kept);
        else this.openings.delete(key);
      }
      this.terms.remove(id);
      this.partCodes.delete(id);
    });
    this.owners.remove(unit, ids);
    this.byUnit.delete(unit);
    this.count -= ids.length;
  }

  get size(): number {
    return this.count;
  }

  /** The quotation with an id, if it is still indexed. */
  get(id: number): IndexedQuote | undefined {
    const owner = this.owners.get(id);
    if (!owner) return undefined;
    const quote = owner.unit.quotes[owner.index];
    return quote ? { id, unit: owner.unit, quote } : undefined;
  }

  /** Number of words of a quotation. */
  wordCount(id: number): number {
    return this.wordCounts[id] ?? 0;
  }

  /** The best quotations for retrieval terms (quote words and speaker names), by BM25. */
  search(queryTerms: readonly string[], limit: number, accept?: (id: number) => boolean): ScoredUnit[] {
    return this.terms.search(queryTerms, limit, accept);
  }

  /** Live quotations whose first two words are these (and whose third and fourth words may start like `third` and `fourth`, when given). */
  opening(key: string, third?: string, fourth?: string): number[] {
    const list = this.openings.get(key) ?? [];
    if (!third) return list.filter((id) => this.owners.has(id));
    return list.filter((id) => {
      if (!this.owners.has(id)) return false;
      // A quotation over paragraphs is passed over by the words after this opening of it.
      const [t, f] = this.partCodes.get(id)?.get(key) ?? [this.thirds[id] ?? UNKNOWN_THIRD, this.fourths[id] ?? UNKNOWN_THIRD];
      return thirdMayMatch(t, third) && (!fourth || thirdMayMatch(f, fourth));
    });
  }

  /** The quotations of one source, in document order. */
  quotesOf(unit: SourceUnit): IndexedQuote[] {
    return (this.byUnit.get(unit) ?? []).map((id) => this.get(id)).filter((q): q is IndexedQuote => q !== undefined);
  }
}
