/**
 * A source as the SQLite store keeps it on the heap: identity, metadata and the document's actors (the actor index
 * merges them); its text, paragraphs, sentences and quotations are read from the database when a feature asks
 * and kept in a small least-recently-used cache.
 */
import type { DocumentActors } from '../../domain/actor-types';
import type { SourceQuote } from '../../domain/quote-types';
import type { SourceDocument, SourceParagraph, SourceSentence } from '../../domain/source-document';
import type { SourceUnit } from '../source-store';

/** The heavy parts of a source, read on demand. */
export interface SourceBody {
  text: string;
  paragraphs: SourceParagraph[];
  sentences: SourceSentence[];
}

/** Reads a source's heavy parts by row id. */
export interface BodyLoader {
  body(row: number): SourceBody;
  quoteList(row: number): SourceQuote[];
}

/** What a source row keeps in memory (its `head` column). */
export interface SourceHead {
  title: string;
  date: string | null;
  year: number | null;
  place: string | null;
  outlet: string | null;
  actors: DocumentActors;
  firstSentence: number;
  sentenceCount: number;
  /** Number of quotations: a source without any never touches the database for them. */
  quoteCount: number;
}

const NO_QUOTES: SourceQuote[] = [];

/** A document whose metadata is in memory and whose text and structure come from the loader. */
class StoredDocument implements SourceDocument {
  readonly title: string;
  readonly date: string | null;
  readonly year: number | null;
  readonly place: string | null;
  readonly outlet: string | null;

  constructor(
    readonly uri: string,
    readonly path: string,
    head: SourceHead,
    private readonly row: number,
    private readonly loader: BodyLoader,
  ) {
    this.title = head.title;
    this.date = head.date;
    this.year = head.year;
    this.place = head.place;
    this.outlet = head.outlet;
  }

  get text(): string {
    return this.loader.body(this.row).text;
  }

  get paragraphs(): SourceParagraph[] {
    return this.loader.body(this.row).paragraphs;
  }

  get sentences(): SourceSentence[] {
    return this.loader.body(this.row).sentences;
  }
}

/** A source unit backed by a row of the SQLite store. */
export class StoredUnit implements SourceUnit {
  readonly doc: SourceDocument;
  readonly actors: DocumentActors;
  private readonly firstSentence: number;
  private readonly sentenceCount: number;
  private readonly quoteCount: number;

  constructor(
    readonly row: number,
    uri: string,
    path: string,
    head: SourceHead,
    private readonly loader: BodyLoader,
  ) {
    this.doc = new StoredDocument(uri, path, head, row, loader);
    this.actors = head.actors;
    this.firstSentence = head.firstSentence;
    this.sentenceCount = head.sentenceCount;
    this.quoteCount = head.quoteCount;
  }

  get quotes(): SourceQuote[] {
    return this.quoteCount === 0 ? NO_QUOTES : this.loader.quoteList(this.row);
  }

  /** Sentence ids are consecutive per source: the store adds a source's sentences in one go. */
  get sentenceIds(): number[] {
    return Array.from({ length: this.sentenceCount }, (_, i) => this.firstSentence + i);
  }
}

/** A small least-recently-used map. */
export class Lru<K, V> {
  private readonly map = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  get(key: K, make: () => V): V {
    const hit = this.map.get(key);
    if (hit !== undefined) {
      this.map.delete(key);
      this.map.set(key, hit);
      return hit;
    }
    const made = make();
    this.map.set(key, made);
    if (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value as K);
    return made;
  }

  delete(key: K): void {
    this.map.delete(key);
  }
}
