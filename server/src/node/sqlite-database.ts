/** Opens the embedded index database with better-sqlite3 (the only file that loads the driver). */
import { createRequire } from 'node:module';
import type DatabaseConstructor from 'better-sqlite3';
import type { SqlDatabase } from '../store/sqlite/sql-database';

/**
 * Opens or creates an SQLite file tuned for one writer that commits a small transaction per source. The native
 * driver is loaded here, on first use, so that a server on the in-memory store never needs it.
 */
export function openSqliteDatabase(file: string): SqlDatabase {
  const Database = createRequire(__filename)('better-sqlite3') as typeof DatabaseConstructor;
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // Durable at checkpoints, not at every commit: a crash loses at most the last changes, which the next
  // start re-reads (a file's row and its freshness record are written together).
  db.pragma('synchronous = NORMAL');
  db.pragma('cache_size = -16000');
  return db;
}
