import type { CodeLookupOutcome } from '@promo/code-inventory-client';

interface Entry {
  readonly code: string;
  readonly value: CodeLookupOutcome;
  readonly expiresAt: number;
}

/**
 * One key per (code, variant), unambiguous whatever characters either holds: a key joined with U+0001 and
 * split again on eviction lost track of a code holding U+0001, and the bookkeeping grew without bound (#19).
 */
function keyOf(code: string, variant: string): string {
  return JSON.stringify([code, variant]);
}

/**
 * Pricing's bounded LRU of code-inventory's lookup answers (found or not found, never "unavailable"), by normalised code and the customer and
 * token asked with; `code-inventory.code-changed` drops every entry of a code at once.
 */
export class LookupAnswersCache {
  private readonly entries = new Map<string, Entry>();
  private readonly keysByCode = new Map<string, Set<string>>();

  constructor(
    private readonly maxEntries: number,
    private readonly ttlMs: number,
  ) {}

  get(code: string, variant: string, nowMs: number): CodeLookupOutcome | undefined {
    const key = keyOf(code, variant);
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.entries.delete(key);
    if (entry.expiresAt <= nowMs) {
      this.forgetKey(code, key);
      return undefined;
    }
    this.entries.set(key, entry); // most recently used goes last
    return entry.value;
  }

  set(code: string, variant: string, value: CodeLookupOutcome, nowMs: number): void {
    const key = keyOf(code, variant);
    this.entries.delete(key);
    this.entries.set(key, { code, value, expiresAt: nowMs + this.ttlMs });
    let keys = this.keysByCode.get(code);
    if (keys === undefined) {
      keys = new Set();
      this.keysByCode.set(code, keys);
    }
    keys.add(key);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.entries().next();
      if (oldest.done === true) break;
      const [oldestKey, oldestEntry] = oldest.value;
      this.entries.delete(oldestKey);
      this.forgetKey(oldestEntry.code, oldestKey);
    }
  }

  invalidate(code: string): void {
    for (const key of this.keysByCode.get(code) ?? []) this.entries.delete(key);
    this.keysByCode.delete(code);
  }

  get size(): number {
    return this.entries.size;
  }

  /** How many codes the invalidation bookkeeping tracks: never more than the entries it holds. */
  get trackedCodes(): number {
    return this.keysByCode.size;
  }

  private forgetKey(code: string, key: string): void {
    const keys = this.keysByCode.get(code);
    keys?.delete(key);
    if (keys?.size === 0) this.keysByCode.delete(code);
  }
}
