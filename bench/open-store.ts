/**
 * Times the opening of a saved SQLite index alone (what a second start does before it answers):
 * `node --expose-gc --import tsx bench/open-store.ts <database file> [runs]`. Opens the file read-only in effect
 * (a clean file is not written at open), prints wall and CPU time per run, then heap and RSS after a collection.
 */
import { performance } from 'node:perf_hooks';
import { openSqliteDatabase } from '../server/src/node/sqlite-database';
import { SqliteStore } from '../server/src/store/sqlite/sqlite-store';

const file = process.argv[2];
const runs = Number(process.argv[3] ?? 3);
const mb = (n: number): number => Math.round(n / 1048576);
for (let i = 0; i < runs; i++) {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const store = new SqliteStore(openSqliteDatabase(file), process.env.SOURCED_BUILD_ID ?? 'bench');
  const ms = Math.round(performance.now() - t);
  const used = process.cpuUsage(cpu);
  (globalThis as { gc?: () => void }).gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  console.log(
    `open: ${ms} ms (CPU ${Math.round((used.user + used.system) / 1000)} ms); ${store.openNote}; heap ${mb(heapUsed)} MB, RSS ${mb(rss)} MB`,
  );
  store.close();
}
