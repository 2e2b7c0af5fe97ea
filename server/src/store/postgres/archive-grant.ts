import type { SqlDatabase } from './sql';

const TABLES = ['sources', 'passages', 'quotations', 'actors', 'actor_names', 'mentions', 'sourced_migrations'];

/** Gives an existing role read-only access to the archive (SELECT on its tables, now and after later migrations). */
export async function grantReader(db: SqlDatabase, role: string): Promise<void> {
  await db.transaction(async (tx) => {
    const exists = await tx.query<{ ok: boolean }>('SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1) AS ok', [role]);
    if (!exists.rows[0]?.ok) throw new Error(`role "${role}" does not exist (create it first: CREATE ROLE ... LOGIN PASSWORD ...)`);
    const id = await tx.query<{ q: string }>('SELECT quote_ident($1) AS q', [role]);
    const quoted = id.rows[0].q;
    await tx.query(`GRANT CONNECT ON DATABASE ${await currentDatabase(tx)} TO ${quoted}`);
    await tx.query(`GRANT USAGE ON SCHEMA public TO ${quoted}`);
    await tx.query(`GRANT SELECT ON ${TABLES.join(', ')} TO ${quoted}`);
    await tx.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO ${quoted}`);
  });
}

async function currentDatabase(tx: { query: SqlDatabase['query'] }): Promise<string> {
  const r = await tx.query<{ q: string }>('SELECT quote_ident(current_database()) AS q');
  return r.rows[0].q;
}
