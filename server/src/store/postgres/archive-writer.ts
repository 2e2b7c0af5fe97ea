import { baseCitationKey } from '../memory/citation-keys';
import { actorRows, clean, passageRows, quotationRows, type ActorFacet, type ArchiveItem } from './archive-rows';
import { RETRY_STATES, sqlState, type SqlClient, type SqlDatabase } from './sql';

export type { ArchiveItem } from './archive-rows';

/** What one batch write did. */
export interface BatchResult {
  /** Sources written by this batch. */
  inserted: number;
  /** Sources already in the archive (same content hash), left as they are. */
  present: number;
}

const MAX_ATTEMPTS = 6;

/** Content hashes among these that the archive already holds (so the caller can skip analysing them). */
export async function presentHashes(db: SqlClient, hashes: readonly string[]): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const r = await db.query<{ content_hash: string }>('SELECT content_hash FROM sources WHERE content_hash = ANY($1::text[])', [hashes]);
  return new Set(r.rows.map((x) => x.content_hash));
}

/**
 * Writes a batch of analysed sources in ONE transaction: all of it or nothing, so a killed ingester leaves no
 * half-written source. Sources are unique by content hash (INSERT … ON CONFLICT DO NOTHING): a source another
 * ingester wrote first is skipped, never duplicated. Rows are inserted in key order (sources by hash, actors by
 * key), so concurrent batches take their locks in one global order; a deadlock or serialization failure all the
 * same is retried with the whole transaction.
 */
export async function writeBatch(db: SqlDatabase, items: readonly ArchiveItem[]): Promise<BatchResult> {
  const sorted = dedupe(items);
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction((tx) => writeInTransaction(tx, sorted));
    } catch (err) {
      const state = sqlState(err);
      if (!state || !RETRY_STATES.has(state) || attempt >= MAX_ATTEMPTS) throw err;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt * Math.random()));
    }
  }
}

function dedupe(items: readonly ArchiveItem[]): ArchiveItem[] {
  const seen = new Map<string, ArchiveItem>();
  for (const item of items) if (!seen.has(item.hash)) seen.set(item.hash, item);
  return [...seen.values()].sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0));
}

async function writeInTransaction(tx: SqlClient, items: readonly ArchiveItem[]): Promise<BatchResult> {
  if (items.length === 0) return { inserted: 0, present: 0 };
  // A batch lost to a server crash after COMMIT is re-ingested by the next run (idempotent by content hash), so
  // the commit need not wait for the WAL flush; a killed *ingester* still leaves nothing half-written.
  await tx.query('SET LOCAL synchronous_commit = off');
  const inserted = await tx.query<{ id: string; content_hash: string }>(
    `INSERT INTO sources (content_hash, path, title, base_key, date, outlet, place, analysis)
     SELECT h, p, t, k, d, o, pl, a FROM json_to_recordset($1::json)
       AS x(h text, p text, t text, k text, d text, o text, pl text, a json)
     ON CONFLICT (content_hash) DO NOTHING
     RETURNING id, content_hash`,
    [
      rowsJson(
        items.map((i) => {
          const d = i.analysis.doc;
          return {
            h: i.hash,
            p: clean(d.path),
            t: clean(d.title),
            k: clean(baseCitationKey(d)),
            d: d.date,
            o: d.outlet === null ? null : clean(d.outlet),
            pl: d.place === null ? null : clean(d.place),
            a: i.analysis,
          };
        }),
      ),
    ],
  );
  const idByHash = new Map(inserted.rows.map((r) => [r.content_hash, r.id]));
  const fresh = items.flatMap((i) => {
    const id = idByHash.get(i.hash);
    return id === undefined ? [] : [{ id, analysis: i.analysis }];
  });
  if (fresh.length) {
    await insertPassages(tx, fresh);
    await insertQuotations(tx, fresh);
    await insertActors(tx, fresh);
  }
  return { inserted: fresh.length, present: items.length - fresh.length };
}

/**
 * Rows travel as one JSON document per statement (`json_to_recordset`): one native JSON.stringify here instead
 * of the driver escaping every element of a dozen text arrays, and the analysis goes into its json column as the
 * nested object, without a second encoding. Rows keep their order (sources by hash, actors by key: lock order).
 */
const rowsJson = (rows: readonly object[]): string => JSON.stringify(rows);

type Fresh = { id: string; analysis: ArchiveItem['analysis'] };

async function insertPassages(tx: SqlClient, fresh: readonly Fresh[]): Promise<void> {
  const rows: { s: string; o: number; k: string; t: string }[] = [];
  for (const f of fresh) {
    const p = passageRows(f.analysis);
    for (let i = 0; i < p.ordinal.length; i++) rows.push({ s: f.id, o: p.ordinal[i], k: p.kind[i], t: p.text[i] });
  }
  if (rows.length === 0) return;
  await tx.query(
    'INSERT INTO passages (source_id, ordinal, kind, text) SELECT s, o, k, t FROM json_to_recordset($1::json) AS x(s bigint, o int, k text, t text)',
    [rowsJson(rows)],
  );
}

async function insertQuotations(tx: SqlClient, fresh: readonly Fresh[]): Promise<void> {
  const rows: { s: string; o: number; k: string; sp: string | null; t: string; w: number }[] = [];
  for (const f of fresh) {
    const q = quotationRows(f.analysis);
    for (let i = 0; i < q.ordinal.length; i++)
      rows.push({ s: f.id, o: q.ordinal[i], k: q.kind[i], sp: q.speaker[i], t: q.text[i], w: q.words[i] });
  }
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO quotations (source_id, ordinal, kind, speaker, text, word_count)
     SELECT s, o, k, sp, t, w FROM json_to_recordset($1::json) AS x(s bigint, o int, k text, sp text, t text, w int)`,
    [rowsJson(rows)],
  );
}

async function insertActors(tx: SqlClient, fresh: readonly Fresh[]): Promise<void> {
  const perSource = fresh.map((f) => ({ id: f.id, actors: actorRows(f.analysis) }));
  const first = new Map<string, { name: string; type: string }>();
  for (const s of perSource) for (const a of s.actors) if (!first.has(a.key)) first.set(a.key, { name: a.name, type: a.type });
  if (first.size === 0) return;
  const keys = [...first.keys()].sort();
  const rows = keys.map((k) => first.get(k) ?? { name: k, type: 'person' });
  await tx.query(
    `INSERT INTO actors (name_key, name, type) SELECT k, n, t FROM json_to_recordset($1::json) AS x(k text, n text, t text)
     ON CONFLICT (name_key) DO NOTHING`,
    [rowsJson(keys.map((k, i) => ({ k, n: rows[i].name, t: rows[i].type })))],
  );
  const ids = await tx.query<{ id: string; name_key: string }>('SELECT id, name_key FROM actors WHERE name_key = ANY($1::text[])', [keys]);
  const idOf = new Map(ids.rows.map((r) => [r.name_key, r.id]));
  const names = new Map<string, { key: string; actor: string }>();
  const mentions = new Map<string, { actor: string; source: string; count: number; facets: ActorFacet[] }>();
  for (const s of perSource) {
    for (const a of s.actors) {
      const actor = idOf.get(a.key);
      if (actor === undefined) continue;
      for (const k of a.keys) names.set(`${k}\u0001${actor}`, { key: k, actor });
      const m = mentions.get(`${actor}\u0001${s.id}`);
      if (m) {
        m.count += a.mentions;
        m.facets.push(...a.facets);
      } else mentions.set(`${actor}\u0001${s.id}`, { actor, source: s.id, count: a.mentions, facets: a.facets });
    }
  }
  const nameRows = [...names.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : Number(a.actor) - Number(b.actor)));
  await tx.query(
    'INSERT INTO actor_names (key, actor_id) SELECT key, actor FROM json_to_recordset($1::json) AS x(key text, actor bigint) ON CONFLICT DO NOTHING',
    [rowsJson(nameRows)],
  );
  await tx.query(
    `INSERT INTO mentions (actor_id, source_id, mention_count, facets)
     SELECT actor, source, count, facets FROM json_to_recordset($1::json) AS x(actor bigint, source bigint, count int, facets json)`,
    [rowsJson([...mentions.values()])],
  );
}
