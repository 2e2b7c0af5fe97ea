/**
 * The SQLite store's actor reads. While an empty database is filled (a first start) the memory actor index
 * (`store/memory/actors/`) merges on the heap; its first save writes the merged tables and the merge's running
 * state (`sql-actors.ts`, `actor-state.ts`) and lets it go. From then on, and on every later start, the tables
 * answer, and a change updates them from what it touches (`actor-delta.ts`): the merge never comes back onto the
 * heap, and the tables are current after every change (merged on the next read or save).
 */
import { ActorIndex, type Actor } from '../memory/actors/actor-index';
import type { UnitListener } from '../memory/source-index';
import type { ActorReads, CoMention, SourceUnit } from '../source-store';
import { ActorDelta, type ActorCounts, type DeltaHooks } from './actor-delta';
import type { SqlActors } from './sql-actors';
import type { RowNumbers } from './actor-rows';

export type { ActorCounts } from './actor-delta';

/** What the store lends its actors: the database's tables, and what the merge asks of the store. */
export type ActorStoreHooks = Omit<DeltaHooks, 'rowNumbers'>;

/** The saved tables, the merge that updates them and their counts. */
interface Tables {
  reads: SqlActors;
  delta: ActorDelta;
  counts: ActorCounts;
}

export class StoreActors implements ActorReads, UnitListener {
  /** The merge on the heap (a first fill) until its tables are saved, then the tables. */
  private state: ActorIndex | Tables = new ActorIndex();

  /** Sources restored at a start are already in the saved tables: they are not counted again. */
  private restoring = false;

  constructor(private readonly hooks: ActorStoreHooks) {}

  /** Runs `fn` (a start adding its stored sources) without counting the sources it adds into the tables. */
  restore(fn: () => void): void {
    this.restoring = !(this.state instanceof ActorIndex);
    try {
      fn();
    } finally {
      this.restoring = false;
    }
  }

  /** The merge on the heap, while there is one (a first fill not saved yet). */
  get memory(): ActorIndex | null {
    return this.state instanceof ActorIndex ? this.state : null;
  }

  /**
   * Answers from saved tables (and their counts) from now on, and updates them change by change; a merge on the
   * heap is let go (its tables were just saved from it).
   */
  useTables(tables: SqlActors, counts: ActorCounts): void {
    const delta = new ActorDelta(tables.db, counts, { ...this.hooks, rowNumbers: () => tables.rowNumbers() });
    this.state = { reads: tables, delta, counts };
  }

  /** The co-mention numbers if a change patched them since they were saved. */
  patchedRows(): RowNumbers | null {
    return this.state instanceof ActorIndex ? null : this.state.reads.patchedRows();
  }

  /** Whether the saved tables answer. */
  get fromTables(): boolean {
    return !(this.state instanceof ActorIndex);
  }

  /**
   * Merges the changes counted since the last read into the tables; returns their counts (null while the merge
   * is on the heap). A save calls it before it writes the rest.
   */
  current(): ActorCounts | null {
    const s = this.state;
    if (s instanceof ActorIndex) return null;
    if (s.delta.refresh()) s.reads.changed(s.counts);
    return s.counts;
  }

  unitAdded(unit: SourceUnit): void {
    if (this.state instanceof ActorIndex) this.state.unitAdded(unit);
    else if (!this.restoring) this.state.delta.unitAdded(unit);
  }

  unitRemoved(unit: SourceUnit): void {
    if (this.state instanceof ActorIndex) this.state.unitRemoved(unit);
    else this.state.delta.unitRemoved(unit);
  }

  /** Merges pending changes for about `budgetMs`; true when none are left (tables: merged on the next read). */
  settle(budgetMs: number): boolean {
    return this.state instanceof ActorIndex ? this.state.settle(budgetMs) : true;
  }

  private get reads(): ActorReads {
    const s = this.state;
    if (s instanceof ActorIndex) return s;
    this.current();
    return s.reads;
  }

  get size(): number {
    return this.reads.size;
  }

  get maxAliasWords(): number {
    return this.reads.maxAliasWords;
  }

  canonical(unit: SourceUnit, localIndex: number): Actor | undefined {
    return this.reads.canonical(unit, localIndex);
  }

  findByName(name: string): Actor | undefined {
    return this.reads.findByName(name);
  }

  lookupForm(form: string): Actor | undefined {
    return this.reads.lookupForm(form);
  }

  byId(id: string): Actor | undefined {
    return this.reads.byId(id);
  }

  all(): IterableIterator<Actor> {
    return this.reads.all();
  }

  coMentioned(actor: Actor, limit: number): CoMention[] {
    return this.reads.coMentioned(actor, limit);
  }
}
