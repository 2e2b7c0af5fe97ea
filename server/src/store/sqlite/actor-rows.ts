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

/**
 * The saved numbers, patched as the merge changes in its tables: a number set in place, a source row added
 * after the save kept beside them until the next save writes them all.
 */
export class RowNumbers {
  private readonly added = new Map<number, number[]>();
  /** Whether anything was patched since the numbers were read. */
  changed = false;

  constructor(private readonly rows: ActorRows) {}

  /** The merged numbers of a row's document actors, in their order. */
  of(row: number): ArrayLike<number> {
    const extra = this.added.get(row);
    if (extra) return extra;
    const { offsets, ns } = this.rows;
    if (row + 1 >= offsets.length) return [];
    return ns.subarray(offsets[row], offsets[row + 1]);
  }

  /** Sets the number of one document actor (a row's actors never change: a changed source gets a new row). */
  set(row: number, local: number, n: number): void {
    const extra = this.added.get(row);
    if (extra) extra[local] = n;
    else if (row + 1 < this.rows.offsets.length && this.rows.offsets[row] + local < this.rows.offsets[row + 1])
      this.rows.ns[this.rows.offsets[row] + local] = n;
    this.changed = true;
  }

  /** The numbers of a row written since the save. */
  setRow(row: number, ns: number[]): void {
    this.added.set(row, ns);
    this.changed = true;
  }

  /** Every row's numbers as the two arrays a save writes. */
  toRows(): ActorRows {
    let maxRow = this.rows.offsets.length - 2;
    for (const row of this.added.keys()) if (row > maxRow) maxRow = row;
    const offsets = new Uint32Array(maxRow + 2);
    let total = 0;
    for (let row = 0; row <= maxRow; row++) total += this.of(row).length;
    const ns = new Uint32Array(total);
    let w = 0;
    for (let row = 0; row <= maxRow; row++) {
      offsets[row] = w;
      const list = this.of(row);
      for (let i = 0; i < list.length; i++) ns[w++] = list[i];
    }
    offsets[maxRow + 1] = w;
    return { offsets, ns };
  }
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

/** The bytes as 32-bit words, copied (the numbers are patched in place; the driver's buffer is not ours). */
function words(b: Buffer): Uint32Array {
  return new Uint32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
}
