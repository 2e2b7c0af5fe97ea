/**
 * The SQLite store's actor reads: from the saved tables (`sql-actors.ts`) while the sources are those the tables
 * were saved with, from the memory actor index once a source changes. A second start on an unchanged folder thus
 * never reads the documents' actors nor merges them; the first change builds the memory index from every
 * source's row (what every start did before), and the next save writes the tables again.
 */
import { ActorIndex, type Actor } from '../memory/actors/actor-index';
import type { UnitListener } from '../memory/source-index';
import type { ActorReads, CoMention, SourceUnit } from '../source-store';
import type { SqlActors } from './sql-actors';

export class StoreActors implements ActorReads, UnitListener {
  private merge = new ActorIndex();
  private tables: SqlActors | null = null;
  /** Whether the merge holds every source (false after a start that answered from the tables alone). */
  private memoryCurrent = true;

  /** `feedAll` adds every stored source to `memory` (called when a change ends the tables' validity). */
  constructor(private readonly feedAll: (memory: ActorIndex) => void) {}

  /** The merge (memory actor index): fed while no saved tables answer. */
  get memory(): ActorIndex {
    return this.merge;
  }

  /**
   * Answers from saved tables until the next change (sources added meanwhile are not fed to the merge).
   * `memoryCurrent`: the merge already holds every source (the tables were just saved from it), so a change goes
   * on from it instead of feeding it every source again.
   */
  useTables(tables: SqlActors, memoryCurrent = false): void {
    this.tables = tables;
    this.memoryCurrent = memoryCurrent;
  }

  /**
   * Answers from the tables just saved from the merge, and lets the merge go: after a first start the heap then
   * holds what a second start holds. The next change builds the merge again from every source's row, once.
   */
  handOver(tables: SqlActors): void {
    this.tables = tables;
    this.merge = new ActorIndex();
    this.memoryCurrent = false;
  }

  /** Whether the saved tables answer (nothing changed since they were read). */
  get fromTables(): boolean {
    return this.tables !== null;
  }

  /** Call before a source changes: the memory index takes over, built from every source as it is now. */
  beforeChange(): void {
    if (!this.tables) return;
    this.tables = null;
    if (this.memoryCurrent) return;
    this.feedAll(this.merge);
    this.memoryCurrent = true;
  }

  unitAdded(unit: SourceUnit): void {
    if (!this.tables) this.merge.unitAdded(unit);
  }

  unitRemoved(unit: SourceUnit): void {
    if (!this.tables) this.merge.unitRemoved(unit);
  }

  /** Merges pending changes for about `budgetMs`; true when none are left (tables: nothing to merge). */
  settle(budgetMs: number): boolean {
    return this.tables ? true : this.merge.settle(budgetMs);
  }

  private get reads(): ActorReads {
    return this.tables ?? this.merge;
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
