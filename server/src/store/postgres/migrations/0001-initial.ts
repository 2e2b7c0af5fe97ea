import type { Migration } from './migration';

/**
 * The first archive schema. One row per source (unique by content hash), its paragraphs as passages, its
 * quotations, and canonical actors (by name key) with the sources that mention them. The source's whole analysis
 * is kept as JSON so a reader rebuilds exactly what the editor's extraction produced, without re-analysing.
 * GIN indexes: full-text on passages (english, stemmed: claim evidence) and quotations (simple, unstemmed, for
 * prefix search as the writer types); trigram on actor names and source titles (fuzzy lookup). Foreign keys
 * cascade so a source can be removed in one statement.
 */
export const initial: Migration = {
  version: 1,
  name: 'initial',
  sql: `
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE sources (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  content_hash text NOT NULL,
  path text NOT NULL,
  title text NOT NULL,
  base_key text NOT NULL,
  date text,
  outlet text,
  place text,
  analysis json NOT NULL,
  ingested_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT sources_content_hash_key UNIQUE (content_hash)
);
-- lz4 compresses the analysis JSON several times faster than the default pglz (ingest is CPU-bound); when built with it.
DO $$ BEGIN
  IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) THEN
    ALTER TABLE sources ALTER COLUMN analysis SET COMPRESSION lz4;
  END IF;
END $$;
CREATE INDEX sources_path_idx ON sources (path);
CREATE INDEX sources_base_key_idx ON sources (base_key);
CREATE INDEX sources_title_trgm_idx ON sources USING gin (title gin_trgm_ops);

CREATE TABLE passages (
  source_id bigint NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  ordinal integer NOT NULL,
  kind text NOT NULL,
  text text NOT NULL,
  -- Stored, not only indexed: ranking (ts_rank) reads it instead of re-parsing every matching passage.
  tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED,
  PRIMARY KEY (source_id, ordinal)
);
CREATE INDEX passages_fts_idx ON passages USING gin (tsv);

CREATE TABLE quotations (
  source_id bigint NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  ordinal integer NOT NULL,
  kind text NOT NULL,
  speaker text,
  text text NOT NULL,
  word_count integer NOT NULL,
  -- Stored: a bitmap heap scan rechecks matches against it instead of re-parsing each quotation.
  tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', text || ' ' || coalesce(speaker, ''))) STORED,
  PRIMARY KEY (source_id, ordinal)
);
CREATE INDEX quotations_fts_idx ON quotations USING gin (tsv);

CREATE TABLE actors (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name_key text NOT NULL,
  name text NOT NULL,
  type text NOT NULL,
  CONSTRAINT actors_name_key_key UNIQUE (name_key)
);
CREATE INDEX actors_name_trgm_idx ON actors USING gin (name gin_trgm_ops);

-- Every name key (full name and aliases) under which an actor is mentioned, for lookup by a surname or acronym.
CREATE TABLE actor_names (
  key text NOT NULL,
  actor_id bigint NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
  PRIMARY KEY (key, actor_id)
);
CREATE INDEX actor_names_actor_idx ON actor_names (actor_id);

CREATE TABLE mentions (
  actor_id bigint NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
  source_id bigint NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  mention_count integer NOT NULL,
  PRIMARY KEY (actor_id, source_id)
);
CREATE INDEX mentions_source_idx ON mentions (source_id);
`,
};
