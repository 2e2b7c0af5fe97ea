/**
 * Node's built-in SQLite (`node:sqlite`, Node 22.13 and later without a flag) behind the store's `SqlDatabase`
 * interface. Desktop VS Code runs the server in Electron's Node, for which the shipped native better-sqlite3 module
 * is not built; this driver needs no native module, so the default store works there too.
 */
import { createRequire } from 'node:module';
import type { SqlDatabase, SqlStatement } from '../store/sqlite/sql-database';

/** The parts of `node:sqlite` used here (Node 20's type declarations do not have the module). */
interface NodeStatementSync {
  run(...params: unknown[]): unknown;
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  iterate(...params: unknown[]): IterableIterator<unknown>;
}
interface NodeDatabaseSync {
  exec(sql: string): void;
  prepare(sql: string): NodeStatementSync;
  close(): void;
}
interface NodeSqliteModule {
  DatabaseSync: new (file: string) => NodeDatabaseSync;
}

/** The built-in module, or a readable error when this Node has none (Node 20) or gates it behind a flag. */
export function loadNodeSqlite(): NodeSqliteModule {
  try {
    const loaded = createRequire(__filename)('node:sqlite') as Partial<NodeSqliteModule>;
    if (typeof loaded.DatabaseSync !== 'function') throw new Error('it has no DatabaseSync');
    return loaded as NodeSqliteModule;
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new Error(`Node ${process.versions.node} has no built-in node:sqlite (${reason})`);
  }
}

/** better-sqlite3 returns BLOBs as Buffers, node:sqlite as plain Uint8Arrays: rows are given Buffers (no copy). */
function withBuffers(row: unknown): unknown {
  if (row === null || typeof row !== 'object') return row;
  const fields = row as Record<string, unknown>;
  for (const [name, value] of Object.entries(fields)) {
    if (value instanceof Uint8Array && !Buffer.isBuffer(value)) {
      fields[name] = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    }
  }
  return fields;
}

function* buffered(rows: IterableIterator<unknown>): IterableIterator<unknown> {
  for (const row of rows) yield withBuffers(row);
}

function statement(inner: NodeStatementSync): SqlStatement {
  return {
    run: (...params) => inner.run(...params),
    get: (...params) => withBuffers(inner.get(...params)),
    all: (...params) => inner.all(...params).map(withBuffers),
    iterate: (...params) => buffered(inner.iterate(...params)),
  };
}

/**
 * Runs `fn` in one transaction, rolled back when it throws. Like better-sqlite3's `transaction`, a call inside
 * another runs in a savepoint, so that its failure undoes only its own writes.
 */
function transactional<A extends unknown[], R>(db: NodeDatabaseSync, depth: { n: number }, fn: (...args: A) => R): (...args: A) => R {
  return (...args: A): R => {
    const name = `sourced_${depth.n}`;
    db.exec(depth.n === 0 ? 'BEGIN' : `SAVEPOINT ${name}`);
    depth.n++;
    try {
      const result = fn(...args);
      depth.n--;
      db.exec(depth.n === 0 ? 'COMMIT' : `RELEASE ${name}`);
      return result;
    } catch (err) {
      depth.n--;
      db.exec(depth.n === 0 ? 'ROLLBACK' : `ROLLBACK TO ${name}; RELEASE ${name}`);
      throw err;
    }
  };
}

/** Opens `file` with node:sqlite; the database answers through the same interface as better-sqlite3's. */
export function openNodeSqlite(file: string): SqlDatabase {
  const db = new (loadNodeSqlite().DatabaseSync)(file);
  const depth = { n: 0 };
  return {
    exec: (sql) => db.exec(sql),
    prepare: (sql) => statement(db.prepare(sql)),
    transaction: (fn) => transactional(db, depth, fn),
    close: () => db.close(),
  };
}
