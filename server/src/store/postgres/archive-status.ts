import { appliedVersions } from './migrate';
import type { SqlClient } from './sql';

/** What `sourced archive status` reports. */
export interface ArchiveStatus {
  schemaVersion: number;
  sources: number;
  passages: number;
  quotes: number;
  actors: number;
  mentions: number;
}

/** Exact row counts of the archive's tables (zero everywhere for an archive never ingested into). */
export async function archiveStatus(db: SqlClient): Promise<ArchiveStatus> {
  const versions = await appliedVersions(db);
  const schemaVersion = versions.length ? versions[versions.length - 1] : 0;
  if (schemaVersion === 0) return { schemaVersion, sources: 0, passages: 0, quotes: 0, actors: 0, mentions: 0 };
  const r = await db.query<Record<string, string>>(
    `SELECT (SELECT count(*) FROM sources) AS sources, (SELECT count(*) FROM passages) AS passages,
            (SELECT count(*) FROM quotations) AS quotes, (SELECT count(*) FROM actors) AS actors,
            (SELECT count(*) FROM mentions) AS mentions`,
  );
  const row = r.rows[0] ?? {};
  const n = (k: string): number => Number(row[k] ?? 0);
  return {
    schemaVersion,
    sources: n('sources'),
    passages: n('passages'),
    quotes: n('quotes'),
    actors: n('actors'),
    mentions: n('mentions'),
  };
}
