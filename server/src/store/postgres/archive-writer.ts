import { baseCitationKey } from '../memory/citation-keys';
import { actorRows, clean, passageRows, quotationRows, type ArchiveItem } from './archive-rows';
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
  const docs = items.map((i) => i.analysis.doc);
  const inserted = await tx.query<{ id: string; content_hash: string }>(
    `INSERT INTO sources (content_hash, path, title, base_key, date, outlet, place, analysis)
     SELECT h, p, t, k, d, o, pl, a::json FROM unnest($1::text[], $2::text[], $3::text[], $8::text[], $4::text[], $5::text[], $6::text[], $7::text[])
       AS x(h, p, t, k, d, o, pl, a)
     ON CONFLICT (content_hash) DO NOTHING
     RETURNING id, content_hash`,
    [
      items.map((i) => i.hash),
      docs.map((d) => clean(d.path)),
      docs.map((d) => clean(d.title)),
      docs.map((d) => d.date),
      docs.map((d) => (d.outlet === null ? null : clean(d.outlet))),
      docs.map((d) => (d.place === null ? null : clean(d.place))),
      items.map((i) => JSON.stringify(i.analysis)),
      docs.map((d) => clean(baseCitationKey(d))),
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

type Fresh = { id: string; analysis: ArchiveItem['analysis'] };

async function insertPassages(tx: SqlClient, fresh: readonly Fresh[]): Promise<void> {
  const ids: string[] = [];
  const ordinals: number[] = [];
  const kinds: string[] = [];
  const texts: string[] = [];
  for (const f of fresh) {
    const rows = passageRows(f.analysis);
    for (let i = 0; i < rows.ordinal.length; i++) {
      ids.push(f.id);
      ordinals.push(rows.ordinal[i]);
      kinds.push(rows.kind[i]);
      texts.push(rows.text[i]);
    }
  }
  if (ids.length === 0) return;
  await tx.query(
    'INSERT INTO passages (source_id, ordinal, kind, text) SELECT * FROM unnest($1::bigint[], $2::int[], $3::text[], $4::text[])',
    [ids, ordinals, kinds, texts],
  );
}

async function insertQuotations(tx: SqlClient, fresh: readonly Fresh[]): Promise<void> {
  const cols = {
    id: [] as string[],
    ordinal: [] as number[],
    kind: [] as string[],
    speaker: [] as (string | null)[],
    text: [] as string[],
    words: [] as number[],
  };
  for (const f of fresh) {
    const rows = quotationRows(f.analysis);
    for (let i = 0; i < rows.ordinal.length; i++) {
      cols.id.push(f.id);
      cols.ordinal.push(rows.ordinal[i]);
      cols.kind.push(rows.kind[i]);
      cols.speaker.push(rows.speaker[i]);
      cols.text.push(rows.text[i]);
      cols.words.push(rows.words[i]);
    }
  }
  if (cols.id.length === 0) return;
  await tx.query(
    `INSERT INTO quotations (source_id, ordinal, kind, speaker, text, word_count)
     SELECT * FROM unnest($1::bigint[], $2::int[], $3::text[], $4::text[], $5::text[], $6::int[])`,
    [cols.id, cols.ordinal, cols.kind, cols.speaker, cols.text, cols.words],
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
    `INSERT INTO actors (name_key, name, type) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
     ON CONFLICT (name_key) DO NOTHING`,
    [keys, rows.map((r) => r.name), rows.map((r) => r.type)],
  );
  const ids = await tx.query<{ id: string; name_key: string }>('SELECT id, name_key FROM actors WHERE name_key = ANY($1::text[])', [keys]);
  const idOf = new Map(ids.rows.map((r) => [r.name_key, r.id]));
  const names = new Map<string, { key: string; actor: string }>();
  const mentions = new Map<string, { actor: string; source: string; count: number }>();
  for (const s of perSource) {
    for (const a of s.actors) {
      const actor = idOf.get(a.key);
      if (actor === undefined) continue;
      for (const k of a.keys) names.set(`${k}\u0001${actor}`, { key: k, actor });
      const m = mentions.get(`${actor}\u0001${s.id}`);
      if (m) m.count += a.mentions;
      else mentions.set(`${actor}\u0001${s.id}`, { actor, source: s.id, count: a.mentions });
    }
  }
  const nameRows = [...names.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : Number(a.actor) - Number(b.actor)));
  await tx.query('INSERT INTO actor_names (key, actor_id) SELECT * FROM unnest($1::text[], $2::bigint[]) ON CONFLICT DO NOTHING', [
    nameRows.map((n) => n.key),
    nameRows.map((n) => n.actor),
  ]);
  const m = [...mentions.values()];
  await tx.query('INSERT INTO mentions (actor_id, source_id, mention_count) SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::int[])', [
    m.map((x) => x.actor),
    m.map((x) => x.source),
    m.map((x) => x.count),
  ]);
}
