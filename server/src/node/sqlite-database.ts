/** Opens the embedded index database with better-sqlite3, or Node's built-in SQLite where that native module cannot load. */
import { createRequire } from 'node:module';
import type DatabaseConstructor from 'better-sqlite3';
import type { SqlDatabase } from '../store/sqlite/sql-database';
import { openNodeSqlite } from './node-sqlite-driver';

/** The name that asks for Node's built-in driver in `SOURCED_SQLITE_MODULE`. */
const BUILT_IN = 'node:sqlite';

/**
 * The drivers to try, in order. `SOURCED_SQLITE_MODULE` names exactly one (tests point it at a missing module to
 * check that a server without a driver falls back to the in-memory index, or at `node:sqlite`).
 */
function driverModules(): string[] {
  const chosen = process.env.SOURCED_SQLITE_MODULE;
  return chosen ? [chosen] : ['better-sqlite3', BUILT_IN];
}

/** Opens `file` with better-sqlite3 (or the module `name`); throws when the native module is missing or built for another Node. */
function openWithModule(name: string, file: string): SqlDatabase {
  // Resolved from the bundle's folder first: the build stages the driver in dist/node_modules/ (see esbuild.mjs).
  const Database = createRequire(__filename)(name) as typeof DatabaseConstructor;
  return new Database(file);
}

function reasonOf(err: unknown): string {
  return err instanceof Error ? err.message.split('\n')[0] : String(err);
}

/** The first driver that opens `file`; one readable error naming every driver tried when none can. */
function openWithDriver(file: string): SqlDatabase {
  const failures: string[] = [];
  const modules = driverModules();
  for (const name of modules) {
    try {
      return name === BUILT_IN ? openNodeSqlite(file) : openWithModule(name, file);
    } catch (err) {
      failures.push(`${name}: ${reasonOf(err)}`);
    }
  }
  throw new Error(`the SQLite driver (${modules.join(', then ')}) could not be loaded: ${failures.join('; ')}`);
}

/** Tables of a database Sourced made: its `meta` table names the schema version it was written with. */
function madeBySourced(db: SqlDatabase): boolean {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
  if (tables.length === 0) return true;
  if (!tables.some((t) => t.name === 'meta')) return false;
  const version = db.prepare("SELECT v FROM meta WHERE k = 'version'").get() as { v: unknown } | undefined;
  return version !== undefined && /^\d+:/.test(String(version.v));
}

/**
 * Opens or creates an SQLite file tuned for one writer that commits a transaction per batch of sources. The driver
 * is loaded here, on first use, so that a server on the in-memory store never needs it. A file that is not a
 * database Sourced made is left exactly as it is (checked before any setting is written to it): it throws.
 */
export function openSqliteDatabase(file: string): SqlDatabase {
  const db = openWithDriver(file);
  try {
    if (!madeBySourced(db)) throw new Error(`${file} is a database Sourced did not create; it is left untouched`);
  } catch (err) {
    db.close();
    throw err;
  }
  db.exec('PRAGMA journal_mode = WAL');
  // Durable at checkpoints, not at every commit: a crash loses at most the last changes, which the next
  // start re-reads (a file's row and its freshness record are written together).
  db.exec('PRAGMA synchronous = NORMAL');
  db.exec('PRAGMA cache_size = -16000');
  return db;
}
