/**
 * Reads of the PostgreSQL archive that find which archived sources a request needs (by quotation words, actor
 * name keys or passage terms) and load their stored analyses. Runs over an injected SqlClient.
 */
import type { SourceAnalysis } from '../../domain/source-analysis';
import { ACTOR_CARD_SQL, openingPattern, QUOTE_ROWS_FTS_SQL, QUOTE_ROWS_OPENING_SQL, withAnalyses } from './archive-answer-sql';
import { passageQuery, quoteQuery } from './archive-queries';
import type { ActorFacet } from './archive-rows';
import type { SqlClient } from './sql';

/** One archived source, as stored: database id, content hash and the editor's analysis of it. */
export interface ArchivedSource {
  id: string;
  hash: string;
  analysis: SourceAnalysis;
}

/** A reference to an archived source before its analysis is loaded. */
export interface ArchiveRef {
  id: string;
  hash: string;
}

/** One archived quotation as a completion candidate: its source (id, content hash), index in the analysis, text. */
export interface QuoteRow {
  id: string;
  hash: string;
  ordinal: number;
  text: string;
  speaker: string | null;
  /** The source's stored analysis (JSON text), when asked for and not already held by the caller. */
  analysis?: string | null;
}

/** One source on an actor's card: the most mentioning first. */
export interface ActorCardSource {
  id: string;
  hash: string;
  key: string;
  title: string;
  date: string | null;
  n: number;
}

/** What a hover card of an archived actor shows, read in one statement. */
export interface ActorCardRow {
  id: string;
  name: string;
  type: string;
  /** The name key that was found (the fullest one under the cursor). */
  key: string;
  mentions: number;
  sources: number;
  /** Every key the actor goes by (full name and aliases). */
  keys: string[];
  top: ActorCardSource[];
  /** Quotations with a speaker in the top sources (the caller keeps those whose speaker is this actor). */
  quotes: { id: string; speaker: string; text: string }[] | null;
  /** How the sources mentioning it most name and describe it: their citation key and document actors' facets. */
  facets: { key: string; facets: ActorFacet[] }[] | null;
}

/** Sources of quotations matching a tsquery ($1), at least $2 words, opening with $3 (of length $4) first; $5 sources. */
export const QUOTE_SOURCES_SQL = `SELECT s.id, s.content_hash AS hash FROM (
         SELECT source_id, bool_or(starts) AS starts, min(word_count) AS wc FROM (
           SELECT source_id, word_count, lower(left(text, $4)) = lower($3) AS starts
           FROM quotations
           WHERE tsv @@ to_tsquery('simple', $1)
             AND kind <> 'indirect' AND word_count >= $2
           LIMIT 400) hits
         GROUP BY source_id ORDER BY bool_or(starts) DESC, min(word_count) LIMIT $5) c
       JOIN sources s ON s.id = c.source_id`;

/** Sources of the passages best matching a tsquery ($1, english), by ts_rank; $2 sources. */
export const PASSAGE_SOURCES_SQL = `SELECT s.id, s.content_hash AS hash FROM (
         SELECT source_id, max(rank) AS rank FROM (
           SELECT source_id, ts_rank(tsv, q) AS rank
           FROM passages, to_tsquery('english', $1) q
           WHERE tsv @@ q
           ORDER BY rank DESC LIMIT $2 * 4) hits
         GROUP BY source_id ORDER BY max(rank) DESC LIMIT $2) c
       JOIN sources s ON s.id = c.source_id`;

/** PASSAGE_SOURCES_SQL for many tsqueries ($1) in one round trip: $2 sources each. */
export const PASSAGE_SOURCES_MANY_SQL = `SELECT DISTINCT s.id, s.content_hash AS hash FROM unnest($1::text[]) AS x(query)
       CROSS JOIN LATERAL (
         SELECT source_id FROM (
           SELECT source_id, ts_rank(tsv, q) AS rank
           FROM passages, to_tsquery('english', x.query) q
           WHERE tsv @@ q
           ORDER BY rank DESC LIMIT $2 * 4) hits
         GROUP BY source_id ORDER BY max(rank) DESC LIMIT $2) c
       JOIN sources s ON s.id = c.source_id`;

export class ArchiveReader {
  constructor(private readonly db: SqlClient) {}

  /** Sources holding quotations with the typed words (quotations opening with them first). */
  async quoteSources(typed: string, minWords: number, limit: number): Promise<ArchiveRef[]> {
    const q = quoteQuery(typed);
    if (!q) return [];
    const r = await this.db.query<{ id: string; hash: string }>(QUOTE_SOURCES_SQL, [q, minWords, typed.trim(), typed.trim().length, limit]);
    return r.rows;
  }

  /**
   * Quotation candidates for typed words: those opening with what was typed (an index on the opening) and the
   * best full-text matches, the openings first, each quotation once; with the analysis of each row's source
   * except those in `heldSources` (ids the caller has parsed already).
   */
  async quoteRows(typed: string, minWords: number, limit: number, heldSources: readonly string[] = []): Promise<QuoteRow[]> {
    const q = quoteQuery(typed);
    const pattern = openingPattern(typed);
    const [opening, fts] = await Promise.all([
      pattern ? this.db.query<QuoteRow>(withAnalyses(QUOTE_ROWS_OPENING_SQL), [pattern, minWords, limit, heldSources]) : null,
      q ? this.db.query<QuoteRow>(withAnalyses(QUOTE_ROWS_FTS_SQL), [q, minWords, limit, heldSources]) : null,
    ]);
    const seen = new Set<string>();
    const out: QuoteRow[] = [];
    for (const row of [...(opening?.rows ?? []), ...(fts?.rows ?? [])]) {
      const id = `${row.id}:${row.ordinal}`;
      if (!seen.has(id) && seen.add(id)) out.push({ ...row, ordinal: Number(row.ordinal) });
    }
    return out;
  }

  /** The card of the actor known under the longest of these name keys, with its `sources` most mentioning sources. */
  async actorCard(keys: readonly string[], sources: number, facetSources: number): Promise<ActorCardRow | null> {
    if (keys.length === 0) return null;
    const r = await this.db.query<ActorCardRow>(ACTOR_CARD_SQL, [keys, sources, facetSources]);
    return r.rows[0] ?? null;
  }

  /** Sources with passages sharing at least two distinctive words with a sentence, best ranked first. */
  async passageSources(sentence: string, limit: number): Promise<ArchiveRef[]> {
    const q = passageQuery(sentence);
    if (!q) return [];
    const r = await this.db.query<{ id: string; hash: string }>(PASSAGE_SOURCES_SQL, [q, limit]);
    return r.rows;
  }

  /** Sources that may hold these citation keys (a key is its base key, or the base plus `-N`). */
  async keySources(keys: readonly string[]): Promise<ArchiveRef[]> {
    const bases = [...new Set(keys.flatMap((k) => [k, k.replace(/-\d+$/, '')]))];
    if (bases.length === 0) return [];
    const r = await this.db.query<{ id: string; hash: string }>(
      'SELECT id, content_hash AS hash FROM sources WHERE base_key = ANY($1::text[]) ORDER BY path LIMIT 200',
      [bases],
    );
    return r.rows;
  }

  /** passageSources for many sentences at once (one round trip). */
  async passageSourcesMany(sentences: readonly string[], limit: number): Promise<ArchiveRef[]> {
    const queries = [...new Set(sentences.map((s) => passageQuery(s)).filter((q): q is string => q !== null))];
    if (queries.length === 0) return [];
    const r = await this.db.query<{ id: string; hash: string }>(PASSAGE_SOURCES_MANY_SQL, [queries, limit]);
    return r.rows;
  }

  /** The stored analyses of these sources. */
  async load(ids: readonly string[]): Promise<ArchivedSource[]> {
    if (ids.length === 0) return [];
    const r = await this.db.query<{ id: string; hash: string; analysis: string }>(
      'SELECT id, content_hash AS hash, analysis::text AS analysis FROM sources WHERE id = ANY($1::bigint[])',
      [ids],
    );
    return r.rows.map((row) => ({ id: row.id, hash: row.hash, analysis: JSON.parse(row.analysis) as SourceAnalysis }));
  }

  /** Opens `connections` connections of the pool now (authentication, a warm catalog cache) rather than on a first request. */
  async warm(connections: number): Promise<void> {
    await Promise.all(Array.from({ length: connections }, () => this.db.query('SELECT 1')));
  }

  /** Cheap liveness check (used to reconnect). */
  async ping(): Promise<void> {
    await this.db.query('SELECT 1');
  }
}
