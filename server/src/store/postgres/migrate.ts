import { MIGRATIONS, SCHEMA_VERSION } from './migrations';
import type { SqlClient, SqlDatabase } from './sql';

/** A fixed key for the advisory lock that serialises migrations between concurrent ingesters. */
const MIGRATION_LOCK = 746_1842_001;

/** The schema versions already applied (empty when the archive has never been created). */
export async function appliedVersions(db: SqlClient): Promise<number[]> {
  const exists = await db.query<{ t: string | null }>(`SELECT to_regclass('sourced_migrations')::text AS t`);
  if (!exists.rows[0]?.t) return [];
  const rows = await db.query<{ version: number }>('SELECT version FROM sourced_migrations ORDER BY version');
  return rows.rows.map((r) => Number(r.version));
}

/**
 * Applies the migrations this build knows and the archive lacks, in order, each in its own transaction under
 * an advisory lock (several ingesters starting at once apply each step once). Returns the versions applied;
 * throws when the archive is newer than this build.
 */
export async function migrate(db: SqlDatabase): Promise<number[]> {
  const applied: number[] = [];
  for (const step of MIGRATIONS) {
    const done = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await tx.query(
        `CREATE TABLE IF NOT EXISTS sourced_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
      );
      const have = await appliedVersions(tx);
      const newest = have.length ? have[have.length - 1] : 0;
      if (newest > SCHEMA_VERSION)
        throw new Error(`the archive's schema (version ${newest}) is newer than this Sourced (version ${SCHEMA_VERSION}); upgrade Sourced`);
      if (have.includes(step.version)) return false;
      await tx.query(step.sql);
      await tx.query('INSERT INTO sourced_migrations (version, name) VALUES ($1, $2)', [step.version, step.name]);
      return true;
    });
    if (done) applied.push(step.version);
  }
  return applied;
}
