/**
 * The archive's PostgreSQL connection: a `pg` pool behind the store's SqlDatabase interface. The URL may carry
 * a password; the environment (PGPASSWORD) or ~/.pgpass may supply it instead (the driver reads them). Nothing
 * here logs the URL; callers show `redactUrl(url)`.
 */
import pg from 'pg';
import type { SqlClient, SqlDatabase, SqlResult } from '../store/postgres/sql';

export interface PgOptions {
  /** Connections kept open (default 4). */
  max?: number;
  /** Application name shown in pg_stat_activity. */
  applicationName?: string;
  /** Milliseconds to wait for a connection before failing (default 5000). */
  connectTimeoutMs?: number;
  /** Called when an idle connection fails (server restart, network): the pool drops it and opens another later. */
  onIdleError?: (err: Error) => void;
}

/** Opens a pool on a connection URL (postgresql://user[:password]@host:port/db). Connects lazily. */
export function openPgDatabase(url: string, options: PgOptions = {}): SqlDatabase {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 4,
    application_name: options.applicationName ?? 'sourced',
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    idleTimeoutMillis: 30_000,
  });
  pool.on('error', (err) => options.onIdleError?.(err));
  const asClient = (c: { query: pg.Pool['query'] | pg.PoolClient['query'] }): SqlClient => ({
    query: async <R>(text: string, params?: readonly unknown[]): Promise<SqlResult<R>> => {
      const r = await (c.query as (t: string, p?: unknown[]) => Promise<pg.QueryResult>)(text, params ? [...params] : undefined);
      return { rows: r.rows as R[], rowCount: r.rowCount };
    },
  });
  const direct = asClient(pool);
  return {
    query: direct.query,
    async transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await work(asClient(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        try {
          await client.query('ROLLBACK');
        } catch (rollbackErr) {
          broken = rollbackErr as Error;
        }
        throw err;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
