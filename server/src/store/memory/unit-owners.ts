/**
 * Which source owns each numbered item (a sentence, a quotation), and the item's place in it: typed arrays indexed
 * by id (a unit slot, a position) and one slot per unit. Millions of sentences at 100,000 sources: an array of
 * object references per item was written for every item at each start and walked by every full collection.
 */
import type { SourceUnit } from '../source-store';
import { grownTo } from './grown-array';

export class UnitOwners {
  /** Unit slot + 1 per id (0: none). */
  private slotOf = new Uint32Array(1024);
  private position = new Uint32Array(1024);
  private readonly units: (SourceUnit | undefined)[] = [];
  private readonly slots = new Map<SourceUnit, number>();
  private readonly free: number[] = [];

  /** Records a unit's items (ids in document order). */
  add(unit: SourceUnit, ids: readonly number[]): void {
    let slot = this.slots.get(unit);
    if (slot === undefined) {
      slot = this.free.pop() ?? this.units.length;
      this.units[slot] = unit;
      this.slots.set(unit, slot);
    }
    let top = 0;
    for (const id of ids) if (id > top) top = id;
    this.reserve(top + 1);
    for (let i = 0; i < ids.length; i++) {
      this.slotOf[ids[i]] = slot + 1;
      this.position[ids[i]] = i;
    }
  }

  /** Forgets a unit's items. */
  remove(unit: SourceUnit, ids: readonly number[]): void {
    for (const id of ids) if (id < this.slotOf.length) this.slotOf[id] = 0;
    const slot = this.slots.get(unit);
    if (slot === undefined) return;
    this.slots.delete(unit);
    this.units[slot] = undefined;
    this.free.push(slot);
  }

  /** Whether an id has an owner. */
  has(id: number): boolean {
    return id < this.slotOf.length && this.slotOf[id] !== 0;
  }

  /** The owner and position of an id. */
  get(id: number): { unit: SourceUnit; index: number } | undefined {
    const slot = id < this.slotOf.length ? this.slotOf[id] : 0;
    const unit = slot === 0 ? undefined : this.units[slot - 1];
    return unit ? { unit, index: this.position[id] } : undefined;
  }

  private reserve(size: number): void {
    if (size <= this.slotOf.length) return;
    const capacity = Math.max(size, this.slotOf.length * 2);
    this.slotOf = grownTo(this.slotOf, capacity);
    this.position = grownTo(this.position, capacity);
  }
}
