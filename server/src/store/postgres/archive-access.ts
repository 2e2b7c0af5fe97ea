import type { SqlClient } from './sql';

/** Whether this connection may write the archive, and if not, why (for a clear message and exit code 2). */
export type WriteAccess = { ok: true } | { ok: false; reason: string };

/** Checks write access before anything is changed: a standby, a read-only role, or no right to create the schema. */
export async function checkWriteAccess(db: SqlClient): Promise<WriteAccess> {
  const r = await db.query<{ ro: string; who: string; sources: string | null; can_create: boolean }>(
    `SELECT current_setting('transaction_read_only') AS ro, current_user AS who, to_regclass('sources')::text AS sources,
            has_schema_privilege(current_schema(), 'CREATE') AS can_create`,
  );
  const row = r.rows[0];
  if (!row) return { ok: false, reason: 'cannot read the connection settings' };
  if (row.ro === 'on') return { ok: false, reason: 'the server accepts only read-only transactions (a standby?)' };
  if (row.sources === null) {
    return row.can_create ? { ok: true } : { ok: false, reason: `role "${row.who}" may not create the archive's tables` };
  }
  const p = await db.query<{ ok: boolean }>(
    `SELECT bool_and(has_table_privilege(t, 'INSERT')) AS ok FROM unnest(ARRAY['sources','passages','quotations','actors','actor_names','mentions']) AS t`,
  );
  return p.rows[0]?.ok ? { ok: true } : { ok: false, reason: `role "${row.who}" has read-only access to the archive` };
}
