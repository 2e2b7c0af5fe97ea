/**
 * The one store interface that request-time features query. The in-memory indexes (store/memory/) implement it
 * today; a persistent or remote store (the PostgreSQL archive) implements the same reads. Features import this
 * file, never an implementation.
 */
import type { WriterEntry } from '../domain/writer-entry';
import type { Location } from 'vscode-languageserver-types';
import type { ActorType, DocumentActor } from '../domain/actor-types';
import type { SourceQuote } from '../domain/quote-types';
import type { SourceAnalysis } from '../domain/source-analysis';

/** One indexed source: its analysis plus its place in the corpus-wide indexes. */
export interface SourceUnit extends SourceAnalysis {
  /** Ids of its sentences in the passage index, in document order. */
  sentenceIds: number[];
}

/** A search hit: a unit id (sentence or quotation) and its score. */
export interface ScoredUnit {
  id: number;
  score: number;
}

/** A quotation with the source it comes from. */
export interface IndexedQuote {
  id: number;
  unit: SourceUnit;
  quote: SourceQuote;
}

/** A role of an actor across the corpus, with the sources that give it. */
export interface ActorRoleSummary {
  title: string;
  affiliation: string | null;
  units: SourceUnit[];
  /** Newest date (ISO or year) of a source giving the role, or null. */
  newest: string | null;
}

/** A canonical actor: one person, organisation or place, merged across documents. */
export interface Actor {
  id: string;
  name: string;
  type: ActorType;
  /** Each document's view of this actor. */
  appearances: { unit: SourceUnit; actor: DocumentActor }[];
  /** Other names: surnames, acronyms, variants, nationality adjectives. */
  aliases: string[];
  /** Roles, newest first. */
  roles: ActorRoleSummary[];
  affiliation: string | null;
  /** Mentions over all sources. */
  mentionCount: number;
}

/** Ranked retrieval over passages (sentences) or quotations by their terms. */
export interface TermSearch {
  readonly size: number;
  /** How many units hold the term. */
  docFreq(term: string): number;
  /** Whether unit `id` holds the term: a passage's words read from the postings, without reading its text. */
  contains(term: string, id: number): boolean;
  /** The best `limit` units for the query terms (BM25), optionally filtered. */
  search(queryTerms: readonly string[], limit: number, accept?: (id: number) => boolean): ScoredUnit[];
}

/** Sources by URI, citation key and path; passages by terms. */
export interface SourceReads {
  readonly size: number;
  /** The passage (sentence) index over every source. */
  readonly sentences: TermSearch;
  get(uri: string): SourceUnit | undefined;
  byKey(key: string): SourceUnit | undefined;
  byPath(path: string): SourceUnit | undefined;
  keyOf(unit: SourceUnit): string;
  /** An entry of the writer's own bibliography (BibTeX, CSL-JSON) by its key. */
  writerEntry(key: string): WriterEntry | undefined;
  /** Every entry of the writer's bibliographies. */
  writerEntries(): IterableIterator<WriterEntry>;
  all(): IterableIterator<SourceUnit>;
  /** The source and sentence index of a passage id. */
  sentence(id: number): { unit: SourceUnit; index: number } | undefined;
  /** The passage id of sentence `index` of a source (undefined outside it), read without its text. */
  sentenceId(unit: SourceUnit, index: number): number | undefined;
  location(unit: SourceUnit, start: number, end: number): Location;
}

/** Quotations by words, by id, by opening and by source. */
export interface QuoteReads {
  readonly size: number;
  get(id: number): IndexedQuote | undefined;
  wordCount(id: number): number;
  /** The kind of a quotation, read without materialising its source (undefined when not indexed). */
  kindOf(id: number): SourceQuote['kind'] | undefined;
  search(queryTerms: readonly string[], limit: number, accept?: (id: number) => boolean): ScoredUnit[];
  /**
   * Ids of the quotations whose first two words make this key; with `third` (and `fourth`), only those whose third
   * (and fourth) word may start with it (a filter that never drops one that does: the caller still checks the words
   * it reads).
   */
  opening(key: string, third?: string, fourth?: string): number[];
  quotesOf(unit: SourceUnit): IndexedQuote[];
}

/** Actors by name, form and id. */
export interface ActorReads {
  readonly size: number;
  /** The longest alias, in words (bounds how far a lookup in a draft looks). */
  readonly maxAliasWords: number;
  canonical(unit: SourceUnit, localIndex: number): Actor | undefined;
  findByName(name: string): Actor | undefined;
  lookupForm(form: string): Actor | undefined;
  byId(id: string): Actor | undefined;
  all(): IterableIterator<Actor>;
  /**
   * The actors named most often in the sources that name `actor` (each of its appearances counts every document
   * actor of that source), most first; ties by mentions, then name and id. Bounded work for an actor named in
   * thousands of sources is the store's business (a persistent store counts in its tables).
   */
  coMentioned(actor: Actor, limit: number): CoMention[];
}

/** An actor named in the same sources as another, and how often. */
export interface CoMention {
  actor: Actor;
  count: number;
}

/** The order of co-mentions: count, then mentions, then name and id (the same in every store). */
export function byCoMention(a: { count: number; mentions: number; name: string; id: string }, b: typeof a): number {
  return (
    b.count - a.count || b.mentions - a.mentions || (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** Everything the features read: sources and passages, quotations, actors. */
export interface SourceStore {
  readonly sources: SourceReads;
  readonly quotes: QuoteReads;
  readonly actors: ActorReads;
}
