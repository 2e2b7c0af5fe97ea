/** Opens the embedded index database with better-sqlite3 (the only file that loads the driver). */
import { createRequire } from 'node:module';
import type DatabaseConstructor from 'better-sqlite3';
import type { SqlDatabase } from '../store/sqlite/sql-database';

/**
 * The module loaded as the driver. `SOURCED_SQLITE_MODULE` names another one (tests point it at a missing module to
 * check that a server without the native driver falls back to the in-memory index).
 */
function driverModule(): string {
  return process.env.SOURCED_SQLITE_MODULE || 'better-sqlite3';
}

/** The driver's constructor; throws one readable error when the native module is missing or built for another Node. */
function loadDriver(): typeof DatabaseConstructor {
  const name = driverModule();
  try {
    // Resolved from the bundle's folder first: the build stages the driver in dist/node_modules/ (see esbuild.mjs).
    return createRequire(__filename)(name) as typeof DatabaseConstructor;
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new Error(`the SQLite driver (${name}) could not be loaded: ${reason}`);
  }
}

/** Tables of a database Sourced made: its `meta` table names the schema version it was written with. */
function madeBySourced(db: DatabaseConstructor.Database): boolean {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
  if (tables.length === 0) return true;
  if (!tables.some((t) => t.name === 'meta')) return false;
  const version = db.prepare("SELECT v FROM meta WHERE k = 'version'").get() as { v: unknown } | undefined;
  return version !== undefined && /^\d+:/.test(String(version.v));
}

/**
 * Opens or creates an SQLite file tuned for one writer that commits a transaction per batch of sources. The native
 * driver is loaded here, on first use, so that a server on the in-memory store never needs it. A file that is not
 * a database Sourced made is left exactly as it is (checked before any setting is written to it): it throws.
 */
export function openSqliteDatabase(file: string): SqlDatabase {
  const Database = loadDriver();
  const db = new Database(file);
  try {
    if (!madeBySourced(db)) throw new Error(`${file} is a database Sourced did not create; it is left untouched`);
  } catch (err) {
    db.close();
    throw err;
  }
  db.pragma('journal_mode = WAL');
  // Durable at checkpoints, not at every commit: a crash loses at most the last changes, which the next
  // start re-reads (a file's row and its freshness record are written together).
  db.pragma('synchronous = NORMAL');
  db.pragma('cache_size = -16000');
  return db;
}
