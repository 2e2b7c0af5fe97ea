/**
 * The SQLite store's actor reads: from the saved tables (`sql-actors.ts`) while the sources are those the tables
 * were saved with, from the memory actor index once a source changes. A second start on an unchanged folder thus
 * never reads the documents' actors nor merges them. The first change after such a start rebuilds the memory
 * index from every source's row in the background (`actor-rebuild.ts`, slices that yield to the event loop) while
 * the tables go on answering (stale only for the changed sources), then switches over; the next save writes the
 * tables again.
 */
import { ActorIndex, type Actor } from '../memory/actors/actor-index';
import type { UnitListener } from '../memory/source-index';
import type { ActorReads, CoMention, SourceUnit } from '../source-store';
import { ActorRebuild, type RebuildPace, type RebuildSources } from './actor-rebuild';
import type { SqlActors } from './sql-actors';

export type { RebuildPace, RebuildSources } from './actor-rebuild';

export class StoreActors implements ActorReads, UnitListener {
  private merge = new ActorIndex();
  private tables: SqlActors | null = null;
  /** Whether the merge holds every source (false after a start that answered from the tables alone). */
  private memoryCurrent = true;
  /** The merge being rebuilt behind the tables, if any. */
  private rebuild: ActorRebuild | null = null;
  private waiters: (() => void)[] = [];

  /** `sources` lists the stored sources for a rebuild and hears when one is done. */
  constructor(
    private readonly sources: RebuildSources,
    private readonly pace: RebuildPace,
  ) {}

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
    this.stopRebuild();
    this.tables = tables;
    this.memoryCurrent = memoryCurrent;
  }

  /**
   * Answers from the tables just saved from the merge, and lets the merge go: after a first start the heap then
   * holds what a second start holds. The next change rebuilds the merge from every source's row, once.
   */
  handOver(tables: SqlActors): void {
    this.stopRebuild();
    this.tables = tables;
    this.merge = new ActorIndex();
    this.memoryCurrent = false;
  }

  /** Whether the saved tables answer (nothing changed since they were read, or the merge is being rebuilt). */
  get fromTables(): boolean {
    return this.tables !== null;
  }

  /** Whether the merge is being rebuilt behind the tables (the tables then differ from the sources). */
  get rebuilding(): boolean {
    return this.rebuild !== null;
  }

  /** Resolves when no rebuild is running (the answers then reflect every change so far). */
  whenCurrent(): Promise<void> {
    if (!this.rebuild) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /**
   * Call before a source changes. With the merge current, it answers from now on; otherwise a rebuild starts
   * (at once for a small store, else in slices) and the tables answer until it is done.
   */
  beforeChange(): void {
    if (!this.tables || this.rebuild) return;
    if (this.memoryCurrent) {
      this.tables = null;
      return;
    }
    this.startRebuild(this.sources.units().length < this.pace.syncBelow);
  }

  /** Rebuilds the merge from every source now, synchronously, and answers from it (a failed save's way back). */
  rebuildNow(): void {
    this.stopRebuild();
    this.startRebuild(true);
  }

  unitAdded(unit: SourceUnit): void {
    if (!this.tables) this.merge.unitAdded(unit);
    else this.rebuild?.unitAdded(unit);
  }

  unitRemoved(unit: SourceUnit): void {
    if (!this.tables) this.merge.unitRemoved(unit);
    else this.rebuild?.unitRemoved(unit);
  }

  /** Merges pending changes for about `budgetMs`; true when none are left (tables: nothing to merge). */
  settle(budgetMs: number): boolean {
    return this.tables ? true : this.merge.settle(budgetMs);
  }

  /** Stops a running rebuild (the store closes). */
  close(): void {
    this.stopRebuild();
  }

  private startRebuild(now: boolean): void {
    const rebuild = new ActorRebuild(this.sources, this.pace);
    this.rebuild = rebuild;
    if (now) {
      rebuild.step(Infinity);
      this.switchTo(rebuild);
      return;
    }
    void this.runInSlices(rebuild);
  }

  /** Runs a rebuild slice by slice; when it is done (and still wanted) the merge answers and the store hears of it. */
  private async runInSlices(rebuild: ActorRebuild): Promise<void> {
    try {
      if (!(await rebuild.run()) || this.rebuild !== rebuild) return;
      this.switchTo(rebuild);
      this.sources.rebuilt();
    } catch {
      // A failed read (the store closed under it): the tables go on answering; the next change tries again.
      if (this.rebuild === rebuild) this.stopRebuild();
    }
  }

  private switchTo(rebuild: ActorRebuild): void {
    this.merge = rebuild.index;
    this.tables = null;
    this.memoryCurrent = true;
    this.rebuild = null;
    this.release();
  }

  private stopRebuild(): void {
    this.rebuild?.stop();
    this.rebuild = null;
    this.release();
  }

  private release(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
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
