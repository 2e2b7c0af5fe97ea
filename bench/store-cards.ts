/**
 * Times actor cards on a reopened SQLite index: `npx tsx bench/store-cards.ts <root> <database>`. `root` is a
 * checkout's folder (as for store-heap.ts), `database` a copy of an index database made by that code (the probe
 * reads its build id from it, so it is not emptied). Each card is a fresh actor object's `appearances` and `roles`:
 * the 20 most mentioned actors and 300 drawn with a fixed seed.
 */
interface ProbeActor {
  id: string;
  mentionCount: number;
  appearances: unknown[];
  roles: unknown[];
}
interface ProbeStore {
  actors: { all(): Iterable<ProbeActor>; byId(id: string): ProbeActor | undefined; fromTables: boolean };
  close(): void;
}
interface Database {
  prepare(sql: string): { get(): unknown };
  close(): void;
}

async function probeCards(): Promise<void> {
  const [root, file] = process.argv.slice(2);
  const driver = (await import(`${root}/server/src/node/sqlite-database.ts`)) as { openSqliteDatabase: (file: string) => Database };
  const openSqliteDatabase = driver.openSqliteDatabase;
  const { SqliteStore } = (await import(`${root}/server/src/store/sqlite/sqlite-store.ts`)) as {
    SqliteStore: new (db: Database, buildId: string) => ProbeStore;
  };
  const raw = openSqliteDatabase(file);
  const version = String((raw.prepare("SELECT v FROM meta WHERE k = 'version'").get() as { v: unknown }).v);
  raw.close();
  const opened = Date.now();
  const store = new SqliteStore(openSqliteDatabase(file), version.slice(version.indexOf(':') + 1));
  const openMs = Date.now() - opened;
  const actors = [...store.actors.all()].sort((a, b) => b.mentionCount - a.mentionCount);
  let seed = 7;
  const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const sample = [...actors.slice(0, 20), ...Array.from({ length: 300 }, () => actors[Math.floor(random() * actors.length)])];
  const times: number[] = [];
  let appearances = 0;
  for (const a of sample) {
    const fresh = store.actors.byId(a.id);
    const started = process.hrtime.bigint();
    appearances += (fresh?.appearances.length ?? 0) + (fresh?.roles.length ?? 0);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  const sorted = [...times].sort((x, y) => x - y);
  const at = (p: number): string => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))].toFixed(2);
  const top20 = times.slice(0, 20).reduce((x, y) => x + y, 0);
  const rssMb = Math.round(process.memoryUsage().rss / 1048576);
  console.log(
    JSON.stringify({
      root,
      openMs,
      fromTables: store.actors.fromTables,
      cards: times.length,
      p50: at(0.5),
      p95: at(0.95),
      max: at(1),
      top20Ms: Math.round(top20),
      appearances,
      rssMb,
    }),
  );
  store.close();
}

void probeCards();
