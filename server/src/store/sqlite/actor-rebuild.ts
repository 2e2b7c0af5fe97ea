/**
 * Rebuilding the memory actor index (the merge) from every stored source after the saved actor tables stop
 * matching the sources (the first change after a start that answered from them). Fed from each source's row and
 * then merged, in slices of a few milliseconds that yield to the event loop, so that requests go on being
 * answered (from the tables) meanwhile: at 100,000 sources the whole rebuild is a minute of work.
 *
 * Changes during the rebuild go to the new index at once (a removed source that was not fed yet is skipped when
 * its turn comes), so that the index is current when the last slice is done.
 */
import { yieldToEventLoop } from '../../domain/cancellation';
import { ActorIndex } from '../memory/actors/actor-index';
import type { SourceUnit } from '../source-store';

/** What a rebuild reads from its store. */
export interface RebuildSources {
  /** Every stored source (taken once, when a rebuild starts). */
  units(): SourceUnit[];
  /** Whether the source is still stored (a change may have replaced or removed it since). */
  holds(unit: SourceUnit): boolean;
  /** A rebuild that ran in slices is done and its merge answers (the store may write its tables). */
  rebuilt(): void;
}

/**
 * How a rebuild runs: slices of `sliceMs` with `gapMs` of idle time after each; a store with fewer than
 * `syncBelow` sources rebuilds at once.
 */
export interface RebuildPace {
  sliceMs: number;
  gapMs: number;
  syncBelow: number;
}

/**
 * Slices of 20 ms, as a build's, each followed by 10 ms with nothing to do: work that takes several turns of the
 * event loop (a file event's read: stat, open, read, close) would otherwise wait a whole slice per turn (a changed
 * file took 260 ms instead of 30 at 20,000 articles). Below 500 sources (tens of ms of work) it is not sliced.
 */
export const DEFAULT_PACE: RebuildPace = { sliceMs: 20, gapMs: 10, syncBelow: 500 };

export class ActorRebuild {
  readonly index = new ActorIndex();
  private readonly queue: SourceUnit[];
  private next = 0;
  private stopped = false;

  constructor(
    private readonly sources: RebuildSources,
    private readonly pace: RebuildPace,
  ) {
    this.queue = sources.units();
  }

  /** A source added during the rebuild joins the new index now. */
  unitAdded(unit: SourceUnit): void {
    this.index.unitAdded(unit);
  }

  /** A source removed during the rebuild leaves it (a no-op when it was not fed yet: its turn is then skipped). */
  unitRemoved(unit: SourceUnit): void {
    this.index.unitRemoved(unit);
  }

  stop(): void {
    this.stopped = true;
  }

  /** Does about `budgetMs` of work (at least one source or one merge batch); true when the index is complete. */
  step(budgetMs: number): boolean {
    const until = Date.now() + budgetMs;
    while (this.next < this.queue.length) {
      const unit = this.queue[this.next++];
      if (unit && this.sources.holds(unit)) this.index.unitAdded(unit);
      if (Date.now() >= until) return false;
    }
    return this.index.settle(Math.max(1, until - Date.now()));
  }

  /** Runs slice after slice, yielding between them; true when complete, false when stopped first. */
  async run(): Promise<boolean> {
    for (;;) {
      await (this.pace.gapMs > 0 ? new Promise<void>((resolve) => setTimeout(resolve, this.pace.gapMs)) : yieldToEventLoop());
      if (this.stopped) return false;
      if (this.step(this.pace.sliceMs)) return true;
    }
  }
}
