/**
 * The statements that answer completion and hover from the archive's rows directly (no source is loaded into
 * the editor's in-memory index on the request path). Plans at scale: bench/archive-explain.md.
 */

/** The expression of `quotations_opening_idx` (migration 2): the opening of a quotation as a LIKE prefix key. */
const OPENING = `lower(translate(left(text, 48), '\u2019', ''''))`;

/** Longest opening compared through the index (the indexed expression's length). */
export const OPENING_CHARS = 48;

/** Quotations matching a tsquery ($1, simple), at least $2 words; the best $3 of at most 400 matches by ts_rank. */
export const QUOTE_ROWS_FTS_SQL = `SELECT h.source_id AS id, s.content_hash AS hash, h.ordinal, h.text, h.speaker FROM (
         SELECT source_id, ordinal, text, speaker, ts_rank(tsv, query) AS rank
         FROM quotations, to_tsquery('simple', $1) query
         WHERE tsv @@ query AND kind <> 'indirect' AND word_count >= $2
         LIMIT 400) h
       JOIN sources s ON s.id = h.source_id
       ORDER BY h.rank DESC, h.source_id, h.ordinal LIMIT $3`;

/** Quotations whose opening is LIKE $1 (a lower-cased prefix and `%`), at least $2 words; $3 of them. */
export const QUOTE_ROWS_OPENING_SQL = `SELECT q.source_id AS id, s.content_hash AS hash, q.ordinal, q.text, q.speaker FROM (
         SELECT source_id, ordinal, text, speaker FROM quotations
         WHERE ${OPENING} LIKE $1 AND kind <> 'indirect' AND word_count >= $2
         ORDER BY ${OPENING}, source_id, ordinal LIMIT $3) q
       JOIN sources s ON s.id = q.source_id`;

/**
 * A quotation-rows statement with each row's source analysis (as text) added, except for the sources listed in
 * the next parameter ($4: those the caller has parsed already): the candidates and what their items need arrive
 * in one round trip.
 */
export const withAnalyses = (rows: string): string =>
  `SELECT r.*, CASE WHEN r.id = ANY($4::bigint[]) THEN NULL
                    ELSE (SELECT a.analysis::text FROM sources a WHERE a.id = r.id) END AS analysis
       FROM (${rows}) r`;

/**
 * The actor for a hover: of the name keys $1 found in the archive, the longest (the fullest name under the
 * cursor); of the actors known under it, the most mentioned. With its totals, every key it goes by, the $2
 * sources mentioning it most (id, hash, base key, title, date, count), their quotations with a speaker, and how
 * the $3 sources mentioning it most name and describe it (names, aliases, roles: the mention rows' facets).
 */
export const ACTOR_CARD_SQL = `WITH best AS (
         SELECT key FROM actor_names WHERE key = ANY($1::text[]) ORDER BY length(key) DESC, key LIMIT 1),
       pick AS (
         SELECT m.actor_id, sum(m.mention_count)::int AS mentions, count(*)::int AS sources
         FROM actor_names n JOIN best USING (key) JOIN mentions m ON m.actor_id = n.actor_id
         GROUP BY m.actor_id ORDER BY sum(m.mention_count) DESC, m.actor_id LIMIT 1),
       top AS (
         SELECT s.id, s.content_hash AS hash, s.base_key AS key, s.title, s.date, m.mention_count AS n
         FROM pick p JOIN mentions m ON m.actor_id = p.actor_id JOIN sources s ON s.id = m.source_id
         ORDER BY m.mention_count DESC, m.source_id LIMIT $2)
       SELECT a.id, a.name, a.type, (SELECT key FROM best) AS key, p.mentions, p.sources,
         (SELECT array_agg(key ORDER BY key) FROM actor_names WHERE actor_id = a.id) AS keys,
         (SELECT json_agg(top ORDER BY top.n DESC, top.id) FROM top) AS top,
         (SELECT json_agg(json_build_object('id', q.source_id, 'speaker', q.speaker, 'text', q.text) ORDER BY q.source_id, q.ordinal)
            FROM quotations q WHERE q.source_id IN (SELECT id FROM top) AND q.speaker IS NOT NULL
              AND q.kind NOT IN ('indirect', 'fragment')) AS quotes,
         (SELECT json_agg(json_build_object('key', f.key, 'facets', f.facets) ORDER BY f.n DESC, f.source_id)
            FROM (SELECT m.source_id, m.mention_count AS n, s.base_key AS key, m.facets
                  FROM mentions m JOIN sources s ON s.id = m.source_id
                  WHERE m.actor_id = p.actor_id AND m.facets IS NOT NULL
                  ORDER BY m.mention_count DESC, m.source_id LIMIT $3) f) AS facets
       FROM pick p JOIN actors a ON a.id = p.actor_id`;

/** A LIKE pattern matching texts that open with `prefix` (its wildcards escaped), or null for too short a prefix. */
export function openingPattern(typed: string): string | null {
  const prefix = typed
    .trimStart()
    .replace(/\s+/g, ' ')
    .replace(/\u2019/g, "'")
    .toLowerCase()
    .slice(0, OPENING_CHARS);
  if (prefix.replace(/[^\p{L}\p{N}]/gu, '').length < 4) return null;
  return prefix.replace(/[\\%_]/g, (c) => '\\' + c) + '%';
}
