/**
 * The part of an embedded SQL database the SQLite store uses: better-sqlite3's synchronous API, declared here so
 * that the store never imports the driver (node/ opens the database and injects it).
 */
export interface SqlStatement {
  run(...params: unknown[]): unknown;
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  /** Rows one at a time (a restore never holds every row at once). */
  iterate(...params: unknown[]): IterableIterator<unknown>;
}

export interface SqlDatabase {
  exec(sql: string): unknown;
  prepare(sql: string): SqlStatement;
  /** Wraps a function so that it runs in one transaction. */
  transaction<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R;
  close(): unknown;
}
