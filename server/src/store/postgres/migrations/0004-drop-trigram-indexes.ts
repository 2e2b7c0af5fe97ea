import type { Migration } from './migration';

/**
 * The trigram indexes of the first schema (actor names, source titles) were built for a fuzzy lookup that no
 * request makes: hover finds actors by name key and completion quotations by words or opening. Every ingest paid
 * to maintain them, so they go.
 */
export const dropTrigramIndexes: Migration = {
  version: 4,
  name: 'drop unused trigram indexes',
  sql: `
DROP INDEX IF EXISTS actors_name_trgm_idx;
DROP INDEX IF EXISTS sources_title_trgm_idx;
`,
};
