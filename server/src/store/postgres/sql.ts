/**
 * What the archive store needs from a PostgreSQL connection, as plain functions: the `pg` driver (which needs
 * sockets) is wired in from server/src/node/, so this folder stays free of Node built-ins.
 */

export interface SqlResult<R> {
  rows: R[];
  rowCount: number | null;
}

/** Runs one parameterised statement ($1, $2…). */
export interface SqlClient {
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<SqlResult<R>>;
}

/** A pool of connections: single statements, or a function run in one transaction on one connection. */
export interface SqlDatabase extends SqlClient {
  /** Runs `work` between BEGIN and COMMIT (ROLLBACK when it throws). */
  transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The SQLSTATE of a driver error, if it has one. */
export function sqlState(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** SQLSTATEs meaning "not allowed to write here": insufficient privilege, read-only transaction (a standby). */
export const READ_ONLY_STATES: ReadonlySet<string> = new Set(['42501', '25006']);

/** SQLSTATEs worth retrying the whole transaction for: deadlock, serialization failure. */
export const RETRY_STATES: ReadonlySet<string> = new Set(['40P01', '40001']);

/** SQLSTATEs or driver codes that mean the connection is gone (the server, the network or the socket). */
export function isConnectionError(err: unknown): boolean {
  const code = sqlState(err);
  if (code && (code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03')) return true;
  if (code && ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH'].includes(code)) return true;
  const message = err instanceof Error ? err.message : '';
  return /Connection terminated|connection timeout|Client has encountered a connection error/i.test(message);
}
