import type { Migration } from './migration';

/**
 * Indexes for answering completion and hover from SQL directly (server/src/service/archive-answers.ts):
 * quotations by their opening words (a prefix of the lower-cased text, typographic apostrophes as straight ones, `text_pattern_ops` so `LIKE 'abc%'` uses
 * the btree whatever the collation), for openings of function words only that full-text search cannot narrow;
 * and an actor's mentions by count, so the sources mentioning an actor most are the first entries of an index
 * scan (and its totals an index-only scan) rather than a sort of every mention.
 */
export const requestIndexes: Migration = {
  version: 2,
  name: 'request indexes',
  sql: `
CREATE INDEX quotations_opening_idx ON quotations (lower(translate(left(text, 48), '’', '''')) text_pattern_ops)
  WHERE kind <> 'indirect';
CREATE INDEX mentions_actor_count_idx ON mentions (actor_id, mention_count DESC, source_id);
`,
};
