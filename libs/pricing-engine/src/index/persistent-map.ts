const GONE: unique symbol = Symbol('gone');

/**
 * An immutable map whose `set` and `delete` return a new map sharing almost everything with the old one:
 * a frozen base plus a small overlay of changes, copied per change. When the overlay outgrows about the square
 * root of the base, both are merged into a new base, so a change costs O(√n) and a lookup two hash lookups.
 * The index (P11) keeps its large tables in these so one promotion change never copies them whole.
 */
export class PersistentMap<K, V> {
  private constructor(
    private readonly base: ReadonlyMap<K, V>,
    private readonly overlay: ReadonlyMap<K, V | typeof GONE>,
    readonly size: number,
  ) {}

  /** Takes `map` over: the caller must never change it afterwards. */
  static adopt<K, V>(map: Map<K, V>): PersistentMap<K, V> {
    return new PersistentMap<K, V>(map, new Map(), map.size);
  }

  static empty<K, V>(): PersistentMap<K, V> {
    return new PersistentMap<K, V>(new Map(), new Map(), 0);
  }

  get(key: K): V | undefined {
    if (this.overlay.size > 0) {
      const changed = this.overlay.get(key);
      if (changed !== undefined) return changed === GONE ? undefined : changed;
    }
    return this.base.get(key);
  }

  has(key: K): boolean {
    return this.get(key) !== undefined;
  }

  set(key: K, value: V): PersistentMap<K, V> {
    return this.change(key, value);
  }

  delete(key: K): PersistentMap<K, V> {
    return this.has(key) ? this.change(key, GONE) : this;
  }

  *entries(): IterableIterator<[K, V]> {
    for (const [key, value] of this.base) {
      if (this.overlay.size === 0 || !this.overlay.has(key)) yield [key, value];
    }
    for (const [key, value] of this.overlay) {
      if (value !== GONE) yield [key, value];
    }
  }

  *values(): IterableIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  private change(key: K, value: V | typeof GONE): PersistentMap<K, V> {
    const size = this.size + (this.has(key) ? 0 : 1) - (value === GONE ? 1 : 0);
    const overlay = new Map(this.overlay);
    overlay.set(key, value);
    if (overlay.size * overlay.size <= this.base.size + 64) return new PersistentMap(this.base, overlay, size);
    const merged = new Map(this.base);
    for (const [changed, now] of overlay) {
      if (now === GONE) merged.delete(changed);
      else merged.set(changed, now);
    }
    return new PersistentMap<K, V>(merged, new Map(), size);
  }
}
