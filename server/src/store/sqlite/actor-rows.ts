/**
 * Which merged actor each document actor of each source row resolves to, as two typed arrays saved with the actor
 * tables (`meta` keys `actor_rows.offsets` and `actor_rows.ns`): the merged numbers of row r's document actors
 * are `ns[offsets[r] .. offsets[r + 1])`, in the order of the source's actors. A card counts co-mentions over an
 * actor's thousands of sources from these numbers, without a key lookup per document actor.
 */
import type { KeyGroup } from '../memory/actors/actor-groups';
import type { SourceUnit } from '../source-store';
import type { SqlDatabase } from './sql-database';

const OFFSETS = 'actor_rows.offsets';
const NUMBERS = 'actor_rows.ns';

/** Merged actor numbers by source row and position. */
export interface ActorRows {
  offsets: Uint32Array;
  ns: Uint32Array;
}

/** Builds the rows' numbers from the merged clusters (`number` of each cluster, its groups' document actors). */
export function actorRowsOf(
  clusters: Iterable<{ n: number; groups: readonly KeyGroup[] }>,
  rowOf: (unit: SourceUnit) => number | undefined,
): ActorRows {
  const byRow = new Map<number, number[]>();
  let maxRow = 0;
  for (const { n, groups } of clusters) {
    for (const g of groups) {
      const refs = g.refs ?? [];
      for (let i = 0; i < refs.length; i += 2) {
        const row = rowOf(refs[i] as SourceUnit);
        if (row === undefined) continue;
        let list = byRow.get(row);
        if (!list) byRow.set(row, (list = []));
        list[refs[i + 1] as number] = n;
        if (row > maxRow) maxRow = row;
      }
    }
  }
  let total = 0;
  for (const list of byRow.values()) total += list.length;
  const offsets = new Uint32Array(maxRow + 2);
  const ns = new Uint32Array(total);
  let w = 0;
  for (let row = 0; row <= maxRow; row++) {
    offsets[row] = w;
    const list = byRow.get(row);
    if (list) for (let local = 0; local < list.length; local++) ns[w++] = list[local] ?? 0;
  }
  offsets[maxRow + 1] = w;
  return { offsets, ns };
}

const bytes = (a: Uint32Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

/** Writes the rows' numbers (inside the transaction that writes the actor tables). */
export function saveActorRows(db: SqlDatabase, rows: ActorRows): void {
  const set = db.prepare('INSERT OR REPLACE INTO meta (k, v) VALUES (?, ?)');
  set.run(OFFSETS, bytes(rows.offsets));
  set.run(NUMBERS, bytes(rows.ns));
}

/** Reads the rows' numbers, or null when the file has none (saved by an older build: counted in SQL then). */
export function loadActorRows(db: SqlDatabase): ActorRows | null {
  const get = db.prepare('SELECT v FROM meta WHERE k = ?');
  const offsets = (get.get(OFFSETS) as { v: Buffer } | undefined)?.v;
  const ns = (get.get(NUMBERS) as { v: Buffer } | undefined)?.v;
  if (!offsets || !ns) return null;
  return { offsets: words(offsets), ns: words(ns) };
}

/** The bytes as 32-bit words (copied when the driver's buffer is not aligned for them). */
function words(b: Buffer): Uint32Array {
  if (b.byteOffset % 4 === 0) return new Uint32Array(b.buffer, b.byteOffset, b.byteLength / 4);
  return new Uint32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
}
