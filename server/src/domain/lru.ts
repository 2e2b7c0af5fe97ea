/** A small map that forgets the least recently used entry first (a Map keeps insertion order: a hit moves to the end). */
export class Lru<K, V> {
  private readonly map = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  /** The value under `key`, now the most recently used; undefined if absent. */
  get(key: K): V | undefined {
    const hit = this.map.get(key);
    if (hit !== undefined) {
      this.map.delete(key);
      this.map.set(key, hit);
    }
    return hit;
  }

  /** The value under `key`, made and kept by `make` when absent. */
  getOr(key: K, make: () => V): V {
    const hit = this.get(key);
    if (hit !== undefined) return hit;
    const made = make();
    this.set(key, made);
    return made;
  }

  /** Keeps `value` under `key` as the most recently used, dropping the oldest entry past the capacity. */
  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value as K);
  }

  delete(key: K): void {
    this.map.delete(key);
  }

  clear(): void {
    this.map.clear();
  }

  /** The keys held, least recently used first. */
  keys(): K[] {
    return [...this.map.keys()];
  }
}
