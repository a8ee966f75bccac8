import type { CodeLookup } from './code-lookup.result';

interface Entry {
  readonly value: CodeLookup;
  readonly expiresAt: number;
}

/**
 * A bounded LRU of lookups (found or not found, never "unavailable"), by normalised code and the customer and
 * token asked with; `code-inventory.code-changed` drops every entry of a code at once.
 */
export class CodeLookupCache {
  private readonly entries = new Map<string, Entry>();
  private readonly keysByCode = new Map<string, Set<string>>();

  constructor(
    private readonly maxEntries: number,
    private readonly ttlMs: number,
  ) {}

  get(code: string, variant: string, nowMs: number): CodeLookup | undefined {
    const key = `${code}\u0001${variant}`;
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

  set(code: string, variant: string, value: CodeLookup, nowMs: number): void {
    const key = `${code}\u0001${variant}`;
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: nowMs + this.ttlMs });
    let keys = this.keysByCode.get(code);
    if (keys === undefined) {
      keys = new Set();
      this.keysByCode.set(code, keys);
    }
    keys.add(key);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done === true) break;
      this.entries.delete(oldest.value);
      this.forgetKey(oldest.value.slice(0, oldest.value.indexOf('\u0001')), oldest.value);
    }
  }

  invalidate(code: string): void {
    for (const key of this.keysByCode.get(code) ?? []) this.entries.delete(key);
    this.keysByCode.delete(code);
  }

  get size(): number {
    return this.entries.size;
  }

  private forgetKey(code: string, key: string): void {
    const keys = this.keysByCode.get(code);
    keys?.delete(key);
    if (keys?.size === 0) this.keysByCode.delete(code);
  }
}
