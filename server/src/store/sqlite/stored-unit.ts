/**
 * A source as the SQLite store keeps it on the heap: identity and metadata; its text, paragraphs, sentences,
 * quotations and document actors are read from the database when a feature (or the actor index) asks and kept in
 * small least-recently-used caches.
 */
import type { DocumentActors } from '../../domain/actor-types';
import type { SourceQuote } from '../../domain/quote-types';
import type { SourceDocument, SourceParagraph, SourceSentence } from '../../domain/source-document';
import type { SourceFormat } from '../../domain/source-text';
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
  actorList(row: number): DocumentActors;
}

/** A document's metadata (title, date, format, authors, pages…): small, kept in memory. */
export type DocumentMeta = Omit<SourceDocument, 'uri' | 'path' | 'text' | 'paragraphs' | 'sentences'>;

/** Splits a document into its metadata and the rest. */
export function metaOf(doc: SourceDocument): DocumentMeta {
  const { uri: _uri, path: _path, text: _text, paragraphs: _paragraphs, sentences: _sentences, ...meta } = doc;
  return meta;
}

/** What a source row keeps in memory (its `head` column). */
export interface SourceHead {
  /** The document's metadata: everything but its identity, text and structure. */
  meta: DocumentMeta;
  /** Number of document actors: a source without any never touches the database for them. */
  actorCount: number;
  firstSentence: number;
  sentenceCount: number;
  /** Number of quotations: a source without any never touches the database for them. */
  quoteCount: number;
}

const NO_QUOTES: SourceQuote[] = [];
const NO_ACTORS: DocumentActors = { actors: [] };

/** A document whose metadata is in memory and whose text and structure come from the loader. */
class StoredDocument implements SourceDocument {
  readonly title: string;
  readonly date: string | null;
  readonly year: number | null;
  readonly place: string | null;
  readonly outlet: string | null;
  readonly format?: SourceFormat;
  readonly authors?: string[];
  readonly url?: string | null;
  readonly doi?: string | null;
  readonly language?: string | null;
  readonly pageStarts?: number[];

  constructor(
    readonly uri: string,
    readonly path: string,
    meta: DocumentMeta,
    private readonly row: number,
    private readonly loader: BodyLoader,
  ) {
    this.title = meta.title;
    this.date = meta.date;
    this.year = meta.year;
    this.place = meta.place;
    this.outlet = meta.outlet;
    if (meta.format !== undefined) this.format = meta.format;
    if (meta.authors !== undefined) this.authors = meta.authors;
    if (meta.url !== undefined) this.url = meta.url;
    if (meta.doi !== undefined) this.doi = meta.doi;
    if (meta.language !== undefined) this.language = meta.language;
    if (meta.pageStarts !== undefined) this.pageStarts = meta.pageStarts;
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
  private readonly actorCount: number;
  private readonly firstSentence: number;
  private readonly sentenceCount: number;
  private readonly quoteCount: number;

  constructor(
    readonly row: number,
    uri: string,
    path: string,
    /** Kept as read (or written): the store saves every unit's head with its postings. */
    readonly head: SourceHead,
    private readonly loader: BodyLoader,
  ) {
    this.doc = new StoredDocument(uri, path, head.meta, row, loader);
    this.actorCount = head.actorCount;
    this.firstSentence = head.firstSentence;
    this.sentenceCount = head.sentenceCount;
    this.quoteCount = head.quoteCount;
  }

  get quotes(): SourceQuote[] {
    return this.quoteCount === 0 ? NO_QUOTES : this.loader.quoteList(this.row);
  }

  /** The document's actors, read from the row (the actor index keeps only unit and position). */
  get actors(): DocumentActors {
    return this.actorCount === 0 ? NO_ACTORS : this.loader.actorList(this.row);
  }

  /** Sentence ids are consecutive per source: the store adds a source's sentences in one go. */
  get sentenceIds(): number[] {
    // A plain loop: Array.from with a callback costs several times more, and a second start asks for every unit's.
    const ids = new Array<number>(this.sentenceCount);
    for (let i = 0; i < ids.length; i++) ids[i] = this.firstSentence + i;
    return ids;
  }
}
