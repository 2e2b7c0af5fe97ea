/**
 * The archive's PostgreSQL connection: a `pg` pool behind the store's SqlDatabase interface. The URL may carry
 * a password; the environment (PGPASSWORD) or ~/.pgpass may supply it instead (the driver reads them). Nothing
 * here logs the URL; callers show `redactUrl(url)`.
 */
import pg from 'pg';
import { parseIntoClientConfig } from 'pg-connection-string';
import pgpass from 'pgpass';
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

/**
 * The password for a URL without one: PGPASSWORD, else the matching ~/.pgpass line (PGPASSFILE), read with the
 * driver's own `pgpass` module (the driver's built-in lookup is deprecated).
 */
function passwordFor(url: string): (() => Promise<string>) | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.password) return undefined;
  return () =>
    new Promise((resolve) => {
      if (process.env.PGPASSWORD !== undefined) return resolve(process.env.PGPASSWORD);
      pgpass(
        {
          host: decodeURIComponent(parsed.hostname) || 'localhost',
          port: parsed.port || '5432',
          database: decodeURIComponent(parsed.pathname.slice(1)) || undefined,
          user: decodeURIComponent(parsed.username) || process.env.PGUSER || process.env.USER,
        },
        (password) => resolve(password ?? ''),
      );
    });
}

/** Opens a pool on a connection URL (postgresql://user[:password]@host:port/db). Connects lazily. */
export function openPgDatabase(url: string, options: PgOptions = {}): SqlDatabase {
  const password = passwordFor(url);
  const pool = new pg.Pool({
    // Parsed here rather than passed as connectionString: the driver would let the URL's missing password
    // override the password function below.
    ...parseIntoClientConfig(url),
    ...(password ? { password } : {}),
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
    query: (text, params) => direct.query(text, params),
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
