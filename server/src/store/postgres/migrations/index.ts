import { initial } from './0001-initial';
import { requestIndexes } from './0002-request-indexes';
import { mentionFacets } from './0003-mention-facets';
import { dropTrigramIndexes } from './0004-drop-trigram-indexes';
import type { Migration } from './migration';

export type { Migration } from './migration';

/** Every migration, in version order. A new schema change is a new file here, never an edit of an applied one. */
export const MIGRATIONS: readonly Migration[] = [initial, requestIndexes, mentionFacets, dropTrigramIndexes];

/** The schema version this build of Sourced writes and reads. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
